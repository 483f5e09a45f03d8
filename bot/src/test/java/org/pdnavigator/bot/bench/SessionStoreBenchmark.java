package org.pdnavigator.bot.bench;

import com.github.benmanes.caffeine.cache.Ticker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.chat.CaffeineChatStore;
import org.pdnavigator.bot.chat.ChatState;
import org.pdnavigator.bot.chat.ChatStore;
import org.pdnavigator.bot.store.Databases;
import org.pdnavigator.bot.store.JdbcChatStore;
import org.pdnavigator.bot.store.Secrets;
import org.pdnavigator.dialogs.Conversation;
import org.pdnavigator.dialogs.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The session store as the bot uses it for each update: the embedded H2 file database with Caffeine in front
 * ({@link JdbcChatStore}): reading a chat's state (a cache hit), and reading then keeping a new state with the
 * update's id in one transaction. The in-memory {@link CaffeineChatStore} for comparison. 10,000 chats.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SessionStoreBenchmark {

    private static final int CHATS = 10_000;

    private Path directory;
    private Databases.Database database;
    private JdbcChatStore h2;
    private CaffeineChatStore memory;
    private ChatState[] states;
    private final AtomicLong updateIds = new AtomicLong();

    @Setup
    public void fill() throws IOException {
        directory = Files.createTempDirectory("pd-navigator-jmh");
        database = Databases.h2(directory);
        h2 = new JdbcChatStore(database.jdbc(), database.transactions(), Secrets.of("a benchmark secret 123"),
            TestBot.CLOCK, Duration.ofDays(30), 100_000);
        memory = new CaffeineChatStore(Duration.ofDays(30), 100_000, Ticker.systemTicker());
        Conversation conversation = TestBot.conversation();
        Session first = conversation.start();
        Session second = conversation.restart(first).session();
        states = new ChatState[] {new ChatState(first, "en", ChatState.LanguageSource.TELEGRAM),
            new ChatState(second, "es", ChatState.LanguageSource.CHOSEN)};
        for (long chat = 1; chat <= CHATS; chat++) {
            h2.commit(chat, null, states[0], OptionalLong.of(updateIds.incrementAndGet()));
            memory.commit(chat, null, states[0], OptionalLong.empty());
        }
    }

    @TearDown
    public void delete() throws IOException {
        database.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Reading a chat's state: what every update starts with (a cache hit). */
    @Benchmark
    public Object h2Find() {
        return h2.find(chat()).orElseThrow();
    }

    /** Reading and keeping a new state, with the update's id, in one H2 transaction: what every update does. */
    @Benchmark
    public ChatStore.Commit h2FindAndCommit() {
        return findAndCommit(h2, OptionalLong.of(updateIds.incrementAndGet()));
    }

    /** The same in memory only. */
    @Benchmark
    public ChatStore.Commit caffeineFindAndCommit() {
        return findAndCommit(memory, OptionalLong.empty());
    }

    private ChatStore.Commit findAndCommit(ChatStore store, OptionalLong updateId) {
        long chat = chat();
        ChatStore.Stored stored = store.find(chat).orElseThrow();
        ChatState next = states[(int) (stored.version() & 1)];
        return store.commit(chat, stored, next, updateId);
    }

    private static long chat() {
        return 1 + ThreadLocalRandom.current().nextInt(CHATS);
    }
}
