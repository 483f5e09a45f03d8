package org.pdnavigator.bot.ops;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdnavigator.bot.store.Databases;
import org.pdnavigator.dialogs.directory.DirectoryLoader;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * How long the dashboard's figures take to count over a month of busy use: 30 days of conversations (each a start,
 * five steps and, for two in three, an answer) on H2 and PostgreSQL. Prints the figures:
 * {@code ./mvnw -B -pl bot -am test -Dtest=DashboardBenchmark -DexcludedTags=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class DashboardBenchmark {

    private static final int CONVERSATIONS = 30_000;
    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");
    private static final String[] STEPS = {"ROLE", "SITUATION", "DENIED", "COURT_STATE", "COURT_PICK"};
    private static final String[] SITUATIONS = {"DETAINED", "COURT", "APPEAL", "FINAL_ORDER", "ENFORCEMENT"};

    @Test
    void h2(@TempDir Path dir) {
        try (Databases.Database db = Databases.h2(dir)) {
            report("embedded H2", db);
        }
    }

    @Test
    void postgresql() {
        try (Databases.Database db = Databases.postgres()) {
            report("PostgreSQL", db);
        }
    }

    private static void report(String name, Databases.Database db) {
        int rows = fill(db);
        Dashboard dashboard = new Dashboard(db.jdbc(), new DirectoryLoader(List.of("en")).loadBundled(),
            Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        System.out.printf("%s, %,d events of %,d conversations over 30 days:%n", name, rows, CONVERSATIONS);
        time("  summary today", () -> dashboard.summary(Dashboard.Range.TODAY));
        time("  summary 7 days", () -> dashboard.summary(Dashboard.Range.WEEK));
        time("  summary 30 days", () -> dashboard.summary(Dashboard.Range.MONTH));
        time("  recent conversations", dashboard::recent);
    }

    private static void time(String what, Supplier<?> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        long[] millis = new long[9];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = Duration.ofNanos(System.nanoTime() - start).toMillis();
        }
        Arrays.sort(millis);
        System.out.printf("%s: median %d ms, worst %d ms%n", what, millis[millis.length / 2], millis[millis.length - 1]);
    }

    private static int fill(Databases.Database db) {
        Random random = new Random(42);
        List<Object[]> batch = new ArrayList<>();
        int rows = 0;
        for (int c = 0; c < CONVERSATIONS; c++) {
            String tag = Integer.toString(c, 36);
            Instant start = NOW.minusSeconds(random.nextInt(30 * 24 * 3600));
            String language = random.nextInt(3) == 0 ? "es" : "en";
            batch.add(row(tag, start, "start", "WELCOME", language, null, null, random.nextInt(5) == 0 ? "casa" : null,
                null));
            int steps = 1 + random.nextInt(STEPS.length);
            for (int s = 0; s < steps; s++) {
                batch.add(row(tag, start.plusSeconds(10L * (s + 1)), "step", STEPS[s], language, null, null, null,
                    null));
            }
            if (random.nextInt(3) > 0) {
                long millis = 30_000 + random.nextInt(600_000);
                batch.add(row(tag, start.plusMillis(millis), "answer", "ANSWER", language,
                    SITUATIONS[random.nextInt(SITUATIONS.length)], "CHI", null, millis));
            }
            if (batch.size() > 5000) {
                rows += flush(db, batch);
            }
        }
        return rows + flush(db, batch);
    }

    private static Object[] row(String tag, Instant at, String kind, String step, String language, String situation,
                                String office, String organizer, Long millis) {
        return new Object[] {tag, Timestamp.from(at), kind, step, language, situation, office, organizer, millis};
    }

    private static int flush(Databases.Database db, List<Object[]> batch) {
        db.jdbc().batchUpdate("insert into activity_event (tag, at, kind, step, language, situation, office, "
            + "organizer, millis) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
        int size = batch.size();
        batch.clear();
        return size;
    }
}
