package org.pdnavigator.dialogs.screen;

import org.pdnavigator.dialogs.Action;
import org.pdnavigator.dialogs.Answers;
import org.pdnavigator.dialogs.Denial;
import org.pdnavigator.dialogs.Event;
import org.pdnavigator.dialogs.Known;
import org.pdnavigator.dialogs.Role;
import org.pdnavigator.dialogs.Rung;
import org.pdnavigator.dialogs.Session;
import org.pdnavigator.dialogs.Situation;
import org.pdnavigator.dialogs.Step;
import org.pdnavigator.dialogs.Track;
import org.pdnavigator.dialogs.directory.Contacts;
import org.pdnavigator.dialogs.directory.Court;
import org.pdnavigator.dialogs.directory.Directory;
import org.pdnavigator.dialogs.directory.EroCoverage;
import org.pdnavigator.dialogs.directory.EroOffice;
import org.pdnavigator.dialogs.directory.Facility;
import org.pdnavigator.dialogs.directory.OplaOffice;
import org.pdnavigator.dialogs.directory.Phone;
import org.pdnavigator.dialogs.directory.UsState;
import org.pdnavigator.dialogs.route.Route;
import org.pdnavigator.dialogs.route.Router;
import org.pdnavigator.dialogs.route.Routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each step shows: its question or answer, and its buttons. Buttons are the only way on, so this is
 * also the list of what the machine may be asked to do at each step.
 */
public final class Screens {

    private final Directory directory;
    private final Router router;
    private final AnswerScreen answers;
    private final FacilityLists facilityLists;

    public Screens(Directory directory) {
        this.directory = directory;
        this.facilityLists = new FacilityLists(directory);
        this.router = new Router(directory);
        this.answers = new AnswerScreen(directory);
    }

    public Router router() {
        return router;
    }

    public Screen screen(Session session) {
        Answers a = session.answers();
        Screen screen = switch (session.step()) {
            case WELCOME -> welcome();
            case PRIVACY -> question(Step.PRIVACY, text("privacy.text"),
                List.of(List.of(option("privacy.continue", Action.of(Event.NEXT)))));
            case ROLE -> choices(Step.ROLE, text("role.question"), Role.values(), "role.");
            case SITUATION -> situation(a);
            case SITUATION_HELP -> situationHelp(a);
            case DETAINED_COURT -> choices(Step.DETAINED_COURT, text("detainedCourt.question", role(a)),
                Known.values(), "known.");
            case DENIED -> choices(Step.DENIED, text("denied.question", role(a)), Denial.values(), "denied.");
            case DENIED_BY -> deniedBy(a);
            case URGENCY -> choices(Step.URGENCY, text("urgency.question", role(a)), Known.values(), "known.");
            case COURT_STATE -> courtState(a);
            case COURT_PICK -> courtPick(a);
            case FACILITY_PICK -> facilityPick(a);
            case COURT_HELP -> courtHelp(a);
            case OPLA_FIELD -> oplaField(a);
            case OPLA_OFFICE -> oplaOffice(a);
            case ERO_STATE -> eroState(a);
            case ERO_AREA -> eroArea(a);
            case COUNTY_LETTER -> countyLetter(a);
            case COUNTY_PICK -> countyPick(a);
            case ANSWER -> answers.answer(router.route(a));
            case WHY -> answers.why(router.route(a));
            case LADDER -> answers.ladder(router.route(a));
            case DRAFT -> answers.draft(router.route(a));
            case FACILITY_LETTER -> facilityLetter(a);
            case AFTER_SITUATION, AFTER_DENIAL, AFTER_FACILITIES, FIND_OFFICE, AFTER_ERO_STATE ->
                throw new IllegalStateException("A session never rests at the junction " + session.step());
        };
        return session.step() == Step.WELCOME ? screen : withNavigation(screen, session.canGoBack());
    }

    private Screen welcome() {
        return question(Step.WELCOME, text("welcome.text"), List.of(
            List.of(option("welcome.continue", Action.of(Event.NEXT))),
            List.of(option("welcome.privacy", Action.of(Event.PRIVACY)), option("welcome.language",
                Action.of(Event.LANGUAGE)))));
    }

