package org.pdnavigator.dialogs.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the directory file. Every mistake is collected, so an operator who edited the file
 * sees all of them at once, each naming the file and the entry.
 */
public final class DirectoryLoader {

    /** The shipped directory, on the class path. */
    public static final String BUNDLED = "directory.yaml";

    /** Phone lines, links and mailboxes the dialogue names; the file must have them. */
    public static final Set<String> REQUIRED_PHONES = Set.of(
        Contacts.DETENTION_LINE, Contacts.COURT_CASE_LINE, Contacts.USCIS_LINE, Contacts.BIA_LINE);
    public static final Set<String> REQUIRED_LINKS = Set.of(
        Contacts.PRIVACY_WAIVER, Contacts.ERO_OFFICES, Contacts.FIELD_OFFICES, Contacts.DETAINEE_LOCATOR,
        Contacts.PRO_BONO, Contacts.LEGAL_DIRECTORY);
    public static final Set<String> REQUIRED_MAILBOXES = Set.of(Contacts.OPLA_HQ, Contacts.ERO_HQ);
    public static final Set<String> REQUIRED_SOURCES = Set.of(Contacts.RULES_ICE_2015, Contacts.RULES_ESCALATION,
        Contacts.RULES_OPLA_2021, Contacts.RULE_SAME_CITY, Contacts.POLICY_2025, Contacts.DISMISSALS_2025);

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final Pattern EMAIL = Pattern.compile(
        "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private final Set<String> languages;

    /** @param languages the languages every label must be given in */
    public DirectoryLoader(Collection<String> languages) {
        this.languages = Set.copyOf(languages);
    }

    public Directory loadBundled() {
        try (InputStream in = DirectoryLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("No " + BUNDLED + " on the class path");
            }
            return load(BUNDLED, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Directory load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(file.toString(), in);
        } catch (IOException e) {
            throw new DirectoryException(file.toString(), List.of(file + " cannot be read: " + e.getMessage()));
        }
    }

    public Directory load(String name, InputStream in) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some syntax errors as unchecked exceptions.
            throw new DirectoryException(name, List.of(name + " is not valid YAML: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new DirectoryException(name, List.of(name + " is empty or not a map of sections"));
        }
        Parse parse = new Parse(name, root);
        Directory directory = parse.directory();
        if (!parse.problems.isEmpty()) {
            throw new DirectoryException(name, parse.problems);
        }
        return directory;
    }

    /** One reading of one file, collecting problems as it goes. */
    private final class Parse {
        private final String file;
        private final JsonNode root;
        private final List<String> problems = new ArrayList<>();
        private final Map<String, Source> sources = new LinkedHashMap<>();
        private final Map<String, OplaOffice> opla = new LinkedHashMap<>();
        private final Map<String, UsState> states = new LinkedHashMap<>();
        private final Map<String, Court> courts = new LinkedHashMap<>();
        private final Map<String, EroOffice> ero = new LinkedHashMap<>();

        Parse(String file, JsonNode root) {
            this.file = file;
            this.root = root;
        }

        Directory directory() {
            LocalDate reviewed = date(root.path("reviewed"), "reviewed");
            readSources();
            List<Phone> phones = readPhones();
            List<Link> links = readLinks();
            readOpla();
            List<Mailbox> escalation = readEscalation();
            readStates();
            readCourts();
            List<Facility> facilities = readFacilities();
            readEro();
            List<EroCoverage> coverage = readCoverage();
            requireIds("sources", REQUIRED_SOURCES, List.copyOf(sources.keySet()));
            requireIds("phones", REQUIRED_PHONES, phones.stream().map(Phone::id).toList());
            requireIds("links", REQUIRED_LINKS, links.stream().map(Link::id).toList());
            requireIds("escalation", REQUIRED_MAILBOXES, escalation.stream().map(Mailbox::id).toList());
            checkEmailsUnique(escalation);
            return new Directory(reviewed, List.copyOf(sources.values()), phones, links, List.copyOf(opla.values()),
                escalation, List.copyOf(states.values()), List.copyOf(courts.values()), facilities,
                List.copyOf(ero.values()), coverage);
        }

        private void readSources() {
            section("sources", true).properties().forEach(e -> {
                String at = "sources." + e.getKey();
                if (!checkId(e.getKey(), at, sources.keySet())) {
                    return;
                }
                JsonNode n = e.getValue();
                Optional<PartialDate> published = Optional.empty();
                if (n.hasNonNull("published")) {
                    try {
                        published = Optional.of(PartialDate.parse(n.get("published").asText()));
                    } catch (IllegalArgumentException | DateTimeException ex) {
                        problem(at + ".published", ex.getMessage());
                    }
                } else if (!n.path("undated").asBoolean(false)) {
                    problem(at, "has no publication date (give 'published', or 'undated: true' for an undated page)");
                }
                sources.put(e.getKey(), new Source(e.getKey(), text(n, "title", at), text(n, "publisher", at),
                    optionalUrl(n, "url", at), published, n.path("official").asBoolean(false)));
            });
        }

        private List<Phone> readPhones() {
            List<Phone> phones = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            section("phones", true).properties().forEach(e -> {
                String at = "phones." + e.getKey();
                if (!checkId(e.getKey(), at, seen)) {
                    return;
                }
                seen.add(e.getKey());
                JsonNode n = e.getValue();
                Optional<Hours> hours = n.has("hours") ? Optional.ofNullable(hours(n.get("hours"), at + ".hours"))
                    : Optional.empty();
                Optional<Source> hoursSource = n.hasNonNull("hoursSource")
                    ? Optional.ofNullable(sourceOf(n, "hoursSource", at)) : Optional.empty();
                phones.add(new Phone(e.getKey(), text(n, "number", at), optionalText(n, "tdd"), hours,
                    optionalUrl(n, "web", at), sourceOf(n, "source", at), hoursSource));
            });
            return phones;
        }

        private Hours hours(JsonNode n, String at) {
            String days = text(n, "days", at);
            if ("ALWAYS".equals(days)) {
                return Hours.always();
            }
            if (!"WEEKDAYS".equals(days)) {
                problem(at + ".days", "must be ALWAYS or WEEKDAYS, not '" + days + "'");
                return null;
            }
            try {
                return new Hours(Hours.Days.WEEKDAYS, Optional.of(LocalTime.parse(text(n, "opens", at))),
                    Optional.of(LocalTime.parse(text(n, "closes", at))), Optional.of(ZoneId.of(text(n, "zone", at))));
            } catch (DateTimeException ex) {
                problem(at, "has a time or time zone that cannot be read: " + ex.getMessage());
                return null;
            }
        }

        private List<Link> readLinks() {
            List<Link> links = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            section("links", true).properties().forEach(e -> {
                String at = "links." + e.getKey();
                if (!checkId(e.getKey(), at, seen)) {
                    return;
                }
                seen.add(e.getKey());
                Optional<URI> url = optionalUrl(e.getValue(), "url", at);
                if (url.isEmpty()) {
                    problem(at, "has no url");
                }
                links.add(new Link(e.getKey(), url.orElse(null), sourceOf(e.getValue(), "source", at)));
            });
            return links;
        }

        private void readOpla() {
            int i = 0;
            for (JsonNode n : section("opla", false)) {
                String at = entry("opla", i++, n, "id");
                String id = n.path("id").asText("");
                if (!checkId(id, at, opla.keySet())) {
                    continue;
                }
                opla.put(id, new OplaOffice(id, text(n, "field", at), optionalText(n, "sub"), email(n, at),
                    sourceOf(n, "source", at)));
            }
        }

        private List<Mailbox> readEscalation() {
            List<Mailbox> mailboxes = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            section("escalation", true).properties().forEach(e -> {
                String at = "escalation." + e.getKey();
                if (!checkId(e.getKey(), at, seen)) {
                    return;
                }
                seen.add(e.getKey());
                mailboxes.add(new Mailbox(e.getKey(), email(e.getValue(), at), sourceOf(e.getValue(), "source", at)));
            });
            return mailboxes;
        }

        private void readStates() {
            int i = 0;
            for (JsonNode n : section("states", false)) {
                String code = n.path("code").asText("");
                String at = entry("states", i++, n, "code");
                if (!STATE.matcher(code).matches()) {
                    problem(at + ".code", "must be a two-letter postal code");
                    continue;
                }
                if (states.containsKey(code)) {
                    problem(at, "is listed twice");
                    continue;
                }
                states.put(code, new UsState(code, labels(n, "name", at)));
            }
        }

        private void readCourts() {
            Set<String> formerNames = new HashSet<>();
            int i = 0;
            for (JsonNode n : section("courts", false)) {
                String at = entry("courts", i++, n, "id");
                String id = n.path("id").asText("");
                if (!checkId(id, at, courts.keySet())) {
                    continue;
                }
                List<String> formerly = new ArrayList<>();
                n.path("formerly").forEach(f -> {
                    if (!formerNames.add(f.asText())) {
                        problem(at + ".formerly", "'" + f.asText() + "' is a former name of another court too");
                    }
                    formerly.add(f.asText());
                });
                courts.put(id, new Court(id, text(n, "name", at), text(n, "city", at), stateOf(n, "state", at),
                    text(n, "address", at), oplaOf(n, "opla", at), enumOf(Basis.class, n, "basis", at),
                    enumOf(Confidence.class, n, "confidence", at), sourceOf(n, "source", at), List.copyOf(formerly)));
            }
        }

        private List<Facility> readFacilities() {
            List<Facility> facilities = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int i = 0;
            for (JsonNode n : section("facilities", false)) {
                String at = entry("facilities", i++, n, "id");
                String id = n.path("id").asText("");
                if (!checkId(id, at, seen)) {
                    continue;
                }
                seen.add(id);
                Court court = courts.get(n.path("court").asText());
                if (court == null) {
                    problem(at + ".court", "names no court in 'courts': '" + n.path("court").asText() + "'");
                }
                Optional<OplaOffice> own = n.hasNonNull("opla") ? Optional.ofNullable(oplaOf(n, "opla", at))
                    : Optional.empty();
                facilities.add(new Facility(id, text(n, "name", at), stateOf(n, "state", at),
                    n.path("stateFromCourt").asBoolean(false), court, own, sourceOf(n, "source", at)));
            }
            return facilities;
        }

        private void readEro() {
            int i = 0;
            for (JsonNode n : section("ero", false)) {
                String at = entry("ero", i++, n, "id");
                String id = n.path("id").asText("");
                if (!checkId(id, at, ero.keySet())) {
                    continue;
                }
                Optional<String> email = n.hasNonNull("email") ? Optional.of(email(n, at)) : Optional.empty();
                ero.put(id, new EroOffice(id, text(n, "name", at), labels(n, "area", at), text(n, "address", at),
                    optionalText(n, "phone"), email, n.path("contactVerified").asBoolean(false),
                    sourceOf(n, "source", at), sourceOf(n, "areaSource", at)));
            }
        }

        private List<EroCoverage> readCoverage() {
            List<EroCoverage> coverage = new ArrayList<>();
            Set<String> covered = new HashSet<>();
            int i = 0;
            for (JsonNode n : section("eroCoverage", false)) {
                String at = entry("eroCoverage", i++, n, "state");
                String state = stateOf(n, "state", at);
                if (state != null && !covered.add(state)) {
                    problem(at, "covers a state already covered");
                }
                Source source = sourceOf(n, "source", at);
                if (n.hasNonNull("office")) {
                    EroOffice office = eroOf(n.get("office").asText(), at + ".office");
                    coverage.add(new EroCoverage(state, Optional.ofNullable(office), Map.of(), source));
                } else if (n.has("counties")) {
                    Map<EroOffice, List<String>> counties = new LinkedHashMap<>();
                    Map<String, String> countyOffice = new HashMap<>();
                    n.get("counties").properties().forEach(c -> {
                        EroOffice office = eroOf(c.getKey(), at + ".counties." + c.getKey());
                        List<String> names = new ArrayList<>();
                        c.getValue().forEach(county -> {
                            String previous = countyOffice.put(county.asText(), c.getKey());
                            if (previous != null) {
                                problem(at + ".counties", "county '" + county.asText() + "' is under both "
                                    + previous + " and " + c.getKey());
                            }
                            names.add(county.asText());
                        });
                        if (office != null) {
                            counties.put(office, List.copyOf(names));
                        }
                    });
                    coverage.add(new EroCoverage(state, Optional.empty(), counties, source));
                } else {
                    problem(at, "needs 'office' or 'counties'");
                }
            }
            return coverage;
        }

        private void checkEmailsUnique(List<Mailbox> escalation) {
            Map<String, String> byEmail = new HashMap<>();
            opla.values().forEach(o -> {
                String before = byEmail.put(o.email().toLowerCase(), "opla." + o.id());
                if (before != null) {
                    problem("opla." + o.id(), "has the same e-mail as " + before);
                }
            });
            escalation.forEach(m -> {
                String before = byEmail.put(m.email().toLowerCase(), "escalation." + m.id());
                if (before != null) {
                    problem("escalation." + m.id(), "has the same e-mail as " + before);
                }
            });
        }

        // --- small readers ---

        private JsonNode section(String name, boolean map) {
            JsonNode node = root.path(name);
            if (map ? !node.isObject() : !node.isArray()) {
                problem(name, "is missing or is not a " + (map ? "map of entries by id" : "list of entries"));
                return map ? JsonNodeFactory.instance.objectNode() : JsonNodeFactory.instance.arrayNode();
            }
            return node;
        }

        private String entry(String section, int index, JsonNode n, String idField) {
            String id = n.path(idField).asText("");
            return section + "[" + (id.isEmpty() ? "#" + (index + 1) : id) + "]";
        }

        private boolean checkId(String id, String at, Set<String> seen) {
            if (!ID.matcher(id).matches()) {
                problem(at, "has an id that is not 1-32 characters of a-z, 0-9 and '-': '" + id + "'");
                return false;
            }
            if (seen.contains(id)) {
                problem(at, "uses an id already used in this section");
                return false;
            }
            return true;
        }

        private String text(JsonNode n, String field, String at) {
            JsonNode value = n.get(field);
            if (value == null || value.isNull() || value.asText().isBlank()) {
                problem(at, "has no " + field);
                return "";
            }
            return value.asText().strip();
        }

        private Optional<String> optionalText(JsonNode n, String field) {
            JsonNode value = n.get(field);
            return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty()
                : Optional.of(value.asText().strip());
        }

        private LocalDate date(JsonNode n, String at) {
            try {
                return LocalDate.parse(n.asText());
            } catch (DateTimeException ex) {
                problem(at, "must be a date YYYY-MM-DD");
                return LocalDate.MIN;
            }
        }

        private String email(JsonNode n, String at) {
            String email = text(n, "email", at);
            if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
                problem(at + ".email", "is not an e-mail address: '" + email + "'");
            }
            return email;
        }

        private Optional<URI> optionalUrl(JsonNode n, String field, String at) {
            Optional<String> text = optionalText(n, field);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                URI uri = new URI(text.get());
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    problem(at + "." + field, "is not an http(s) address: '" + text.get() + "'");
                }
                return Optional.of(uri);
            } catch (URISyntaxException ex) {
                problem(at + "." + field, "is not an address: '" + text.get() + "'");
                return Optional.empty();
            }
        }

        private Map<String, String> labels(JsonNode n, String field, String at) {
            JsonNode labels = n.get(field);
            Map<String, String> byLanguage = new LinkedHashMap<>();
            if (labels == null || !labels.isObject()) {
                problem(at + "." + field, "must be a map of language to text");
                return byLanguage;
            }
            labels.properties().forEach(e -> byLanguage.put(e.getKey(), e.getValue().asText()));
            for (String language : languages) {
                if (byLanguage.getOrDefault(language, "").isBlank()) {
                    problem(at + "." + field, "has no translation for '" + language + "'");
                }
            }
            return Map.copyOf(byLanguage);
        }

        private Source sourceOf(JsonNode n, String field, String at) {
            String id = n.path(field).asText("");
            Source source = sources.get(id);
            if (source == null) {
                problem(at + "." + field, id.isEmpty() ? "is missing" : "names no source in 'sources': '" + id + "'");
            }
            return source;
        }

        private OplaOffice oplaOf(JsonNode n, String field, String at) {
            String id = n.path(field).asText("");
            OplaOffice office = opla.get(id);
            if (office == null) {
                problem(at + "." + field, "names no OPLA office in 'opla': '" + id + "'");
            }
            return office;
        }

        private EroOffice eroOf(String id, String at) {
            EroOffice office = ero.get(id);
            if (office == null) {
                problem(at, "names no ERO office in 'ero': '" + id + "'");
            }
            return office;
        }

        private String stateOf(JsonNode n, String field, String at) {
            String code = n.path(field).asText("");
            if (!states.containsKey(code)) {
                problem(at + "." + field, "names no state in 'states': '" + code + "'");
            }
            return code;
        }

        private <E extends Enum<E>> E enumOf(Class<E> type, JsonNode n, String field, String at) {
            String value = n.path(field).asText("");
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException ex) {
                problem(at + "." + field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", not '" + value + "'");
                return type.getEnumConstants()[0];
            }
        }

        private void requireIds(String section, Set<String> required, List<String> present) {
            required.stream().sorted().filter(id -> !present.contains(id))
                .forEach(id -> problem(section, "needs an entry '" + id + "', which the dialogue uses"));
        }

        private void problem(String at, String what) {
            problems.add(file + ": " + at + " " + what);
        }
    }
}
