package org.pdnavigator.bot.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdnavigator.bot.chat.ChatState;
import org.pdnavigator.bot.chat.ChatState.LanguageSource;
import org.pdnavigator.dialogs.Session;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** What is no longer needed is deleted for real, on time. */
class RetentionJobTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Secrets secrets = Secrets.of("a test secret of some length");

    @Test
    void deletesChatsIdleLongerThanTheRetentionAndKeepsTheOthers(@TempDir Path dir) {
        try (Databases.Database db = Databases.h2(dir)) {
            store(db, T0).commit(1, null, state(), OptionalLong.of(1));
            store(db, T0.plus(Duration.ofDays(25))).commit(2, null, state(), OptionalLong.of(2));

            new RetentionJob(db.jdbc(), at(T0.plus(Duration.ofDays(31))), Duration.ofDays(30)).run();

            assertThat(store(db, T0).find(1)).isEmpty();
            assertThat(store(db, T0).find(2)).isPresent();
        }
    }

    @Test
    void deletesHandledUpdatesAfterTwoDaysAndSentMessagesAfterFortySevenHours(@TempDir Path dir) {
        try (Databases.Database db = Databases.h2(dir)) {
            store(db, T0).commit(1, null, state(), OptionalLong.of(77));
            new JdbcSentMessages(db.jdbc(), secrets, at(T0)).record(1, 5);

            new RetentionJob(db.jdbc(), at(T0.plus(Duration.ofHours(48))), Duration.ofDays(30)).run();

            assertThat(db.jdbc().queryForObject("select count(*) from sent_message", Long.class)).isZero();
            assertThat(db.jdbc().queryForObject("select count(*) from handled_update", Long.class)).isOne();

            new RetentionJob(db.jdbc(), at(T0.plus(Duration.ofDays(3))), Duration.ofDays(30)).run();

            assertThat(db.jdbc().queryForObject("select count(*) from handled_update", Long.class)).isZero();
        }
    }

    private JdbcChatStore store(Databases.Database db, Instant now) {
        return new JdbcChatStore(db.jdbc(), db.transactions(), secrets, at(now), Duration.ofDays(30), 10);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static ChatState state() {
        return new ChatState(Session.start(), "en", LanguageSource.TELEGRAM);
    }
}
