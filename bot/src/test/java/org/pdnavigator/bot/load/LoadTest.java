package org.pdnavigator.bot.load;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.pdnavigator.bot.BotApplication;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.chat.CaffeineChatStore;
import org.pdnavigator.bot.chat.ChatActivity;
import org.pdnavigator.bot.chat.ChatState;
import org.pdnavigator.bot.chat.ChatStore;
import org.pdnavigator.bot.fake.FakeBotApi;
import org.pdnavigator.bot.telegram.TelegramCalls;
import org.pdnavigator.dialogs.Action;
import org.pdnavigator.dialogs.Conversation;
import org.pdnavigator.dialogs.Event;
import org.pdnavigator.dialogs.Session;
import org.pdnavigator.dialogs.screen.Option;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load run and the soak run: the real application, with the real TelegramBots client and long polling, on
 * the fake Bot API over loopback, driven by many simulated people at once (see {@link LoadGenerator}). Prints
 * the figures and PASS or FAIL against the targets; fails only with {@code -Dload.strict=true}. Not part of the
 * test run ({@code benchmark} tag). Run it with (figures and settings: README, "Performance"):
 *
 * <pre>
 * ./mvnw -B -q -ntp -pl bot -am test -Dtest=LoadTest -DexcludedTags=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dload.users=2000 -Dload.seconds=60
 * </pre>
 *
 * <p>Settings (system properties): {@code load.users} (1000), {@code load.seconds} measured (60),
 * {@code load.warmup} seconds before measuring (15), {@code load.rate} updates per second to send at most (0: as
 * fast as answered), {@code load.bot} ({@code app}, or {@code noop} to measure the fake and the generator
 * alone), {@code load.soak} (false: with faults injected all along, a restart half way and heap after GC each
 * minute), {@code load.sessions} for the idle-session heap figure (100000).
 *
 * <p>The bot runs with Telegram's rate limits raised (per chat and overall): at this load a real bot would be
 * on paid broadcast limits, and the point is what the bot itself costs.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadTest {

    private static final double TARGET_RATE = 3000;
    private static final double TARGET_P99_MS = 50;
    private static final double TARGET_BYTES_PER_SESSION = 1024;

    private final int users = Integer.getInteger("load.users", 1000);
    private final int seconds = Integer.getInteger("load.seconds", 60);
    private final int warmup = Integer.getInteger("load.warmup", 15);
    private final boolean soak = Boolean.getBoolean("load.soak");
    private final double rate = Double.parseDouble(System.getProperty("load.rate", soak ? "500" : "0"));
    private final String botKind = System.getProperty("load.bot", "app");
    private final boolean strict = Boolean.getBoolean("load.strict");
    private final List<String> verdicts = new ArrayList<>();

    @Test
    @Order(1)
    void heapPerIdleSession() {
        int sessions = Integer.getInteger("load.sessions", 100_000);
        Conversation conversation = TestBot.conversation();
        List<List<Action>> walks = walks(conversation, 64, new Random(7));
        CaffeineChatStore store = new CaffeineChatStore(Duration.ofDays(30), sessions, Ticker.systemTicker());
        long before = usedHeapAfterGc();
        int depth = 0;
        for (int chat = 1; chat <= sessions; chat++) {
            // Each chat its own objects, as states decoded from the database or built by taps are.
            Session session = conversation.start();
            for (Action action : walks.get(chat % walks.size())) {
                session = conversation.tap(session, session.turn(), action).session();
            }
            depth += session.depth();
            ChatStore.Commit commit = store.commit(chat, null,
                new ChatState(session, "en", ChatState.LanguageSource.TELEGRAM), OptionalLong.empty());
            assertThat(commit).isEqualTo(ChatStore.Commit.DONE);
        }
        long after = usedHeapAfterGc();
        assertThat(store.size()).isEqualTo(sessions);
        double perSession = (after - before) / (double) sessions;
        System.out.printf("%nHeap per idle session: %.0f bytes (%d sessions in the Caffeine session cache, mean trail"
                + " %.1f steps back; used heap after GC %d MB -> %d MB)%n", perSession, sessions,
            depth / (double) sessions, before >> 20, after >> 20);
        verdict("heap per idle session <= 1 KB", perSession <= TARGET_BYTES_PER_SESSION,
            String.format("%.0f bytes", perSession));
        printVerdicts();
        assertThat(store.find(1)).isPresent(); // keeps the store reachable until measured
    }

    /** Random walks forward from the first screen, as the people of the load run walk. */
    private static List<List<Action>> walks(Conversation conversation, int count, Random random) {
        Set<Event> forward = Set.of(Event.NEXT, Event.CHOOSE, Event.PICK, Event.NOT_SURE, Event.ALL_OFFICES,
            Event.FACILITIES, Event.COUNTIES, Event.PAGE);
        List<List<Action>> walks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Session session = conversation.start();
            List<Action> walk = new ArrayList<>();
            int length = 1 + random.nextInt(12);
            while (walk.size() < length) {
                List<Action> options = conversation.screen(session).options().stream().map(Option::action)
                    .filter(a -> forward.contains(a.event())).toList();
                if (options.isEmpty()) {
                    break;
                }
                Action action = options.get(random.nextInt(options.size()));
                walk.add(action);
                session = conversation.tap(session, session.turn(), action).session();
            }
            walks.add(walk);
        }
        return walks;
    }

    @Test
    @Order(2)
    void endToEnd(@TempDir Path dataDir) throws Exception {
        System.out.printf("%nLoad run: %s bot, %d people, %s, %d s warm-up then %d s measured%s%n", botKind, users,
            rate > 0 ? "at most " + (int) rate + " updates/s" : "each tapping as soon as answered", warmup, seconds,
            soak ? ", soak: faults injected (429, 5xx, hangs past the client's timeout) and a restart half way" : "");
        try (FakeBotApi api = FakeBotApi.start()) {
            api.keepHistory(false);
            LoadGenerator load = new LoadGenerator(api, users, 7_000_000_001L, rate,
                soak ? Duration.ofSeconds(150) : Duration.ofSeconds(30));
            api.observe(load);
            BotCounters counters = new BotCounters();
            long startNanos = System.nanoTime();
            AutoCloseable[] bot = {startBot(api, dataDir, counters)};
            while (load.firstPollSeen.get() == 0 && System.nanoTime() - startNanos < 60_000_000_000L) {
                Thread.sleep(1);
            }
            double startToPollMs = (load.firstPollNanos - startNanos) / 1e6;
            System.out.printf("Start to first poll: %.0f ms (%s to the first getUpdates at the fake)%n", startToPollMs,
                botKind.equals("noop") ? "starting the no-op bot" : "SpringApplication.run");

            ScheduledExecutorService side = Executors.newSingleThreadScheduledExecutor();
            load.start();
            Thread.sleep(warmup * 1000L);
            long heapAtStart = usedHeapAfterGc();
            counters.reset();
            load.measure();
            long measureStart = System.nanoTime();
            if (soak) {
                injectFaults(api, side);
                side.schedule(() -> restart(api, dataDir, counters, bot), seconds / 2, TimeUnit.SECONDS);
            }
            List<Long> heapByMinute = new ArrayList<>();
            for (int second = 1; second <= seconds; second++) {
                Thread.sleep(1000);
                if (second % 60 == 0 || second == seconds && seconds < 60) {
                    long heap = usedHeapAfterGc();
                    heapByMinute.add(heap);
                    System.out.printf("  after %3d s: %,d updates done, %d lost, %d duplicated, used heap after GC"
                            + " %d MB%n", second, load.handled.sum(), load.lost.sum(), load.duplicated.sum(),
                        heap >> 20);
                }
            }
            double measured = (System.nanoTime() - measureStart) / 1e9;
            long done = load.handled.sum();
            side.shutdownNow();
            load.stop(soak ? Duration.ofSeconds(150) : Duration.ofSeconds(30));
            bot[0].close();

            long[] latencies = load.latencies.sorted();
            double throughput = done / measured;
            double p50 = percentile(latencies, 0.50);
            double p99 = percentile(latencies, 0.99);
            double max = latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6;
            System.out.printf("Updates per second: %.0f (%,d updates done in %.1f s; %,d sent)%n", throughput, done,
                measured, load.sent.sum());
            System.out.printf("Answer latency (update delivered in getUpdates -> first sendMessage/editMessageText of"
                + " the chat at the fake): p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d answers)%n", p50, p99, max,
                latencies.length);
            long[] seen = load.seen.sorted();
            System.out.printf("As the person sees it (update queued at the fake -> first answer, including waiting to"
                + " be fetched): p50 %.1f ms, p99 %.1f ms%n", percentile(seen, 0.50), percentile(seen, 0.99));
            System.out.printf("Lost answers: %d; duplicated answers: %d%n", load.lost.sum(), load.duplicated.sum());
            System.out.printf("Errors: %d handling failures in the bot, %d requests the fake refused (4xx), Telegram"
                + " calls by outcome %s%n", counters.failures.sum(), load.refused.sum(), counters.outcomes());
            System.out.printf("Conversations: %,d walks started, %,d reached an answer%n", load.conversations.sum(),
                load.answersReached.sum());
            System.out.printf("Used heap after GC: %d MB after warm-up, %s MB by minute%n", heapAtStart >> 20,
                heapByMinute.stream().map(h -> h >> 20).toList());
            if (!soak) {
                verdict("updates per second >= 3,000", throughput >= TARGET_RATE, String.format("%.0f", throughput));
                verdict("p99 latency < 50 ms", p99 < TARGET_P99_MS, String.format("%.1f ms", p99));
            }
            verdict("no lost answers", load.lost.sum() == 0, Long.toString(load.lost.sum()));
            verdict("no duplicated answers", load.duplicated.sum() == 0, Long.toString(load.duplicated.sum()));
            if (soak && heapByMinute.size() >= 3) {
                // The first minutes fill bounded structures (the database's page cache, the fake's last 20
                // messages per chat): flat means the second half of the run does not grow.
                long middle = heapByMinute.get((heapByMinute.size() - 1) / 2);
                long last = heapByMinute.get(heapByMinute.size() - 1);
                verdict("flat memory (last minute within 10% of the middle of the run)", last <= middle * 1.1,
                    (middle >> 20) + " MB -> " + (last >> 20) + " MB");
            }
            printVerdicts();
        }
    }

    // --------------------------------------------------------------------------------------------- the bot

    private AutoCloseable startBot(FakeBotApi api, Path dataDir, BotCounters counters) {
        if (botKind.equals("noop")) {
            return new NoopBot(api, Integer.getInteger("load.workers", 16));
        }
        List<String> args = new ArrayList<>(List.of("--telegram.bot-token=" + api.token(),
            "--telegram.api-url=" + api.baseUri(), "--telegram.poll-timeout=1s", "--bot.console=false",
            "--server.port=0", "--bot.data-dir=" + dataDir,
            // Far above Telegram's free limits, as a bot on paid broadcast limits: the point is our own cost.
            "--telegram.limits.per-chat-per-second=1000", "--telegram.limits.per-chat-burst=1000",
            "--telegram.limits.overall-per-second=100000", "--telegram.limits.overall-burst=100000",
            // Many people and the logs of the injected faults: warnings only, as an operator would run it.
            "--logging.level.org.pdnavigator=WARN"));
        if (System.getProperty("load.workers") != null) {
            args.add("--bot.workers=" + System.getProperty("load.workers"));
        }
        SpringApplication application = BotApplication.application();
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("loadActivity", counters.activity);
            context.getBeanFactory().registerSingleton("loadCalls", counters.calls);
        });
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        return context::close;
    }

    private void restart(FakeBotApi api, Path dataDir, BotCounters counters, AutoCloseable[] bot) {
        try {
            long start = System.nanoTime();
            bot[0].close();
            bot[0] = startBot(api, dataDir, counters);
            System.out.printf("  restarted the bot on the same data directory in %.1f s%n",
                (System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            System.out.println("  the restart failed: " + e);
        }
    }

    /**
     * Every 10 s: a 429 (retry after 1 s) on sendMessage, 500s on editMessageText and answerCallbackQuery, a 502
     * on getUpdates; every 60 s, a sendMessage that hangs past the client's 30 s read timeout and is never done.
     */
    private static void injectFaults(FakeBotApi api, ScheduledExecutorService side) {
        LongAdder round = new LongAdder();
        side.scheduleAtFixedRate(() -> {
            api.failNext("sendMessage", 1, 429, null, 1);
            api.failNext("editMessageText", 2, 500, null, null);
            api.failNext("answerCallbackQuery", 1, 500, null, null);
            api.failNext("getUpdates", 1, 502, "Bad Gateway", null);
            if (round.sum() % 6 == 0) {
                api.hangNext("sendMessage", 1, Duration.ofSeconds(35));
            }
            round.increment();
        }, 5, 10, TimeUnit.SECONDS);
    }

    /** What the bot itself reports: failures while handling, and every call to Telegram by outcome. */
    private static final class BotCounters {
        final LongAdder failures = new LongAdder();
        final Map<String, LongAdder> byOutcome = new ConcurrentHashMap<>();
        final ChatActivity activity = new ChatActivity() {
            @Override
            public void changed(long chatId, ChatState before, ChatState after,
                                org.pdnavigator.bot.chat.Incoming incoming, org.pdnavigator.i18n.Language language) {
            }

            @Override
            public void failed(Throwable error) {
                failures.increment();
            }
        };
        final TelegramCalls calls = (method, outcome, nanos) ->
            byOutcome.computeIfAbsent(method + " " + outcome, key -> new LongAdder()).increment();

        void reset() {
            failures.reset();
            byOutcome.clear();
        }

        Map<String, Long> outcomes() {
            Map<String, Long> sorted = new TreeMap<>();
            byOutcome.forEach((key, count) -> sorted.put(key, count.sum()));
            return sorted;
        }
    }

    // ------------------------------------------------------------------------------------------- figures

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void verdict(String target, boolean met, String figure) {
        verdicts.add((met ? "PASS " : "FAIL ") + target + ": " + figure);
    }

    private void printVerdicts() {
        verdicts.forEach(v -> System.out.println("  " + v));
        if (strict) {
            assertThat(verdicts).allMatch(v -> v.startsWith("PASS"));
        }
        verdicts.clear();
    }
}