    private Screen situation(Answers a) {
        List<List<Option>> keyboard = situationOptions();
        keyboard.add(List.of(option("situation.notSure", Action.of(Event.NOT_SURE))));
        return question(Step.SITUATION, text("situation.question", role(a)), keyboard);
    }

    private Screen situationHelp(Answers a) {
        Phone line = directory.phone(Contacts.COURT_CASE_LINE);
        Map<String, Object> args = new HashMap<>(role(a));
        args.put("phone", line.number());
        args.put("web", line.web().map(Object::toString).orElse(""));
        return question(Step.SITUATION_HELP, text("situationHelp.text", args), situationOptions());
    }

    private List<List<Option>> situationOptions() {
        List<List<Option>> keyboard = new ArrayList<>();
        for (Situation s : Situation.values()) {
            keyboard.add(List.of(option("situation." + s.name(), Action.choose(s))));
        }
        return keyboard;
    }

    private Screen deniedBy(Answers a) {
        Set<Track> tracks = Routing.tracks(a);
        String which = tracks.size() > 1 ? "BOTH" : tracks.iterator().next().name();
        List<List<Option>> keyboard = new ArrayList<>();
        for (Rung rung : Routing.deniedOptions(a)) {
            keyboard.add(List.of(option("rung." + rung.name() + ".option", Action.choose(rung))));
        }
        return question(Step.DENIED_BY, text("deniedBy.question", Map.of("tracks", which)), keyboard);
    }

    private Screen courtState(Answers a) {
        List<Option> states = directory.statesWithCourtsOrFacilities().stream()
            .map(s -> new Option(new Label.Localized(s.names()), Action.pick(s.code())))
            .toList();
        List<List<Option>> keyboard = new ArrayList<>(Pages.NAMES.layout(states, a.page()));
        keyboard.add(List.of(option("courtState.dontKnow", Action.of(Event.NOT_SURE))));
        keyboard.add(List.of(option("courtState.allOffices", Action.of(Event.ALL_OFFICES))));
        Map<String, Object> args = Map.of("detained", a.situation() == Situation.DETAINED ? "yes" : "no");
        return question(Step.COURT_STATE, withPage(text("courtState.question", args), Pages.NAMES, a.page(),
            states.size()), keyboard);
    }

    private Screen courtPick(Answers a) {
        List<Option> courts = new ArrayList<>();
        for (Court court : directory.courtsIn(a.courtState())) {
            Label label = court.formerly().isEmpty() ? Label.name(court.name())
                : Label.key("courtPick.formerly", Map.of("name", court.name(),
                    "former", String.join(", ", court.formerly())));
            courts.add(new Option(label, Action.pick(court.id())));
        }
        List<List<Option>> keyboard = new ArrayList<>(Pages.LONG_NAMES.layout(courts, a.page()));
        if (!directory.facilitiesIn(a.courtState()).isEmpty()) {
            keyboard.add(List.of(option("courtPick.facilities", stateName(a.courtState()),
                Action.of(Event.FACILITIES))));
        }
        keyboard.add(List.of(option("courtPick.dontKnow", Action.of(Event.NOT_SURE))));
        List<Block> question = courts.isEmpty()
            ? List.of(text("courtPick.noCourt", stateName(a.courtState())))
            : withPage(text("courtPick.question", stateName(a.courtState())), Pages.LONG_NAMES, a.page(),
                courts.size());
        return question(Step.COURT_PICK, question, keyboard);
    }

    private Screen facilityLetter(Answers a) {
        List<Option> letters = facilityLists.letters(a.courtState()).stream()
            .map(letter -> new Option(Label.name(letter), Action.pick(letter)))
            .toList();
        List<List<Option>> keyboard = new ArrayList<>(Pages.LETTERS.layout(letters, 0));
        keyboard.add(List.of(option("facilityPick.notListed", Action.of(Event.NOT_SURE))));
        return question(Step.FACILITY_LETTER, List.of(text("facilityLetter.question", stateName(a.courtState()))),
            keyboard);
    }

