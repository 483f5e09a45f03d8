package org.pdnavigator.dialogs.directory;

import java.util.Optional;

/**
 * An OPLA field location or sub-office (ICE's lawyers in immigration court) and its PD mailbox,
 * as in ICE's 2021 table.
 *
 * @param field the main field location ("Atlanta")
 * @param sub   the sub-office ("Charlotte"), empty for the main office
 */
public record OplaOffice(String id, String field, Optional<String> sub, String email, Source source) {

    public boolean isSubOffice() {
        return sub.isPresent();
    }
}
