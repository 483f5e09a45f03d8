package org.pdnavigator.bot.ops;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Telegram's health follows whether the last calls reached it. */
class TelegramHealthTest {

    private final TelegramHealth health = new TelegramHealth(Clock.systemUTC());

    @Test
    void isUnknownBeforeTheFirstCall() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void isDownAfterThreeCallsInARowThatDidNotReachTelegramAndUpAtTheNextAnswer() {
        health.completed("getUpdates", "ok", 1);
        health.completed("sendMessage", "io", 1);
        health.completed("sendMessage", "502", 1);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        health.completed("getUpdates", "io", 1);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("failuresInARow", 3);

        health.completed("getUpdates", "ok", 1);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void refusalsOfOneCallStillShowTelegramIsThere() {
        for (String outcome : new String[] {"400", "403", "429", "not_modified", "blocked"}) {
            health.completed("sendMessage", outcome, 1);
            health.completed("sendMessage", outcome, 1);
            health.completed("sendMessage", outcome, 1);
        }
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
