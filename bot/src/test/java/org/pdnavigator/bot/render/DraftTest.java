package org.pdnavigator.bot.render;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.fake.TelegramHtml;
import org.pdnavigator.dialogs.Answers;
import org.pdnavigator.dialogs.Conversation;
import org.pdnavigator.dialogs.Known;
import org.pdnavigator.dialogs.Role;
import org.pdnavigator.dialogs.Rung;
import org.pdnavigator.dialogs.Session;
import org.pdnavigator.dialogs.Situation;
import org.pdnavigator.dialogs.Step;
import org.pdnavigator.dialogs.directory.Court;
import org.pdnavigator.dialogs.directory.Directory;
import org.pdnavigator.dialogs.directory.EroCoverage;
import org.pdnavigator.dialogs.directory.EroOffice;
import org.pdnavigator.dialogs.directory.OplaOffice;
import org.pdnavigator.dialogs.directory.UsState;
import org.pdnavigator.dialogs.route.Contact;
import org.pdnavigator.dialogs.route.Route;
import org.pdnavigator.dialogs.route.Routing;
import org.pdnavigator.dialogs.screen.Screen;
import org.pdnavigator.i18n.Language;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ready-to-send request, for every situation, every step of the ladder and every office: it is addressed to
 * exactly the mailboxes the answer screen shows (from the directory, none invented), it leaves every personal
 * detail as a blank in square brackets, and it fits Telegram in every language.
 */
@DisplayName("The draft of a request")
class DraftTest {

    private static final Conversation CONVERSATION = TestBot.conversation();
    private static final Renderer RENDERER = TestBot.renderer();
    private static final Directory DIRECTORY = TestBot.DIRECTORY;
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final List<Answers> CASES = new ArrayList<>();

    @BeforeAll
    static void everyCase() {
        for (Situation situation : Situation.values()) {
            List<Known> courtCases = situation == Situation.DETAINED ? List.of(Known.values()) : List.of(Known.NO);
            for (Known courtCase : courtCases) {
                Answers base = Answers.NONE.withRole(Role.SELF).withSituation(situation)
                    .withCourtCase(situation == Situation.DETAINED ? courtCase : null).withUrgent(Known.NO);
                List<Rung> denials = new ArrayList<>();
                denials.add(null);
                denials.addAll(Routing.deniedOptions(base));
                for (Rung denied : denials) {
                    Answers answers = base.withDeniedAt(denied);
                    CASES.addAll(withOffices(answers));
                }
            }
        }
    }

    /** Every office the person could have found, as the conversation records it. */
    private static List<Answers> withOffices(Answers answers) {
        return switch (Routing.officeNeed(answers)) {
            case NONE -> List.of(answers);
            case OPLA -> {
                List<Answers> all = new ArrayList<>();
                for (OplaOffice office : DIRECTORY.oplaOffices()) {
                    all.add(answers.withOplaOffice(office.id()));
                }
                for (Court court : DIRECTORY.courts()) {
                    all.add(answers.withCourtState(court.state()).withCourt(court.id()));
                }
                all.add(answers.withNoOffice());
                yield all;
            }
            case ERO -> {
                List<Answers> all = new ArrayList<>();
                for (UsState state : DIRECTORY.statesWithEroCoverage()) {
                    EroCoverage coverage = DIRECTORY.coverage(state.code()).orElseThrow();
                    for (EroOffice office : coverage.offices()) {
                        all.add(answers.withEroState(state.code()).withEroOffice(office.id()));
                    }
                }
                yield all;
            }
        };
    }

    private static Screen draft(Answers answers) {
        return CONVERSATION.screen(new Session(Step.DRAFT, answers, 7, null, null));
    }

    private static String englishDraft(Answers answers) {
        RenderedScreen rendered = RENDERER.render(draft(answers), Language.ENGLISH);
        // The draft is the last message or messages: everything after the explanation.
        int explained = RENDERER.render(new Screen(Step.DRAFT, List.of(draft(answers).messages().get(0)),
            List.of()), Language.ENGLISH).messages().size();
        return String.join("\n\n", rendered.messages().subList(explained, rendered.messages().size()).stream()
            .map(DraftTest::plain).toList());
    }

    /** The text as Telegram shows it, failing on HTML Telegram would refuse. */
    private static String plain(String html) {
        try {
            return TelegramHtml.toPlainText(html);
        } catch (TelegramHtml.HtmlException e) {
            throw new AssertionError("Telegram would refuse this HTML: " + html, e);
        }
    }

