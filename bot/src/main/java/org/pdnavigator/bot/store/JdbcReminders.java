package org.pdnavigator.bot.store;

import org.pdnavigator.bot.ReminderSettings;
import org.pdnavigator.bot.chat.Reminders;
import org.pdnavigator.dialogs.Known;
import org.pdnavigator.dialogs.Role;
import org.pdnavigator.dialogs.Rung;
import org.pdnavigator.dialogs.Situation;
import org.pdnavigator.dialogs.draft.FollowUp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reminders in the database. The chat is stored twice, never in clear: its keyed hash, to find and forget its
 * reminders, and its id sealed with AES-GCM, to send to it. A due reminder is claimed with one conditional update
 * before it is sent, so of several instances exactly one sends it; it is marked sent once Telegram accepted it.
 */
public final class JdbcReminders implements Reminders {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";

    private static final String COLUMNS = "id, situation, role, court_case, rung, opla_office, ero_state, ero_office, "
        + "days, language, chat_ref";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Secrets secrets;
    private final Clock clock;
    private final ReminderSettings settings;

    public JdbcReminders(JdbcTemplate jdbc, TransactionTemplate transactions, Secrets secrets, Clock clock,
                         ReminderSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.secrets = secrets;
        this.clock = clock;
        this.settings = settings;
    }

    /** A reminder that came due and was claimed by this instance: the chat to send it to, and what it says. */
    public record Due(long chatId, Reminder reminder) {
    }

    @Override
    public void schedule(long chatId, FollowUp followUp, int days, String language) {
        String key = secrets.chatKey(chatId);
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            jdbc.update("delete from reminder where chat_key = ? and state = ?", key, PENDING);
            jdbc.update("insert into reminder (chat_key, chat_ref, language, situation, role, court_case, rung, "
                    + "opla_office, ero_state, ero_office, days, due_at, state, updated_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key, secrets.encrypt(Long.toString(chatId)), language, followUp.situation().name(),
                followUp.role().name(), followUp.courtCase() == null ? null : followUp.courtCase().name(),
                followUp.waitingOn().name(), followUp.oplaOffice(), followUp.eroState(), followUp.eroOffice(), days,
                Timestamp.from(now.plus(settings.after(days))), PENDING, Timestamp.from(now));
        });
    }

    @Override
    public Optional<Reminder> find(long chatId, long id) {
        return jdbc.query("select " + COLUMNS + " from reminder where id = ? and chat_key = ?", REMINDER, id,
            secrets.chatKey(chatId)).stream().findFirst();
    }

    @Override
    public void climb(long id, FollowUp next) {
        Instant now = clock.instant();
        List<Integer> days = jdbc.queryForList("select days from reminder where id = ?", Integer.class, id);
        if (days.isEmpty()) {
            return;
        }
        jdbc.update("update reminder set rung = ?, due_at = ?, state = ?, claimed_until = null, updated_at = ? "
                + "where id = ?", next.waitingOn().name(), Timestamp.from(now.plus(settings.after(days.get(0)))),
            PENDING, Timestamp.from(now), id);
    }

    @Override
    public void close(long id) {
        jdbc.update("delete from reminder where id = ?", id);
    }

    @Override
    public void forget(long chatId) {
        jdbc.update("delete from reminder where chat_key = ?", secrets.chatKey(chatId));
    }

    /** Ids of pending reminders due now and not held by an instance, oldest first. */
    public List<Long> due(int limit) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.queryForList("select id from reminder where state = ? and due_at <= ? "
            + "and (claimed_until is null or claimed_until < ?) order by due_at limit ?", Long.class, PENDING, now, now,
            limit);
    }

    /**
     * Takes a due reminder for this instance for the claim period: one conditional update, so when several instances
     * try at once, exactly one gets it (the row count says which).
     */
    public Optional<Due> claim(long id) {
        Instant now = clock.instant();
        int claimed = jdbc.update("update reminder set claimed_until = ? where id = ? and state = ? "
                + "and (claimed_until is null or claimed_until < ?)", Timestamp.from(now.plus(settings.claim())), id,
            PENDING, Timestamp.from(now));
        if (claimed != 1) {
            return Optional.empty();
        }
        return jdbc.query("select " + COLUMNS + " from reminder where id = ?", (rs, row) -> new Due(
            Long.parseLong(secrets.decrypt(rs.getString("chat_ref"))), REMINDER.mapRow(rs, row)), id).stream()
            .findFirst();
    }

    /** Telegram accepted it: kept for its buttons until the retention job deletes it. */
    public void sent(long id) {
        jdbc.update("update reminder set state = ?, claimed_until = null, updated_at = ? where id = ? and state = ?",
            SENT, Timestamp.from(clock.instant()), id, PENDING);
    }

    private static final RowMapper<Reminder> REMINDER = (rs, row) -> new Reminder(rs.getLong("id"),
        new FollowUp(Situation.valueOf(rs.getString("situation")), Role.valueOf(rs.getString("role")),
            rs.getString("court_case") == null ? null : Known.valueOf(rs.getString("court_case")),
            Rung.valueOf(rs.getString("rung")), rs.getString("opla_office"), rs.getString("ero_state"),
            rs.getString("ero_office")),
        rs.getInt("days"), rs.getString("language"));
}
