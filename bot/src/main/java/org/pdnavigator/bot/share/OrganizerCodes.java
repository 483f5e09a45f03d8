package org.pdnavigator.bot.share;

import java.util.List;
import java.util.Optional;

/** Organizers' codes and their counts, for the operators' dashboard. */
public interface OrganizerCodes {

    /**
     * Creates a code, or returns it as it is if it exists (created before, or already seen in links).
     *
     * @throws IllegalArgumentException if the code cannot go in a link, saying why
     */
    OrganizerCode create(String code);

    /** Every code, operators' and those seen in links, most conversations first. */
    List<OrganizerCode> all();

    Optional<OrganizerCode> find(String code);
}
