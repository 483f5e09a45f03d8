package org.pdnavigator.bot.chat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ChatQueueTest {

    @Test
    void runsOneChatsTasksOneAtATimeInOrder() throws Exception {
        try (ChatQueue queue = new ChatQueue(4)) {
            List<Integer> done = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> last = null;
            for (int i = 0; i < 200; i++) {
                int n = i;
                last = queue.submit(7, () -> done.add(n));
            }
            last.get(5, TimeUnit.SECONDS);

            assertThat(done).hasSize(200).isSorted();
        }
    }

    @Test
    void aStalledChatDoesNotHoldUpAnother() throws Exception {
        try (ChatQueue queue = new ChatQueue(2)) {
            CountDownLatch release = new CountDownLatch(1);
            queue.submit(1, () -> await(release));

            CompletableFuture<Void> other = queue.submit(2, () -> { });

            other.get(5, TimeUnit.SECONDS);
            assertThat(other).isDone();
            release.countDown();
        }
    }

    @Test
    void aFailedTaskDoesNotStopTheNextOnesOfItsChat() throws Exception {
        try (ChatQueue queue = new ChatQueue(1)) {
            CompletableFuture<Void> failed = queue.submit(3, () -> {
                throw new IllegalStateException("a bug");
            });
            CompletableFuture<Void> next = queue.submit(3, () -> { });

            next.get(5, TimeUnit.SECONDS);
            assertThat(failed).isCompletedExceptionally();
            assertThat(next).isCompleted();
        }
    }

    @Test
    void forgetsChatsWithNothingQueued() throws Exception {
        try (ChatQueue queue = new ChatQueue(1)) {
            queue.submit(9, () -> { }).get(5, TimeUnit.SECONDS);
            // The one thread runs tasks in order: once another chat's task has run, chat 9's mailbox is gone.
            queue.submit(10, () -> { }).get(5, TimeUnit.SECONDS);
            CountDownLatch observed = new CountDownLatch(1);
            int[] busy = new int[1];
            queue.submit(11, () -> {
                busy[0] = queue.busyChats();
                observed.countDown();
            });
            observed.await(5, TimeUnit.SECONDS);

            assertThat(busy[0]).isEqualTo(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
