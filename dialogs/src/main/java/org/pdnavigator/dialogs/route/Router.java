package org.pdnavigator.dialogs.route;

import org.pdnavigator.dialogs.Answers;
import org.pdnavigator.dialogs.Known;
import org.pdnavigator.dialogs.Rung;
import org.pdnavigator.dialogs.Situation;
import org.pdnavigator.dialogs.directory.Contacts;
import org.pdnavigator.dialogs.directory.Court;
import org.pdnavigator.dialogs.directory.Directory;
import org.pdnavigator.dialogs.directory.EroCoverage;
import org.pdnavigator.dialogs.directory.EroOffice;
import org.pdnavigator.dialogs.directory.Facility;
import org.pdnavigator.dialogs.directory.OplaOffice;
import org.pdnavigator.dialogs.route.Contact.Addressee;
import org.pdnavigator.dialogs.route.Contact.Line.Purpose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a person's answers into whom to contact, following pd-routing.md: the situation decides the
 * first contact (section 2), a denial moves up the ladder (section 4), the court decides the OPLA
 * office (section 6).
 */
public final class Router {

    private final Directory directory;

    public Router(Directory directory) {
        this.directory = directory;
    }

    public Route route(Answers answers) {
        Optional<OfficeChoice> why = officeChoice(answers);
        Optional<Rung> deniedAt = Optional.ofNullable(answers.deniedAt());
        Optional<OplaOffice> opla = why.flatMap(Router::oplaOffice);
        Optional<Rung> next = deniedAt.isEmpty()
            ? Optional.empty()
            : deniedAt.get().next(opla.map(OplaOffice::isSubOffice).orElse(false));
        List<Contact> contacts = new ArrayList<>();
        if (answers.situation() == Situation.DETAINED && deniedAt.isEmpty()) {
            contacts.add(new Contact.DeportationOfficer());
        }
        if (deniedAt.isEmpty()) {
            firstContacts(answers, why, contacts);
        } else {
            next.ifPresent(rung -> escalationContacts(rung, why, contacts));
        }
        if (answers.situation() == Situation.DETAINED) {
            contacts.add(new Contact.Line(directory.phone(Contacts.DETENTION_LINE), Purpose.REQUEST));
        }
        return new Route(answers.situation(), answers.role(), Routing.tracks(answers), List.copyOf(contacts),
            deniedAt, next, answers.urgent() == null ? Known.NO : answers.urgent(), why);
    }

    private void firstContacts(Answers answers, Optional<OfficeChoice> why, List<Contact> contacts) {
        switch (answers.situation()) {
            case DETAINED -> {
                if (answers.courtCase() == Known.YES) {
                    addOpla(why, Addressee.OFFICE, contacts);
                } else if (answers.courtCase() == Known.NOT_SURE) {
                    contacts.add(findTheOffice());
                }
            }
            case COURT -> addOpla(why, Addressee.OFFICE, contacts);
            case APPEAL -> {
                addOpla(why, Addressee.OFFICE, contacts);
                contacts.add(new Contact.Line(directory.phone(Contacts.BIA_LINE), Purpose.CASE_INFO));
            }
            case FINAL_ORDER -> {
                why.flatMap(Router::eroOffice).ifPresent(o -> contacts.add(new Contact.EroField(o, Addressee.OFFICER)));
                contacts.add(new Contact.Line(directory.phone(Contacts.DETENTION_LINE), Purpose.REQUEST));
                contacts.add(new Contact.Line(directory.phone(Contacts.USCIS_LINE), Purpose.DEFERRED_ACTION));
            }
            case ENFORCEMENT -> {
                why.flatMap(Router::eroOffice).ifPresent(o -> contacts.add(new Contact.EroField(o, Addressee.OFFICER)));
                contacts.add(new Contact.Headquarters(directory.escalation(Contacts.ERO_HQ), Optional.empty(), true));
            }
        }
    }

    private void escalationContacts(Rung next, Optional<OfficeChoice> why, List<Contact> contacts) {
        switch (next) {
            case ERO_OFFICER -> why.flatMap(Router::eroOffice)
                .ifPresent(o -> contacts.add(new Contact.EroField(o, Addressee.OFFICER)));
            case ERO_DIRECTOR -> why.flatMap(Router::eroOffice)
                .ifPresent(o -> contacts.add(new Contact.EroField(o, Addressee.DIRECTOR)));
            case ERO_HQ -> contacts.add(new Contact.Headquarters(directory.escalation(Contacts.ERO_HQ),
                Optional.empty(), false));
            case OPLA_LOCAL -> addOpla(why, Addressee.OFFICE, contacts);
            case OPLA_MAIN -> addMainOpla(why, Addressee.OFFICE, contacts);
            case OPLA_CHIEF -> addMainOpla(why, Addressee.CHIEF_COUNSEL, contacts);
            case OPLA_HQ -> contacts.add(new Contact.Headquarters(directory.escalation(Contacts.OPLA_HQ),
                Optional.of(directory.escalation(Contacts.ERO_HQ)), false));
        }
    }

