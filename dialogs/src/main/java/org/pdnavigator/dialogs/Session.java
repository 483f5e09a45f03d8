package org.pdnavigator.dialogs;

/**
 * Where one chat is in the conversation: small, immutable and plain, so thousands fit in memory and it
 * survives storage. The trail of earlier sessions is the way back.
 *
 * @param turn     counts accepted actions; buttons carry it, so a button from an older screen is known as such
 * @param lastTap  the action that made this turn, to tell a double tap from a stale button
 * @param previous the session before the last step forward, or {@code null} at the start
 */
public record Session(Step step, Answers answers, int turn, Action lastTap, Session previous) {

    /** The trail is bounded: a conversation never needs more steps back than this. */
    public static final int MAX_TRAIL = 40;

    public static Session start() {
        return new Session(Step.WELCOME, Answers.NONE, 0, null, null);
    }

    public boolean canGoBack() {
        return previous != null;
    }

    /** How many steps back the trail goes. */
    public int depth() {
        int depth = 0;
        for (Session s = previous; s != null; s = s.previous) {
            depth++;
        }
        return depth;
    }
}
