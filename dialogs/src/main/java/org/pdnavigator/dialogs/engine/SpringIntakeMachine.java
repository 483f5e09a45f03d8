package org.pdnavigator.dialogs.engine;

import org.pdnavigator.dialogs.Action;
import org.pdnavigator.dialogs.Answers;
import org.pdnavigator.dialogs.Denial;
import org.pdnavigator.dialogs.Event;
import org.pdnavigator.dialogs.IntakeMachine;
import org.pdnavigator.dialogs.Known;
import org.pdnavigator.dialogs.Role;
import org.pdnavigator.dialogs.Rung;
import org.pdnavigator.dialogs.Situation;
import org.pdnavigator.dialogs.Step;
import org.pdnavigator.dialogs.directory.Directory;
import org.pdnavigator.dialogs.directory.EroCoverage;
import org.pdnavigator.dialogs.route.Routing;
import org.pdnavigator.dialogs.screen.FacilityLists;
import org.pdnavigator.dialogs.route.Routing.OfficeNeed;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.ExtendedState;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.configurers.ExternalTransitionConfigurer;
import org.springframework.statemachine.config.configurers.StateConfigurer;
import org.springframework.statemachine.guard.Guard;
import org.springframework.statemachine.support.DefaultExtendedState;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import org.springframework.statemachine.transition.Transition;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The conversation as a Spring Statemachine model: states are {@link Step}s, events are what a person taps,
 * guards read the tapped value and the answers so far, actions record answers in the extended state.
 *
 * <p>No machine lives per chat (45 KB each): a small pool of machines is reset to a session's step and
 * answers for each event, and the result read back. Guards and actions are shared by all machines, so they
 * keep no state of their own.
 */
public final class SpringIntakeMachine implements IntakeMachine {

    static final String VALUE = "value";
    static final String ANSWERS = "answers";

    private final Directory directory;
    private final FacilityLists facilityLists;
    private final BlockingQueue<StateMachine<Step, Event>> pool;

    /** @param poolSize machines kept for reuse; one per thread that handles updates is enough */
    public SpringIntakeMachine(Directory directory, int poolSize) {
        this.directory = directory;
        this.facilityLists = new FacilityLists(directory);
        this.pool = new ArrayBlockingQueue<>(poolSize);
    }

    @Override
    public Optional<Position> fire(Step step, Answers answers, Action action) {
        if (step.junction()) {
            throw new IllegalArgumentException("A session never rests at the junction " + step);
        }
        StateMachine<Step, Event> machine = borrow();
        try {
            ExtendedState extended = new DefaultExtendedState();
            extended.getVariables().put(ANSWERS, answers);
            // Reset in place: a pooled machine stays started (see borrow). Stopping and starting it for every event
            // cost more than the event itself (each builds the machine's toString for a debug line, logged or not,
            // and runs the executor's Reactor plumbing); with no entry or exit actions, resetting a running machine
            // to a step leaves it exactly as stop, reset, start did.
            machine.getStateMachineAccessor().doWithAllRegions(region -> region
                .resetStateMachineReactively(new DefaultStateMachineContext<>(step, null, null, extended, null,
                    "intake"))
                .block());
            Message<Event> message = MessageBuilder.withPayload(action.event()).setHeader(VALUE, action.value()).build();
            machine.sendEvent(Mono.just(message)).blockLast();
            Step after = machine.getState().getId();
            Answers recorded = (Answers) machine.getExtendedState().getVariables().get(ANSWERS);
            // A rejecting guard still reports ACCEPTED (spring-statemachine#132): compare before and after.
            if (after == step && recorded.equals(answers)) {
                return Optional.empty();
            }
            return Optional.of(new Position(after, recorded));
        } finally {
            giveBack(machine);
        }
    }

