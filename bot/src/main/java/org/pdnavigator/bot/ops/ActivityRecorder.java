package org.pdnavigator.bot.ops;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.pdnavigator.bot.chat.ChatActivity;
import org.pdnavigator.bot.chat.ChatState;
import org.pdnavigator.bot.chat.Incoming;
import org.pdnavigator.bot.chat.StartPayload;
import org.pdnavigator.bot.ops.ActivityLog.Event;
import org.pdnavigator.bot.ops.ActivityLog.Kind;
import org.pdnavigator.bot.store.Secrets;
import org.pdnavigator.dialogs.Answers;
import org.pdnavigator.dialogs.Step;
import org.pdnavigator.dialogs.directory.EroOffice;
import org.pdnavigator.dialogs.directory.OplaOffice;
import org.pdnavigator.dialogs.route.Router;
import org.pdnavigator.i18n.Language;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Turns kept state changes into anonymous events for the dashboard and into metrics: a conversation started
 * (with the organizer's code of the link it came by), each step reached, the answer (situation, office, time
 * since the start), /forget. The chat is known only by its short keyed tag; nothing typed is ever seen here.
 */
public final class ActivityRecorder implements ChatActivity {

    /** Steps reached again from these are the same answer shown again, not a new one. */
    private static final java.util.Set<Step> AROUND_THE_ANSWER = java.util.EnumSet.of(Step.ANSWER, Step.WHY,
        Step.LADDER, Step.DRAFT);

    private record Entered(Step step, long nanos) {
    }

    private final ActivityLog log;
    private final Secrets secrets;
    private final Router router;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Predicate<String> knownOrganizer;
    /** When each chat entered its current step, for the step-duration timer: memory only, short-lived. */
    private final Cache<String, Entered> entered = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(2))
        .maximumSize(100_000).build();

    /**
     * @param knownOrganizer whether an organizer code from a link is one to count under its name; others are
     *                       counted as {@code other}, so a code someone typed by hand is not kept
     */
    public ActivityRecorder(ActivityLog log, Secrets secrets, Router router, Clock clock, MeterRegistry meters,
                            Predicate<String> knownOrganizer) {
        this.log = log;
        this.secrets = secrets;
        this.router = router;
        this.clock = clock;
        this.meters = meters;
        this.knownOrganizer = knownOrganizer;
    }

    @Override
    public void changed(long chatId, ChatState before, ChatState after, Incoming incoming, Language language) {
        meters.counter("pd.updates.received", "kind", kind(incoming)).increment();
        try {
            record(chatId, before, after, incoming, language);
        } catch (RuntimeException e) {
            // The person's update was handled and kept: counting it must not turn that into an error for them.
            LoggerFactory.getLogger(ActivityRecorder.class)
                .warn("Keeping a dashboard event failed: {}", e.getClass().getSimpleName());
        }
    }

    private void record(long chatId, ChatState before, ChatState after, Incoming incoming, Language language) {
        String tag = secrets.tag(chatId);
        Instant now = clock.instant();
        if (after == null) {
            entered.invalidate(tag);
            log.forget(tag, now);
            return;
        }
        Step step = after.session().step();
        if (incoming instanceof Incoming.Start || before == null) {
            left(tag);
            String organizer = incoming instanceof Incoming.Start start
                ? StartPayload.parse(start.payload()).flatMap(StartPayload::organizer).map(this::organizer).orElse(null)
                : null;
            log.record(new Event(tag, now, Kind.START, step.name(), language.tag(), null, null, organizer, null));
            meters.counter("pd.conversations.started").increment();
            entered.put(tag, new Entered(step, System.nanoTime()));
            return;
        }
        Step previous = before.session().step();
        if (step == previous) {
            return;
        }
        left(tag);
        entered.put(tag, new Entered(step, System.nanoTime()));
        if (step == Step.ANSWER && !AROUND_THE_ANSWER.contains(previous) && !answeredSinceStart(tag)) {
            Answers answers = after.session().answers();
            String situation = answers.situation() == null ? null : answers.situation().name();
            Long millis = log.lastStart(tag).map(start -> Duration.between(start, now).toMillis()).orElse(null);
            log.record(new Event(tag, now, Kind.ANSWER, step.name(), language.tag(), situation, office(answers),
                null, millis));
            meters.counter("pd.answers", "situation", situation == null ? "none" : situation).increment();
            return;
        }
        log.record(new Event(tag, now, Kind.STEP, step.name(), language.tag(), null, null, null, null));
    }

    @Override
    public void failed(Throwable error) {
        String type = error.getClass().getSimpleName();
        meters.counter("pd.errors", "type", type).increment();
        try {
            log.failure("error", type, "failed", clock.instant());
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ActivityRecorder.class)
                .warn("Keeping an error for the dashboard failed: {}", e.getClass().getSimpleName());
        }
    }

    private boolean answeredSinceStart(String tag) {
        return log.answeredSince(tag, log.lastStart(tag).orElse(Instant.EPOCH));
    }

    /** Times the step the chat is leaving. */
    private void left(String tag) {
        Entered was = entered.getIfPresent(tag);
        if (was != null) {
            Timer.builder("pd.dialogue.step.duration").description("Time spent on a step of the dialogue")
                .tag("step", was.step().name()).register(meters)
                .record(Duration.ofNanos(System.nanoTime() - was.nanos()));
        }
    }

    private String organizer(String code) {
        return knownOrganizer.test(code) ? code : "other";
    }

    /** The office the answer names: an OPLA or ERO office id from the directory, or none. */
    private String office(Answers answers) {
        return router.officeChoice(answers)
            .flatMap(choice -> Router.oplaOffice(choice).map(OplaOffice::id)
                .or(() -> Router.eroOffice(choice).map(EroOffice::id)))
            .orElse(null);
    }

    static String kind(Incoming incoming) {
        String name = incoming.getClass().getSimpleName();
        StringBuilder snake = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c) && !snake.isEmpty()) {
                snake.append('_');
            }
            snake.append(Character.toLowerCase(c));
        }
        return snake.toString().toLowerCase(Locale.ROOT);
    }
}
