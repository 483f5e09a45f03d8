package org.pdnavigator.bot.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.pdnavigator.bot.telegram.TelegramCalls;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** Every call to Telegram as a timer by method and outcome; failed calls also kept for the dashboard. */
public final class TelegramCallsRecorder implements TelegramCalls {

    private final ActivityLog log;
    private final MeterRegistry meters;
    private final Clock clock;

    public TelegramCallsRecorder(ActivityLog log, MeterRegistry meters, Clock clock) {
        this.log = log;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void completed(String method, String outcome, long nanos) {
        Timer.builder("pd.telegram.calls").description("Calls to the Telegram Bot API")
            .tag("method", method).tag("outcome", outcome).register(meters).record(nanos, TimeUnit.NANOSECONDS);
        // "blocked" is a call not made (the person blocked the bot): nothing failed.
        if (!TelegramHealth.succeeded(outcome) && !"blocked".equals(outcome)) {
            try {
                log.failure("telegram", method, outcome, clock.instant());
            } catch (RuntimeException e) {
                // Counting must never break a call to Telegram; the metric above still has it.
                LoggerFactory.getLogger(TelegramCallsRecorder.class)
                    .warn("Keeping a Telegram failure for the dashboard failed: {}", e.getClass().getSimpleName());
            }
        }
    }
}
