package org.pdnavigator.bot.chat;

import org.pdnavigator.dialogs.draft.FollowUp;

import java.util.Optional;

/**
 * Reminders a person asked for, to check for ICE's reply: kept durably, keyed like every other row (never the chat
 * id in clear), one pending reminder per chat at most.
 */
public interface Reminders {

    /** Schedules a reminder in {@code days} days, replacing the chat's pending one, if any. */
    void schedule(long chatId, FollowUp followUp, int days, String language);

    /** A reminder of this chat (pending or sent), if it still exists. */
    Optional<Reminder> find(long chatId, long id);

    /** No answer yet: the same reminder again in its number of days, now waiting on the next step. */
    void climb(long id, FollowUp next);

    /** They answered, or no more reminders: the reminder is deleted. */
    void close(long id);

    /** {@code /forget}: every reminder of the chat is deleted. */
    void forget(long chatId);

    /** A stored reminder: what it waits on, how many days it waits, and the language to word it in. */
    record Reminder(long id, FollowUp followUp, int days, String language) {
    }

    Reminders NONE = new Reminders() {
        @Override
        public void schedule(long chatId, FollowUp followUp, int days, String language) {
        }

        @Override
        public Optional<Reminder> find(long chatId, long id) {
            return Optional.empty();
        }

        @Override
        public void climb(long id, FollowUp next) {
        }

        @Override
        public void close(long id) {
        }

        @Override
        public void forget(long chatId) {
        }
    };
}
