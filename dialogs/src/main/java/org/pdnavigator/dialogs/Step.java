package org.pdnavigator.dialogs;

/**
 * The steps of the conversation: the states of the intake machine. Persisted by name, so renaming one
 * needs a migration of stored sessions.
 */
public enum Step {
    /** Who this is, what it never asks for; go on or read more about privacy. */
    WELCOME,
    PRIVACY,
    /** The person, a lawyer or accredited representative, or someone helping. */
    ROLE,
    SITUATION,
    /** What each situation means, and how to find out. */
    SITUATION_HELP,
    /** Detained: is there also a case before an immigration judge? */
    DETAINED_COURT,
    /** Has ICE already said no? */
    DENIED,
    /** Who said no: the step of the escalation ladder. */
    DENIED_BY,
    /** Is removal planned soon? */
    URGENCY,
    COURT_STATE,
    COURT_PICK,
    /** The first letter of the detention centre, in a state with too many to page through. */
    FACILITY_LETTER,
    FACILITY_PICK,
    /** How to find the court, rather than guessing. */
    COURT_HELP,
    OPLA_FIELD,
    OPLA_OFFICE,
    ERO_STATE,
    ERO_AREA,
    COUNTY_LETTER,
    COUNTY_PICK,
    /** Whom to contact, what to send, what helps. */
    ANSWER,
    /** Why this office. */
    WHY,
    /** The escalation ladder. */
    LADDER,
    /** A draft of the request, in English, with what each part means. */
    DRAFT,

    // Junctions: the machine passes through them to decide where to go; a session never rests in one.
    AFTER_SITUATION(true),
    AFTER_DENIAL(true),
    AFTER_FACILITIES(true),
    FIND_OFFICE(true),
    AFTER_ERO_STATE(true);

    private final boolean junction;

    Step() {
        this(false);
    }

    Step(boolean junction) {
        this.junction = junction;
    }

    public boolean junction() {
        return junction;
    }
}
