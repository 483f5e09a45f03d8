package org.pdnavigator.bot.e2e;

import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.fake.ApiCall;
import org.pdnavigator.bot.fake.FakeBotApi;
import org.pdnavigator.bot.fake.FakeUser;
import org.pdnavigator.bot.store.Databases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-up reminders, end to end, with a "day" lasting one second: a person opts in at the answer; the reminder
 * comes once, even across a restart and with two instances on one database; "no answer yet" brings the next step
 * of the ladder; "stop" and /forget end them; the database names no one.
 */
class ReminderEndToEndTest {

    private static final String REMINDER = "Did ICE answer your request?";
    private static final String[] FAST = {"bot.reminder.unit=PT1S", "bot.reminder.poll=PT0.2S",
        "bot.reminder.claim=PT10S"};

    /** An ICE check-in in Arizona: the answer names the Phoenix field office. */
    private static void toTheAnswer(Person person) {
        person.says("/start").taps("Continue ➡️", "🙋 I am asking for myself",
            "🏠 ICE check-in, letter or visit, no court case", "No, this is the first request", "No");
        person.findsAndTaps("Arizona");
        assertThat(person.sees()).contains("Where to send the request");
    }

    private static void optIn(Person person, int days) {
        person.taps("⏰ Remind me to check for a reply");
        assertThat(person.lastMessage()).contains("When should I remind you?");
        person.taps("In " + days + " days");
        assertThat(person.lastMessage()).contains("I will remind you in " + days + " days");
    }

    private static long reminders(FakeBotApi api, FakeUser user) {
        return api.calls("sendMessage").stream()
            .filter(c -> Long.toString(user.id()).equals(c.param("chat_id")))
            .filter(c -> c.ok() && c.param("text") != null && c.param("text").contains(REMINDER)).count();
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited 30 s for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
    }

    private static void pause(Duration duration) {
        java.util.concurrent.locks.LockSupport.parkNanos(duration.toNanos());
    }

