package org.pdnavigator.dialogs;

import org.pdnavigator.dialogs.screen.Screen;
import org.pdnavigator.dialogs.screen.Screens;

import java.util.Optional;

/**
 * The conversation, as a function from a session and an action to the next session and screen. It acts
 * only on buttons the current screen offers, so forged or stale data can never cause a wrong transition;
 * it keeps the way back; it has no I/O, no clock and no words.
 */
public final class Conversation {

    private final IntakeMachine machine;
    private final Screens screens;

    public Conversation(IntakeMachine machine, Screens screens) {
        this.machine = machine;
        this.screens = screens;
    }

    /** What each step shows, and the routing behind the answers: for the draft and reminders. */
    public Screens screens() {
        return screens;
    }

    public Session start() {
        return Session.start();
    }

    /** Starts over from the first screen, keeping the turn count so older buttons stay out of date. */
    public Turn restart(Session current) {
        Session fresh = new Session(Step.WELCOME, Answers.NONE, current.turn() + 1, Action.of(Event.RESTART), null);
        return new Turn(fresh, screen(fresh), Turn.Outcome.MOVED);
    }

    public Screen screen(Session session) {
        return screens.screen(session);
    }

    /** The current screen again, for input that is not a tap (typed text, a sticker, a photo). */
    public Turn notUnderstood(Session session) {
        return new Turn(session, screen(session), Turn.Outcome.NOT_UNDERSTOOD);
    }

    /**
     * Applies a tap.
     *
     * @param turnSeen the turn of the screen the button was on
     */
    public Turn tap(Session session, int turnSeen, Action action) {
        if (turnSeen != session.turn()) {
            boolean doubleTap = turnSeen == session.turn() - 1 && action.equals(session.lastTap());
            return new Turn(session, screen(session), doubleTap ? Turn.Outcome.REPEATED : Turn.Outcome.OUT_OF_DATE);
        }
        Screen current = screen(session);
        if (!current.offers(action)) {
            return new Turn(session, current, Turn.Outcome.NOT_UNDERSTOOD);
        }
        Optional<Session> next = switch (action.event()) {
            case RESTART -> Optional.of(restart(session).session());
            case BACK -> Optional.ofNullable(session.previous())
                .map(p -> new Session(p.step(), p.answers(), session.turn() + 1, action, p.previous()));
            default -> machine.fire(session.step(), session.answers(), action)
                .map(position -> advance(session, position, action));
        };
        return next.map(s -> new Turn(s, screen(s), Turn.Outcome.MOVED))
            .orElseGet(() -> new Turn(session, current, Turn.Outcome.NOT_UNDERSTOOD));
    }

    /** A new step goes on the trail; another page of the same list replaces the current session. */
    private static Session advance(Session session, IntakeMachine.Position position, Action action) {
        if (position.step() == session.step()) {
            return new Session(position.step(), position.answers(), session.turn() + 1, action, session.previous());
        }
        Session trail = session.depth() < Session.MAX_TRAIL ? session : session.previous();
        return new Session(position.step(), position.answers(), session.turn() + 1, action, trail);
    }
}
