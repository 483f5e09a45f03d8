package org.pdnavigator.dialogs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pdnavigator.dialogs.route.Contact;
import org.pdnavigator.dialogs.route.Route;
import org.pdnavigator.dialogs.screen.Screen;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The conversation")
class ConversationTest {

    private final Conversation conversation = Fixtures.conversation();

    @Test
    void startsAtTheWelcomeScreenWithContinueAndPrivacy() {
        Screen screen = conversation.screen(conversation.start());

        assertThat(screen.step()).isEqualTo(Step.WELCOME);
        assertThat(screen.offers(Action.of(Event.NEXT))).isTrue();
        assertThat(screen.offers(Action.of(Event.PRIVACY))).isTrue();
    }

    @Test
    void offersBackAndStartOverOnEveryScreenAfterTheFirst() {
        Walk walk = Walk.start().next();

        assertThat(walk.screen().offers(Action.of(Event.BACK))).isTrue();
        assertThat(walk.screen().offers(Action.of(Event.RESTART))).isTrue();
    }

    @Nested
    @DisplayName("asks, in order")
    class Order {

        @Test
        void whoIsAskingThenTheSituation() {
            Walk walk = Walk.start().next();
            assertThat(walk.step()).isEqualTo(Step.ROLE);

            walk.choose(Role.HELPER);
            assertThat(walk.step()).isEqualTo(Step.SITUATION);
        }

        @Test
        void whetherADetainedPersonAlsoHasACourtCase() {
            Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.DETAINED);

            assertThat(walk.step()).isEqualTo(Step.DETAINED_COURT);
        }

        @Test
        void whetherICEAlreadySaidNo() {
            Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.COURT);