    @Test
    void comesOnceAcrossARestartThenClimbsTheLadderUntilStopped() {
        Path dataDir = RunningBot.temporaryDataDir();
        try (FakeBotApi api = FakeBotApi.start()) {
            FakeUser user = api.user(6_200_000_001L, "en");
            Person person = new Person(user);
            RunningBot first = RunningBot.start(api, dataDir, FAST);
            toTheAnswer(person);
            optIn(person, 3);
            first.context().close();

            RunningBot second = RunningBot.start(api, dataDir, FAST);
            try {
                await("the reminder", () -> reminders(api, user) == 1);
                pause(Duration.ofSeconds(4));
                assertThat(reminders(api, user)).as("sent once").isEqualTo(1);
                assertThat(user.lastMessage().plainText()).contains(REMINDER, "after 3 days",
                    "The Assistant Field Office Director or the Field Office Director", "Phoenix");
                assertThat(user.buttons()).contains("✅ They answered", "⏳ No answer yet", "🔕 Stop reminders");

                person.taps("⏳ No answer yet");
                assertThat(person.lastMessage()).contains("I will remind you again in 3 days");
                await("the second reminder", () -> reminders(api, user) == 2);
                assertThat(user.lastMessage().plainText()).contains("ICE headquarters", "eroprosecutorialdiscretioninquiries@ice.dhs.gov");

                person.taps("🔕 Stop reminders");
                assertThat(person.lastMessage()).contains("No more reminders");
                pause(Duration.ofSeconds(4));
                assertThat(reminders(api, user)).isEqualTo(2);
                JdbcTemplate jdbc = second.context().getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("select count(*) from reminder", Long.class)).isZero();
                assertThat(user.allCallbacksAnswered()).isTrue();
            } finally {
                second.context().close();
            }
        }
    }

    @Test
    void forgetCancelsThemAndNothingAtRestNamesThePerson() {
        try (RunningBot bot = RunningBot.start(FAST)) {
            FakeUser user = bot.api().user(6_200_000_002L, "en");
            Person person = new Person(user);
            toTheAnswer(person);
            optIn(person, 7);
            JdbcTemplate jdbc = bot.context().getBean(JdbcTemplate.class);
            List<String> stored = Databases.everything(jdbc);
            assertThat(stored).noneMatch(value -> value.contains(Long.toString(user.id())));
            assertThat(jdbc.queryForObject("select count(*) from reminder", Long.class)).isEqualTo(1);

            person.says("/forget");
            assertThat(jdbc.queryForObject("select count(*) from reminder", Long.class)).isZero();
            pause(Duration.ofSeconds(9));
            assertThat(reminders(bot.api(), user)).isZero();
        }
    }

    @Test
    void nothingGoesToAnyoneWhoDidNotAsk() {
        try (RunningBot bot = RunningBot.start(FAST)) {
            FakeUser user = bot.api().user(6_200_000_003L, "en");
            toTheAnswer(new Person(user));
            pause(Duration.ofSeconds(5));
            assertThat(reminders(bot.api(), user)).isZero();
        }
    }

    @Test
    void aPersonWhoBlockedTheBotGetsNothingMore() {
        try (RunningBot bot = RunningBot.start(FAST)) {
            FakeUser user = bot.api().user(6_200_000_004L, "en");
            toTheAnswer(new Person(user));
            optIn(new Person(user), 3);
            bot.api().failNext("sendMessage", 403, "Forbidden: bot was blocked by the user", null);
            JdbcTemplate jdbc = bot.context().getBean(JdbcTemplate.class);
            await("the reminder to be dropped", () -> jdbc.queryForObject("select count(*) from reminder",
                Long.class) == 0);
            pause(Duration.ofSeconds(4));
            assertThat(bot.api().calls("sendMessage")).filteredOn(c -> Long.toString(user.id()).equals(c.param("chat_id")))
                .filteredOn(c -> c.param("text").contains(REMINDER)).hasSize(1).allMatch(c -> !c.ok());
        }
    }

    @Test
    void twoInstancesOnOnePostgresDatabaseSendEachReminderOnce() {
        String schema = Databases.newPostgresSchema();
        String path = "/telegram/hook";
        String secret = "reminder-two-instances";
        try (FakeBotApi api = FakeBotApi.start()) {
            List<String> shared = new ArrayList<>(List.of("spring.datasource.url=" + Databases.postgresUrl(schema),
                "spring.datasource.username=" + Databases.POSTGRES_USER, "bot.secret=one secret for both instances",
                "telegram.webhook-url=https://bot.example.org" + path, "telegram.webhook-secret=" + secret));
            shared.addAll(List.of(FAST));
            RunningBot a = RunningBot.start(api, RunningBot.temporaryDataDir(), shared.toArray(String[]::new));
            RunningBot b = RunningBot.start(api, RunningBot.temporaryDataDir(), shared.toArray(String[]::new));
            try {
                AtomicInteger deliveries = new AtomicInteger();
                api.deliverBy(json -> Webhook.deliver(deliveries.incrementAndGet() % 2 == 0 ? a : b, path, secret, json));
                List<FakeUser> users = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    FakeUser user = api.user(6_300_000_000L + i * 7_919L, "en");
                    users.add(user);
                    Person person = new Person(user);
                    toTheAnswer(person);
                    optIn(person, 3);
                }
                for (FakeUser user : users) {
                    await("a reminder for every person", () -> reminders(api, user) >= 1);
                }
                pause(Duration.ofSeconds(4));
                for (FakeUser user : users) {
                    assertThat(reminders(api, user)).as("chat %d", user.id()).isEqualTo(1);
                }
                assertThat(api.calls("sendMessage")).filteredOn(c -> !c.ok()).extracting(ApiCall::status).isEmpty();
                JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(Databases.postgresUrl(schema),
                    Databases.POSTGRES_USER, ""));
                assertThat(jdbc.queryForObject("select count(*) from reminder where state = 'SENT'", Long.class))
                    .isEqualTo(users.size());
                List<String> stored = Databases.everything(jdbc);
                for (FakeUser user : users) {
                    assertThat(stored).noneMatch(value -> value.contains(Long.toString(user.id())));
                }
            } finally {
                a.context().close();
                b.context().close();
                Databases.dropPostgresSchema(schema);
            }
        }
    }
}
