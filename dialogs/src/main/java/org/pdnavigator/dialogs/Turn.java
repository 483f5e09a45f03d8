package org.pdnavigator.dialogs;

import org.pdnavigator.dialogs.screen.Screen;

/** The result of one thing a person did: the session after it, the screen to show, and what happened. */
public record Turn(Session session, Screen screen, Outcome outcome) {

    public enum Outcome {
        /** The conversation moved (forward, back, another page, or to the start). */
        MOVED,
        /** The same button tapped twice: the first tap counted, the second changes nothing. */
        REPEATED,
        /** A button from an older screen: nothing changes; the current screen is shown again. */
        OUT_OF_DATE,
        /** Something that is not a button of the current screen: nothing changes. */
        NOT_UNDERSTOOD
    }

    public boolean moved() {
        return outcome == Outcome.MOVED;
    }
}
