package org.pdnavigator.dialogs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A step of an escalation ladder (pd-routing.md section 4, from seed 001). */
public enum Rung {
    /** The local ERO field office: the officer in charge of the case. */
    ERO_OFFICER(Track.ERO),
    /** The Assistant Field Office Director or Field Office Director. */
    ERO_DIRECTOR(Track.ERO),
    /** The ERO headquarters PD mailbox; a director in another city reviews. */
    ERO_HQ(Track.ERO),
    /** The trial attorney or the PD mailbox of the office (a sub-office first, where the case is under one). */
    OPLA_LOCAL(Track.OPLA),
    /** The main OPLA office with jurisdiction, after a sub-office. */
    OPLA_MAIN(Track.OPLA),
    /** The Deputy Chief Counsel or Chief Counsel. */
    OPLA_CHIEF(Track.OPLA),
    /** The OPLA headquarters mailbox, copying the ERO one. */
    OPLA_HQ(Track.OPLA);

    private final Track track;

    Rung(Track track) {
        this.track = track;
    }

    public Track track() {
        return track;
    }

    public static List<Rung> of(Track track) {
        return Arrays.stream(values()).filter(r -> r.track == track).toList();
    }

    /** The first rung of a track. */
    public static Rung first(Track track) {
        return of(track).get(0);
    }

    /** The rung after this one, if any; {@code underSubOffice} when the case is under an OPLA sub-office. */
    public Optional<Rung> next(boolean underSubOffice) {
        return switch (this) {
            case ERO_OFFICER -> Optional.of(ERO_DIRECTOR);
            case ERO_DIRECTOR -> Optional.of(ERO_HQ);
            case OPLA_LOCAL -> Optional.of(underSubOffice ? OPLA_MAIN : OPLA_CHIEF);
            case OPLA_MAIN -> Optional.of(OPLA_CHIEF);
            case OPLA_CHIEF -> Optional.of(OPLA_HQ);
            case ERO_HQ, OPLA_HQ -> Optional.empty();
        };
    }
}
