package org.pdnavigator.bot.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.pdnavigator.bot.telegram.BlockedChats;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/** Blocked chats in the database, read through a short-lived cache: checked before every message. */
public final class JdbcBlockedChats implements BlockedChats {

    private final JdbcTemplate jdbc;
    private final Secrets secrets;
    private final Clock clock;
    private final LoadingCache<Long, Boolean> cache;

    public JdbcBlockedChats(JdbcTemplate jdbc, Secrets secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
        // Another instance may record a block: it is seen here within the minute, or at the next 403.
        this.cache = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1))
            .build(this::load);
    }

    private boolean load(long chatId) {
        Long count = jdbc.queryForObject("select count(*) from blocked_chat where chat_key = ?", Long.class,
            secrets.chatKey(chatId));
        return count != null && count > 0;
    }

    @Override
    public boolean isBlocked(long chatId) {
        return cache.get(chatId);
    }

    @Override
    public void block(long chatId) {
        try {
            jdbc.update("insert into blocked_chat (chat_key, blocked_at) values (?, ?)", secrets.chatKey(chatId),
                Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            // Recorded already.
        }
        cache.put(chatId, true);
    }

    @Override
    public void unblock(long chatId) {
        if (Boolean.TRUE.equals(cache.get(chatId))) {
            jdbc.update("delete from blocked_chat where chat_key = ?", secrets.chatKey(chatId));
        }
        cache.put(chatId, false);
    }
}
