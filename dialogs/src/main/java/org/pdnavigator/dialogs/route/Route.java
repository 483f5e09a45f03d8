package org.pdnavigator.dialogs.route;

import org.pdnavigator.dialogs.Known;
import org.pdnavigator.dialogs.Role;
import org.pdnavigator.dialogs.Rung;
import org.pdnavigator.dialogs.Situation;
import org.pdnavigator.dialogs.Track;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The answer for one person: whom to contact, in order, and what the answer must say around it.
 *
 * @param deniedAt the rung that said no, if any
 * @param next     the rung the contacts are for; empty when the ladder is climbed to its top
 * @param urgency  whether removal is planned soon
 * @param why      how the office was chosen, when one was
 */
public record Route(Situation situation, Role role, Set<Track> tracks, List<Contact> contacts,
                    Optional<Rung> deniedAt, Optional<Rung> next, Known urgency, Optional<OfficeChoice> why) {

    public boolean urgent() {
        return urgency == Known.YES;
    }

    public boolean firstRequest() {
        return deniedAt.isEmpty();
    }

    /** Whether the answer lists the kinds of PD OPLA grants, dismissal among them. */
    public boolean mentionsDismissal() {
        return tracks.contains(Track.OPLA);
    }
}
