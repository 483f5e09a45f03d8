package org.pdnavigator.dialogs.directory;

import java.util.Optional;

/**
 * A detention centre, jail or prison, and the court EOIR lists for its cases.
 *
 * @param stateFromCourt true where EOIR's listing does not say where the place is, and the court's state is used
 * @param ownOpla        a mailbox of the place's own (Broward Transitional Center) that takes precedence over the court's
 */
public record Facility(String id, String name, String state, boolean stateFromCourt, Court court,
                       Optional<OplaOffice> ownOpla, Source source) {

    public OplaOffice opla() {
        return ownOpla.orElse(court.opla());
    }
}
