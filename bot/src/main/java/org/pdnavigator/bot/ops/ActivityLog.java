package org.pdnavigator.bot.ops;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the anonymous events operators see are written and expired: conversations' steps under a short tag,
 * failures with no chat at all. The dashboard reads them with {@link Dashboard}.
 */
public final class ActivityLog {

    /** What happened in a conversation. Every field is a choice from a closed set, never typed text. */
    public record Event(String tag, Instant at, Kind kind, String step, String language, String situation,
                        String office, String organizer, Long millis) {
    }

    public enum Kind {
        START, STEP, ANSWER, FORGET;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcTemplate jdbc;

    public ActivityLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Event e) {
        jdbc.update("insert into activity_event (tag, at, kind, step, language, situation, office, organizer, millis) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", e.tag(), Timestamp.from(e.at()), e.kind().column(), e.step(),
            e.language(), e.situation(), e.office(), e.organizer(), e.millis());
    }

    /** When the chat's latest conversation began, if it is still on record. */
    public Optional<Instant> lastStart(String tag) {
        Timestamp at = jdbc.queryForObject("select max(at) from activity_event where tag = ? and kind = 'start'",
            Timestamp.class, tag);
        return Optional.ofNullable(at).map(Timestamp::toInstant);
    }

    /** Whether the chat reached an answer since the given instant (its conversation's start). */
    public boolean answeredSince(String tag, Instant since) {
        Long count = jdbc.queryForObject("select count(*) from activity_event where tag = ? and kind = 'answer' "
            + "and at >= ?", Long.class, tag, Timestamp.from(since));
        return count != null && count > 0;
    }

    /** /forget: the chat's events go; one row without a tag counts that someone erased their data. */
    public void forget(String tag, Instant at) {
        jdbc.update("delete from activity_event where tag = ?", tag);
        record(new Event(null, at, Kind.FORGET, null, null, null, null, null, null));
    }

    /**
     * @param kind    {@code error} (handling an update failed) or {@code telegram} (a call to Telegram failed)
     * @param method  the exception's type, or the Telegram method
     * @param outcome how it ended
     */
    public void failure(String kind, String method, String outcome, Instant at) {
        jdbc.update("insert into ops_failure (at, kind, method, outcome) values (?, ?, ?, ?)", Timestamp.from(at),
            kind, method, outcome);
    }

    /** Deletes events and failures older than the given instant; returns how many rows went. */
    public int expire(Instant before) {
        Timestamp cut = Timestamp.from(before);
        return jdbc.update("delete from activity_event where at < ?", cut)
            + jdbc.update("delete from ops_failure where at < ?", cut);
    }

    /** Every tag with events: for tests that look for traces of a chat. */
    List<String> tags() {
        return jdbc.queryForList("select distinct tag from activity_event where tag is not null", String.class);
    }
}
