package org.pdnavigator.dialogs.route;

import org.pdnavigator.dialogs.directory.EroOffice;
import org.pdnavigator.dialogs.directory.Mailbox;
import org.pdnavigator.dialogs.directory.OplaOffice;
import org.pdnavigator.dialogs.directory.Phone;

import java.util.Optional;

/** One contact on the answer screen; the bot words it, the directory supplies its details. */
public sealed interface Contact {

    /** The deportation officer at the facility, reached through its detainee request procedure. */
    record DeportationOfficer() implements Contact {
    }

    /** A phone line and what it is for here. */
    record Line(Phone phone, Purpose purpose) implements Contact {
        public enum Purpose {
            /** Make the request by phone (the detention line). */
            REQUEST,
            /** Ask about the case. */
            CASE_INFO,
            /** Questions about deferred action (USCIS). */
            DEFERRED_ACTION
        }
    }

    /** An OPLA PD mailbox, written to as the office or to ask for the Chief Counsel's review. */
    record OplaMailbox(OplaOffice office, Addressee addressee, boolean confirm) implements Contact {
    }

    /** An ERO field office: its officer in charge of the case, or its director on appeal. */
    record EroField(EroOffice office, Addressee addressee) implements Contact {
    }

    /** A headquarters mailbox, with the mailbox to copy. */
    record Headquarters(Mailbox to, Optional<Mailbox> copy, boolean ifUnresolved) implements Contact {
    }

    /** The office could not be told: how to find the court, rather than a guess. */
    record FindTheOffice(Phone caseLine) implements Contact {
    }

    /** Whom a request is addressed to within an office. */
    enum Addressee {
        OFFICE, OFFICER, DIRECTOR, CHIEF_COUNSEL
    }
}