            assertThat(walk.step()).isEqualTo(Step.DENIED);
        }

        @Test
        void urgencyWhenRemovalCanBeClose() {
            Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.FINAL_ORDER).choose(Denial.NO);

            assertThat(walk.step()).isEqualTo(Step.URGENCY);
        }

        @Test
        void noUrgencyForACaseStillBeforeTheJudge() {
            Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.COURT).choose(Denial.NO);

            assertThat(walk.step()).isEqualTo(Step.COURT_STATE);
        }

        @Test
        void theErOfficeByStateWhenThereIsNoCourtCase() {
            Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.ENFORCEMENT).choose(Denial.NO)
                .choose(Known.NO);

            assertThat(walk.step()).isEqualTo(Step.ERO_STATE);
        }

        @Test
        void noOfficeForADetainedPersonWithoutACourtCase() {
            Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.DETAINED).choose(Known.NO)
                .choose(Denial.NO).choose(Known.NO);

            assertThat(walk.step()).isEqualTo(Step.ANSWER);
        }
    }

    @Nested
    @DisplayName("after a denial")
    class AfterADenial {

        @Test
        void offersTheRungsOfTheTrackThatHandlesTheCase() {
            Walk walk = Walk.start().next().choose(Role.LAWYER).choose(Situation.COURT).choose(Denial.YES);

            assertThat(walk.screen().offers(Action.choose(Rung.OPLA_CHIEF))).isTrue();
            assertThat(walk.screen().offers(Action.choose(Rung.ERO_DIRECTOR))).isFalse();
        }

        @Test
        void offersBothTracksToADetainedPersonWithACourtCase() {
            Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.DETAINED).choose(Known.YES)
                .choose(Denial.YES);

            assertThat(walk.screen().offers(Action.choose(Rung.OPLA_LOCAL))).isTrue();
            assertThat(walk.screen().offers(Action.choose(Rung.ERO_OFFICER))).isTrue();
        }

        @Test
        void goesStraightToTheAnswerWhenTheNextStepIsHeadquarters() {
            Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.COURT).choose(Denial.YES)
                .choose(Rung.OPLA_CHIEF);

            assertThat(walk.step()).isEqualTo(Step.ANSWER);
            Route route = walk.route();
            assertThat(route.next()).contains(Rung.OPLA_HQ);
            assertThat(route.contacts()).singleElement().isInstanceOf(Contact.Headquarters.class);
        }

        @Test
        void sendsASubOfficesNoToTheMainOffice() {
            Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.COURT).choose(Denial.YES)
                .choose(Rung.OPLA_LOCAL).pickAcrossPages("GA").pick("stewart");

            Route route = walk.route();
            assertThat(route.next()).contains(Rung.OPLA_MAIN);
            assertThat(route.contacts()).singleElement()
                .isEqualTo(new Contact.OplaMailbox(Fixtures.DIRECTORY.oplaOffice("atl").orElseThrow(),
                    Contact.Addressee.OFFICE, false));
        }
    }

    @Nested
    @DisplayName("moving around")
    class MovingAround {

        @Test
        void backReturnsToThePreviousQuestionWithItsAnswersAsTheyWere() {
            Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.COURT);

            walk.back();

            assertThat(walk.step()).isEqualTo(Step.SITUATION);
            assertThat(walk.session().answers().situation()).isNull();
        }

        @Test
        void backFromAListGoesToTheQuestionBeforeItNotToThePreviousPage() {
            Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.COURT).choose(Denial.NO)
                .tap(Action.page(1)).tap(Action.page(2));

            walk.back();

            assertThat(walk.step()).isEqualTo(Step.DENIED);
        }

        @Test
        void startOverGoesToTheFirstScreenAndForgetsTheAnswers() {
            Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.COURT);

            walk.on(Event.RESTART);

            assertThat(walk.step()).isEqualTo(Step.WELCOME);
            assertThat(walk.session().answers()).isEqualTo(Answers.NONE);
            assertThat(walk.session().canGoBack()).isFalse();
        }
    }

    @Nested
    @DisplayName("never acts on")
    class NeverActsOn {

        @Test
        void aButtonFromAnOlderScreen() {
            Walk walk = Walk.start().next();
            int oldTurn = walk.session().turn();
            walk.choose(Role.SELF).choose(Situation.COURT);

            Turn turn = conversation.tap(walk.session(), oldTurn, Action.choose(Role.LAWYER));

            assertThat(turn.outcome()).isEqualTo(Turn.Outcome.OUT_OF_DATE);
            assertThat(turn.session()).isEqualTo(walk.session());
        }

        @Test
        void aSecondTapOfTheSameButtonButRecognisesItAsADoubleTap() {
            Walk walk = Walk.start().next();
            int turnOfRoleScreen = walk.session().turn();
            walk.choose(Role.SELF);

            Turn again = conversation.tap(walk.session(), turnOfRoleScreen, Action.choose(Role.SELF));

            assertThat(again.outcome()).isEqualTo(Turn.Outcome.REPEATED);
            assertThat(again.session()).isEqualTo(walk.session());
        }

        @Test
        void aChoiceTheScreenDoesNotOffer() {
            Walk walk = Walk.start().next();

            Turn turn = conversation.tap(walk.session(), walk.session().turn(), Action.choose(Situation.COURT));

            assertThat(turn.outcome()).isEqualTo(Turn.Outcome.NOT_UNDERSTOOD);
            assertThat(turn.session()).isEqualTo(walk.session());
        }

        @Test
        void anIdThatIsNotInTheList() {
            Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.COURT).choose(Denial.NO);

            Turn turn = conversation.tap(walk.session(), walk.session().turn(), Action.pick("XX"));

            assertThat(turn.outcome()).isEqualTo(Turn.Outcome.NOT_UNDERSTOOD);
        }
    }

    @Test
    void keepsTheTrailBounded() {
        Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.COURT).choose(Denial.NO);
        for (int i = 0; i < 100; i++) {
            walk.on(Event.ALL_OFFICES).back();
        }

        assertThat(walk.session().depth()).isLessThanOrEqualTo(Session.MAX_TRAIL);
        assertThat(walk.session().depth()).isEqualTo(4);
    }
}
