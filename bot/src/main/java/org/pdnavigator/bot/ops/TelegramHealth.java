package org.pdnavigator.bot.ops;

import org.pdnavigator.bot.telegram.TelegramCalls;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether Telegram answers: down after {@value #DOWN_AFTER} calls in a row that did not reach it (network errors,
 * timeouts, server errors, a token it does not know), up again at the first answer. Answers that refuse one call
 * (400, a blocked person's 403, 429) still show Telegram is there. Unknown until the first call.
 */
public final class TelegramHealth implements TelegramCalls, HealthIndicator {

    static final int DOWN_AFTER = 3;

    private final Clock clock;
    private final AtomicInteger unreachedInARow = new AtomicInteger();
    private final AtomicReference<Instant> lastAnswer = new AtomicReference<>();
    private final AtomicReference<Instant> lastFailure = new AtomicReference<>();
    private final AtomicReference<String> lastOutcome = new AtomicReference<>();

    public TelegramHealth(Clock clock) {
        this.clock = clock;
    }

    static boolean succeeded(String outcome) {
        return "ok".equals(outcome) || "not_modified".equals(outcome);
    }

    /** Whether Telegram answered at all, even with a refusal. */
    static boolean reached(String outcome) {
        return switch (outcome) {
            case "ok", "not_modified", "400", "403", "429", "blocked" -> true;
            default -> false;
        };
    }

    @Override
    public void completed(String method, String outcome, long nanos) {
        if ("blocked".equals(outcome)) {
            return;
        }
        lastOutcome.set(outcome);
        if (reached(outcome)) {
            unreachedInARow.set(0);
            lastAnswer.set(clock.instant());
        } else {
            unreachedInARow.incrementAndGet();
            lastFailure.set(clock.instant());
        }
    }

    @Override
    public Health health() {
        String outcome = lastOutcome.get();
        if (outcome == null) {
            return Health.unknown().withDetail("calls", "none yet").build();
        }
        Health.Builder builder = unreachedInARow.get() >= DOWN_AFTER ? Health.down() : Health.up();
        builder.withDetail("lastOutcome", outcome).withDetail("failuresInARow", unreachedInARow.get());
        if (lastAnswer.get() != null) {
            builder.withDetail("lastAnswer", lastAnswer.get().toString());
        }
        if (lastFailure.get() != null) {
            builder.withDetail("lastFailure", lastFailure.get().toString());
        }
        return builder.build();
    }
}
