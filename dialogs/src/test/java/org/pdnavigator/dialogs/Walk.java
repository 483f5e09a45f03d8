package org.pdnavigator.dialogs;

import org.pdnavigator.dialogs.route.Route;
import org.pdnavigator.dialogs.route.Router;
import org.pdnavigator.dialogs.screen.Option;
import org.pdnavigator.dialogs.screen.Screen;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A person tapping through the conversation, for tests that read as transcripts. */
public final class Walk {

    private final Conversation conversation;
    private Session session;
    private Turn last;

    public Walk(Conversation conversation) {
        this.conversation = conversation;
        this.session = conversation.start();
    }

    public static Walk start() {
        return new Walk(Fixtures.conversation());
    }

    /** Taps a button of the current screen; fails if the screen does not offer it. */
    public Walk tap(Action action) {
        Screen screen = conversation.screen(session);
        assertThat(screen.offers(action))
            .as("%s offers %s; it offers %s", session.step(), action, describe(screen))
            .isTrue();
        last = conversation.tap(session, session.turn(), action);
        assertThat(last.outcome()).as("tapping %s at %s", action, session.step()).isEqualTo(Turn.Outcome.MOVED);
        session = last.session();
        return this;
    }

    public Walk choose(Enum<?> choice) {
        return tap(Action.choose(choice));
    }

    public Walk pick(String id) {
        return tap(Action.pick(id));
    }

    public Walk next() {
        return tap(Action.of(Event.NEXT));
    }

    public Walk on(Event event) {
        return tap(Action.of(event));
    }

    public Walk back() {
        return on(Event.BACK);
    }

    /** Taps "next page" until the list shows the item, then picks it. */
    public Walk pickAcrossPages(String id) {
        for (int guard = 0; guard < 40; guard++) {
            if (screen().offers(Action.pick(id))) {
                return pick(id);
            }
            Action nextPage = Action.page(session.answers().page() + 1);
            if (!screen().offers(nextPage)) {
                break;
            }
            tap(nextPage);
        }
        throw new AssertionError(id + " is on no page of " + session.step() + ": " + describe(screen()));
    }

    public Session session() {
        return session;
    }

    public Step step() {
        return session.step();
    }

    public Screen screen() {
        return conversation.screen(session);
    }

    /** The answer for the answers given so far. */
    public Route route() {
        return new Router(Fixtures.DIRECTORY).route(session.answers());
    }

    public Turn lastTurn() {
        return last;
    }

    public Conversation conversation() {
        return conversation;
    }

    private static String describe(Screen screen) {
        return screen.options().stream().map(Option::action).map(Action::toString).collect(Collectors.joining(", "));
    }
}
