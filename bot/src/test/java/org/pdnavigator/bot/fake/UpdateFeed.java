package org.pdnavigator.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The updates waiting for the bot, served by long polling, and the bookkeeping that tells when the bot is done
 * with them. The bot is a black box, so "done" is inferred from outside: every update was fetched and confirmed
 * by a later offset, every chat that got an update has since seen a request from the bot (or the bot had the
 * reply window, 3 s by default, to start one: it may ignore the update), no request is in progress and none has
 * come for the quiet period (150 ms by default). The reply window covers a cold JVM, where the first answer
 * comes 0.4 to 0.7 s after the update; the quiet period covers the gaps between the requests of one answer.
 */
final class UpdateFeed {

    private static final int FIRST_UPDATE_ID = 10_000;

    private final ObjectMapper mapper;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled on every change that can end a wait: a new update, a confirmation, a request, closing. */
    private final Condition changed = lock.newCondition();
    private final Deque<Pending> updates = new ArrayDeque<>();
    /** Chats that were sent an update and have not seen a bot request since, with the time of delivery. */
    private final Map<Long, Long> awaitingReply = new HashMap<>();
    private int nextUpdateId = FIRST_UPDATE_ID;
    private int lastDeliveredId;
    private long pollGeneration;
    private int openPolls;
    private int requestsInFlight;
    private long lastActivityNanos = System.nanoTime();
    private String webhookUrl = "";
    private boolean closed;
    private Duration quietPeriod = Duration.ofMillis(150);
    private Duration replyWindow = Duration.ofSeconds(3);
    private volatile FirstDelivery firstDelivery = (updateId, chatId) -> { };

    /** Told when an update is sent to the bot for the first time (under the feed's lock: be quick). */
    @FunctionalInterface
    interface FirstDelivery {
        void delivered(int updateId, Long chatId);
    }

    UpdateFeed(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Gives the update the next id, queues it and wakes the open poll. */
    int push(Update update) {
        lock.lock();
        try {
            update.setUpdateId(nextUpdateId++);
            JsonNode json = mapper.valueToTree(update);
            updates.add(new Pending(update.getUpdateId(), json, chatOf(json)));
            changed.signalAll();
            return update.getUpdateId();
        } finally {
            lock.unlock();
        }
    }

    /** As {@link #push(Update)}, for an update already in JSON. */
    int pushJson(ObjectNode update) {
        lock.lock();
        try {
            int id = nextUpdateId++;
            update.put("update_id", id);
            updates.add(new Pending(id, update, chatOf(update)));
            changed.signalAll();
            return id;
        } finally {
            lock.unlock();
        }
    }

    int assignId(ObjectNode update) {
        lock.lock();
        try {
            int id = nextUpdateId++;
            update.put("update_id", id);
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** Gives an update the next id without queueing it: for updates delivered by webhook instead. */
    int assignId(Update update) {
        lock.lock();
        try {
            update.setUpdateId(nextUpdateId++);
            return update.getUpdateId();
        } finally {
            lock.unlock();
        }
    }

    void onFirstDelivery(FirstDelivery listener) {
        firstDelivery = listener;
    }

    int pending() {
        return locked(updates::size);
    }

    /**
     * getUpdates: confirms what lies below {@code offset}, then answers at once if updates wait, else blocks
     * until one arrives, {@code timeoutSeconds} pass, a newer poll takes over (409, as Telegram answers when two
     * instances poll) or the fake closes.
     */
    ArrayNode poll(long offset, int limit, long timeoutSeconds) throws BotApiError, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, timeoutSeconds));
        lock.lock();
        try {
            if (!webhookUrl.isEmpty()) {
                throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active;"
                        + " use deleteWebhook to delete the webhook first", null);
            }
            confirm(offset);
            long generation = ++pollGeneration;
            changed.signalAll();
            while (updates.isEmpty() && !closed && pollGeneration == generation) {
                long timeLeft = deadline - System.nanoTime();
                if (timeLeft <= 0) {
                    break;
                }
                changed.awaitNanos(timeLeft);
            }
            if (pollGeneration != generation) {
                throw new BotApiError(409, "Conflict: terminated by other getUpdates request;"
                        + " make sure that only one bot instance is running", null);
            }
            ArrayNode batch = mapper.createArrayNode();
            if (!closed) {
                updates.stream().limit(limit).forEach(update -> deliver(update, batch));
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    void setWebhook(String url) {
        locked(() -> webhookUrl = url == null ? "" : url);
    }

    String webhookUrl() {
        return locked(() -> webhookUrl);
    }

    void dropPendingUpdates() {
        locked(() -> {
            updates.clear();
            changed.signalAll();
            return null;
        });
    }

    /**
     * A request arrived. A long poll is the bot waiting, not working: it counts for {@link #close}, not for
     * {@link #awaitIdle}; any other request is the bot at work.
     */
    void requestStarted(boolean poll) {
        countRequest(poll, +1);
    }

    void requestEnded(boolean poll) {
        countRequest(poll, -1);
    }

    /** The bot is acting on a chat ({@code null}: on none in particular), so that chat has its answer. */
    void answering(Long chatId) {
        if (chatId != null) {
            locked(() -> {
                awaitingReply.remove(chatId);
                changed.signalAll();
                return null;
            });
        }
    }

    boolean awaitIdle(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long now = System.nanoTime();
                long readyAt = readyAt(now);
                boolean caughtUp = updates.isEmpty() && requestsInFlight == 0;
                if (caughtUp && now - readyAt >= 0) {
                    return true;
                }
                long timeLeft = deadline - now;
                if (timeLeft <= 0) {
                    return false;
                }
                changed.awaitNanos(caughtUp ? Math.min(readyAt - now, timeLeft) : timeLeft);
            }
        } finally {
            lock.unlock();
        }
    }

