package org.pdnavigator.bot.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.pdnavigator.bot.chat.ChatState;
import org.pdnavigator.bot.chat.ChatStateCodec;
import org.pdnavigator.bot.chat.ChatStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Chats' states in the database (embedded H2 by default, PostgreSQL when configured), with Caffeine as the hot
 * cache in front. Rows are keyed by the chat's keyed hash; each write names the version it read and records
 * the update it came from in the same transaction, so a repeated update or a concurrent write is refused.
 */
public final class JdbcChatStore implements ChatStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcChatStore.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Secrets secrets;
    private final Clock clock;
    private final ChatStateCodec codec = new ChatStateCodec();
    private final Cache<Long, Stored> cache;

    public JdbcChatStore(JdbcTemplate jdbc, TransactionTemplate transactions, Secrets secrets, Clock clock,
                         Duration retention, long cacheSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.secrets = secrets;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterAccess(retention).maximumSize(cacheSize).build();
    }

    @Override
    public Optional<Stored> find(long chatId) {
        Stored cached = cache.getIfPresent(chatId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Stored> loaded = load(chatId);
        loaded.ifPresent(stored -> cache.put(chatId, stored));
        return loaded;
    }

    private Optional<Stored> load(long chatId) {
        List<Stored> rows = jdbc.query("select state, version from chat_state where chat_key = ?",
            (rs, n) -> decode(rs.getString(1), rs.getLong(2)), secrets.chatKey(chatId));
        return rows.stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private Stored decode(String text, long version) {
        try {
            return new Stored(codec.decode(text), version);
        } catch (IllegalArgumentException e) {
            // A state this version cannot read (after an upgrade): the chat starts over rather than fail.
            log.warn("A stored chat state could not be read and is ignored: {}", e.getMessage());
            return null;
        }
    }

    @Override
    public Commit commit(long chatId, Stored before, ChatState after, OptionalLong updateId) {
        String key = secrets.chatKey(chatId);
        Timestamp now = Timestamp.from(clock.instant());
        String state = codec.encode(after);
        Commit result = inTransaction(() -> {
            markHandled(updateId, now);
            int written;
            if (before == null) {
                written = jdbc.update("insert into chat_state (chat_key, version, state, updated_at) values (?, 1, ?, ?)",
                    key, state, now);
            } else {
                written = jdbc.update("update chat_state set version = version + 1, state = ?, updated_at = ? "
                    + "where chat_key = ? and version = ?", state, now, key, before.version());
            }
            if (written != 1) {
                throw new Refused(Commit.CONFLICT);
            }
        });
        if (result == Commit.DONE) {
            cache.put(chatId, new Stored(after, before == null ? 1 : before.version() + 1));
        } else {
            cache.invalidate(chatId);
        }
        return result;
    }

    @Override
    public Commit forget(long chatId, OptionalLong updateId) {
        String key = secrets.chatKey(chatId);
        Timestamp now = Timestamp.from(clock.instant());
        Commit result = inTransaction(() -> {
            markHandled(updateId, now);
            jdbc.update("delete from chat_state where chat_key = ?", key);
        });
        cache.invalidate(chatId);
        return result;
    }

    @Override
    public long size() {
        Long count = jdbc.queryForObject("select count(*) from chat_state", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public void answered(long updateId) {
        jdbc.update("update handled_update set answered = true where update_id = ?", updateId);
    }

    @Override
    public void answered(long updateId, Runnable alongside) {
        // The writes alongside use the same data source, so they join this transaction: one commit.
        transactions.executeWithoutResult(status -> {
            alongside.run();
            answered(updateId);
        });
    }

    @Override
    public boolean unanswered(long updateId, Duration handledBefore) {
        Long count = jdbc.queryForObject("select count(*) from handled_update where update_id = ? and answered = false "
            + "and handled_at < ?", Long.class, updateId, Timestamp.from(clock.instant().minus(handledBefore)));
        return count != null && count > 0;
    }

    private void markHandled(OptionalLong updateId, Timestamp now) {
        if (updateId.isPresent()) {
            try {
                jdbc.update("insert into handled_update (update_id, handled_at) values (?, ?)", updateId.getAsLong(), now);
            } catch (DuplicateKeyException e) {
                throw new Refused(Commit.ALREADY_HANDLED);
            }
        }
    }

    private Commit inTransaction(Runnable work) {
        try {
            transactions.executeWithoutResult(status -> work.run());
            return Commit.DONE;
        } catch (Refused refused) {
            return refused.commit;
        } catch (DuplicateKeyException e) {
            // Two first writes for one chat: the other came first.
            return Commit.CONFLICT;
        }
    }

    /** Rolls the transaction back and says why. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Commit commit;

        Refused(Commit commit) {
            super(null, null, false, false);
            this.commit = commit;
        }
    }
}