    private Screen facilityPick(Answers a) {
        List<Facility> facilities = facilityLists.facilities(a.courtState(), a.letter());
        Set<String> repeated = repeatedNames(facilities.stream().map(Facility::name).toList());
        List<Option> options = facilities.stream()
            .map(f -> new Option(repeated.contains(f.name())
                ? Label.key("facilityPick.withCourt", Map.of("name", f.name(), "court", f.court().name()))
                : Label.name(f.name()), Action.pick(f.id())))
            .toList();
        List<List<Option>> keyboard = new ArrayList<>(Pages.LONG_NAMES.layout(options, a.page()));
        keyboard.add(List.of(option("facilityPick.notListed", Action.of(Event.NOT_SURE))));
        return question(Step.FACILITY_PICK, withPage(text("facilityPick.question", stateName(a.courtState())),
            Pages.LONG_NAMES, a.page(), options.size()), keyboard);
    }

    private Screen courtHelp(Answers a) {
        Phone line = directory.phone(Contacts.COURT_CASE_LINE);
        Map<String, Object> args = new HashMap<>(role(a));
        args.put("phone", line.number());
        args.put("tdd", line.tdd().orElse(""));
        args.put("web", line.web().map(Object::toString).orElse(""));
        args.put("locator", directory.link(Contacts.DETAINEE_LOCATOR).url().toString());
        args.put("detained", a.situation() == Situation.DETAINED ? "yes" : "no");
        return question(Step.COURT_HELP, List.of(text("courtHelp.text", args)), List.of(
            List.of(option("courtHelp.allOffices", Action.of(Event.ALL_OFFICES))),
            List.of(option("courtHelp.goOn", Action.of(Event.NEXT)))));
    }

    private Screen oplaField(Answers a) {
        List<Option> fields = directory.oplaFields().stream()
            .map(field -> new Option(Label.name(field), Action.pick(directory.oplaOfficesOf(field).get(0).id())))
            .toList();
        return question(Step.OPLA_FIELD, withPage(text("oplaField.question"), Pages.NAMES, a.page(), fields.size()),
            Pages.NAMES.layout(fields, a.page()));
    }

    private Screen oplaOffice(Answers a) {
        OplaOffice main = directory.oplaOffice(a.oplaField()).orElseThrow();
        List<Option> offices = new ArrayList<>();
        for (OplaOffice office : directory.oplaOfficesOf(main.field())) {
            Label label = office.sub()
                .<Label>map(sub -> Label.key("oplaOffice.sub", Map.of("sub", sub)))
                .orElse(Label.key("oplaOffice.main", Map.of("field", office.field())));
            offices.add(new Option(label, Action.pick(office.id())));
        }
        return question(Step.OPLA_OFFICE, List.of(text("oplaOffice.question", Map.of("field", main.field()))),
            Pages.LONG_NAMES.layout(offices, 0));
    }

    private Screen eroState(Answers a) {
        List<Option> states = directory.statesWithEroCoverage().stream()
            .map(s -> new Option(new Label.Localized(s.names()), Action.pick(s.code())))
            .toList();
        Map<String, Object> args = new HashMap<>(role(a));
        args.put("situation", a.situation().name());
        return question(Step.ERO_STATE, withPage(text("eroState.question", args), Pages.NAMES, a.page(),
            states.size()), Pages.NAMES.layout(states, a.page()));
    }

    /** The areas in the message, where long descriptions read well; the offices on the buttons. */
    private Screen eroArea(Answers a) {
        EroCoverage coverage = directory.coverage(a.eroState()).orElseThrow();
        List<Block> blocks = new ArrayList<>();
        blocks.add(text("eroArea.question", stateName(a.eroState())));
        List<List<Option>> keyboard = new ArrayList<>();
        for (EroOffice office : coverage.offices()) {
            blocks.add(text("eroArea.area", Map.of("name", office.name(), "area", new Label.Localized(office.area()))));
            keyboard.add(List.of(new Option(Label.name(office.name()), Action.pick(office.id()))));
        }
        keyboard.add(List.of(option("eroArea.byCounty", Action.of(Event.COUNTIES))));
        return question(Step.ERO_AREA, List.of(joined(blocks)), keyboard);
    }

    private Screen countyLetter(Answers a) {
        List<Option> letters = countyLetters(a.eroState()).stream()
            .map(letter -> new Option(Label.name(letter), Action.pick(letter)))
            .toList();
        return question(Step.COUNTY_LETTER, List.of(text("countyLetter.question", stateName(a.eroState()))),
            Pages.LETTERS.layout(letters, 0));
    }

