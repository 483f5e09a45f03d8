package org.pdnavigator.bot.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.pdnavigator.bot.fake.FakeBotApi;
import org.pdnavigator.bot.fake.FakeUser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many people at once, each walking a conversation through the fake Bot API: send /start, tap a button of the
 * screen shown (forward buttons only, so walks reach an answer), wait for the bot to finish with that tap, tap
 * again; after an answer (a screen with no way forward) or 25 taps, /start again. Each person has at most one
 * update outstanding, so every answer the fake sees for a chat belongs to that chat's outstanding update.
 *
 * <p>What it measures, from the fake's side of the wire:
 * <ul>
 *   <li>latency: from the moment the fake hands an update to the bot in getUpdates to the moment the bot's first
 *       sendMessage or editMessageText for that chat arrives;</li>
 *   <li>lost: an update with no such answer within the give-up time, or none at the end;</li>
 *   <li>duplicated: a second screen (a message with buttons) for one update, a second answer to one tap, or an
 *       answer when nothing was outstanding.</li>
 * </ul>
 * A person is done with an update when its screen with buttons arrived (a message) or the tap was answered
 * (answerCallbackQuery, which the bot sends last).
 */
final class LoadGenerator implements FakeBotApi.Observer {

    /** Buttons that go back, start over or change the language: a walk skips them to reach an answer. */
    private static final List<String> NOT_FORWARD = List.of("⬅️", "🔄", "◀️", "🌐");
    private static final int MAX_TAPS = 25;

    private final FakeBotApi api;
    private final Map<Long, Person> people = new ConcurrentHashMap<>();
    private final Map<String, Person> byCallback = new ConcurrentHashMap<>();
    private final ScheduledExecutorService actions;
    private final Queue<Person> ready = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicLong queryIds = new java.util.concurrent.atomic.AtomicLong();
    private final double rate;
    private final long giveUpNanos;
    private volatile boolean running;
    private volatile boolean measuring;

    final Latencies latencies = new Latencies();
    /** From the update queued at the fake (the person's tap) to the first answer: includes waiting to be fetched. */
    final Latencies seen = new Latencies();
    final LongAdder handled = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder lost = new LongAdder();
    final LongAdder duplicated = new LongAdder();
    final LongAdder conversations = new LongAdder();
    final LongAdder answersReached = new LongAdder();
    final LongAdder refused = new LongAdder();
    final AtomicInteger firstPollSeen = new AtomicInteger();
    volatile long firstPollNanos;

