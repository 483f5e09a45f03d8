package org.pdnavigator.dialogs.draft;

import org.pdnavigator.dialogs.Role;
import org.pdnavigator.dialogs.Situation;
import org.pdnavigator.dialogs.Track;
import org.pdnavigator.dialogs.directory.Court;
import org.pdnavigator.dialogs.directory.Facility;
import org.pdnavigator.dialogs.directory.Mailbox;
import org.pdnavigator.dialogs.route.Contact;
import org.pdnavigator.dialogs.route.Route;
import org.pdnavigator.dialogs.route.Router;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the draft for a route: its addressees are exactly the contacts the answer screen shows. */
public final class Drafts {

    private Drafts() {
    }

    public static Draft of(Route route) {
        List<Draft.Recipient> recipients = new ArrayList<>();
        for (Contact contact : route.contacts()) {
            recipient(contact).ifPresent(recipients::add);
        }
        if (recipients.isEmpty()) {
            // The top of the ladder said no: the answer says to ask the local office again, with new facts.
            recipients.add(new Draft.Recipient(Draft.Recipient.Kind.LOCAL_OFFICE_AGAIN, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        }
        List<Draft.Kind> kinds = new ArrayList<>();
        if (route.tracks().contains(Track.OPLA)) {
            kinds.addAll(List.of(Draft.Kind.CONTINUANCE, Draft.Kind.STIPULATION, Draft.Kind.BOND,
                Draft.Kind.JOIN_MOTION, Draft.Kind.ADMINISTRATIVE_CLOSURE, Draft.Kind.DISMISSAL));
        }
        if (route.tracks().contains(Track.ERO)) {
            if (route.situation() == Situation.DETAINED) {
                kinds.add(Draft.Kind.RELEASE);
            }
            if (route.situation() != Situation.ENFORCEMENT) {
                kinds.add(Draft.Kind.STAY_OF_REMOVAL);
            }
            kinds.add(Draft.Kind.DEFERRED_ACTION);
            if (route.situation() == Situation.ENFORCEMENT) {
                kinds.add(Draft.Kind.NO_NOTICE_TO_APPEAR);
            }
        }
        List<Draft.Paper> papers = new ArrayList<>(List.of(Draft.Paper.EVIDENCE, Draft.Paper.CRIMINAL_HISTORY));
        if (route.tracks().contains(Track.ERO) && route.role() == Role.LAWYER) {
            papers.add(Draft.Paper.G28);
        }
        if (route.tracks().contains(Track.ERO) && route.role() == Role.HELPER) {
            papers.add(Draft.Paper.PRIVACY_RELEASE);
        }
        if (!route.firstRequest()) {
            papers.add(Draft.Paper.EARLIER_REQUEST);
            papers.add(Draft.Paper.CORRESPONDENCE);
        }
        return new Draft(route.situation(), route.role() == null ? Role.SELF : route.role(),
            route.tracks().contains(Track.OPLA), route.urgent(), recipients, route.deniedAt(), kinds,
            List.of(Draft.Reason.values()), papers,
            route.why().flatMap(Router::court).map(Court::name),
            route.why().flatMap(Router::facility).map(Facility::name));
    }

    private static Optional<Draft.Recipient> recipient(Contact contact) {
        if (contact instanceof Contact.OplaMailbox mailbox) {
            return Optional.of(new Draft.Recipient(mailbox.addressee() == Contact.Addressee.CHIEF_COUNSEL
                ? Draft.Recipient.Kind.CHIEF_COUNSEL : Draft.Recipient.Kind.OPLA_OFFICE,
                Optional.of(mailbox.office().email()), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        if (contact instanceof Contact.EroField field) {
            return Optional.of(new Draft.Recipient(field.addressee() == Contact.Addressee.DIRECTOR
                ? Draft.Recipient.Kind.ERO_DIRECTOR : Draft.Recipient.Kind.ERO_OFFICER, field.office().email(),
                Optional.empty(), Optional.of(field.office().name()), Optional.of(field.office().address())));
        }
        if (contact instanceof Contact.Headquarters hq && !hq.ifUnresolved()) {
            return Optional.of(new Draft.Recipient(Draft.Recipient.Kind.HEADQUARTERS, Optional.of(hq.to().email()),
                hq.copy().map(Mailbox::email), Optional.empty(), Optional.empty()));
        }
        if (contact instanceof Contact.DeportationOfficer) {
            return Optional.of(new Draft.Recipient(Draft.Recipient.Kind.DEPORTATION_OFFICER, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        }
        if (contact instanceof Contact.FindTheOffice) {
            return Optional.of(new Draft.Recipient(Draft.Recipient.Kind.OFFICE_TO_FIND, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return Optional.empty();
    }
}
