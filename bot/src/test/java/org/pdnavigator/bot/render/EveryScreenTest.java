package org.pdnavigator.bot.render;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.fake.TelegramHtml;
import org.pdnavigator.bot.telegram.CallbackData;
import org.pdnavigator.dialogs.Action;
import org.pdnavigator.dialogs.Answers;
import org.pdnavigator.dialogs.Conversation;
import org.pdnavigator.dialogs.Event;
import org.pdnavigator.dialogs.Known;
import org.pdnavigator.dialogs.Role;
import org.pdnavigator.dialogs.Session;
import org.pdnavigator.dialogs.Step;
import org.pdnavigator.dialogs.Turn;
import org.pdnavigator.dialogs.screen.Option;
import org.pdnavigator.dialogs.screen.Screen;
import org.pdnavigator.i18n.Language;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Taps the buttons of every screen a person can reach, from the first screen, and checks that each screen
 * words well in every shipped language: within Telegram's limits, every button's data within 64 bytes, and
 * no screen a dead end. In long lists it follows the first, a middle and the last item (every item of every
 * list has its own routing test); every state and every other button is followed everywhere.
 */
@DisplayName("Every reachable screen")
class EveryScreenTest {

    private static final Conversation CONVERSATION = TestBot.conversation();
    private static final Renderer RENDERER = TestBot.renderer();
    private static final CallbackData BUTTONS = new CallbackData(org.pdnavigator.bot.store.Secrets.of("a test secret, long enough"));
    /** Reachable (step, answers) pairs; the trail does not change what a screen shows, so it is left out. */
    private static final Map<Position, Session> REACHED = new HashMap<>();

    /** States are followed one by one: what a state offers (courts, centres, a split) differs from state to state. */
    private static final java.util.regex.Pattern STATE = java.util.regex.Pattern.compile("[A-Z]{2}");

    /**
     * Who asks and how urgent it is change words, not the way: the walk asks as the person, not urgently, and
     * every screen it reaches is then worded for each role and urgency.
     */
    private static final Set<Action> OTHER_ROLES = Set.of(Action.choose(Role.LAWYER), Action.choose(Role.HELPER));

    record Position(Step step, Answers answers) {
    }

    @BeforeAll
    static void explore() {
        Deque<Session> queue = new ArrayDeque<>();
        Session start = CONVERSATION.start();
        queue.add(start);
        REACHED.put(new Position(start.step(), start.answers()), start);
        while (!queue.isEmpty()) {
            Session session = queue.poll();
            Map<Step, List<Session>> picksByStep = new java.util.LinkedHashMap<>();
            for (Option option : CONVERSATION.screen(session).options()) {
                if (option.action().event().handledByBot() || OTHER_ROLES.contains(option.action())
                    || session.step() == Step.URGENCY && !option.action().equals(Action.choose(Known.NO))) {
                    continue;
                }
                Turn turn = CONVERSATION.tap(session, session.turn(), option.action());
                assertThat(turn.outcome()).as("%s at %s", option.action(), session.step()).isEqualTo(Turn.Outcome.MOVED);
                if (option.action().event() == Event.PICK && !STATE.matcher(option.action().value()).matches()) {
                    picksByStep.computeIfAbsent(turn.session().step(), s -> new java.util.ArrayList<>()).add(turn.session());
                } else {
                    visit(turn.session(), queue);
                }
            }
            picksByStep.values().forEach(picks -> sample(picks).forEach(next -> visit(next, queue)));
        }
    }

    private static void visit(Session next, Deque<Session> queue) {
        if (REACHED.putIfAbsent(new Position(next.step(), next.answers()), next) == null) {
            queue.add(next);
        }
    }

    /** Of the list items that lead to the same step, the first, a middle one and the last. */
    private static Set<Session> sample(List<Session> picks) {
        return new java.util.LinkedHashSet<>(List.of(picks.get(0), picks.get(picks.size() / 2),
            picks.get(picks.size() - 1)));
    }

    private static List<Session> everyRole(java.util.Collection<Session> sessions) {
        List<Session> all = new java.util.ArrayList<>();
        for (Session s : sessions) {
            all.add(s);
            if (s.answers().role() != null) {
                for (Role role : List.of(Role.LAWYER, Role.HELPER)) {
                    all.add(with(s, s.answers().withRole(role)));
                }
            }
            if (s.answers().urgent() != null) {
                all.add(with(s, s.answers().withUrgent(Known.YES)));
                all.add(with(s, s.answers().withUrgent(Known.NOT_SURE)));
            }
        }
        return all;
    }

