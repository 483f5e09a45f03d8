package org.pdnavigator.bot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The one way out to Telegram. It keeps within Telegram's limits (per chat and overall), waits {@code retry_after}
 * on 429, retries 5xx and network failures with backoff and jitter, treats "message is not modified" as success,
 * and on 403 (the person blocked the bot) records the block and stops writing to that chat. A call Telegram
 * accepted is never made again: only failures are retried.
 */
public final class TelegramGateway {

    private static final Logger log = LoggerFactory.getLogger(TelegramGateway.class);
    private static final long BACKOFF_BASE_NANOS = 200_000_000L;
    private static final long BACKOFF_MAX_NANOS = 10_000_000_000L;

    private final TelegramSettings.Limits limits;
    private final TelegramCalls calls;
    private final BlockedChats blocked;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final TokenBucket overall;
    private final ConcurrentHashMap<Long, TokenBucket> perChat = new ConcurrentHashMap<>();

    /** How the gateway waits; tests pass one that only records. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos);

        Sleeper REAL = nanos -> {
            if (nanos > 0) {
                LockSupport.parkNanos(nanos);
            }
        };
    }

    /** One call to Telegram. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws TelegramApiException;
    }

    /** How a call ended. */
    public sealed interface Result<T> {
        record Done<T>(T value) implements Result<T> {
        }

        /** An edit that changed nothing: Telegram's "message is not modified", a success. */
        record Unchanged<T>() implements Result<T> {
        }

        /** Refused for good (a 4xx other than 429, retries used up, or the chat has blocked the bot). */
        record Failed<T>(String outcome, String description) implements Result<T> {
        }

        default boolean succeeded() {
            return !(this instanceof Failed<T>);
        }

        /** What Telegram returned, when the call was done. */
        default Optional<T> returned() {
            return this instanceof Done<T> done ? Optional.ofNullable(done.value()) : Optional.empty();
        }
    }

    /** What a call costs against Telegram's limits. */
    public enum Kind {
        /** A message sent or edited in a chat: counts against the chat's and the overall rate. */
        MESSAGE,
        /** Anything else (answering a tap, deleting, settings): Telegram's message limits do not apply. */
        OTHER
    }

    public TelegramGateway(TelegramSettings.Limits limits, TelegramCalls calls, BlockedChats blocked,
                           LongSupplier clock, Sleeper sleeper) {
        this.limits = limits;
        this.calls = calls;
        this.blocked = blocked;
        this.clock = clock;
        this.sleeper = sleeper;
        this.overall = new TokenBucket(limits.overallPerSecond(), limits.overallBurst(), clock.getAsLong());
    }

    /**
     * Makes a call, within the limits and with retries.
     *
     * @param chatId the chat it writes to, or 0 when it writes to none
     */
    public <T> Result<T> call(long chatId, String method, Kind kind, Call<T> call) {
        if (chatId != 0 && kind == Kind.MESSAGE && blocked.isBlocked(chatId)) {
            calls.completed(method, "blocked", 0);
            return new Result.Failed<>("blocked", "the person has blocked the bot");
        }
        for (int attempt = 1; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                // Shutting down: what was not done by now is not done.
                return new Result.Failed<>("interrupted", "the bot is stopping");
            }
            pace(chatId, kind);
            long start = clock.getAsLong();
            try {
                T value = call.run();
                calls.completed(method, "ok", clock.getAsLong() - start);
                return new Result.Done<>(value);
            } catch (TelegramApiRequestException e) {
                int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
                String description = e.getApiResponse() == null ? "" : e.getApiResponse();
                if (description.contains("message is not modified")) {
                    calls.completed(method, "not_modified", clock.getAsLong() - start);
                    return new Result.Unchanged<>();
                }
                calls.completed(method, code == 0 ? "io" : Integer.toString(code), clock.getAsLong() - start);
                if (code == 403 && chatId != 0) {
                    blocked.block(chatId);
                    log.info("{}: the person has blocked the bot; no more messages to that chat", method);
                    return new Result.Failed<>("403", description);
                }
                if (attempt >= limits.maxAttempts() || !(code == 429 || code >= 500 || code == 0)) {
                    log.warn("{} refused by Telegram: [{}] {}", method, code, description);
                    return new Result.Failed<>(Integer.toString(code), description);
                }
                Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                long wait = code == 429 && retryAfter != null ? retryAfter * 1_000_000_000L + jitter(250_000_000L)
                    : backoff(attempt);
                log.info("{} got {}; trying again in {} ms (attempt {})", method, code, wait / 1_000_000, attempt);
                sleeper.sleep(wait);
            } catch (TelegramApiException e) {
                calls.completed(method, "io", clock.getAsLong() - start);
                if (attempt >= limits.maxAttempts()) {
                    log.warn("{} failed after {} attempts: {}", method, attempt, e.getClass().getSimpleName());
                    return new Result.Failed<>("io", e.getClass().getSimpleName());
                }
                sleeper.sleep(backoff(attempt));
            }
        }
    }

    /** For a message: waits for a token from the chat's bucket and from the overall one. */
    private void pace(long chatId, Kind kind) {
        if (kind != Kind.MESSAGE) {
            return;
        }
        long now = clock.getAsLong();
        long wait = 0;
        if (chatId != 0) {
            TokenBucket chat = perChat.computeIfAbsent(chatId,
                id -> new TokenBucket(limits.perChatPerSecond(), limits.perChatBurst(), now));
            wait = chat.take(now);
        }
        wait = Math.max(wait, overall.take(now));
        sleeper.sleep(wait);
        if (perChat.size() > 10_000) {
            long later = clock.getAsLong();
            perChat.values().removeIf(bucket -> bucket.idle(later));
        }
    }

    /** Exponential backoff with full jitter: a random wait up to 200 ms, 400 ms, 800 ms... at most 10 s. */
    private static long backoff(int attempt) {
        long ceiling = Math.min(BACKOFF_MAX_NANOS, BACKOFF_BASE_NANOS << Math.min(attempt - 1, 20));
        return ceiling / 2 + jitter(ceiling / 2);
    }

    private static long jitter(long upTo) {
        return ThreadLocalRandom.current().nextLong(Math.max(1, upTo));
    }
}
