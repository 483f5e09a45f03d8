package org.pdnavigator.bot.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.Optional;

/** Chats' states in memory, dropped after a time without use or when too many chats are open. */
public final class CaffeineChatStore implements ChatStore {

    private final Cache<Long, ChatState> states;

    public CaffeineChatStore(Duration retention, long maximumSize, Ticker ticker) {
        this.states = Caffeine.newBuilder()
            .expireAfterAccess(retention)
            .maximumSize(maximumSize)
            .ticker(ticker)
            .build();
    }

    @Override
    public Optional<ChatState> find(long chatId) {
        return Optional.ofNullable(states.getIfPresent(chatId));
    }

    @Override
    public void save(long chatId, ChatState state) {
        states.put(chatId, state);
    }

    @Override
    public void forget(long chatId) {
        states.invalidate(chatId);
    }

    @Override
    public long size() {
        states.cleanUp();
        return states.estimatedSize();
    }
}
