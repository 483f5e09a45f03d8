package org.pdnavigator.bot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Long polling that loses nothing: an update is confirmed to Telegram (by asking for updates after it) only once
 * it and every update before it are handled and their state kept. Until then Telegram keeps delivering it, and
 * the poller, which remembers what it is working on, does not start it twice; after a crash, Telegram delivers it
 * again and the store recognises what was handled. One slow chat never holds up another: later updates are
 * fetched and handled while an earlier one is still at work.
 *
 * <p>(TelegramBots' own long-polling session confirms a batch before handing it over: a crash would lose it.)
 */
final class UpdatePoller {

    private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);
    /** While updates are at work and nothing new came, how long to wait before asking Telegram again. */
    private static final long BUSY_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int LIMIT = 100;

    private final TelegramClient client;
    private final UpdateSource source;
    private final Function<Update, CompletableFuture<Void>> handler;
    private final TelegramCalls calls;
    private final int timeoutSeconds;
    private final List<String> allowedUpdates;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    /** Updates fetched and not yet confirmed: id to whether handled. */
    private final TreeMap<Integer, Boolean> window = new TreeMap<>();
    private int confirmedUpTo = -1;
    /** Updates finished so far (guarded by the lock; read without it only as a hint). */
    private volatile long finishedCount;

    private volatile boolean running;
    private volatile Thread thread;

    UpdatePoller(TelegramClient client, UpdateSource source, Function<Update, CompletableFuture<Void>> handler,
                 TelegramCalls calls, Duration timeout, List<String> allowedUpdates) {
        this.client = client;
        this.source = source;
        this.handler = handler;
        this.calls = calls;
        this.timeoutSeconds = (int) Math.max(0, timeout.toSeconds());
        this.allowedUpdates = allowedUpdates;
    }

    void start() {
        running = true;
        Thread poll = new Thread(this::run, "telegram-poll");
        poll.setDaemon(true);
        thread = poll;
        poll.start();
    }

    /** Stops polling at once: a long poll in flight is interrupted; updates at work finish in their own threads. */
    void stop() {
        running = false;
        Thread poll = thread;
        if (poll != null) {
            poll.interrupt();
            try {
                poll.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the last call to Telegram succeeded, for health. */
    private volatile boolean connected;

    boolean connected() {
        return connected;
    }

    private void run() {
        int failures = 0;
        boolean webhookDeleted = false;
        while (running) {
            try {
                if (!webhookDeleted) {
                    client.execute(DeleteWebhook.builder().build());
                    webhookDeleted = true;
                    log.info("Connected to the Telegram Bot API; receiving updates by long polling");
                }
                poll();
                connected = true;
                failures = 0;
            } catch (TelegramApiException e) {
                if (!running) {
                    return;
                }
                connected = false;
                failures++;
                String code = e instanceof TelegramApiRequestException r && r.getErrorCode() != null
                    ? Integer.toString(r.getErrorCode()) : "io";
                calls.completed(webhookDeleted ? "getUpdates" : "deleteWebhook", code, 0);
                long delay = Math.min(60_000, 500L << Math.min(failures, 7));
                delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
                log.warn("Telegram cannot be reached ({}); trying again in {} ms", code, delay);
                sleep(TimeUnit.MILLISECONDS.toNanos(delay));
            } catch (RuntimeException e) {
                log.error("Polling failed", e);
                sleep(TimeUnit.SECONDS.toNanos(1));
            }
        }
    }

    private void poll() throws TelegramApiException {
        boolean busy = busy();
        int confirmedBefore = confirmed();
        long finishedBefore = finishedCount;
        long start = System.nanoTime();
        UpdateSource.Batch batch = source.fetch(GetUpdates.builder().offset(confirmed() + 1).limit(LIMIT)
            .timeout(busy ? 0 : timeoutSeconds).allowedUpdates(allowedUpdates).build());
        calls.completed("getUpdates", "ok", System.nanoTime() - start);
        int started = 0;
        for (int id : batch.unreadable()) {
            if (startWork(id)) {
                // Nothing in it can be understood, so nothing can be answered: passed over, so the rest go on.
                log.warn("Update {} could not be read; passed over", id);
                calls.completed("getUpdates", "unreadable", 0);
                started++;
                finished(id);
            }
        }
        for (Update update : batch.updates()) {
            int id = update.getUpdateId();
            if (!startWork(id)) {
                continue;
            }
            started++;
            CompletableFuture<Void> done;
            try {
                done = handler.apply(update);
            } catch (RuntimeException e) {
                log.error("An update could not be handed over", e);
                done = CompletableFuture.completedFuture(null);
            }
            done.whenComplete((ignored, failure) -> finished(id));
        }
        if (started == 0 && busy()) {
            // Everything Telegram returned is at work already: wait a little for some of it to finish.
            awaitProgress(confirmedBefore, finishedBefore);
        }
    }

    /** Whether the update is new: not confirmed yet, and not at work or done already. */
    private boolean startWork(int id) {
        lock.lock();
        try {
            return id > confirmedUpTo && window.putIfAbsent(id, false) == null;
        } finally {
            lock.unlock();
        }
    }

    /** An update is handled: everything up to the first one still at work can now be confirmed. */
    private void finished(int id) {
        lock.lock();
        try {
            window.put(id, true);
            finishedCount++;
            while (!window.isEmpty() && window.firstEntry().getValue()) {
                Map.Entry<Integer, Boolean> first = window.pollFirstEntry();
                confirmedUpTo = first.getKey();
            }
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private int confirmed() {
        lock.lock();
        try {
            return confirmedUpTo;
        } finally {
            lock.unlock();
        }
    }

    private boolean busy() {
        lock.lock();
        try {
            return !window.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Telegram answers every poll with all the updates still at work (they are not confirmed): wait until a
     * quarter of them is confirmed, or, while there is room for more, finished (or all, or the busy wait is over),
     * so that under load each update is fetched a few times at most, not once per update finished before it.
     */
    private void awaitProgress(int confirmedBefore, long finishedBefore) {
        lock.lock();
        try {
            long deadline = System.nanoTime() + BUSY_WAIT_NANOS;
            int enough = Math.max(1, window.size() / 4);
            while (!window.isEmpty() && confirmedUpTo - confirmedBefore < enough
                && (window.size() >= LIMIT || finishedCount - finishedBefore < enough)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                progress.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
