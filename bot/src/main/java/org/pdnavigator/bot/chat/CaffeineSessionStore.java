package org.pdnavigator.bot.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.pdnavigator.dialogs.Session;

import java.time.Duration;
import java.util.Optional;

/** Sessions in memory, dropped after a time without use or when too many chats are open. */
public final class CaffeineSessionStore implements SessionStore {

    private final Cache<Long, Session> sessions;

    public CaffeineSessionStore(Duration retention, long maximumSize, Ticker ticker) {
        this.sessions = Caffeine.newBuilder()
            .expireAfterAccess(retention)
            .maximumSize(maximumSize)
            .ticker(ticker)
            .build();
    }

    @Override
    public Optional<Session> find(long chatId) {
        return Optional.ofNullable(sessions.getIfPresent(chatId));
    }

    @Override
    public void save(long chatId, Session session) {
        sessions.put(chatId, session);
    }

    @Override
    public void forget(long chatId) {
        sessions.invalidate(chatId);
    }

    @Override
    public long size() {
        sessions.cleanUp();
        return sessions.estimatedSize();
    }
}
