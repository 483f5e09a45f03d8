package org.pdnavigator.dialogs;

/** The situation decides the first contact (pd-routing.md section 2). */
public enum Situation {
    /** A. Detained in ICE custody. */
    DETAINED,
    /** B. Case before an immigration judge, not detained. */
    COURT,
    /** C. Case on appeal at the BIA. */
    APPEAL,
    /** D. Final order of removal, not detained. */
    FINAL_ORDER,
    /** E. Facing ICE enforcement with no court case (check-ins, a letter or a visit). */
    ENFORCEMENT;

    /** Removal can be close in these situations, so the bot asks whether it is. */
    public boolean asksUrgency() {
        return this != COURT;
    }
}
