package org.pdnavigator.bot.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chats' states in memory only, with the same versioned writes as the durable store: for tests and
 * benchmarks that need no database. The bot itself uses {@code JdbcChatStore}.
 */
public final class CaffeineChatStore implements ChatStore {

    private final Cache<Long, Stored> states;
    private final Set<Long> handled = ConcurrentHashMap.newKeySet();

    public CaffeineChatStore(Duration retention, long maximumSize, Ticker ticker) {
        this.states = Caffeine.newBuilder()
            .expireAfterAccess(retention)
            .maximumSize(maximumSize)
            .ticker(ticker)
            .build();
    }

    @Override
    public Optional<Stored> find(long chatId) {
        return Optional.ofNullable(states.getIfPresent(chatId));
    }

    @Override
    public synchronized Commit commit(long chatId, Stored before, ChatState after, OptionalLong updateId) {
        if (updateId.isPresent() && handled.contains(updateId.getAsLong())) {
            return Commit.ALREADY_HANDLED;
        }
        Stored current = states.getIfPresent(chatId);
        if (before == null ? current != null : current == null || current.version() != before.version()) {
            return Commit.CONFLICT;
        }
        states.put(chatId, new Stored(after, before == null ? 1 : before.version() + 1));
        updateId.ifPresent(handled::add);
        return Commit.DONE;
    }

    @Override
    public synchronized Commit forget(long chatId, OptionalLong updateId) {
        if (updateId.isPresent() && !handled.add(updateId.getAsLong())) {
            return Commit.ALREADY_HANDLED;
        }
        states.invalidate(chatId);
        return Commit.DONE;
    }

    @Override
    public void answered(long updateId) {
    }

    @Override
    public boolean unanswered(long updateId, Duration handledBefore) {
        return false;
    }

    @Override
    public long size() {
        states.cleanUp();
        return states.estimatedSize();
    }
}
