package org.pdnavigator.dialogs.directory;

/**
 * Why a court's cases go to an OPLA office. ICE's rule is the office in the same city and state as the
 * court; the inferred bases are the directory's best reading where no office sits in that city.
 */
public enum Basis {
    SAME_CITY_MAIN(false),
    SAME_CITY_SUB_OFFICE(false),
    SAME_FACILITY_SUB_OFFICE(false),
    SAME_ADDRESS_SUB_OFFICE(false),
    SAME_TERRITORY_SUB_OFFICE(false),
    INFERRED_AREA(true),
    INFERRED_BUILDING(true),
    INFERRED_COUNTY(true),
    INFERRED_REGION(true);

    private final boolean inferred;

    Basis(boolean inferred) {
        this.inferred = inferred;
    }

    public boolean inferred() {
        return inferred;
    }
}