    /**
     * @param rate    updates per second to send at most, all people together; 0 for as fast as the bot answers
     * @param giveUp  how long a person waits for an answer before counting it lost and starting over
     */
    LoadGenerator(FakeBotApi api, int users, long firstUserId, double rate, Duration giveUp) {
        this.api = api;
        this.rate = rate;
        this.giveUpNanos = giveUp.toNanos();
        for (int i = 0; i < users; i++) {
            long id = firstUserId + i;
            people.put(id, new Person(api.user(id, "en")));
        }
        this.actions = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "load-users");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Every person sends /start (spread over the first second), and goes on until {@link #stop}. */
    void start() {
        running = true;
        List<Person> all = new ArrayList<>(people.values());
        for (int i = 0; i < all.size(); i++) {
            Person person = all.get(i);
            actions.schedule(() -> act(person), i * 1_000_000L / Math.max(1, all.size()), TimeUnit.MICROSECONDS);
        }
        if (rate > 0) {
            long periodMicros = 10_000;
            double perTick = rate * periodMicros / 1e6;
            double[] credit = {0};
            actions.scheduleAtFixedRate(() -> {
                credit[0] = Math.min(credit[0] + perTick, Math.max(1, rate)); // at most a second's worth waits
                while (credit[0] >= 1 && running) {
                    Person next = ready.poll();
                    if (next == null) {
                        break;
                    }
                    credit[0]--;
                    next.next();
                }
            }, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
        }
        actions.scheduleAtFixedRate(this::giveUpOnSilence, 1, 1, TimeUnit.SECONDS);
    }

    /** From now on, figures count (after the warm-up). */
    void measure() {
        latencies.clear();
        seen.clear();
        handled.reset();
        sent.reset();
        lost.reset();
        duplicated.reset();
        conversations.reset();
        answersReached.reset();
        refused.reset();
        measuring = true;
    }

    /** No new updates; waits up to {@code drain} for outstanding answers, then counts the rest lost. */
    void stop(Duration drain) {
        running = false;
        long deadline = System.nanoTime() + drain.toNanos();
        while (outstanding() > 0 && System.nanoTime() < deadline) {
            sleep(50);
        }
        for (Person person : people.values()) {
            synchronized (person) {
                if (person.pending != null) {
                    lost.increment();
                    person.pending = null;
                }
            }
        }
        actions.shutdownNow();
    }

    long outstanding() {
        return people.values().stream().filter(p -> p.pending != null).count();
    }

    // ------------------------------------------------------------------------------ what the fake sees

    @Override
    public void delivered(int updateId, Long chatId, long nanoTime) {
        Person person = chatId == null ? null : people.get(chatId);
        if (person != null) {
            synchronized (person) {
                if (person.pending != null && person.pending.deliveredAt == 0) {
                    person.pending.deliveredAt = nanoTime;
                }
            }
        }
    }

    @Override
    public void answered(String method, JsonNode params, int status, JsonNode result, long nanoTime) {
        switch (method) {
            case "getUpdates" -> {
                if (firstPollSeen.getAndIncrement() == 0) {
                    firstPollNanos = nanoTime;
                }
            }
            case "sendMessage", "editMessageText" -> {
                if (status == 200) {
                    Person person = people.get(params.path("chat_id").asLong());
                    if (person != null) {
                        int messageId = "sendMessage".equals(method) ? result.path("message_id").asInt()
                            : params.path("message_id").asInt();
                        person.screen(nanoTime, messageId, params.get("reply_markup"));
                    }
                } else {
                    countRefused(status);
                }
            }
            case "sendDocument", "sendPhoto" -> {
                // A file or a QR code: an answer that leaves the screen, and its buttons, as they were.
                Person person = status == 200 ? people.get(params.path("chat_id").asLong()) : null;
                if (person != null) {
                    person.screen(nanoTime, 0, null);
                } else {
                    countRefused(status);
                }
            }
            case "answerCallbackQuery" -> {
                String id = params.path("callback_query_id").asText();
                // Kept until answered: an injected failure is not an answer, and the bot tries again.
                Person person = status == 200 ? byCallback.remove(id) : byCallback.get(id);
                if (status == 200 && person != null) {
                    person.tapAnswered(id);
                } else if (status == 400 || person == null) {
                    // Answered twice (the fake forgets a query once answered), or a query nobody sent now.
                    duplicated.increment();
                } else {
                    countRefused(status);
                }
            }
            default -> countRefused(status);
        }
    }

    /** A 4xx the bot earned (not an injected 429): a request Telegram would refuse. */
    private void countRefused(int status) {
        if (status >= 400 && status < 500 && status != 429 && measuring) {
            refused.increment();
        }
    }

    private void giveUpOnSilence() {
        long now = System.nanoTime();
        for (Person person : people.values()) {
            boolean again = false;
            synchronized (person) {
                Pending pending = person.pending;
                if (pending != null && now - pending.sentAt > giveUpNanos) {
                    if (measuring) {
                        lost.increment();
                    }
                    person.pending = null;
                    person.taps = MAX_TAPS; // start over
                    again = true;
                }
            }
            if (again) {
                schedule(person);
            }
        }
    }

    private void act(Person person) {
        if (running) {
            if (rate > 0) {
                ready.add(person);
            } else {
                person.next();
            }
        }
    }

    private void schedule(Person person) {
        if (running) {
            actions.execute(() -> act(person));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------ a person

    /** An update sent and not yet done with. */
    private static final class Pending {
        final long sentAt = System.nanoTime();
        final String callbackId;
        long deliveredAt;
        long answeredAt;
        int screens;

        Pending(String callbackId) {
            this.callbackId = callbackId;
        }
    }

    private final class Person {
        final FakeUser user;
        Pending pending;
        int taps = MAX_TAPS;
        int screenMessage;
        List<String[]> buttons = List.of(); // {text, callback data}

        Person(FakeUser user) {
            this.user = user;
        }

        /** The next thing this person does: tap forward, or start a new conversation. */
        void next() {
            String[] tap = null;
            synchronized (this) {
                if (pending != null || !running) {
                    return;
                }
                List<String[]> forward = buttons.stream()
                    .filter(b -> NOT_FORWARD.stream().noneMatch(b[0]::startsWith)).toList();
                if (taps < MAX_TAPS && !forward.isEmpty()) {
                    tap = forward.get(ThreadLocalRandom.current().nextInt(forward.size()));
                    taps++;
                } else {
                    if (taps < MAX_TAPS || measuring) {
                        conversations.increment();
                    }
                    if (forward.isEmpty() && !buttons.isEmpty() && measuring) {
                        answersReached.increment();
                    }
                    taps = 0;
                }
            }
            if (tap == null) {
                synchronized (this) {
                    pending = new Pending(null);
                }
                user.send("/start");
            } else {
                String id = "load-" + queryIds.incrementAndGet();
                synchronized (this) {
                    pending = new Pending(id);
                    byCallback.put(id, this);
                }
                user.tapData(screenMessage, tap[1], id);
            }
            if (measuring) {
                sent.increment();
            }
        }

        /** A sendMessage or editMessageText for this chat arrived. */
        void screen(long nanoTime, int messageId, JsonNode markup) {
            boolean done;
            synchronized (this) {
                List<String[]> keyboard = buttons(markup);
                Pending now = pending;
                if (now == null) {
                    if (!keyboard.isEmpty()) {
                        duplicated.increment(); // a screen nobody asked for
                    }
                    return;
                }
                if (now.answeredAt == 0) {
                    now.answeredAt = nanoTime;
                    if (measuring && now.deliveredAt != 0) {
                        latencies.add(nanoTime - now.deliveredAt);
                        seen.add(nanoTime - now.sentAt);
                    }
                }
                if (keyboard.isEmpty()) {
                    return; // one of several messages of a screen: the buttons come with the last
                }
                now.screens++;
                if (now.screens > 1) {
                    duplicated.increment();
                    return;
                }
                buttons = keyboard;
                screenMessage = messageId;
                done = now.callbackId == null;
                if (done) {
                    finish();
                }
            }
            if (done) {
                schedule(this);
            }
        }

        void tapAnswered(String callbackId) {
            synchronized (this) {
                if (pending == null || !callbackId.equals(pending.callbackId)) {
                    duplicated.increment();
                    return;
                }
                if (pending.screens == 0 && pending.answeredAt == 0) {
                    // The tap was answered and nothing was shown: the person is left where they were.
                    if (measuring) {
                        lost.increment();
                    }
                    taps = MAX_TAPS;
                }
                finish();
            }
            schedule(this);
        }

        private void finish() {
            pending = null;
            if (measuring) {
                handled.increment();
            }
        }
    }

    private static List<String[]> buttons(JsonNode markup) {
        if (markup == null || markup.isNull()) {
            return List.of();
        }
        List<String[]> buttons = new ArrayList<>();
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.hasNonNull("callback_data")) {
                    buttons.add(new String[] {button.path("text").asText(), button.get("callback_data").asText()});
                }
            }
        }
        return buttons;
    }

    /** Latencies in nanoseconds, kept whole so percentiles are exact. */
    static final class Latencies {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized void clear() {
            size = 0;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
