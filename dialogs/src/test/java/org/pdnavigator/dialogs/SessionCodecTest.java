package org.pdnavigator.dialogs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionCodecTest {

    private final SessionCodec codec = new SessionCodec();

    @Test
    void roundTripsASessionWithItsWholeTrail() {
        Session session = Walk.start().next().choose(Role.HELPER).choose(Situation.DETAINED).choose(Known.YES)
            .choose(Denial.YES).choose(Rung.OPLA_LOCAL).choose(Known.NOT_SURE).pickAcrossPages("TX").session();

        Session read = codec.decode(codec.encode(session));

        assertThat(read).isEqualTo(session);
        assertThat(read.depth()).isEqualTo(session.depth());
    }

    @Test
    void aRestoredSessionGoesOnAndBackExactlyLikeTheOriginal() {
        Walk walk = Walk.start().next().choose(Role.SELF).choose(Situation.COURT);
        Session restored = codec.decode(codec.encode(walk.session()));
        Conversation conversation = walk.conversation();

        Turn back = conversation.tap(restored, restored.turn(), Action.of(Event.BACK));

        assertThat(back.session().step()).isEqualTo(Step.SITUATION);
        assertThat(back.session().answers().role()).isEqualTo(Role.SELF);
    }

    @Test
    void keepsOnlyStepsIdsAndChoices() {
        String text = codec.encode(Walk.start().next().choose(Role.SELF).choose(Situation.ENFORCEMENT).session());

        assertThat(text).startsWith("{\"v\":1,").contains("\"s\":\"DENIED\"").contains("\"situation\":\"ENFORCEMENT\"");
    }

    @Test
    void refusesTextThatIsNotASessionOfThisVersion() {
        assertThatThrownBy(() -> codec.decode("{\"v\":0}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decode("nonsense")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decode("{\"v\":1,\"t\":[{\"s\":\"NO_SUCH_STEP\"}]}"))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
