package org.pdnavigator.dialogs.directory;

import java.net.URI;
import java.util.Optional;

/**
 * Where a contact comes from. The bot cites it beside the contact, with its date, so a person can
 * judge how current the information is.
 *
 * @param published empty for an undated page
 * @param official  a government source; it wins where sources disagree
 */
public record Source(String id, String title, String publisher, Optional<URI> url,
                     Optional<PartialDate> published, boolean official) {
}
