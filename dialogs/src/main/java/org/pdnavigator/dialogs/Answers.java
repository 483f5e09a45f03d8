package org.pdnavigator.dialogs;

/**
 * What a person has answered so far: small, immutable, plain data (ids and enum constants), so a session
 * stays small and survives storage. Unanswered fields are {@code null}.
 *
 * @param courtState  the state picked to find the court or detention centre
 * @param court       a court id from the directory
 * @param facility    a detention centre id from the directory
 * @param oplaField   the id of the main office of the OPLA field location being browsed
 * @param oplaOffice  an OPLA office picked from the list
 * @param noOffice    the person could not tell the court; the answer says how to find out
 * @param eroState    the state picked to find the ERO field office
 * @param eroOffice   an ERO field office id
 * @param letter      the first letter of the name looked for in a long list (counties, detention centres)
 * @param county      the county picked, in a state split between ERO offices
 * @param page        the page shown of the current list
 */
public record Answers(Role role, Situation situation, Known courtCase, Rung deniedAt, Known urgent,
                      String courtState, String court, String facility, String oplaField, String oplaOffice,
                      boolean noOffice, String eroState, String eroOffice, String letter, String county,
                      int page) {

    public static final Answers NONE = new Answers(null, null, null, null, null, null, null, null, null, null,
        false, null, null, null, null, 0);

    public Answers withRole(Role value) {
        return new Answers(value, situation, courtCase, deniedAt, urgent, courtState, court, facility, oplaField,
            oplaOffice, noOffice, eroState, eroOffice, letter, county, page);
    }

    public Answers withSituation(Situation value) {
        return new Answers(role, value, courtCase, deniedAt, urgent, courtState, court, facility, oplaField,
            oplaOffice, noOffice, eroState, eroOffice, letter, county, page);
    }

    public Answers withCourtCase(Known value) {
        return new Answers(role, situation, value, deniedAt, urgent, courtState, court, facility, oplaField,
            oplaOffice, noOffice, eroState, eroOffice, letter, county, page);
    }

    public Answers withDeniedAt(Rung value) {
        return new Answers(role, situation, courtCase, value, urgent, courtState, court, facility, oplaField,
            oplaOffice, noOffice, eroState, eroOffice, letter, county, page);
    }

    public Answers withUrgent(Known value) {
        return new Answers(role, situation, courtCase, deniedAt, value, courtState, court, facility, oplaField,
            oplaOffice, noOffice, eroState, eroOffice, letter, county, page);
    }

    public Answers withCourtState(String value) {
        return new Answers(role, situation, courtCase, deniedAt, urgent, value, court, facility, oplaField,
            oplaOffice, noOffice, eroState, eroOffice, letter, county, 0);
    }

    /** The office is found: exactly one of court, facility and office list choice is kept. */
    public Answers withCourt(String value) {
        return new Answers(role, situation, courtCase, deniedAt, urgent, courtState, value, null, oplaField,
            null, false, eroState, eroOffice, letter, county, page);
    }

    public Answers withFacility(String value) {
        return new Answers(role, situation, courtCase, deniedAt, urgent, courtState, null, value, oplaField,
            null, false, eroState, eroOffice, letter, county, page);
    }

    public Answers withOplaField(String value) {
        return new Answers(role, situation, courtCase, deniedAt, urgent, courtState, court, facility, value,
            oplaOffice, noOffice, eroState, eroOffice, letter, county, 0);
    }

    public Answers withOplaOffice(String value) {
        return new Answers(role, situation, courtCase, deniedAt, urgent, courtState, null, null, oplaField,
            value, false, eroState, eroOffice, letter, county, page);
    }

    public Answers withNoOffice() {
        return new Answers(role, situation, courtCase, deniedAt, urgent, courtState, null, null, oplaField,
            null, true, eroState, eroOffice, letter, county, page);
    }

    public Answers withEroState(String value) {
        return new Answers(role, situation, courtCase, deniedAt, urgent, courtState, court, facility, oplaField,
            oplaOffice, noOffice, value, null, letter, null, 0);
    }

    public Answers withEroOffice(String value) {
        return new Answers(role, situation, courtCase, deniedAt, urgent, courtState, court, facility, oplaField,
            oplaOffice, noOffice, eroState, value, letter, county, page);
    }

    public Answers withLetter(String value) {
        return new Answers(role, situation, courtCase, deniedAt, urgent, courtState, court, facility, oplaField,
            oplaOffice, noOffice, eroState, eroOffice, value, county, 0);
    }

    public Answers withCounty(String value, String office) {
        return new Answers(role, situation, courtCase, deniedAt, urgent, courtState, court, facility, oplaField,
            oplaOffice, noOffice, eroState, office, letter, value, page);
    }

    public Answers withPage(int value) {
        return new Answers(role, situation, courtCase, deniedAt, urgent, courtState, court, facility, oplaField,
            oplaOffice, noOffice, eroState, eroOffice, letter, county, value);
    }

    /** Pages restart at the first whenever a new list opens. */
    public Answers firstPage() {
        return page == 0 ? this : withPage(0);
    }
}
