package org.pdnavigator.dialogs.route;

import org.pdnavigator.dialogs.directory.Court;
import org.pdnavigator.dialogs.directory.EroCoverage;
import org.pdnavigator.dialogs.directory.EroOffice;
import org.pdnavigator.dialogs.directory.Facility;
import org.pdnavigator.dialogs.directory.OplaOffice;

/** How the office on the answer screen was chosen: what "why this office?" explains. */
public sealed interface OfficeChoice {

    record ByCourt(Court court) implements OfficeChoice {
    }

    record ByFacility(Facility facility) implements OfficeChoice {
    }

    /** Picked by the person from the list of OPLA offices. */
    record FromList(OplaOffice office) implements OfficeChoice {
    }

    record ByState(EroCoverage coverage, EroOffice office) implements OfficeChoice {
    }

    record ByCounty(EroCoverage coverage, String county, EroOffice office) implements OfficeChoice {
    }

    /** Picked by the person among the offices of a split state, by the area ice.gov gives. */
    record ByArea(EroCoverage coverage, EroOffice office) implements OfficeChoice {
    }
}
