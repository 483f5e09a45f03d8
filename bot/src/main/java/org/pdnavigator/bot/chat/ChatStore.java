package org.pdnavigator.bot.chat;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where each chat's state is kept. Writes are guarded by a version: a write made on a state that changed in
 * the meantime (another instance, a second update of the chat) is refused, so no transition is lost or made
 * twice. A write also records the update it came from, once: a repeated update id is refused.
 */
public interface ChatStore {

    Optional<Stored> find(long chatId);

    /**
     * Keeps a chat's new state.
     *
     * @param before   what {@link #find} returned, or {@code null} for a chat with no state yet
     * @param updateId the Telegram update this came from, recorded with it; empty when there is none (console)
     */
    Commit commit(long chatId, Stored before, ChatState after, OptionalLong updateId);

    /** Erases everything kept about the chat, recording the update it came from. */
    Commit forget(long chatId, OptionalLong updateId);

    /** How many chats have a state, for operators and benchmarks. */
    long size();

    /** The answer to this update was shown. */
    void answered(long updateId);

    /**
     * The answer to this update was shown, kept in one transaction with {@code alongside}: other writes about the
     * same answer (the ids of the messages it sent), so that an answer costs one commit, not one per write. A
     * store without transactions runs them one after the other.
     */
    default void answered(long updateId, Runnable alongside) {
        alongside.run();
        answered(updateId);
    }

    /**
     * Whether an update was handled but its answer never shown, long enough ago that whoever handled it must have
     * died before showing it (rather than be showing it right now).
     */
    boolean unanswered(long updateId, java.time.Duration handledBefore);

    /** A state as stored, with the version a later write must name. */
    record Stored(ChatState state, long version) {
    }

    enum Commit {
        DONE,
        /** The state changed since it was read: read it again and redo the work. */
        CONFLICT,
        /** This update was handled before: do nothing, show nothing. */
        ALREADY_HANDLED
    }
}
