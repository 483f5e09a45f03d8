package org.pdnavigator.dialogs.directory;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every contact the bot may show, checked and linked: offices, mailboxes, phone lines, links, courts,
 * detention centres and which ERO office covers which state. Built by {@link DirectoryLoader}.
 */
public final class Directory {

    private final LocalDate reviewed;
    private final Map<String, Source> sources;
    private final Map<String, Phone> phones;
    private final Map<String, Link> links;
    private final Map<String, OplaOffice> opla;
    private final Map<String, Mailbox> escalation;
    private final Map<String, UsState> states;
    private final Map<String, Court> courts;
    private final Map<String, Facility> facilities;
    private final Map<String, EroOffice> ero;
    private final Map<String, EroCoverage> coverage;

    Directory(LocalDate reviewed, List<Source> sources, List<Phone> phones, List<Link> links,
              List<OplaOffice> opla, List<Mailbox> escalation, List<UsState> states, List<Court> courts,
              List<Facility> facilities, List<EroOffice> ero, List<EroCoverage> coverage) {
        this.reviewed = reviewed;
        this.sources = index(sources, Source::id);
        this.phones = index(phones, Phone::id);
        this.links = index(links, Link::id);
        this.opla = index(opla, OplaOffice::id);
        this.escalation = index(escalation, Mailbox::id);
        this.states = index(states, UsState::code);
        this.courts = index(courts, Court::id);
        this.facilities = index(facilities, Facility::id);
        this.ero = index(ero, EroOffice::id);
        this.coverage = index(coverage, EroCoverage::state);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return java.util.Collections.unmodifiableMap(map);
    }

    /** When a person last checked the file against its sources. */
    public LocalDate reviewed() {
        return reviewed;
    }

    public Source source(String id) {
        return require(sources, id, "source");
    }

    public Phone phone(String id) {
        return require(phones, id, "phone line");
    }

    public List<Phone> phones() {
        return List.copyOf(phones.values());
    }

    public Link link(String id) {
        return require(links, id, "link");
    }

    public Mailbox escalation(String id) {
        return require(escalation, id, "escalation mailbox");
    }

    public List<OplaOffice> oplaOffices() {
        return List.copyOf(opla.values());
    }

    public Optional<OplaOffice> oplaOffice(String id) {
        return Optional.ofNullable(opla.get(id));
    }

    /** The main field locations, in the order of ICE's table. */
    public List<String> oplaFields() {
        return opla.values().stream().map(OplaOffice::field).distinct().toList();
    }

    /** The main office of a field location first, then its sub-offices. */
    public List<OplaOffice> oplaOfficesOf(String field) {
        return opla.values().stream()
            .filter(o -> o.field().equals(field))
            .sorted(Comparator.comparing(OplaOffice::isSubOffice))
            .toList();
    }

    /** The main office of the field location an office belongs to. */
    public Optional<OplaOffice> mainOfficeOf(OplaOffice office) {
        return opla.values().stream()
            .filter(o -> o.field().equals(office.field()) && !o.isSubOffice())
            .findFirst();
    }

    public List<Mailbox> escalationMailboxes() {
        return List.copyOf(escalation.values());
    }

    public Optional<UsState> state(String code) {
        return Optional.ofNullable(states.get(code));
    }

    public List<UsState> states() {
        return List.copyOf(states.values());
    }

    public List<Court> courts() {
        return List.copyOf(courts.values());
    }

    public Optional<Court> court(String id) {
        return Optional.ofNullable(courts.get(id));
    }

    public List<Court> courtsIn(String state) {
        return courts.values().stream().filter(c -> c.state().equals(state)).toList();
    }

    public List<Facility> facilities() {
        return List.copyOf(facilities.values());
    }

    public Optional<Facility> facility(String id) {
        return Optional.ofNullable(facilities.get(id));
    }

    public List<Facility> facilitiesIn(String state) {
        return facilities.values().stream().filter(f -> f.state().equals(state)).toList();
    }

    /** States with at least one court or detention centre, in the order of the states list. */
    public List<UsState> statesWithCourtsOrFacilities() {
        Set<String> codes = new TreeSet<>();
        courts.values().forEach(c -> codes.add(c.state()));
        facilities.values().forEach(f -> codes.add(f.state()));
        return states.values().stream().filter(s -> codes.contains(s.code())).toList();
    }

    public List<EroOffice> eroOffices() {
        return List.copyOf(ero.values());
    }

    public Optional<EroOffice> eroOffice(String id) {
        return Optional.ofNullable(ero.get(id));
    }

    public Optional<EroCoverage> coverage(String state) {
        return Optional.ofNullable(coverage.get(state));
    }

    /** States an ERO office covers, in the order of the states list. */
    public List<UsState> statesWithEroCoverage() {
        return states.values().stream().filter(s -> coverage.containsKey(s.code())).toList();
    }

    /** Every e-mail address a person can be sent to: the OPLA mailboxes and the escalation mailboxes. */
    public Set<String> pdMailboxes() {
        Set<String> all = opla.values().stream().map(OplaOffice::email).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        escalation.values().forEach(m -> all.add(m.email()));
        return java.util.Collections.unmodifiableSet(all);
    }

    private static <T> T require(Map<String, T> map, String id, String what) {
        T value = map.get(id);
        if (value == null) {
            throw new IllegalArgumentException("The directory has no " + what + " '" + id + "'");
        }
        return value;
    }
}
