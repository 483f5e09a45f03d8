package org.pdnavigator.dialogs.screen;

import org.pdnavigator.dialogs.Action;
import org.pdnavigator.dialogs.Event;
import org.pdnavigator.dialogs.Rung;
import org.pdnavigator.dialogs.Step;
import org.pdnavigator.dialogs.Track;
import org.pdnavigator.dialogs.directory.Contacts;
import org.pdnavigator.dialogs.directory.Directory;
import org.pdnavigator.dialogs.directory.Source;
import org.pdnavigator.dialogs.draft.Draft;
import org.pdnavigator.dialogs.draft.Drafts;
import org.pdnavigator.dialogs.draft.FollowUp;
import org.pdnavigator.dialogs.route.Contact;
import org.pdnavigator.dialogs.route.OfficeChoice;
import org.pdnavigator.dialogs.route.Route;
import org.pdnavigator.dialogs.route.Router;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer, "why this office?" and the escalation ladder. The answer comes in four short messages:
 * whom to contact; what to write; what helps; and what to know (no fee, what happens next, how current
 * this is, where to find free legal help).
 */
final class AnswerScreen {

    private final Directory directory;

    AnswerScreen(Directory directory) {
        this.directory = directory;
    }

    Screen answer(Route route) {
        Map<String, Object> args = args(route);
        List<List<Block>> messages = new ArrayList<>();

        List<Block> contact = new ArrayList<>();
        if (route.firstRequest()) {
            contact.add(Block.text("answer.title", args));
        } else if (route.next().isPresent()) {
            contact.add(Block.text("answer.title.next", args));
        } else {
            contact.add(Block.text("answer.title.top", args));
        }
        if (route.urgent()) {
            contact.add(Block.text("answer.urgent", args));
        }
        route.contacts().forEach(c -> contact.add(new Block.ContactCard(c)));
        contact.add(Block.text("answer.form." + route.role().name(), args));
        if (route.firstRequest()) {
            contact.add(Block.text("answer.note." + route.situation().name(), args));
        } else if (route.next().isPresent()) {
            contact.add(Block.text("answer.escalation.include", args));
        } else {
            contact.add(Block.text("answer.escalation.top", args));
        }
        messages.add(contact);

        messages.add(List.of(Block.text("answer.include", args)));

        List<Block> helps = new ArrayList<>();
        helps.add(Block.text("answer.factors", args));
        if (route.tracks().contains(Track.OPLA)) {
            helps.add(Block.text("answer.kinds.opla", args));
            helps.add(Block.text("answer.dismissal", args));
        }
        if (route.tracks().contains(Track.ERO)) {
            helps.add(Block.text("answer.kinds.ero", args));
        }
        messages.add(helps);

        messages.add(List.of(
            Block.text("answer.noFee", args),
            Block.text("answer.next", args),
            Block.text("answer.policy2025", args),
            new Block.Sources(sources(route)),
            Block.text("answer.notAdvice", args)));

        List<List<Option>> keyboard = new ArrayList<>();
        if (route.why().isPresent()) {
            keyboard.add(List.of(new Option(Label.key("answer.why"), Action.of(Event.WHY))));
        }
        keyboard.add(List.of(new Option(Label.key("answer.ladder"), Action.of(Event.LADDER))));
        keyboard.add(List.of(new Option(Label.key("draft.button"), Action.of(Event.DRAFT))));
        keyboard.add(List.of(new Option(Label.key("remind.button"), Action.of(Event.REMIND))));
        // Whoever got an answer may know someone else who needs one.
        keyboard.add(List.of(new Option(Label.key("answer.share"), Action.of(Event.SHARE))));
        return new Screen(Step.ANSWER, messages, keyboard);
    }

    /**
     * The draft: first what it is and how to fill it in, in the person's language; then the draft itself, in
     * English, in a message of its own so it copies in one go.
     */
    Screen draft(Route route) {
        Draft draft = Drafts.of(route);
        Map<String, Object> args = new HashMap<>(args(route));
        args.put("how", draft.handedIn() && !draft.byEmail() ? "HAND" : draft.byEmail() ? "EMAIL" : "FIND");
        List<Block> explained = new ArrayList<>();
        explained.add(Block.text("draft.intro", args));
        explained.add(Block.text("draft.howTo", args));
        if (route.mentionsDismissal()) {
            explained.add(Block.text("answer.dismissal", args));
        }
        List<List<Option>> keyboard = List.of(
            List.of(new Option(Label.key("draft.file"), Action.of(Event.DRAFT_FILE))),
            List.of(new Option(Label.key("remind.button"), Action.of(Event.REMIND))));
        return new Screen(Step.DRAFT, List.of(explained, List.of(new Block.DraftText(draft))), keyboard);
    }

    Screen why(Route route) {
        List<Block> blocks = new ArrayList<>();
        route.why().ifPresent(choice -> {
            blocks.add(new Block.Reason(choice));
            blocks.add(new Block.Sources(choiceSources(choice)));
        });
        return new Screen(Step.WHY, List.of(blocks), List.of());
    }