    private Screen countyPick(Answers a) {
        List<Option> counties = countiesStartingWith(a.eroState(), a.letter()).stream()
            .map(county -> new Option(Label.name(county), Action.pick(county)))
            .toList();
        Map<String, Object> args = new HashMap<>(stateName(a.eroState()));
        args.put("letter", a.letter());
        return question(Step.COUNTY_PICK, withPage(text("countyPick.question", args), Pages.SHORT_NAMES, a.page(),
            counties.size()), Pages.SHORT_NAMES.layout(counties, a.page()));
    }

    /** A reminder's message, for a follow-up and the number of days it waited. */
    public List<Block> reminder(org.pdnavigator.dialogs.draft.FollowUp followUp, long days) {
        return answers.reminder(followUp, router, days);
    }

    /** The first letters of the counties of a split state. */
    public List<String> countyLetters(String state) {
        Set<String> letters = new TreeSet<>();
        allCounties(state).forEach(c -> letters.add(c.substring(0, 1).toUpperCase()));
        return List.copyOf(letters);
    }

    public List<String> countiesStartingWith(String state, String letter) {
        return allCounties(state).stream()
            .filter(c -> c.substring(0, 1).equalsIgnoreCase(letter))
            .sorted()
            .toList();
    }

    private List<String> allCounties(String state) {
        return directory.coverage(state).map(c -> c.counties().values().stream()
            .flatMap(Collection::stream).toList()).orElse(List.of());
    }

    // --- building blocks ---

    private static Screen question(Step step, Block text, List<List<Option>> keyboard) {
        return question(step, List.of(text), keyboard);
    }

    private static Screen question(Step step, List<Block> blocks, List<List<Option>> keyboard) {
        return new Screen(step, List.of(blocks), keyboard);
    }

    private static <E extends Enum<E>> Screen choices(Step step, Block text, E[] values, String prefix) {
        List<List<Option>> keyboard = new ArrayList<>();
        for (E value : values) {
            keyboard.add(List.of(option(prefix + value.name(), Action.choose(value))));
        }
        return question(step, text, keyboard);
    }

    /** Back and start over, under every screen but the first. */
    private static Screen withNavigation(Screen screen, boolean canGoBack) {
        List<List<Option>> keyboard = new ArrayList<>(screen.keyboard());
        List<Option> nav = new ArrayList<>();
        if (canGoBack) {
            nav.add(new Option(Label.key("nav.back"), Action.of(Event.BACK)));
        }
        nav.add(new Option(Label.key("nav.restart"), Action.of(Event.RESTART)));
        keyboard.add(nav);
        return new Screen(screen.step(), screen.messages(), keyboard);
    }

    /** Several paragraphs as one, so they stay together in one message. */
    private static Block joined(List<Block> blocks) {
        return new Block.Lines(blocks);
    }

    private static List<Block> withPage(Block question, Pages pages, int page, int items) {
        int count = pages.count(items);
        if (count < 2) {
            return List.of(question);
        }
        return List.of(question, text("list.page", Map.of("page", pages.clamp(page, items) + 1, "pages", count)));
    }

    private static Set<String> repeatedNames(List<String> names) {
        Set<String> seen = new java.util.HashSet<>();
        Set<String> repeated = new java.util.HashSet<>();
        names.forEach(n -> {
            if (!seen.add(n)) {
                repeated.add(n);
            }
        });
        return repeated;
    }

    private Map<String, Object> stateName(String code) {
        UsState state = directory.state(code).orElseThrow();
        return Map.of("state", new Label.Localized(state.names()));
    }

    private static Map<String, Object> role(Answers a) {
        return Map.of("role", a.role() == null ? Role.SELF.name() : a.role().name());
    }

    static Block text(String key) {
        return Block.text(key);
    }

    static Block text(String key, Map<String, Object> args) {
        return Block.text(key, args);
    }

    private static Option option(String key, Action action) {
        return new Option(Label.key(key), action);
    }

    private static Option option(String key, Map<String, Object> args, Action action) {
        return new Option(Label.key(key, args), action);
    }
}
