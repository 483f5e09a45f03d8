package org.pdnavigator.bot.render;

import org.pdnavigator.dialogs.draft.Draft;
import org.pdnavigator.dialogs.draft.Draft.Recipient;
import org.pdnavigator.i18n.DraftTemplates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words a draft request from its English templates: plain text, section by section. Every address comes from the
 * directory through the draft; every detail of the person is a blank in square brackets.
 */
final class DraftWriter {

    private final DraftTemplates templates;

    DraftWriter(DraftTemplates templates) {
        this.templates = templates;
    }

    List<String> sections(Draft draft) {
        Map<String, Object> args = new HashMap<>();
        args.put("role", draft.role().name());
        args.put("urgent", draft.urgent() ? "yes" : "no");
        args.put("escalating", draft.escalating().map(Enum::name).orElse("none"));
        args.put("courtCase", draft.courtCase() ? "yes" : "no");
        args.put("who", draft.recipients().size() == 1 ? draft.recipients().get(0).kind().name() : "other");
        args.put("court", draft.court().orElse("none"));
        args.put("facility", draft.facility().orElse("none"));

        List<String> sections = new ArrayList<>();
        List<String> head = new ArrayList<>();
        for (Recipient recipient : draft.recipients()) {
            head.add(to(recipient, args));
        }
        head.add(templates.format("draft.subject", args));
        sections.add(String.join("\n", head));

        sections.add(templates.format("draft.greeting", args));
        String opening = templates.format("draft.opening." + draft.role().name(), args);
        if (draft.escalating().isPresent()) {
            opening += " " + templates.format("draft.escalation", args);
        }
        sections.add(opening);
        sections.add(templates.format("draft.details", args) + "\n"
            + templates.format("draft.status." + draft.situation().name(), args));

        List<String> kinds = new ArrayList<>(List.of(templates.format("draft.kinds.title")));
        draft.kinds().forEach(kind -> kinds.add(templates.format("draft.kind." + kind.name())));
        kinds.add(templates.format("draft.kind.OTHER"));
        sections.add(String.join("\n", kinds));

        List<String> reasons = new ArrayList<>(List.of(templates.format("draft.reasons.title")));
        draft.reasons().forEach(reason -> reasons.add(templates.format("draft.reason." + reason.name())));
        sections.add(String.join("\n", reasons));
        sections.add(templates.format("draft.criminal"));

        List<String> papers = new ArrayList<>(List.of(templates.format("draft.papers.title")));
        draft.papers().forEach(paper -> papers.add(templates.format("draft.paper." + paper.name())));
        sections.add(String.join("\n", papers));

        sections.add(templates.format("draft.closing", args));
        return sections;
    }

    private String to(Recipient recipient, Map<String, Object> draftArgs) {
        Map<String, Object> args = new HashMap<>(draftArgs);
        recipient.email().ifPresent(e -> args.put("email", e));
        recipient.copy().ifPresent(c -> args.put("copy", c));
        recipient.office().ifPresent(o -> args.put("office", o));
        recipient.address().ifPresent(a -> args.put("address", a));
        String key = "draft.to." + recipient.kind().name();
        if (recipient.copy().isPresent()) {
            key += ".copy";
        } else if (recipient.email().isEmpty() && recipient.address().isPresent()) {
            key += ".post";
        }
        return templates.format(key, args);
    }
}