    private StateMachine<Step, Event> borrow() {
        StateMachine<Step, Event> machine = pool.poll();
        if (machine != null) {
            return machine;
        }
        // Started once, at its initial step; from then on each event only resets it.
        StateMachine<Step, Event> built = build();
        built.startReactively().block();
        return built;
    }

    private void giveBack(StateMachine<Step, Event> machine) {
        // A machine in error refuses every later event until stopped: never reused.
        if (!machine.hasStateMachineError()) {
            pool.offer(machine);
        }
    }

    /** Builds one machine. Reads top to bottom in the order of the conversation. */
    StateMachine<Step, Event> build() {
        try {
            StateMachineBuilder.Builder<Step, Event> builder = StateMachineBuilder.builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false).machineId("intake");
            StateConfigurer<Step, Event> states = builder.configureStates().withStates()
                .initial(Step.WELCOME)
                .states(EnumSet.copyOf(Arrays.stream(Step.values()).filter(s -> !s.junction()).toList()));
            for (Step step : Step.values()) {
                if (step.junction()) {
                    states.choice(step);
                }
            }
            Flow flow = new Flow(builder);

            flow.on(Step.WELCOME, Event.NEXT).to(Step.ROLE);
            flow.on(Step.WELCOME, Event.PRIVACY).to(Step.PRIVACY);
            flow.on(Step.PRIVACY, Event.NEXT).to(Step.ROLE);

            flow.on(Step.ROLE, Event.CHOOSE).when(isOneOf(Role.class))
                .record((a, v) -> a.withRole(Role.valueOf(v))).to(Step.SITUATION);

            flow.on(Step.SITUATION, Event.CHOOSE).when(isOneOf(Situation.class))
                .record((a, v) -> a.withSituation(Situation.valueOf(v))).to(Step.AFTER_SITUATION);
            flow.on(Step.SITUATION, Event.NOT_SURE).to(Step.SITUATION_HELP);
            flow.on(Step.SITUATION_HELP, Event.CHOOSE).when(isOneOf(Situation.class))
                .record((a, v) -> a.withSituation(Situation.valueOf(v))).to(Step.AFTER_SITUATION);
            builder.configureTransitions().withChoice().source(Step.AFTER_SITUATION)
                .first(Step.DETAINED_COURT, answersAre(a -> a.situation() == Situation.DETAINED))
                .last(Step.DENIED);

            flow.on(Step.DETAINED_COURT, Event.CHOOSE).when(isOneOf(Known.class))
                .record((a, v) -> a.withCourtCase(Known.valueOf(v))).to(Step.DENIED);

            flow.on(Step.DENIED, Event.CHOOSE).when(is(Denial.NO.name()))
                .record((a, v) -> a.withDeniedAt(null)).to(Step.AFTER_DENIAL);
            flow.on(Step.DENIED, Event.CHOOSE).when(is(Denial.YES.name())).to(Step.DENIED_BY);
            flow.on(Step.DENIED_BY, Event.CHOOSE).when(isOneOf(Rung.class))
                .record((a, v) -> a.withDeniedAt(Rung.valueOf(v))).to(Step.AFTER_DENIAL);
            builder.configureTransitions().withChoice().source(Step.AFTER_DENIAL)
                .first(Step.URGENCY, answersAre(Routing::asksUrgency))
                .last(Step.FIND_OFFICE);

            flow.on(Step.URGENCY, Event.CHOOSE).when(isOneOf(Known.class))
                .record((a, v) -> a.withUrgent(Known.valueOf(v))).to(Step.FIND_OFFICE);
            builder.configureTransitions().withChoice().source(Step.FIND_OFFICE)
                .first(Step.COURT_STATE, answersAre(a -> Routing.officeNeed(a) == OfficeNeed.OPLA))
                .then(Step.ERO_STATE, answersAre(a -> Routing.officeNeed(a) == OfficeNeed.ERO))
                .last(Step.ANSWER);

            // The OPLA office: by state, then court or detention centre; or from the list of offices.
            flow.on(Step.COURT_STATE, Event.PICK).when(v -> directory.state(v).isPresent())
                .record(Answers::withCourtState).to(Step.COURT_PICK);
            flow.on(Step.COURT_STATE, Event.NOT_SURE).to(Step.COURT_HELP);
            flow.on(Step.COURT_STATE, Event.ALL_OFFICES).record((a, v) -> a.firstPage()).to(Step.OPLA_FIELD);
            flow.on(Step.COURT_PICK, Event.PICK).when(v -> directory.court(v).isPresent())
                .record(Answers::withCourt).to(Step.ANSWER);
            builder.configureTransitions().withChoice().source(Step.AFTER_FACILITIES)
                .first(Step.FACILITY_LETTER, answersAre(a -> facilityLists.needsLetters(a.courtState())))
                .last(Step.FACILITY_PICK);
            flow.on(Step.COURT_PICK, Event.FACILITIES).record((a, v) -> a.withLetter(null)).to(Step.AFTER_FACILITIES);
            flow.on(Step.FACILITY_LETTER, Event.PICK).when(v -> v.length() == 1)
                .record(Answers::withLetter).to(Step.FACILITY_PICK);
            flow.on(Step.COURT_PICK, Event.NOT_SURE).to(Step.COURT_HELP);
            flow.on(Step.FACILITY_PICK, Event.PICK).when(v -> directory.facility(v).isPresent())
                .record(Answers::withFacility).to(Step.ANSWER);
            flow.on(Step.FACILITY_PICK, Event.NOT_SURE).to(Step.COURT_HELP);
            flow.on(Step.FACILITY_LETTER, Event.NOT_SURE).to(Step.COURT_HELP);
            flow.on(Step.COURT_HELP, Event.ALL_OFFICES).record((a, v) -> a.firstPage()).to(Step.OPLA_FIELD);
            flow.on(Step.COURT_HELP, Event.NEXT).record((a, v) -> a.withNoOffice()).to(Step.ANSWER);
            flow.on(Step.OPLA_FIELD, Event.PICK).when(v -> directory.oplaOffice(v).isPresent())
                .record(Answers::withOplaField).to(Step.OPLA_OFFICE);
            flow.on(Step.OPLA_OFFICE, Event.PICK).when(v -> directory.oplaOffice(v).isPresent())
                .record(Answers::withOplaOffice).to(Step.ANSWER);

            // The ERO field office: by state, then, where offices split a state, by area or county.
            flow.on(Step.ERO_STATE, Event.PICK).when(v -> directory.coverage(v).isPresent())
                .record(this::withEroState).to(Step.AFTER_ERO_STATE);
            builder.configureTransitions().withChoice().source(Step.AFTER_ERO_STATE)
                .first(Step.ANSWER, answersAre(a -> a.eroOffice() != null))
                .last(Step.ERO_AREA);
            flow.on(Step.ERO_AREA, Event.PICK).when(v -> directory.eroOffice(v).isPresent())
                .record(Answers::withEroOffice).to(Step.ANSWER);
            flow.on(Step.ERO_AREA, Event.COUNTIES).to(Step.COUNTY_LETTER);
            flow.on(Step.COUNTY_LETTER, Event.PICK).when(v -> v.length() == 1)
                .record(Answers::withLetter).to(Step.COUNTY_PICK);
            flow.on(Step.COUNTY_PICK, Event.PICK).when(v -> true)
                .record(this::withCounty).to(Step.ANSWER);

            // Lists turn pages without leaving the step.
            for (Step list : EnumSet.of(Step.COURT_STATE, Step.COURT_PICK, Step.FACILITY_PICK, Step.OPLA_FIELD,
                Step.ERO_STATE, Step.COUNTY_PICK)) {
                flow.page(list);
            }

            flow.on(Step.ANSWER, Event.WHY).to(Step.WHY);
            flow.on(Step.ANSWER, Event.LADDER).to(Step.LADDER);
            flow.on(Step.ANSWER, Event.DRAFT).to(Step.DRAFT);
            return builder.build();
        } catch (Exception e) {
            throw new IllegalStateException("The intake machine cannot be built", e);
        }
    }

    /** A state without county splits has one office: record it with the state. */
    private Answers withEroState(Answers answers, String state) {
        Answers recorded = answers.withEroState(state);
        Optional<EroCoverage> coverage = directory.coverage(state);
        return coverage.flatMap(EroCoverage::office).map(o -> recorded.withEroOffice(o.id())).orElse(recorded);
    }

    private Answers withCounty(Answers answers, String county) {
        return directory.coverage(answers.eroState())
            .flatMap(c -> c.officeForCounty(county))
            .map(office -> answers.withCounty(county, office.id()))
            .orElse(answers);
    }

    private static <E extends Enum<E>> Predicate<String> isOneOf(Class<E> type) {
        return value -> Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(value));
    }

    private static Predicate<String> is(String expected) {
        return expected::equals;
    }

    private static Guard<Step, Event> answersAre(Predicate<Answers> test) {
        return context -> test.test(answers(context));
    }

    static Answers answers(StateContext<Step, Event> context) {
        return (Answers) context.getExtendedState().getVariables().get(ANSWERS);
    }

    static String value(StateContext<Step, Event> context) {
        Object value = context.getMessageHeaders().get(VALUE);
        return value == null ? "" : value.toString();
    }

    /** A small vocabulary over the builder, so the conversation above reads as a list of moves. */
    private static final class Flow {
        private final StateMachineBuilder.Builder<Step, Event> builder;

        Flow(StateMachineBuilder.Builder<Step, Event> builder) {
            this.builder = builder;
        }

        Move on(Step from, Event event) {
            return new Move(builder, from, event);
        }

        void page(Step list) throws Exception {
            builder.configureTransitions().withInternal().source(list).event(Event.PAGE)
                .guard(context -> isPageNumber(value(context)))
                .action(context -> record(context, (a, v) -> a.withPage(Integer.parseInt(v))));
        }

        private static boolean isPageNumber(String value) {
            return value.matches("\\d{1,3}");
        }
    }

    private static void record(StateContext<Step, Event> context, BiFunction<Answers, String, Answers> change) {
        context.getExtendedState().getVariables().put(ANSWERS, change.apply(answers(context), value(context)));
    }

    /** One transition being described: from a step, on an event, when the value fits, recording an answer. */
    private static final class Move {
        private final StateMachineBuilder.Builder<Step, Event> builder;
        private final Step from;
        private final Event event;
        private Predicate<String> when = value -> true;
        private BiFunction<Answers, String, Answers> record = (answers, value) -> answers;

        Move(StateMachineBuilder.Builder<Step, Event> builder, Step from, Event event) {
            this.builder = builder;
            this.from = from;
            this.event = event;
        }

        Move when(Predicate<String> test) {
            this.when = test;
            return this;
        }

        Move record(BiFunction<Answers, String, Answers> change) {
            this.record = change;
            return this;
        }

        void to(Step target) {
            Predicate<String> test = when;
            BiFunction<Answers, String, Answers> change = record;
            try {
                ExternalTransitionConfigurer<Step, Event> transition = builder.configureTransitions().withExternal()
                    .source(from).target(target).event(event)
                    .guard(context -> test.test(value(context)))
                    // A new step starts its lists on their first page.
                    .action(context -> SpringIntakeMachine.record(context, change.andThen(Answers::firstPage)));
                transition.and();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot describe " + from + " --" + event + "--> " + target, e);
            }
        }
    }

    /** For tests: the transitions of a built machine. */
    static java.util.Collection<Transition<Step, Event>> transitions(StateMachine<Step, Event> machine) {
        return machine.getTransitions();
    }
}