    void setQuietPeriod(Duration quietPeriod) {
        locked(() -> this.quietPeriod = quietPeriod);
    }

    void setReplyWindow(Duration replyWindow) {
        locked(() -> this.replyWindow = replyWindow);
    }

    String describe() {
        return locked(() -> updates.size() + " update(s) not confirmed " + updates.stream().map(Pending::id).toList()
                + ", chats waiting for a reply " + awaitingReply.keySet() + ", " + requestsInFlight
                + " request(s) in progress, " + openPolls + " long poll(s) open, last request "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastActivityNanos) + " ms ago");
    }

    /** Answers open polls with no updates and waits (up to {@code grace}) until they have been written. */
    void close(Duration grace) throws InterruptedException {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
            long deadline = System.nanoTime() + grace.toNanos();
            while (openPolls > 0 && deadline - System.nanoTime() > 0) {
                changed.awaitNanos(deadline - System.nanoTime());
            }
        } finally {
            lock.unlock();
        }
    }

    /** The earliest time the bot can be called idle: after the quiet period and every pending reply window. */
    private long readyAt(long now) {
        long readyAt = lastActivityNanos + quietPeriod.toNanos();
        for (Iterator<Long> deliveries = awaitingReply.values().iterator(); deliveries.hasNext(); ) {
            long windowEnd = deliveries.next() + replyWindow.toNanos();
            if (now - windowEnd >= 0) {
                deliveries.remove(); // the bot chose not to answer
            } else if (windowEnd - readyAt > 0) {
                readyAt = windowEnd;
            }
        }
        return readyAt;
    }

    private void deliver(Pending update, ArrayNode batch) {
        batch.add(update.json());
        if (update.id() > lastDeliveredId) {
            lastDeliveredId = update.id();
            lastActivityNanos = System.nanoTime();
            if (update.chatId() != null) {
                awaitingReply.put(update.chatId(), lastActivityNanos);
            }
            firstDelivery.delivered(update.id(), update.chatId());
        }
    }

    /** Forgets confirmed updates: all below a positive offset; all but the last -offset for a negative one. */
    private void confirm(long offset) {
        int before = updates.size();
        if (offset > 0) {
            while (!updates.isEmpty() && updates.peek().id() < offset) {
                updates.poll();
            }
        } else if (offset < 0) {
            while (updates.size() > -offset) {
                updates.poll();
            }
        }
        if (updates.size() != before) {
            changed.signalAll();
        }
    }

    private void countRequest(boolean poll, int delta) {
        locked(() -> {
            if (poll) {
                openPolls += delta;
            } else {
                requestsInFlight += delta;
                lastActivityNanos = System.nanoTime();
            }
            changed.signalAll();
            return null;
        });
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** The chat an update comes from: that of its message, or of the message it refers to, or its sender's. */
    private static Long chatOf(JsonNode update) {
        for (Map.Entry<String, JsonNode> field : update.properties()) {
            JsonNode content = field.getValue();
            if (!content.isObject()) {
                continue;
            }
            for (JsonNode chat : new JsonNode[] {content.path("chat"), content.path("message").path("chat"),
                    content.path("from")}) {
                if (chat.path("id").isIntegralNumber()) {
                    return chat.get("id").asLong();
                }
            }
        }
        return null;
    }

    private record Pending(int id, JsonNode json, Long chatId) {
    }
}
