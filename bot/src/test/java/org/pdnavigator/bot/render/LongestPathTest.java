package org.pdnavigator.bot.render;

import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.dialogs.Action;
import org.pdnavigator.dialogs.Answers;
import org.pdnavigator.dialogs.Conversation;
import org.pdnavigator.dialogs.Event;
import org.pdnavigator.dialogs.Known;
import org.pdnavigator.dialogs.Role;
import org.pdnavigator.dialogs.Session;
import org.pdnavigator.dialogs.Step;
import org.pdnavigator.dialogs.route.Route;
import org.pdnavigator.dialogs.route.Router;
import org.pdnavigator.dialogs.screen.Option;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many taps the longest way to an answer takes, counting from the first screen: every answer a person can
 * reach, by its shortest way. Who asks and how urgent it is change words, not the way, so one of each stands
 * for all.
 */
class LongestPathTest {

    private static final Set<Event> FORWARD = Set.of(Event.NEXT, Event.CHOOSE, Event.PICK, Event.NOT_SURE,
        Event.ALL_OFFICES, Event.FACILITIES, Event.COUNTIES, Event.PAGE);

    record Position(Step step, Answers answers) {
    }

    @Test
    void everyAnswerIsAtMostFourteenTapsAway() {
        Conversation conversation = TestBot.conversation();
        Map<Position, Integer> taps = new HashMap<>();
        Map<Position, List<Action>> way = new HashMap<>();
        Deque<Session> queue = new ArrayDeque<>();
        Session start = conversation.start();
        taps.put(new Position(start.step(), start.answers()), 0);
        way.put(new Position(start.step(), start.answers()), List.of());
        queue.add(start);
        Router router = new Router(TestBot.DIRECTORY);
        Map<Route, Integer> answers = new HashMap<>();
        int longest = 0;
        List<Action> longestWay = List.of();
        while (!queue.isEmpty()) {
            Session session = queue.poll();
            Position here = new Position(session.step(), session.answers());
            int depth = taps.get(here);
            if (session.step() == Step.ANSWER) {
                // Breadth first: the first time an answer shows up is its shortest way.
                Route route = router.route(session.answers());
                if (answers.putIfAbsent(route, depth) == null && depth > longest) {
                    longest = depth;
                    longestWay = way.get(here);
                }
                continue;
            }
            for (Option option : conversation.screen(session).options()) {
                Action action = option.action();
                if (!FORWARD.contains(action.event()) || skipped(action)
                    || session.step() == Step.URGENCY && !action.equals(Action.choose(Known.NO))
                    || action.event() == Event.PAGE && Integer.parseInt(action.value()) < session.answers().page()) {
                    continue;
                }
                Session next = conversation.tap(session, session.turn(), action).session();
                Position there = new Position(next.step(), next.answers());
                if (!taps.containsKey(there)) {
                    taps.put(there, depth + 1);
                    List<Action> longer = new java.util.ArrayList<>(way.get(here));
                    longer.add(action);
                    way.put(there, longer);
                    queue.add(next);
                }
            }
        }

        System.out.println(answers.size() + " different answers; the longest way to one: " + longest + " taps: "
            + longestWay);
        assertThat(longest).isLessThanOrEqualTo(14);
    }

    /** One role stands for all: who asks changes the words of the answer, not the way to it. */
    private static boolean skipped(Action action) {
        return action.event() == Event.CHOOSE
            && (action.value().equals(Role.LAWYER.name()) || action.value().equals(Role.HELPER.name()));
    }
}
