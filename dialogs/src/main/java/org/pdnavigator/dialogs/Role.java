package org.pdnavigator.dialogs;

/** Who is asking; it decides which form ERO requires (pd-routing.md section 1). */
public enum Role {
    /** The person themselves: no form needed. */
    SELF,
    /** A lawyer or accredited representative: Form G-28. */
    LAWYER,
    /** A family member, friend or organizer: a privacy release signed by the person. */
    HELPER
}
