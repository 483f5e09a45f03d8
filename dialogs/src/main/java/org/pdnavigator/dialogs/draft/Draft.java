package org.pdnavigator.dialogs.draft;

import org.pdnavigator.dialogs.Role;
import org.pdnavigator.dialogs.Rung;
import org.pdnavigator.dialogs.Situation;

import java.util.List;
import java.util.Optional;

/**
 * What goes in a ready-to-send request to ICE: whom it is for, what is asked, the reasons and the papers as
 * checklists the person ticks, with blanks for their details. The dialogue decides what goes in; the bot words it
 * from English templates (what ICE reads) and never fills a blank: the bot never asks for a name or an A-number.
 *
 * @param recipients whom to send it to, in order, each from the directory
 * @param escalating the rung that said no, when this asks for a review
 * @param kinds      the kinds of discretion to tick, for the parts of ICE that handle the case
 * @param reasons    the factors ICE weighs, to tick
 * @param papers     what to attach, to tick
 * @param court      the immigration court the person picked (a place, from the directory), if they picked one
 * @param facility   the detention centre the person picked, if they picked one
 */
public record Draft(Situation situation, Role role, boolean courtCase, boolean urgent, List<Recipient> recipients,
                    Optional<Rung> escalating, List<Kind> kinds, List<Reason> reasons, List<Paper> papers,
                    Optional<String> court, Optional<String> facility) {

    public Draft {
        recipients = List.copyOf(recipients);
        kinds = List.copyOf(kinds);
        reasons = List.copyOf(reasons);
        papers = List.copyOf(papers);
    }

    /** Whether it goes by e-mail: otherwise it is handed to a deportation officer, or the mailbox is still to find. */
    public boolean byEmail() {
        return recipients.stream().anyMatch(r -> r.email().isPresent());
    }

    /** Whether the person hands it in at a detention centre. */
    public boolean handedIn() {
        return recipients.stream().anyMatch(r -> r.kind() == Recipient.Kind.DEPORTATION_OFFICER);
    }

    /**
     * One addressee, as on the answer screen.
     *
     * @param email   the mailbox, from the directory; empty when there is none to write to
     * @param copy    a mailbox to copy, from the directory
     * @param office  the office's name as the directory gives it, when it has one
     * @param address the office's street address, from the directory, for an office without a known e-mail
     */
    public record Recipient(Kind kind, Optional<String> email, Optional<String> copy, Optional<String> office,
                            Optional<String> address) {

        public enum Kind {
            /** The PD mailbox of an OPLA office. */
            OPLA_OFFICE,
            /** The Deputy Chief Counsel or Chief Counsel, through the office's mailbox. */
            CHIEF_COUNSEL,
            /** The officer in charge of the case at an ERO field office. */
            ERO_OFFICER,
            /** The (Assistant) Field Office Director. */
            ERO_DIRECTOR,
            /** A headquarters mailbox. */
            HEADQUARTERS,
            /** The deportation officer at the detention centre, through its request procedure. */
            DEPORTATION_OFFICER,
            /** The OPLA office is not known yet: a blank for its mailbox. */
            OFFICE_TO_FIND,
            /** Headquarters said no: the local office again, with new facts; a blank for its address. */
            LOCAL_OFFICE_AGAIN
        }
    }

    /** The kinds of discretion (pd-routing.md section 3). */
    public enum Kind {
        CONTINUANCE, STIPULATION, BOND, JOIN_MOTION, ADMINISTRATIVE_CLOSURE, DISMISSAL,
        RELEASE, STAY_OF_REMOVAL, DEFERRED_ACTION, NO_NOTICE_TO_APPEAR
    }

    /** The factors ICE may weigh (pd-routing.md section 3). */
    public enum Reason {
        RESIDENCE, FAMILY, MILITARY, WORK_SCHOOL, ARRIVAL, IMMIGRATION_HISTORY, VICTIM_WITNESS, HUMANITARIAN,
        CRIMINAL_RECORD
    }

    /** What to attach. */
    public enum Paper {
        EVIDENCE, CRIMINAL_HISTORY, G28, PRIVACY_RELEASE, EARLIER_REQUEST, CORRESPONDENCE
    }
}
