package org.pdnavigator.bot.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.render.RenderedScreen;
import org.pdnavigator.bot.render.Renderer;
import org.pdnavigator.dialogs.Action;
import org.pdnavigator.dialogs.Conversation;
import org.pdnavigator.dialogs.Event;
import org.pdnavigator.dialogs.Session;
import org.pdnavigator.dialogs.Turn;
import org.pdnavigator.dialogs.screen.Option;
import org.pdnavigator.i18n.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One dialogue step as the bot takes it for a tap: the state machine's transition (Spring Statemachine, through
 * {@link Conversation#tap}) and the rendering of the next screen in the person's language. The steps are those
 * of random walks from the first screen to an answer, so list pages and answer screens are in the mix.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DialogueStepBenchmark {

    private static final Set<Event> FORWARD = Set.of(Event.NEXT, Event.CHOOSE, Event.PICK, Event.NOT_SURE,
        Event.ALL_OFFICES, Event.FACILITIES, Event.COUNTIES, Event.PAGE);

    private Conversation conversation;
    private Renderer renderer;
    private Language language;
    private final List<Session> sessions = new ArrayList<>();
    private final List<Action> actions = new ArrayList<>();
    private int next;

    @Setup
    public void walk() {
        conversation = TestBot.conversation();
        renderer = TestBot.renderer();
        language = TestBot.CATALOGUE.fallback();
        Random random = new Random(11);
        while (sessions.size() < 512) {
            Session session = conversation.start();
            for (int taps = 0; taps < 20; taps++) {
                List<Action> forward = conversation.screen(session).options().stream().map(Option::action)
                    .filter(a -> FORWARD.contains(a.event())).toList();
                if (forward.isEmpty()) {
                    break;
                }
                Action action = forward.get(random.nextInt(forward.size()));
                sessions.add(session);
                actions.add(action);
                session = conversation.tap(session, session.turn(), action).session();
            }
        }
    }

    /** Transition and rendering: what a tap costs before any I/O. */
    @Benchmark
    public RenderedScreen transitionAndRender() {
        int i = next++ & 511;
        Session session = sessions.get(i);
        Turn turn = conversation.tap(session, session.turn(), actions.get(i));
        return renderer.render(turn.screen(), language);
    }

    /** The transition alone. */
    @Benchmark
    public Turn transition() {
        int i = next++ & 511;
        Session session = sessions.get(i);
        return conversation.tap(session, session.turn(), actions.get(i));
    }
}
