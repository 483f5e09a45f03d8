package org.pdnavigator.bot.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdnavigator.bot.ReminderSettings;
import org.pdnavigator.dialogs.Role;
import org.pdnavigator.dialogs.Rung;
import org.pdnavigator.dialogs.Situation;
import org.pdnavigator.dialogs.draft.FollowUp;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminders at rest: one pending per chat, due on time, claimed once, and deleted when no longer needed. */
class JdbcRemindersTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final ReminderSettings DAYS = new ReminderSettings(Duration.ofDays(1), List.of(3, 7, 14),
        Duration.ofSeconds(5), Duration.ofMinutes(2));
    private static final FollowUp WAITING = new FollowUp(Situation.ENFORCEMENT, Role.SELF, null, Rung.ERO_OFFICER,
        null, "AZ", "phoenix");
    private final Secrets secrets = Secrets.of("a test secret of some length");

    private JdbcReminders reminders(Databases.Database db, Instant now) {
        return new JdbcReminders(db.jdbc(), db.transactions(), secrets, Clock.fixed(now, ZoneOffset.UTC), DAYS);
    }

    @Test
    void aReminderComesDueAfterItsDaysAndIsClaimedOnce(@TempDir Path dir) {
        try (Databases.Database db = Databases.h2(dir)) {
            reminders(db, T0).schedule(42, WAITING, 3, "es");
            reminders(db, T0).schedule(42, WAITING, 7, "es");

            assertThat(db.jdbc().queryForObject("select count(*) from reminder", Long.class)).as("one per chat").isOne();
            assertThat(reminders(db, T0.plus(Duration.ofDays(6))).due(10)).isEmpty();
            List<Long> due = reminders(db, T0.plus(Duration.ofDays(7))).due(10);
            assertThat(due).hasSize(1);

            JdbcReminders at7 = reminders(db, T0.plus(Duration.ofDays(7)));
            var claimed = at7.claim(due.get(0));
            assertThat(claimed).isPresent();
            assertThat(claimed.get().chatId()).isEqualTo(42);
            assertThat(claimed.get().reminder().followUp()).isEqualTo(WAITING);
            assertThat(claimed.get().reminder().language()).isEqualTo("es");
            assertThat(at7.claim(due.get(0))).as("held by the first claim").isEmpty();
            assertThat(reminders(db, T0.plus(Duration.ofDays(7)).plus(DAYS.claim()).plusSeconds(1)).claim(due.get(0)))
                .as("a claim left by a dead instance expires").isPresent();

            at7.sent(due.get(0));
            assertThat(reminders(db, T0.plus(Duration.ofDays(30))).due(10)).isEmpty();
            assertThat(at7.find(42, due.get(0))).isPresent();
            assertThat(at7.find(43, due.get(0))).as("another chat cannot reach it").isEmpty();
            assertThat(db.jdbc().queryForObject("select chat_ref from reminder", String.class)).isNotEqualTo("42");
        }
    }

    @Test
    void noAnswerYetWaitsAgainForTheNextStep(@TempDir Path dir) {
        try (Databases.Database db = Databases.h2(dir)) {
            reminders(db, T0).schedule(42, WAITING, 3, "en");
            long id = reminders(db, T0.plus(Duration.ofDays(3))).due(1).get(0);
            reminders(db, T0.plus(Duration.ofDays(3))).claim(id);
            reminders(db, T0.plus(Duration.ofDays(3))).sent(id);

            FollowUp next = new FollowUp(Situation.ENFORCEMENT, Role.SELF, null, Rung.ERO_DIRECTOR, null, "AZ",
                "phoenix");
            reminders(db, T0.plus(Duration.ofDays(4))).climb(id, next);

            assertThat(reminders(db, T0.plus(Duration.ofDays(6))).due(1)).isEmpty();
            assertThat(reminders(db, T0.plus(Duration.ofDays(7))).due(1)).containsExactly(id);
            assertThat(reminders(db, T0).find(42, id).orElseThrow().followUp().waitingOn()).isEqualTo(Rung.ERO_DIRECTOR);
        }
    }

    @Test
    void forgetAndRetentionDeleteThem(@TempDir Path dir) {
        try (Databases.Database db = Databases.h2(dir)) {
            reminders(db, T0).schedule(1, WAITING, 3, "en");
            reminders(db, T0).schedule(2, WAITING, 3, "en");
            reminders(db, T0).schedule(3, WAITING, 14, "en");
            reminders(db, T0).forget(1);
            long sent = reminders(db, T0.plus(Duration.ofDays(3))).due(1).get(0);
            reminders(db, T0.plus(Duration.ofDays(3))).claim(sent);
            reminders(db, T0.plus(Duration.ofDays(3))).sent(sent);

            new RetentionJob(db.jdbc(), Clock.fixed(T0.plus(Duration.ofDays(34)), ZoneOffset.UTC), Duration.ofDays(30))
                .run();

            assertThat(db.jdbc().queryForObject("select count(*) from reminder", Long.class))
                .as("the pending one of chat 3 stays until it is sent").isOne();
            assertThat(reminders(db, T0).find(3, reminders(db, T0.plus(Duration.ofDays(14))).due(1).get(0)))
                .isPresent();
        }
    }
}
