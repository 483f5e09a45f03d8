package org.pdnavigator.bot.render;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import org.pdnavigator.dialogs.Action;
import org.pdnavigator.dialogs.Event;
import org.pdnavigator.dialogs.directory.Contacts;
import org.pdnavigator.dialogs.directory.Court;
import org.pdnavigator.dialogs.directory.Directory;
import org.pdnavigator.dialogs.directory.Hours;
import org.pdnavigator.dialogs.directory.OplaOffice;
import org.pdnavigator.dialogs.directory.PartialDate;
import org.pdnavigator.dialogs.directory.Phone;
import org.pdnavigator.dialogs.directory.Source;
import org.pdnavigator.dialogs.route.Contact;
import org.pdnavigator.dialogs.route.OfficeChoice;
import org.pdnavigator.dialogs.screen.Block;
import org.pdnavigator.dialogs.screen.Label;
import org.pdnavigator.dialogs.screen.Option;
import org.pdnavigator.dialogs.screen.Screen;
import org.pdnavigator.dialogs.draft.Draft;
import org.pdnavigator.i18n.Catalogue;
import org.pdnavigator.i18n.DraftTemplates;
import org.pdnavigator.i18n.Language;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words a screen in one language: every sentence from the catalogue, every contact from the directory,
 * every inserted value escaped for Telegram's HTML. The console shows the same words as plain text.
 */
public final class Renderer {

    /** Telegram refuses longer messages. */
    public static final int MAX_MESSAGE = 4096;
    /** Left-to-right isolate and pop directional isolate (Unicode bidi). */
    static final String LRI = "\u2066";
    static final String PDI = "\u2069";

    private final Catalogue catalogue;
    private final Directory directory;
    private final Clock clock;
    private final Map<String, Object> globals;
    private final DraftWriter drafts;
    /** Dates and times as formatted, per language and skeleton: bounded, though the directory holds only a few. */
    private final com.github.benmanes.caffeine.cache.Cache<Formatted, String> formatted =
        com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();

    /** @param retentionDays how long an unused session is kept, said on the privacy screen */
    public Renderer(Catalogue catalogue, Directory directory, Clock clock, long retentionDays) {
        this(catalogue, directory, clock, retentionDays, DraftTemplates.load());
    }

    public Renderer(Catalogue catalogue, Directory directory, Clock clock, long retentionDays,
                    DraftTemplates draftTemplates) {
        this.catalogue = catalogue;
        this.directory = directory;
        this.clock = clock;
        this.globals = Map.of("days", retentionDays);
        this.drafts = new DraftWriter(draftTemplates);
    }

    /** The draft of a request in plain text, section by section, as ICE will read it (always English). */
    public List<String> draft(Draft draft) {
        return drafts.sections(draft);
    }