    private void addOpla(Optional<OfficeChoice> why, Addressee addressee, List<Contact> contacts) {
        Optional<OplaOffice> office = why.flatMap(Router::oplaOffice);
        if (office.isPresent()) {
            contacts.add(new Contact.OplaMailbox(office.get(), addressee, needsConfirming(why.get())));
        } else {
            contacts.add(findTheOffice());
        }
    }

    /** A sub-office's denial goes to the main office with jurisdiction; the Chief Counsel sits there too. */
    private void addMainOpla(Optional<OfficeChoice> why, Addressee addressee, List<Contact> contacts) {
        Optional<OplaOffice> office = why.flatMap(Router::oplaOffice);
        if (office.isPresent()) {
            OplaOffice main = directory.mainOfficeOf(office.get()).orElse(office.get());
            contacts.add(new Contact.OplaMailbox(main, addressee, needsConfirming(why.get())));
        } else {
            contacts.add(findTheOffice());
        }
    }

    private Contact findTheOffice() {
        return new Contact.FindTheOffice(directory.phone(Contacts.COURT_CASE_LINE));
    }

    private static boolean needsConfirming(OfficeChoice choice) {
        if (choice instanceof OfficeChoice.ByCourt c) {
            return c.court().needsConfirming();
        }
        if (choice instanceof OfficeChoice.ByFacility f) {
            return f.facility().ownOpla().isEmpty() && f.facility().court().needsConfirming();
        }
        return false;
    }

    /** How the office was found, from the answers; empty when no office was asked for or found. */
    public Optional<OfficeChoice> officeChoice(Answers answers) {
        if (answers.oplaOffice() != null) {
            return directory.oplaOffice(answers.oplaOffice()).map(OfficeChoice.FromList::new);
        }
        if (answers.facility() != null) {
            return directory.facility(answers.facility()).map(OfficeChoice.ByFacility::new);
        }
        if (answers.court() != null) {
            return directory.court(answers.court()).map(OfficeChoice.ByCourt::new);
        }
        if (answers.eroOffice() != null && answers.eroState() != null) {
            Optional<EroCoverage> coverage = directory.coverage(answers.eroState());
            Optional<EroOffice> office = directory.eroOffice(answers.eroOffice());
            if (coverage.isPresent() && office.isPresent()) {
                if (!coverage.get().isSplit()) {
                    return Optional.of(new OfficeChoice.ByState(coverage.get(), office.get()));
                }
                return Optional.of(answers.county() != null
                    ? new OfficeChoice.ByCounty(coverage.get(), answers.county(), office.get())
                    : new OfficeChoice.ByArea(coverage.get(), office.get()));
            }
        }
        return Optional.empty();
    }

    public static Optional<OplaOffice> oplaOffice(OfficeChoice choice) {
        if (choice instanceof OfficeChoice.ByCourt c) {
            return Optional.of(c.court().opla());
        }
        if (choice instanceof OfficeChoice.ByFacility f) {
            return Optional.of(f.facility().opla());
        }
        if (choice instanceof OfficeChoice.FromList l) {
            return Optional.of(l.office());
        }
        return Optional.empty();
    }

    public static Optional<EroOffice> eroOffice(OfficeChoice choice) {
        if (choice instanceof OfficeChoice.ByState s) {
            return Optional.of(s.office());
        }
        if (choice instanceof OfficeChoice.ByCounty c) {
            return Optional.of(c.office());
        }
        if (choice instanceof OfficeChoice.ByArea a) {
            return Optional.of(a.office());
        }
        return Optional.empty();
    }

    /** The court behind a choice, if the office was found through one. */
    public static Optional<Court> court(OfficeChoice choice) {
        if (choice instanceof OfficeChoice.ByCourt c) {
            return Optional.of(c.court());
        }
        if (choice instanceof OfficeChoice.ByFacility f) {
            return Optional.of(f.facility().court());
        }
        return Optional.empty();
    }

    public static Optional<Facility> facility(OfficeChoice choice) {
        return choice instanceof OfficeChoice.ByFacility f ? Optional.of(f.facility()) : Optional.empty();
    }
}
