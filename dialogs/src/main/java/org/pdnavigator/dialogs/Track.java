package org.pdnavigator.dialogs;

/** The two parts of ICE a request can go to, each with its own escalation ladder (pd-routing.md section 4). */
public enum Track {
    /** Enforcement and Removal Operations: officers, detention, removal. */
    ERO,
    /** Office of the Principal Legal Advisor: ICE's lawyers in immigration court. */
    OPLA
}