    Screen ladder(Route route) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.text("ladder.title", args(route)));
        for (Track track : route.tracks()) {
            blocks.add(Block.text("ladder.track." + track.name()));
            int number = 1;
            for (Rung rung : Rung.of(track)) {
                Map<String, Object> args = new HashMap<>(args(route));
                args.put("number", number++);
                args.put("status", status(route, rung));
                blocks.add(Block.text("ladder.rung." + rung.name(), args));
            }
        }
        blocks.add(Block.text("ladder.rules", args(route)));
        blocks.add(new Block.Sources(List.of(directory.source(Contacts.RULES_ESCALATION))));
        return new Screen(Step.LADDER, List.of(blocks), List.of());
    }

    /**
     * A reminder to check for a reply: and, if ICE has not answered, the next step of the ladder with its
     * contacts. The bot adds the buttons (they answered, no answer yet, stop).
     */
    List<Block> reminder(FollowUp followUp, Router router, long days) {
        Route route = router.route(followUp.asDenied());
        Map<String, Object> args = new HashMap<>(args(route));
        args.put("days", days);
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.text("reminder.text", args));
        if (route.next().isPresent()) {
            Rung next = route.next().get();
            args.put("number", 1);
            args.put("status", "NEXT");
            blocks.add(Block.text("reminder.next", args));
            blocks.add(Block.text("ladder.rung." + next.name(), args));
            route.contacts().forEach(c -> blocks.add(new Block.ContactCard(c)));
            blocks.add(Block.text("answer.escalation.include", args));
        } else {
            blocks.add(Block.text("reminder.top", args));
        }
        return blocks;
    }

    /** Where a rung stands for this person: it said no, it is next, or neither. */
    private static String status(Route route, Rung rung) {
        if (route.deniedAt().filter(rung::equals).isPresent()) {
            return "SAID_NO";
        }
        if (route.next().filter(rung::equals).isPresent()) {
            return "NEXT";
        }
        if (route.firstRequest() && rung == Rung.first(rung.track())) {
            return "NEXT";
        }
        return "LATER";
    }

    private Map<String, Object> args(Route route) {
        Map<String, Object> args = new HashMap<>();
        args.put("role", route.role().name());
        args.put("situation", route.situation().name());
        args.put("tracks", route.tracks().size() > 1 ? "BOTH" : route.tracks().iterator().next().name());
        args.put("urgent", route.urgent() ? "yes" : "no");
        args.put("rung", route.next().or(route::deniedAt).map(Rung::name).orElse("NONE"));
        args.put("deniedAt", route.deniedAt().map(Rung::name).orElse("NONE"));
        args.put("waiver", directory.link(Contacts.PRIVACY_WAIVER).url().toString());
        args.put("eroOffices", directory.link(Contacts.ERO_OFFICES).url().toString());
        args.put("locator", directory.link(Contacts.DETAINEE_LOCATOR).url().toString());
        args.put("proBono", directory.link(Contacts.PRO_BONO).url().toString());
        args.put("legalDirectory", directory.link(Contacts.LEGAL_DIRECTORY).url().toString());
        args.put("oplaHq", directory.escalation(Contacts.OPLA_HQ).email());
        args.put("eroHq", directory.escalation(Contacts.ERO_HQ).email());
        return args;
    }

    /** The sources of everything on the answer: its contacts, how the office was found, the rules. */
    private List<Source> sources(Route route) {
        Set<Source> sources = new LinkedHashSet<>();
        route.contacts().forEach(c -> sources.addAll(contactSources(c)));
        route.why().ifPresent(choice -> sources.addAll(choiceSources(choice)));
        sources.add(directory.source(Contacts.RULES_ICE_2015));
        if (route.tracks().contains(Track.OPLA)) {
            sources.add(directory.source(Contacts.RULES_OPLA_2021));
            sources.add(directory.source(Contacts.DISMISSALS_2025));
        }
        if (!route.firstRequest()) {
            sources.add(directory.source(Contacts.RULES_ESCALATION));
        }
        sources.add(directory.source(Contacts.POLICY_2025));
        return sorted(sources);
    }

    private List<Source> contactSources(Contact contact) {
        if (contact instanceof Contact.DeportationOfficer) {
            return List.of(directory.source(Contacts.RULES_ICE_2015));
        }
        if (contact instanceof Contact.Line line) {
            List<Source> list = new ArrayList<>(List.of(line.phone().source()));
            line.phone().hoursSource().ifPresent(list::add);
            return list;
        }
        if (contact instanceof Contact.OplaMailbox mailbox) {
            return List.of(mailbox.office().source());
        }
        if (contact instanceof Contact.EroField field) {
            return List.of(field.office().source(), field.office().areaSource());
        }
        if (contact instanceof Contact.Headquarters hq) {
            List<Source> list = new ArrayList<>();
            list.add(hq.to().source());
            hq.copy().ifPresent(m -> list.add(m.source()));
            return list;
        }
        if (contact instanceof Contact.FindTheOffice find) {
            return List.of(find.caseLine().source());
        }
        return List.of();
    }

    private List<Source> choiceSources(OfficeChoice choice) {
        Set<Source> sources = new LinkedHashSet<>();
        Router.court(choice).ifPresent(court -> {
            sources.add(court.source());
            sources.add(court.opla().source());
            sources.add(directory.source(Contacts.RULE_SAME_CITY));
        });
        Router.facility(choice).ifPresent(f -> {
            sources.add(f.source());
            f.ownOpla().ifPresent(o -> sources.add(o.source()));
        });
        Router.oplaOffice(choice).ifPresent(o -> sources.add(o.source()));
        Router.eroOffice(choice).ifPresent(o -> sources.add(o.areaSource()));
        if (choice instanceof OfficeChoice.ByState s) {
            sources.add(s.coverage().source());
        } else if (choice instanceof OfficeChoice.ByCounty c) {
            sources.add(c.coverage().source());
        } else if (choice instanceof OfficeChoice.ByArea a) {
            sources.add(a.coverage().source());
        }
        return sorted(sources);
    }

    /** Newest first, undated last: the reader sees how current the freshest piece is. */
    private static List<Source> sorted(Set<Source> sources) {
        return sources.stream()
            .sorted(Comparator.comparing((Source s) -> s.published().map(p -> p.start()).orElse(null),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Source::id))
            .toList();
    }
}
