package org.pdnavigator.bot.store;

import org.pdnavigator.bot.chat.SentMessages;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The bot's messages per chat (by chat key), kept while Telegram still lets a bot delete them. */
public final class JdbcSentMessages implements SentMessages {

    /** Telegram lets a bot delete its own messages for 48 hours; an hour's margin. */
    static final Duration DELETABLE = Duration.ofHours(47);

    private final JdbcTemplate jdbc;
    private final Secrets secrets;
    private final Clock clock;

    public JdbcSentMessages(JdbcTemplate jdbc, Secrets secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public void record(long chatId, int messageId) {
        jdbc.update("insert into sent_message (chat_key, message_id, sent_at) values (?, ?, ?)",
            secrets.chatKey(chatId), messageId, Timestamp.from(clock.instant()));
    }

    @Override
    public List<Integer> takeDeletable(long chatId) {
        String key = secrets.chatKey(chatId);
        List<Integer> ids = jdbc.queryForList("select message_id from sent_message where chat_key = ? and sent_at > ? "
            + "order by message_id", Integer.class, key, Timestamp.from(clock.instant().minus(DELETABLE)));
        jdbc.update("delete from sent_message where chat_key = ?", key);
        return ids;
    }
}
