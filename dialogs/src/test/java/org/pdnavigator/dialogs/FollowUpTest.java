package org.pdnavigator.dialogs;

import org.junit.jupiter.api.Test;
import org.pdnavigator.dialogs.draft.FollowUp;
import org.pdnavigator.dialogs.route.Router;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reminder waits on, and how "no answer yet" climbs the escalation ladder (pd-routing.md section 4). */
class FollowUpTest {

    private static final Router ROUTER = new Router(Fixtures.DIRECTORY);

    private static List<Rung> climb(FollowUp start) {
        List<Rung> rungs = new ArrayList<>(List.of(start.waitingOn()));
        Optional<FollowUp> next = start.climbed(ROUTER);
        while (next.isPresent()) {
            rungs.add(next.get().waitingOn());
            next = next.get().climbed(ROUTER);
        }
        return rungs;
    }

    @Test
    void aCheckInClimbsFromTheOfficerToTheDirectorToHeadquarters() {
        Answers answers = Answers.NONE.withRole(Role.SELF).withSituation(Situation.ENFORCEMENT).withUrgent(Known.NO)
            .withEroState("AZ").withEroOffice(Fixtures.DIRECTORY.coverage("AZ").orElseThrow().offices().get(0).id());
        FollowUp followUp = FollowUp.of(answers, ROUTER).orElseThrow();
        assertThat(climb(followUp)).containsExactly(Rung.ERO_OFFICER, Rung.ERO_DIRECTOR, Rung.ERO_HQ);
        assertThat(ROUTER.route(followUp.asDenied()).contacts()).isNotEmpty();
    }

    @Test
    void aCourtCaseAtASubOfficeGoesToItsMainOfficeBeforeTheChiefCounsel() {
        String sub = Fixtures.DIRECTORY.oplaOffices().stream().filter(o -> o.isSubOffice()).findFirst()
            .orElseThrow().id();
        Answers answers = Answers.NONE.withRole(Role.SELF).withSituation(Situation.COURT).withOplaOffice(sub);
        assertThat(climb(FollowUp.of(answers, ROUTER).orElseThrow()))
            .containsExactly(Rung.OPLA_LOCAL, Rung.OPLA_MAIN, Rung.OPLA_CHIEF, Rung.OPLA_HQ);
    }

    @Test
    void afterANoTheReminderWaitsOnTheStepTheAnswerSentThemTo() {
        Answers answers = Answers.NONE.withRole(Role.HELPER).withSituation(Situation.APPEAL)
            .withDeniedAt(Rung.OPLA_CHIEF);
        assertThat(FollowUp.of(answers, ROUTER).orElseThrow().waitingOn()).isEqualTo(Rung.OPLA_HQ);
        assertThat(FollowUp.of(answers, ROUTER).orElseThrow().climbed(ROUTER)).isEmpty();
    }
}
