package org.pdnavigator.bot.store;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.chat.ChatState;
import org.pdnavigator.bot.chat.ChatState.LanguageSource;
import org.pdnavigator.bot.chat.ChatStore;
import org.pdnavigator.dialogs.Conversation;
import org.pdnavigator.dialogs.Session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * What the durable store costs per update: reading the chat's state (from the cache) and keeping the new one
 * with the update's id, in one transaction. Prints median and p99 for the embedded H2 and for PostgreSQL.
 * Not part of the test run; run it with:
 * {@code ./mvnw -B -pl bot -am test -Dtest=StoreBenchmark -DexcludedTags=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class StoreBenchmark {

    private static final int CHATS = 200;
    private static final int UPDATES_PER_CHAT = 20;
    private static final int WARM_UP = 1000;

    @Test
    void embedded(@TempDir Path dir) {
        try (Databases.Database db = Databases.h2(dir)) {
            report("embedded H2", db);
        }
    }

    @Test
    void postgres() {
        try (Databases.Database db = Databases.postgres()) {
            report("PostgreSQL", db);
        }
    }

    private static void report(String name, Databases.Database db) {
        JdbcChatStore store = new JdbcChatStore(db.jdbc(), db.transactions(), Secrets.of("a benchmark secret 123"),
            TestBot.CLOCK, Duration.ofDays(30), 100_000);
        Conversation conversation = TestBot.conversation();
        long[] nanos = new long[CHATS * UPDATES_PER_CHAT];
        long updateId = 1;
        int sample = 0;
        for (int round = -1; round < UPDATES_PER_CHAT; round++) {
            for (long chat = 1; chat <= CHATS; chat++) {
                long start = System.nanoTime();
                ChatStore.Stored stored = store.find(chat).orElse(null);
                Session session = stored == null ? conversation.start() : stored.state().session();
                Session next = conversation.restart(session).session();
                ChatState state = new ChatState(next, "en", LanguageSource.TELEGRAM);
                ChatStore.Commit commit = store.commit(chat, stored, state, OptionalLong.of(updateId++));
                long took = System.nanoTime() - start;
                if (commit != ChatStore.Commit.DONE) {
                    throw new IllegalStateException(commit.name());
                }
                if (round >= 0 && updateId > WARM_UP / UPDATES_PER_CHAT) {
                    nanos[sample++] = took;
                }
            }
        }
        long[] measured = Arrays.copyOf(nanos, sample);
        Arrays.sort(measured);
        System.out.printf("Durable store, %s: %d updates, median %.2f ms, p99 %.2f ms, max %.2f ms%n", name,
            measured.length, measured[measured.length / 2] / 1e6, measured[(int) (measured.length * 0.99)] / 1e6,
            measured[measured.length - 1] / 1e6);
    }
}
