package org.pdnavigator.dialogs.draft;

import org.pdnavigator.dialogs.Answers;
import org.pdnavigator.dialogs.Known;
import org.pdnavigator.dialogs.Role;
import org.pdnavigator.dialogs.Rung;
import org.pdnavigator.dialogs.Situation;
import org.pdnavigator.dialogs.Track;
import org.pdnavigator.dialogs.directory.EroOffice;
import org.pdnavigator.dialogs.directory.OplaOffice;
import org.pdnavigator.dialogs.route.OfficeChoice;
import org.pdnavigator.dialogs.route.Route;
import org.pdnavigator.dialogs.route.Router;

import java.util.Optional;

/**
 * What a reminder needs to say the next step of the escalation ladder: the situation, the rung the request now
 * waits on, and the offices found (directory ids). No free text, nothing that names the person.
 *
 * @param courtCase  for a detained person, whether a court case is known ({@code null} otherwise)
 * @param oplaOffice the OPLA office's id, when one was found
 * @param eroState   the state picked for the ERO office, when one was
 * @param eroOffice  the ERO office's id, when one was found
 */
public record FollowUp(Situation situation, Role role, Known courtCase, Rung waitingOn, String oplaOffice,
                       String eroState, String eroOffice) {

    /**
     * For a person at an answer: the rung their request now waits on (the first of the track that holds the case,
     * or the one they were just sent to after a no).
     */
    public static Optional<FollowUp> of(Answers answers, Router router) {
        if (answers.situation() == null) {
            return Optional.empty();
        }
        Route route = router.route(answers);
        Rung waiting;
        if (route.firstRequest()) {
            waiting = Rung.first(route.tracks().contains(Track.OPLA) ? Track.OPLA : Track.ERO);
        } else {
            waiting = route.next().orElse(route.deniedAt().orElseThrow());
        }
        Optional<OfficeChoice> why = route.why();
        return Optional.of(new FollowUp(answers.situation(), answers.role() == null ? Role.SELF : answers.role(),
            answers.courtCase(), waiting, why.flatMap(Router::oplaOffice).map(OplaOffice::id).orElse(null),
            why.flatMap(Router::eroOffice).map(e -> answers.eroState()).orElse(null),
            why.flatMap(Router::eroOffice).map(EroOffice::id).orElse(null)));
    }

    /** The answers as if the rung waited on said no: routing them gives the next step and its contacts. */
    public Answers asDenied() {
        Answers answers = Answers.NONE.withRole(role).withSituation(situation).withCourtCase(courtCase)
            .withDeniedAt(waitingOn);
        if (oplaOffice != null) {
            answers = answers.withOplaOffice(oplaOffice);
        }
        if (eroState != null) {
            answers = answers.withEroState(eroState);
        }
        if (eroOffice != null) {
            answers = answers.withEroOffice(eroOffice);
        }
        return answers;
    }

    /** The next step, if the ladder goes higher. */
    public Optional<Rung> next(Router router) {
        return router.route(asDenied()).next();
    }

    /** Waiting on the next step now: the person had no answer and climbs. */
    public Optional<FollowUp> climbed(Router router) {
        return next(router).map(rung -> new FollowUp(situation, role, courtCase, rung, oplaOffice, eroState,
            eroOffice));
    }
}
