package org.pdnavigator.dialogs.route;

import org.pdnavigator.dialogs.Answers;
import org.pdnavigator.dialogs.Known;
import org.pdnavigator.dialogs.Rung;
import org.pdnavigator.dialogs.Situation;
import org.pdnavigator.dialogs.Track;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The rules of pd-routing.md that decide which questions to ask and which office to look for. */
public final class Routing {

    private Routing() {
    }

    /** The parts of ICE that handle the case: ERO for custody and removal, OPLA for court cases. */
    public static Set<Track> tracks(Answers answers) {
        Situation situation = answers.situation();
        if (situation == null) {
            return EnumSet.noneOf(Track.class);
        }
        return switch (situation) {
            case DETAINED -> answers.courtCase() == Known.YES ? EnumSet.of(Track.ERO, Track.OPLA) : EnumSet.of(Track.ERO);
            case COURT, APPEAL -> EnumSet.of(Track.OPLA);
            case FINAL_ORDER, ENFORCEMENT -> EnumSet.of(Track.ERO);
        };
    }

    /** The rungs a person can say said no, for "who said no?". */
    public static List<Rung> deniedOptions(Answers answers) {
        List<Rung> rungs = new ArrayList<>();
        Set<Track> tracks = tracks(answers);
        for (Track track : Track.values()) {
            if (tracks.contains(track)) {
                rungs.addAll(Rung.of(track));
            }
        }
        return rungs;
    }

    public static boolean asksUrgency(Answers answers) {
        return answers.situation() != null && answers.situation().asksUrgency();
    }

    /** Which office the bot must find before it can answer. */
    public static OfficeNeed officeNeed(Answers answers) {
        Rung denied = answers.deniedAt();
        if (denied != null) {
            return switch (denied) {
                // The next rung is at the same office or its main office; above that, headquarters.
                case ERO_OFFICER -> OfficeNeed.ERO;
                case OPLA_LOCAL, OPLA_MAIN -> OfficeNeed.OPLA;
                case ERO_DIRECTOR, OPLA_CHIEF, ERO_HQ, OPLA_HQ -> OfficeNeed.NONE;
            };
        }
        return switch (answers.situation()) {
            case DETAINED -> answers.courtCase() == Known.YES ? OfficeNeed.OPLA : OfficeNeed.NONE;
            case COURT, APPEAL -> OfficeNeed.OPLA;
            case FINAL_ORDER, ENFORCEMENT -> OfficeNeed.ERO;
        };
    }

    public enum OfficeNeed { NONE, OPLA, ERO }
}