    /**
     * The draft as a text file to print or forward: the English draft, then what it means in the person's language.
     */
    public byte[] draftFile(Screen draftScreen, Language language) {
        StringBuilder file = new StringBuilder();
        List<String> explained = new ArrayList<>();
        for (List<Block> message : draftScreen.messages()) {
            for (Block block : message) {
                if (block instanceof Block.DraftText text) {
                    file.append(String.join("\n\n", drafts.sections(text.draft()))).append("\n");
                } else {
                    explained.add(Html.toPlainText(block(block, language)));
                }
            }
        }
        file.append("\n----------------------------------------\n\n").append(String.join("\n\n", explained)).append("\n");
        // CRLF: the file opens as it should in every editor and mail app, Windows' Notepad included.
        return file.toString().replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public RenderedScreen render(Screen screen, Language language) {
        List<String> messages = new ArrayList<>();
        for (List<Block> message : screen.messages()) {
            List<String> paragraphs = new ArrayList<>();
            for (Block block : message) {
                if (block instanceof Block.DraftText text) {
                    // What ICE reads: English, plain, split between its sections only.
                    drafts.sections(text.draft()).forEach(section -> paragraphs.add(Html.escape(section)));
                } else {
                    paragraphs.add(directed(block(block, language), language));
                }
            }
            messages.addAll(fit(paragraphs));
        }
        List<List<Button>> keyboard = new ArrayList<>();
        for (List<Option> row : screen.keyboard()) {
            keyboard.add(row.stream().map(o -> new Button(plain(o.label(), language), o.action())).toList());
        }
        return new RenderedScreen(screen.step(), messages, keyboard);
    }

    /**
     * The language menu: each shipped language in its own name, the current one ticked, and a way back to where
     * the person was.
     */
    public RenderedScreen languageMenu(Language current, List<Language> shipped) {
        String text = text(current, "language.question") + "\n" + text(current, "language.mayan");
        List<List<Button>> keyboard = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (Language language : shipped) {
            String name = catalogue.format(language, "language.name");
            row.add(new Button(language.equals(current) ? "✓ " + name : name,
                Action.of(Event.LANGUAGE, language.tag())));
            if (row.size() == 2) {
                keyboard.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            keyboard.add(row);
        }
        keyboard.add(List.of(new Button(plain(Label.key("nav.back"), current), Action.of(Event.LANGUAGE, "-"))));
        return new RenderedScreen(null, List.of(text), keyboard);
    }

    /** When to be reminded to check for a reply: a button per number of days offered, and a way back. */
    public RenderedScreen reminderMenu(Language language, List<Integer> days) {
        List<List<Button>> keyboard = new ArrayList<>();
        for (int d : days) {
            keyboard.add(List.of(new Button(plain(Label.key("remind.days", Map.of("days", d)), language),
                Action.of(Event.REMIND, Integer.toString(d)))));
        }
        keyboard.add(List.of(new Button(plain(Label.key("nav.back"), language), Action.of(Event.REMIND, "-"))));
        return new RenderedScreen(null, List.of(text(language, "remind.question")), keyboard);
    }

    /**
     * A reminder that came due: whether ICE answered, the next step and its contacts, and three buttons that carry
     * the reminder's id.
     */
    public RenderedScreen reminder(List<Block> blocks, Language language, long id) {
        RenderedScreen words = render(new Screen(null, List.of(blocks), List.of()), language);
        List<List<Button>> keyboard = List.of(
            List.of(new Button(plain(Label.key("reminder.answered"), language), Action.of(Event.REMINDER, "a-" + id))),
            List.of(new Button(plain(Label.key("reminder.notYet"), language), Action.of(Event.REMINDER, "n-" + id))),
            List.of(new Button(plain(Label.key("reminder.stop"), language), Action.of(Event.REMINDER, "s-" + id))));
        return new RenderedScreen(null, words.messages(), keyboard);
    }

    /** One message of the catalogue, in HTML. */
    public String text(Language language, String key) {
        return text(language, key, Map.of());
    }

    public String text(Language language, String key, Map<String, ?> args) {
        Map<String, Object> all = new HashMap<>(globals);
        args.forEach((name, value) -> all.put(name, argument(value, language, true)));
        return directed(catalogue.format(language, key, all), language);
    }

    /** A label as button text: plain, nothing escaped (Telegram shows button text as it is). */
    public String plain(Label label, Language language) {
        if (label instanceof Label.Key key) {
            Map<String, Object> all = new HashMap<>(globals);
            key.args().forEach((name, value) -> all.put(name, argument(value, language, false)));
            return Html.toPlainText(catalogue.format(language, key.key(), all));
        }
        return label(label, language, false);
    }

    private String label(Label label, Language language, boolean html) {
        if (label instanceof Label.Key key) {
            Map<String, Object> all = new HashMap<>(globals);
            key.args().forEach((name, value) -> all.put(name, argument(value, language, html)));
            String text = catalogue.format(language, key.key(), all);
            return html ? text : Html.toPlainText(text);
        }
        String text = label instanceof Label.Name name ? name.text() : localized((Label.Localized) label, language);
        return html ? isolated(Html.escape(text), language) : text;
    }

    private Object argument(Object value, Language language, boolean html) {
        if (value instanceof Label label) {
            return label(label, language, html);
        }
        if (value instanceof Number) {
            return value;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        String text = String.valueOf(value);
        return html ? isolated(Html.escape(text), language) : text;
    }

    /**
     * In a right-to-left language, a value in Latin script (an address, a phone number, a name) is set apart
     * with Unicode isolates, so the bidirectional algorithm cannot reorder its parts.
     */
    private static String isolated(String text, Language language) {
        return language.rightToLeft() && !text.isEmpty() ? LRI + text + PDI : text;
    }

    /** In a right-to-left language, what the catalogue puts in {@code <code>} (a subject line) is isolated too. */
    private static String directed(String html, Language language) {
        if (!language.rightToLeft()) {
            return html;
        }
        return html.replaceAll("<code>(?!" + LRI + ")", "<code>" + LRI).replaceAll("(?<!" + PDI + ")</code>",
            PDI + "</code>");
    }

    private String localized(Label.Localized label, Language language) {
        String text = label.byLanguage().get(language.tag());
        return text != null ? text : label.byLanguage().getOrDefault(catalogue.fallback().tag(), "");
    }

    private String block(Block block, Language language) {
        if (block instanceof Block.Text text) {
            return label(text.label(), language, true);
        }
        if (block instanceof Block.ContactCard card) {
            return contact(card.contact(), language);
        }
        if (block instanceof Block.Reason reason) {
            return reason(reason.choice(), language);
        }
        if (block instanceof Block.Sources sources) {
            return sources(sources.sources(), language);
        }
        if (block instanceof Block.Lines lines) {
            return String.join("\n", lines.blocks().stream().map(b -> block(b, language)).toList());
        }
        throw new IllegalArgumentException("Unknown block " + block);
    }

    // --- contacts ---

    private String contact(Contact contact, Language language) {
        List<String> lines = new ArrayList<>();
        Source source;
        if (contact instanceof Contact.DeportationOfficer) {
            lines.add(text(language, "contact.deportationOfficer"));
            source = directory.source(Contacts.RULES_ICE_2015);
        } else if (contact instanceof Contact.Line line) {
            Phone phone = line.phone();
            lines.add(text(language, "contact.line", Map.of("name", new Label.Key("phone." + phone.id(), Map.of()),
                "number", phone.number(), "tdd", phone.tdd().orElse("none"))));
            phone.hours().ifPresent(hours -> lines.add(hours(hours, language)));
            lines.add(text(language, "contact.line.purpose." + line.purpose().name()));
            source = phone.source();
        } else if (contact instanceof Contact.OplaMailbox mailbox) {
            lines.add(text(language, "contact.opla", Map.of("office", officeName(mailbox.office()),
                "email", mailbox.office().email())));
            if (mailbox.addressee() == Contact.Addressee.CHIEF_COUNSEL) {
                lines.add(text(language, "contact.opla.chiefCounsel"));
            }
            if (mailbox.confirm()) {
                lines.add(text(language, "contact.opla.confirm"));
            }
            source = mailbox.office().source();
        } else if (contact instanceof Contact.EroField field) {
            lines.add(text(language, "contact.ero", Map.of("name", field.office().name(),
                "addressee", field.addressee().name(), "address", field.office().address())));
            field.office().phone().ifPresent(p -> lines.add(text(language, "contact.ero.phone", Map.of("phone", p))));
            field.office().email().ifPresent(e -> lines.add(text(language, "contact.ero.email", Map.of("email", e))));
            if (!field.office().contactVerified()) {
                lines.add(text(language, "contact.ero.unverified",
                    Map.of("url", directory.link(Contacts.FIELD_OFFICES).url().toString())));
            }
            source = field.office().source();
        } else if (contact instanceof Contact.Headquarters hq) {
            lines.add(text(language, "contact.hq", Map.of("mailbox",
                hq.to().id().equals(Contacts.OPLA_HQ) ? "OPLA" : "ERO", "email", hq.to().email())));
            hq.copy().ifPresent(copy -> lines.add(text(language, "contact.hq.copy", Map.of("copy", copy.email()))));
            if (hq.ifUnresolved()) {
                lines.add(text(language, "contact.hq.ifUnresolved"));
            }
            source = hq.to().source();
        } else if (contact instanceof Contact.FindTheOffice find) {
            Phone phone = find.caseLine();
            lines.add(text(language, "contact.find", Map.of("phone", phone.number(), "tdd", phone.tdd().orElse(""),
                "web", phone.web().map(Object::toString).orElse(""))));
            source = phone.source();
        } else {
            throw new IllegalArgumentException("Unknown contact " + contact);
        }
        lines.add(sourceLine(source, language));
        return String.join("\n", lines);
    }

    /** An office's name as ICE's table gives it: the field location, and the sub-office if any. */
    public Label officeName(OplaOffice office) {
        return office.sub()
            .<Label>map(sub -> new Label.Key("office.sub", Map.of("sub", sub, "field", office.field())))
            .orElseGet(() -> new Label.Key("office.main", Map.of("field", office.field())));
    }

    private String hours(Hours hours, Language language) {
        if (hours.days() == Hours.Days.ALWAYS) {
            return text(language, "hours.ALWAYS");
        }
        String zone = hours.zone().orElseThrow().getId();
        return text(language, "hours.WEEKDAYS", Map.of("opens", time(hours.opens().orElseThrow(), language),
            "closes", time(hours.closes().orElseThrow(), language), "zone", zoneName(zone, language)));
    }

    /** The catalogue's name for a time zone where it has one (translators word it to fit), else ICU's. */
    private String zoneName(String zone, Language language) {
        String key = "zone." + zone;
        if (catalogue.has(language, key)) {
            return catalogue.format(language, key);
        }
        String name = TimeZoneNames.getInstance(language.locale())
            .getDisplayName(zone, TimeZoneNames.NameType.LONG_GENERIC, clock.millis());
        return name == null ? zone : name;
    }

    private String time(LocalTime time, Language language) {
        return formatted("jmm", time.atDate(LocalDate.EPOCH), language);
    }

    /**
     * A date or time in a language's own pattern for a skeleton. Building ICU's formatter for a skeleton costs far
     * more than formatting, and the directory's dates and hours are few: each is formatted once per language and
     * kept (the strings are immutable, so shared safely; ICU's formatters are not).
     */
    private String formatted(String skeleton, java.time.LocalDateTime at, Language language) {
        return formatted.get(new Formatted(language.locale(), skeleton, at), key -> {
            DateFormat format = DateFormat.getInstanceForSkeleton(key.skeleton(), key.locale());
            format.setTimeZone(TimeZone.GMT_ZONE);
            return format.format(Date.from(key.at().toInstant(ZoneOffset.UTC)));
        });
    }

    private record Formatted(com.ibm.icu.util.ULocale locale, String skeleton, java.time.LocalDateTime at) {
    }

    // --- sources and dates ---

    private String sourceLine(Source source, Language language) {
        if (source.published().isEmpty()) {
            return text(language, "contact.source.undated", Map.of("publisher", source.publisher()));
        }
        PartialDate date = source.published().get();
        return text(language, "contact.source", Map.of("publisher", source.publisher(),
            "date", date(date, language), "age", age(date, language)));
    }

    private String sources(List<Source> sources, Language language) {
        List<String> lines = new ArrayList<>();
        lines.add(text(language, "sources.title"));
        for (Source source : sources) {
            Map<String, Object> args = new HashMap<>();
            args.put("publisher", source.publisher());
            args.put("title", source.title());
            args.put("official", source.official() ? "yes" : "no");
            if (source.published().isPresent()) {
                args.put("date", date(source.published().get(), language));
                args.put("age", age(source.published().get(), language));
                lines.add(text(language, "sources.item", args));
            } else {
                lines.add(text(language, "sources.item.undated", args));
            }
        }
        lines.add(text(language, "sources.reviewed", Map.of("date",
            date(PartialDate.parse(directory.reviewed().toString()), language))));
        return String.join("\n", lines);
    }

    /**
     * A date as precise as the source gives it, in the person's language; as {@code 2021-06-11} in a language ICU
     * has no calendar words for (Haitian Creole would otherwise get French month names).
     */
    public String date(PartialDate date, Language language) {
        if (!IcuData.has(language)) {
            return date.toString();
        }
        String skeleton = switch (date.precision()) {
            case DAY -> "yMMMMd";
            case MONTH -> "yMMMM";
            case YEAR -> "y";
        };
        return formatted(skeleton, date.start().atStartOfDay(), language);
    }

    private String age(PartialDate date, Language language) {
        return catalogue.format(language, "age", Map.of("years", date.yearsBefore(LocalDate.now(clock))));
    }

    // --- why this office ---

    private String reason(OfficeChoice choice, Language language) {
        List<String> lines = new ArrayList<>();
        lines.add(text(language, "reason.title"));
        if (choice instanceof OfficeChoice.ByCourt byCourt) {
            courtReason(byCourt.court(), language, lines);
        } else if (choice instanceof OfficeChoice.ByFacility byFacility) {
            var facility = byFacility.facility();
            lines.add(text(language, "reason.facility", Map.of("court", facility.court().name(),
                "facility", facility.name())));
            if (facility.ownOpla().isPresent()) {
                lines.add(text(language, "reason.ownOpla", Map.of("facility", facility.name(),
                    "office", officeName(facility.ownOpla().get()))));
            } else {
                courtReason(facility.court(), language, lines);
            }
        } else if (choice instanceof OfficeChoice.FromList list) {
            lines.add(text(language, "reason.list", Map.of("office", officeName(list.office()))));
        } else if (choice instanceof OfficeChoice.ByState byState) {
            lines.add(text(language, "reason.state", Map.of("office", byState.office().name(),
                "state", stateName(byState.coverage().state()))));
        } else if (choice instanceof OfficeChoice.ByCounty byCounty) {
            lines.add(text(language, "reason.county", Map.of("office", byCounty.office().name(),
                "county", byCounty.county(), "state", stateName(byCounty.coverage().state()))));
        } else if (choice instanceof OfficeChoice.ByArea byArea) {
            lines.add(text(language, "reason.area", Map.of("office", byArea.office().name(),
                "area", new Label.Localized(byArea.office().area()))));
        }
        return String.join("\n", lines);
    }

    private void courtReason(Court court, Language language, List<String> lines) {
        lines.add(text(language, "reason.court", Map.of("court", court.name(), "city", court.city(),
            "state", stateName(court.state()))));
        lines.add(text(language, "reason.basis." + court.basis().name(), Map.of("office", officeName(court.opla()))));
        if (court.needsConfirming()) {
            lines.add(text(language, "reason.confirm"));
        }
    }

    private Label stateName(String code) {
        return directory.state(code).<Label>map(s -> new Label.Localized(s.names())).orElse(Label.name(code));
    }

    // --- length ---

    /** Joins paragraphs into messages within Telegram's limit, breaking only between paragraphs. */
    static List<String> fit(List<String> paragraphs) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : paragraphs) {
            if (current.length() > 0 && current.length() + 2 + paragraph.length() > MAX_MESSAGE) {
                messages.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append("\n\n");
            }
            current.append(paragraph);
        }
        if (current.length() > 0) {
            messages.add(current.toString());
        }
        return messages;
    }
}