    /** The text as Telegram reads it, failing on HTML Telegram would refuse. */
    private static String parsedByTelegram(String html) {
        try {
            return TelegramHtml.toPlainText(html);
        } catch (TelegramHtml.HtmlException e) {
            throw new AssertionError("Telegram would refuse this HTML (" + e.getMessage() + "): " + html, e);
        }
    }

    private static Session with(Session s, Answers answers) {
        return new Session(s.step(), answers, s.turn(), s.lastTap(), s.previous());
    }

    @Test
    void includeEveryStepOfTheConversation() {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        REACHED.keySet().forEach(p -> steps.add(p.step()));

        assertThat(steps).containsAll(EnumSet.copyOf(List.of(Step.values()).stream().filter(s -> !s.junction()).toList()));
    }

    @Test
    void wordWithinTelegramsLimitsInEnglishForEveryoneWhoAsks() {
        for (Session session : everyRole(REACHED.values())) {
            check(session, Language.ENGLISH);
        }
    }

    /**
     * Every other language words each kind of screen: one screen of every step for every combination of the
     * answers that change words (role, situation, court case, denial, urgency, how the office was found), and
     * the longest screens of each step in English, where Telegram's limit would bite first.
     */
    @TestFactory
    Stream<DynamicTest> wordWithinTelegramsLimitsInEveryOtherLanguage() {
        List<Session> representatives = representatives();
        return TestBot.CATALOGUE.languages().stream().filter(l -> !l.equals(Language.ENGLISH))
            .map(language -> DynamicTest.dynamicTest(language.tag(),
                () -> representatives.forEach(session -> check(session, language))));
    }

    private static List<Session> representatives() {
        Map<Object, Session> byShape = new java.util.LinkedHashMap<>();
        Map<Step, java.util.TreeMap<Integer, Session>> longest = new java.util.EnumMap<>(Step.class);
        for (Session session : everyRole(REACHED.values())) {
            Answers a = session.answers();
            byShape.putIfAbsent(List.of(session.step(), String.valueOf(a.role()), String.valueOf(a.situation()),
                String.valueOf(a.courtCase()), String.valueOf(a.deniedAt()), String.valueOf(a.urgent()), a.noOffice(),
                a.court() != null, a.facility() != null, a.oplaOffice() != null, a.eroOffice() != null,
                a.county() != null), session);
            int length = RENDERER.render(CONVERSATION.screen(session), Language.ENGLISH).messages().stream()
                .mapToInt(String::length).max().orElse(0);
            java.util.TreeMap<Integer, Session> top = longest.computeIfAbsent(session.step(), s -> new java.util.TreeMap<>());
            top.put(length, session);
            if (top.size() > 5) {
                top.pollFirstEntry();
            }
        }
        List<Session> all = new java.util.ArrayList<>(byShape.values());
        longest.values().forEach(top -> all.addAll(top.values()));
        return all;
    }

    private static void check(Session session, Language language) {
        Screen screen = CONVERSATION.screen(session);
        RenderedScreen rendered = RENDERER.render(screen, language);
        for (String message : rendered.messages()) {
            String plain = parsedByTelegram(message);
            assertThat(plain).as("%s: a message at %s", language, session.step()).isNotBlank()
                .doesNotContain("{", "}");
            assertThat(plain.length()).as("%s: a message at %s", language, session.step())
                .isLessThanOrEqualTo(Renderer.MAX_MESSAGE);
        }
        for (List<Button> row : rendered.keyboard()) {
            for (Button button : row) {
                assertThat(button.text()).as("%s: a button at %s", language, session.step()).isNotBlank();
                assertThat(BUTTONS.encode(Long.MIN_VALUE, session.turn(), button.action()).getBytes().length)
                    .isLessThanOrEqualTo(CallbackData.MAX_BYTES);
            }
        }
    }

    @Test
    void offerAWayBackAndAWayToStartOverAfterTheFirstScreen() {
        REACHED.values().stream().filter(s -> s.step() != Step.WELCOME).forEach(session -> {
            Screen screen = CONVERSATION.screen(session);
            assertThat(screen.offers(Action.of(Event.RESTART))).as("%s", session.step()).isTrue();
        });
    }

    @Test
    void areManyButFinite() {
        assertThat(REACHED).hasSizeGreaterThan(1000);
        System.out.println("Reachable screens: " + REACHED.size());
    }
}
