package org.pdnavigator.bot.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;

/** Deletes, for real, dashboard events and failures older than the retention setting. */
public final class OpsRetention {

    private static final Logger log = LoggerFactory.getLogger(OpsRetention.class);

    private final ActivityLog activity;
    private final Clock clock;
    private final Duration retention;

    public OpsRetention(ActivityLog activity, Clock clock, Duration retention) {
        this.activity = activity;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${bot.retention-check}", fixedDelayString = "${bot.retention-check}")
    public void run() {
        int deleted = activity.expire(clock.instant().minus(retention));
        if (deleted > 0) {
            log.info("Retention: deleted {} dashboard events older than {}", deleted, retention);
        }
    }
}