    /** The mailboxes the answer screen shows for these answers, to write to and to copy. */
    private static Set<String> answerMailboxes(Answers answers) {
        Route route = CONVERSATION.screens().router().route(answers);
        Set<String> mailboxes = new LinkedHashSet<>();
        for (Contact contact : route.contacts()) {
            if (contact instanceof Contact.OplaMailbox mailbox) {
                mailboxes.add(mailbox.office().email());
            } else if (contact instanceof Contact.EroField field) {
                field.office().email().ifPresent(mailboxes::add);
            } else if (contact instanceof Contact.Headquarters hq && !hq.ifUnresolved()) {
                mailboxes.add(hq.to().email());
                hq.copy().ifPresent(copy -> mailboxes.add(copy.email()));
            }
        }
        return mailboxes;
    }

    private static Set<String> emailsIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void coversEverySituationAndEveryStepOfTheLadder() {
        Set<Situation> situations = new LinkedHashSet<>();
        Set<Rung> denials = new LinkedHashSet<>();
        CASES.forEach(a -> {
            situations.add(a.situation());
            if (a.deniedAt() != null) {
                denials.add(a.deniedAt());
            }
        });
        assertThat(situations).containsExactlyInAnyOrder(Situation.values());
        assertThat(denials).containsExactlyInAnyOrder(Rung.values());
        int longest = 0;
        int split = 0;
        for (Answers answers : CASES) {
            List<Screen> screens = List.of(draft(answers));
            RenderedScreen rendered = RENDERER.render(screens.get(0), Language.ENGLISH);
            longest = Math.max(longest, plain(rendered.lastMessage()).length());
            split += rendered.messages().size() > 2 ? 1 : 0;
        }
        System.out.println("Drafts checked: " + CASES.size() + "; longest draft message " + longest
            + " characters (Telegram's limit " + Renderer.MAX_MESSAGE + "); drafts split in two: " + split);
    }

    @TestFactory
    Stream<DynamicTest> isAddressedToTheMailboxesOfTheAnswerAndNoOther() {
        return Arrays.stream(Situation.values()).map(situation -> DynamicTest.dynamicTest(situation.name(), () -> {
            for (Answers answers : CASES.stream().filter(a -> a.situation() == situation).toList()) {
                String draft = englishDraft(answers);
                Set<String> expected = answerMailboxes(answers);
                assertThat(emailsIn(draft)).as("%s", answers).isEqualTo(expected);
                for (String mailbox : expected) {
                    assertThat(draft).as("%s", answers).containsPattern("(To|Cc): " + Pattern.quote(mailbox));
                }
                assertThat(DIRECTORY.pdMailboxes().containsAll(emailsIn(draft).stream()
                    .filter(e -> DIRECTORY.eroOffices().stream().noneMatch(o -> o.email().filter(e::equals).isPresent()))
                    .toList())).as("every address comes from the directory").isTrue();
                if (expected.isEmpty()) {
                    assertThat(draft).as("%s", answers).containsAnyOf("To: the deportation officer",
                        "To: [PD E-MAIL", "To: ICE ERO ", "To: [E-MAIL OR ADDRESS OF THE LOCAL OFFICE");
                }
            }
        }));
    }

    @Test
    void leavesEveryPersonalDetailBlank() {
        for (Answers answers : CASES) {
            for (Role role : Role.values()) {
                String draft = englishDraft(answers.withRole(role));
                assertThat(draft).contains("A-number: [A-NUMBER]", "Date of birth: [DATE OF BIRTH]",
                    role == Role.SELF ? "Full name: [YOUR FULL NAME]" : "Full name: [FULL NAME OF THE PERSON]");
                // No A-number, date or phone number filled in: the only digits are in addresses and form names.
                assertThat(draft).doesNotContainPattern("\\bA-?\\d{8,9}\\b").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                    .doesNotContain("{", "}");
            }
        }
    }

    @Test
    void asksForTheFormsERORequiresOfWhoeverIsAsking() {
        Answers enforcement = CASES.stream().filter(a -> a.situation() == Situation.ENFORCEMENT && a.deniedAt() == null)
            .findFirst().orElseThrow();
        assertThat(englishDraft(enforcement.withRole(Role.LAWYER))).contains("Form G-28");
        assertThat(englishDraft(enforcement.withRole(Role.HELPER))).contains("Privacy release signed by",
            "on behalf of [FULL NAME OF THE PERSON]");
        assertThat(englishDraft(enforcement)).doesNotContain("G-28", "Privacy release");
        assertThat(englishDraft(enforcement.withUrgent(Known.YES))).contains("Subject: URGENT - removal scheduled");
    }

