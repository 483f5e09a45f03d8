package org.pdnavigator.bot.chat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each chat's work one task at a time, in the order it arrived, while different chats run in
 * parallel on a bounded pool: one slow chat never holds up another.
 */
public final class ChatQueue implements AutoCloseable {

    private final ExecutorService pool;
    private final ConcurrentHashMap<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public ChatQueue(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "chat-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    /** Queues a task behind the chat's earlier tasks; a failed task does not stop the ones after it. */
    public CompletableFuture<Void> submit(long chatId, Runnable task) {
        CompletableFuture<Void> next = tails.compute(chatId, (id, tail) -> {
            CompletableFuture<Void> after = tail == null ? CompletableFuture.completedFuture(null) : tail;
            return after.handleAsync((ignored, failure) -> {
                task.run();
                return null;
            }, pool);
        });
        next.whenComplete((ignored, failure) -> tails.remove(chatId, next));
        return next;
    }

    /** Chats with work queued or running. */
    public int busyChats() {
        return tails.size();
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
