package org.pdnavigator.dialogs.directory;

/** Ids of the phone lines, links and mailboxes the dialogue names; the directory must have each. */
public final class Contacts {

    public static final String DETENTION_LINE = "dril";
    public static final String COURT_CASE_LINE = "eoir-acis";
    public static final String USCIS_LINE = "uscis-ncsc";
    public static final String BIA_LINE = "bia-info";

    public static final String PRIVACY_WAIVER = "privacy-waiver";
    public static final String ERO_OFFICES = "ero-offices";
    public static final String FIELD_OFFICES = "field-offices";
    public static final String DETAINEE_LOCATOR = "odls";
    public static final String PRO_BONO = "pro-bono";
    public static final String LEGAL_DIRECTORY = "legal-directory";

    public static final String OPLA_HQ = "opla-hq";
    public static final String ERO_HQ = "ero-hq";

    /** The sources of the rules themselves, cited on the answer screen. */
    public static final String RULES_ICE_2015 = "ice-pd-2015";
    public static final String RULES_ESCALATION = "aila-escalation-2015";
    public static final String RULES_OPLA_2021 = "ice-opla-pd-2021";
    public static final String RULE_SAME_CITY = "ice-msl-2023";
    public static final String POLICY_2025 = "policy-eo-14159";
    public static final String DISMISSALS_2025 = "policy-dismissals-2025";

    private Contacts() {
    }
}
