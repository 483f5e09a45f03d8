package org.pdnavigator.bot.ops;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pdnavigator.bot.ops.ActivityLog.Event;
import org.pdnavigator.bot.ops.ActivityLog.Kind;
import org.pdnavigator.bot.ops.Dashboard.Count;
import org.pdnavigator.bot.ops.Dashboard.FunnelStep;
import org.pdnavigator.bot.ops.Dashboard.Range;
import org.pdnavigator.bot.ops.Dashboard.Summary;
import org.pdnavigator.bot.store.Databases;
import org.pdnavigator.dialogs.directory.DirectoryLoader;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's figures, counted by SQL that gives the same on the embedded H2 and on PostgreSQL. */
class DashboardQueriesTest {

    private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void countsConversationsStepsAnswersAndFailuresPerPeriod(String database, @TempDir Path dir) {
        try (Databases.Database db = database.equals("h2") ? Databases.h2(dir) : Databases.postgres()) {
            ActivityLog log = new ActivityLog(db.jdbc());
            // Today: one chat answered in 4 minutes, one in 10, one stopped at the situation an hour ago.
            conversation(log, "aaaa", NOW.minus(Duration.ofMinutes(20)), "es", "casa_latina", 4, "COURT", "CHI");
            conversation(log, "bbbb", NOW.minus(Duration.ofMinutes(40)), "en", null, 10, "DETAINED", null);
            log.record(start("cccc", NOW.minus(Duration.ofHours(1)), "en", null));
            log.record(step("cccc", NOW.minus(Duration.ofMinutes(59)), "ROLE"));
            log.record(step("cccc", NOW.minus(Duration.ofMinutes(58)), "SITUATION"));
            // Five days ago: one answered in 6 minutes; twenty days ago: one more start.
            conversation(log, "dddd", NOW.minus(Duration.ofDays(5)), "es", "casa_latina", 6, "COURT", "CHI");
            log.record(start("eeee", NOW.minus(Duration.ofDays(20)), "ht", null));
            // A chat that erased itself today, and failures.
            log.record(start("ffff", NOW.minus(Duration.ofMinutes(5)), "en", null));
            log.forget("ffff", NOW.minus(Duration.ofMinutes(4)));
            log.failure("telegram", "sendMessage", "500", NOW.minus(Duration.ofMinutes(3)));
            log.failure("telegram", "sendMessage", "500", NOW.minus(Duration.ofMinutes(2)));
            log.failure("error", "IllegalStateException", "failed", NOW.minus(Duration.ofDays(3)));

            Dashboard dashboard = new Dashboard(db.jdbc(), new DirectoryLoader(List.of("en")).loadBundled(),
                Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);

            Summary today = dashboard.summary(Range.TODAY);
            assertThat(today.started()).isEqualTo(3);
            assertThat(today.finished()).isEqualTo(2);
            assertThat(today.medianMillis()).isEqualTo(Duration.ofMinutes(7).toMillis());
            assertThat(today.forgotten()).isEqualTo(1);
            assertThat(today.telegramFailures()).isEqualTo(2);
            assertThat(today.errors()).isZero();
            assertThat(funnel(today, "ROLE").reached()).isEqualTo(3);
            assertThat(funnel(today, "SITUATION").stopped()).isEqualTo(1);
            assertThat(funnel(today, "ANSWER").reached()).isEqualTo(2);
            assertThat(counts(today.situations())).containsExactlyInAnyOrder("COURT=1", "DETAINED=1");
            assertThat(counts(today.referrals())).containsExactlyInAnyOrder("casa_latina=1", "none=2");
            assertThat(counts(today.languages())).containsExactlyInAnyOrder("en=2", "es=1");
            assertThat(today.offices()).extracting(Count::count).containsExactly(1L, 1L);
            assertThat(today.perTime()).hasSize(16);
            assertThat(today.perTime().get(14).count()).isEqualTo(3);

            Summary week = dashboard.summary(Range.WEEK);
            assertThat(week.started()).isEqualTo(4);
            assertThat(week.finished()).isEqualTo(3);
            assertThat(week.medianMillis()).isEqualTo(Duration.ofMinutes(6).toMillis());
            assertThat(week.errors()).isEqualTo(1);
            assertThat(counts(week.situations())).containsExactlyInAnyOrder("COURT=2", "DETAINED=1");
            assertThat(week.perTime()).hasSize(8);
            assertThat(week.perTime().stream().mapToLong(Count::count).sum()).isEqualTo(4);

            assertThat(dashboard.summary(Range.MONTH).started()).isEqualTo(5);

            assertThat(dashboard.recent()).extracting(Dashboard.Conversation::tag)
                .containsExactly("aaaa", "bbbb", "cccc", "dddd", "eeee");
            assertThat(dashboard.recent().get(0).outcome()).isEqualTo("Reached the answer");
            assertThat(dashboard.recent().get(2).outcome()).isEqualTo("Stopped at Situation");

            assertThat(log.expire(NOW.minus(Duration.ofDays(4)))).isGreaterThan(0);
            assertThat(dashboard.summary(Range.MONTH).started()).isEqualTo(3);
        }
    }

    private static void conversation(ActivityLog log, String tag, Instant start, String language, String organizer,
                                     int minutes, String situation, String office) {
        log.record(start(tag, start, language, organizer));
        log.record(step(tag, start.plusSeconds(10), "ROLE"));
        log.record(step(tag, start.plusSeconds(20), "SITUATION"));
        log.record(new Event(tag, start.plus(Duration.ofMinutes(minutes)), Kind.ANSWER, "ANSWER", language, situation,
            office, null, Duration.ofMinutes(minutes).toMillis()));
    }

    private static Event start(String tag, Instant at, String language, String organizer) {
        return new Event(tag, at, Kind.START, "WELCOME", language, null, null, organizer, null);
    }

    private static Event step(String tag, Instant at, String step) {
        return new Event(tag, at, Kind.STEP, step, "en", null, null, null, null);
    }

    private static FunnelStep funnel(Summary summary, String step) {
        return summary.funnel().stream().filter(s -> s.step().equals(step)).findFirst().orElseThrow();
    }

    private static List<String> counts(List<Count> counts) {
        return counts.stream().map(c -> c.key() + "=" + c.count()).toList();
    }
}