    @Test
    void warnsAboutDismissalWhereverItOffersIt() {
        for (Answers answers : CASES) {
            RenderedScreen rendered = RENDERER.render(draft(answers), Language.ENGLISH);
            String all = String.join("\n", rendered.messages());
            if (all.contains("move to dismiss")) {
                assertThat(all).contains("Get legal advice before you ask for a dismissal");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> fitsTelegramAndKeepsTheDraftInEnglishInEveryLanguage() {
        String english = englishDraft(CASES.get(0));
        return TestBot.CATALOGUE.languages().stream().map(language -> DynamicTest.dynamicTest(language.tag(), () -> {
            for (Answers answers : CASES.stream().filter(a -> a.oplaOffice() == null && a.court() == null).toList()) {
                RenderedScreen rendered = RENDERER.render(draft(answers), language);
                for (String message : rendered.messages()) {
                    assertThat(TelegramHtml.toPlainText(message).length()).isLessThanOrEqualTo(Renderer.MAX_MESSAGE);
                }
            }
            String plain = String.join("\n\n", RENDERER.render(draft(CASES.get(0)), language).messages().stream()
                .map(DraftTest::plain).toList());
            assertThat(plain).contains(english);
        }));
    }

    @Test
    void comesAsATextFileWithTheDraftAndWhatItMeans() {
        Answers answers = CASES.stream().filter(a -> a.situation() == Situation.COURT && a.oplaOffice() != null)
            .findFirst().orElseThrow();
        String file = new String(RENDERER.draftFile(draft(answers), new Language("es")), StandardCharsets.UTF_8);
        assertThat(file.replace("\r\n", "\n")).contains(englishDraft(answers)).contains("Cómo llenarlo");
        assertThat(file).contains("\r\n").doesNotContain("<b>");
    }

    @TestFactory
    Stream<DynamicTest> remindersWordWithinTelegramsLimitsInEveryLanguage() {
        org.pdnavigator.bot.telegram.CallbackData buttons = new org.pdnavigator.bot.telegram.CallbackData(
            org.pdnavigator.bot.store.Secrets.of("a test secret, long enough"));
        List<org.pdnavigator.dialogs.draft.FollowUp> followUps = CASES.stream()
            .map(a -> org.pdnavigator.dialogs.draft.FollowUp.of(a, CONVERSATION.screens().router()).orElseThrow())
            .distinct().toList();
        return TestBot.CATALOGUE.languages().stream().map(language -> DynamicTest.dynamicTest(language.tag(), () -> {
            List<RenderedScreen> screens = new ArrayList<>();
            screens.add(RENDERER.reminderMenu(language, List.of(1, 3, 7, 14, 21)));
            for (org.pdnavigator.dialogs.draft.FollowUp followUp : followUps) {
                screens.add(RENDERER.reminder(CONVERSATION.screens().reminder(followUp, 14), language, 999_999_999_999L));
            }
            for (RenderedScreen screen : screens) {
                for (String message : screen.messages()) {
                    String text = plain(message);
                    assertThat(text).isNotBlank().doesNotContain("{", "}");
                    assertThat(text.length()).isLessThanOrEqualTo(Renderer.MAX_MESSAGE);
                }
                screen.keyboard().stream().flatMap(List::stream).forEach(button -> {
                    assertThat(button.text()).isNotBlank();
                    assertThat(buttons.encode(Long.MIN_VALUE, 999, button.action()).getBytes(StandardCharsets.UTF_8))
                        .hasSizeLessThanOrEqualTo(org.pdnavigator.bot.telegram.CallbackData.MAX_BYTES);
                });
            }
        }));
    }

    /**
     * The draft in the README comes from this test: if the draft changes, copy target/readme-draft.txt into the
     * README between the markers.
     */
    @Test
    void isShownInTheReadmeAsTheCodeWritesIt() throws java.io.IOException {
        Court tucson = DIRECTORY.courts().stream().filter(c -> c.name().equals("Tucson")).findFirst().orElseThrow();
        Answers answers = Answers.NONE.withRole(Role.SELF).withSituation(Situation.COURT)
            .withCourtState(tucson.state()).withCourt(tucson.id());
        String draft = englishDraft(answers) + "\n";
        java.nio.file.Path out = java.nio.file.Path.of("target", "readme-draft.txt");
        java.nio.file.Files.writeString(out, draft);
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        assertThat(readme).as("README.md holds the draft of " + out.toAbsolutePath())
            .contains("<!-- draft:start -->\n```text\n" + draft + "```\n<!-- draft:end -->");
    }
}
