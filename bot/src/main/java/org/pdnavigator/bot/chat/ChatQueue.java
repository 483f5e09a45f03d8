package org.pdnavigator.bot.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each chat's work one task at a time, in the order it arrived, while different chats run in parallel on
 * a bounded pool: one slow chat never holds up another. A chat with work has a mailbox; a mailbox exists exactly
 * while one thread is draining it, and all changes to it happen atomically in the map, so no task is lost or run
 * twice, and an idle chat costs nothing.
 */
public final class ChatQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatQueue.class);
    /** Tasks one chat may run before its thread is offered to other chats. */
    private static final int BATCH = 16;

    private final ExecutorService pool;
    private final ConcurrentHashMap<Long, ArrayDeque<Runnable>> mailboxes = new ConcurrentHashMap<>();

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
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable tracked = () -> {
            try {
                task.run();
                done.complete(null);
            } catch (RuntimeException | Error e) {
                // Even an Error must complete the future and leave the mailbox draining: else the chat is stuck.
                log.error("A chat task failed", e);
                done.completeExceptionally(e);
            }
        };
        boolean[] start = new boolean[1];
        mailboxes.compute(chatId, (id, mailbox) -> {
            if (mailbox == null) {
                mailbox = new ArrayDeque<>();
                start[0] = true;
            }
            mailbox.add(tracked);
            return mailbox;
        });
        if (start[0]) {
            pool.execute(() -> drain(chatId));
        }
        return done;
    }

    private void drain(long chatId) {
        for (int run = 0; run < BATCH; run++) {
            Runnable[] next = new Runnable[1];
            // Takes the next task, or removes the empty mailbox: atomically with submit's additions.
            mailboxes.computeIfPresent(chatId, (id, mailbox) -> {
                next[0] = mailbox.poll();
                return next[0] == null ? null : mailbox;
            });
            if (next[0] == null) {
                return;
            }
            next[0].run();
        }
        pool.execute(() -> drain(chatId));
    }

    /** Chats with work queued or running. */
    public int busyChats() {
        return mailboxes.size();
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
