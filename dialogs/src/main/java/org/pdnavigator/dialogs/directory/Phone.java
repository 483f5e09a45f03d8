package org.pdnavigator.dialogs.directory;

import java.net.URI;
import java.util.Optional;

/**
 * A phone line, with its TDD number, opening hours and web version where the source gives them.
 *
 * @param hoursSource where the hours come from, when not from the same source as the number
 */
public record Phone(String id, String number, Optional<String> tdd, Optional<Hours> hours,
                    Optional<URI> web, Source source, Optional<Source> hoursSource) {
}
