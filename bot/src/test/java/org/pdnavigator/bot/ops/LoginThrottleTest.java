package org.pdnavigator.bot.ops;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed logins are limited per address; a success clears the count. */
class LoginThrottleTest {

    @Test
    void blocksAnAddressAfterFiveFailuresAndOnlyThatAddress() {
        LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.blocked("10.0.0.1")).isFalse();
        throttle.failed("10.0.0.1");
        assertThat(throttle.blocked("10.0.0.1")).isTrue();
        assertThat(throttle.blocked("10.0.0.2")).isFalse();
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            throttle.failed("10.0.0.1");
        }
        throttle.succeeded("10.0.0.1");
        throttle.failed("10.0.0.1");
        assertThat(throttle.blocked("10.0.0.1")).isFalse();
    }
}
