package org.pdnavigator.bot.share;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Organizers' codes in the database, counted with one atomic {@code update ... set conversations = conversations
 * + 1}, so any number of instances sharing the database count right. A code no operator created is counted from
 * the first link that carries it, up to a cap of such codes; past the cap, conversations through new made-up codes
 * still start, they are just not counted.
 */
public final class JdbcOrganizerCodes implements OrganizerCodes {

    private static final Logger log = LoggerFactory.getLogger(JdbcOrganizerCodes.class);
    private static final RowMapper<OrganizerCode> ROW = (rs, n) -> new OrganizerCode(rs.getString("code"),
        rs.getTimestamp("created_at").toInstant(), rs.getLong("conversations"));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int unknownCodes;
    private volatile boolean capLogged;

    /** @param unknownCodes how many codes no operator created are counted at most */
    public JdbcOrganizerCodes(JdbcTemplate jdbc, Clock clock, int unknownCodes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unknownCodes = unknownCodes;
    }

    @Override
    public OrganizerCode create(String code) {
        OrganizerCode.requireValid(code);
        try {
            jdbc.update("insert into organizer_code (code, created_at, by_operator, conversations) values (?, ?, true, 0)",
                code, Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            // Created before, or seen in links first: it is the operator's now, kept and counted whatever the cap.
            jdbc.update("update organizer_code set by_operator = true where code = ?", code);
        }
        return find(code).orElseThrow();
    }

    @Override
    public List<OrganizerCode> all() {
        return jdbc.query("select code, created_at, conversations from organizer_code order by conversations desc, code",
            ROW);
    }

    @Override
    public Optional<OrganizerCode> find(String code) {
        if (!OrganizerCode.isValid(code)) {
            return Optional.empty();
        }
        return jdbc.query("select code, created_at, conversations from organizer_code where code = ?", ROW, code)
            .stream().findFirst();
    }

    /**
     * One more conversation begun through a link with this code.
     *
     * @return whether it was counted (a made-up code past the cap is not)
     */
    public boolean countConversation(String code) {
        if (!OrganizerCode.isValid(code)) {
            return false;
        }
        if (increment(code)) {
            return true;
        }
        try {
            // First seen: counted as one of the made-up codes, if there is room. Two instances seeing it at once
            // may both pass the check, so the cap can be passed by a few rows: bounded all the same.
            int inserted = jdbc.update("insert into organizer_code (code, created_at, by_operator, conversations) "
                    + "select ?, ?, false, 1 where (select count(*) from organizer_code where by_operator = false) < ?",
                code, Timestamp.from(clock.instant()), unknownCodes);
            if (inserted > 0) {
                return true;
            }
        } catch (DuplicateKeyException e) {
            // Another instance (or an operator) added it in between: count it there.
            return increment(code);
        }
        if (!capLogged) {
            capLogged = true;
            log.warn("{} codes that no operator created are counted already; conversations through further ones "
                + "are not counted (BOT_MAX_UNKNOWN_CODES)", unknownCodes);
        }
        return false;
    }

    private boolean increment(String code) {
        return jdbc.update("update organizer_code set conversations = conversations + 1 where code = ?", code) > 0;
    }
}
