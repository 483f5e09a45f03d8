package org.pdnavigator.bot.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes, for real, what is no longer needed: chats idle longer than the retention setting, handled-update
 * markers older than Telegram's retry window, and sent-message ids Telegram would no longer let us delete.
 */
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    /** Telegram retries a webhook delivery for up to 24 hours; markers are kept twice as long. */
    static final Duration HANDLED_UPDATES = Duration.ofDays(2);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    public RetentionJob(JdbcTemplate jdbc, Clock clock, Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${bot.retention-check}", fixedDelayString = "${bot.retention-check}")
    public void run() {
        Instant now = clock.instant();
        int chats = jdbc.update("delete from chat_state where updated_at < ?", Timestamp.from(now.minus(retention)));
        int updates = jdbc.update("delete from handled_update where handled_at < ?",
            Timestamp.from(now.minus(HANDLED_UPDATES)));
        int messages = jdbc.update("delete from sent_message where sent_at < ?",
            Timestamp.from(now.minus(JdbcSentMessages.DELETABLE)));
        jdbc.update("delete from blocked_chat where blocked_at < ?", Timestamp.from(now.minus(retention)));
        // A reminder sent is kept as long as an idle chat, for its buttons; a pending one until it is sent.
        jdbc.update("delete from reminder where state <> 'PENDING' and updated_at < ?",
            Timestamp.from(now.minus(retention)));
        if (chats + updates + messages > 0) {
            log.info("Retention: deleted {} idle chats, {} handled-update markers, {} sent-message ids",
                chats, updates, messages);
        }
    }
}
