package org.pdnavigator.bot.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.BotApplication;
import org.pdnavigator.bot.fake.ApiCall;
import org.pdnavigator.bot.fake.FakeBotApi;
import org.pdnavigator.bot.fake.FakeUser;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever Telegram does, a person gets each answer once: refusals and rate limits are waited out, failures
 * retried, a blocked chat left alone, and a start without Telegram does not fail.
 */
@DisplayName("When Telegram fails")
class TelegramFaultsTest {

    private static RunningBot bot;

    @BeforeAll
    static void start() {
        // A short request timeout, so a lost answer costs the test a second, not half a minute.
        bot = RunningBot.start("telegram.request-timeout=1s");
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static FakeBotApi api() {
        return bot.api();
    }

    private static List<ApiCall> sentTo(FakeUser user, String method) {
        return api().calls(method).stream()
            .filter(call -> String.valueOf(user.id()).equals(call.param("chat_id"))).toList();
    }

    private static int writes(FakeUser user) {
        return sentTo(user, "sendMessage").size() + sentTo(user, "editMessageText").size();
    }

    @Test
    void waitsOutA429AndSendsTheAnswerOnce() {
        FakeUser user = bot.newUser();
        api().failNext("sendMessage", 429, null, 1);

        Instant before = Instant.now();
        new Person(user).says("/start");

        assertThat(Duration.between(before, Instant.now())).as("waited retry_after").isGreaterThanOrEqualTo(
            Duration.ofMillis(900));
        assertThat(user.messages()).hasSize(1);
        assertThat(user.lastMessage().plainText()).contains("free information service");
        assertThat(sentTo(user, "sendMessage")).extracting(ApiCall::status).containsExactly(429, 200);
    }

    @Test
    void retriesServerErrorsUntilTheScreenIsShown() {
        FakeUser user = bot.newUser();
        Person person = new Person(user).says("/start");
        api().failNext("editMessageText", 2, 502, "Bad Gateway", null);

        person.taps("Continue ➡️");

        assertThat(person.lastMessage()).contains("Who is asking?");
        assertThat(user.messages()).hasSize(1);
        assertThat(sentTo(user, "editMessageText")).extracting(ApiCall::status).containsExactly(502, 502, 200);
        assertThat(user.allCallbacksAnswered()).isTrue();
    }

    @Test
    void anEditWhoseAnswerWasLostIsMadeAgainHarmlessly() {
        FakeUser user = bot.newUser();
        Person person = new Person(user).says("/start");
        // Telegram edits the message, but its answer never reaches the bot: the bot times out and tries again.
        api().answerLateNext("editMessageText", 1, Duration.ofSeconds(2));

        person.taps("Continue ➡️");

        assertThat(person.lastMessage()).contains("Who is asking?");
        assertThat(user.messages()).as("an edit made twice is still one message").hasSize(1);
        assertThat(user.allCallbacksAnswered()).isTrue();
    }

    @Test
    void aPersonWhoBlockedTheBotIsNotWrittenToAgainUntilTheyComeBack() {
        FakeUser user = bot.newUser();
        Person person = new Person(user).says("/start");
        api().failNext("editMessageText", 403, null, null);

        int writesBefore = writes(user);

        user.tap("Continue ➡️");
        Person.awaitAnswered(user);
        user.await();

        assertThat(writes(user) - writesBefore).as("one refused edit; no fallback message to a blocked chat")
            .isEqualTo(1);

        // Writing to the bot again is coming back.
        person.says("/start");
        assertThat(person.lastMessage()).contains("free information service");
    }

    @Test
    void oneChatWaitingOnTelegramDoesNotHoldUpAnother() {
        FakeUser slow = bot.newUser();
        FakeUser quick = bot.newUser();
        new Person(quick).says("/start");
        api().stallChat(slow.id(), Duration.ofSeconds(3));
        try {
            // The slow chat's update comes first, and is held up for seconds by Telegram.
            slow.send("/start");
            Instant tapped = Instant.now();
            quick.tap("Continue ➡️");
            Person.awaitAnswered(quick);
            System.out.printf("While one chat waited 3 s on Telegram, another chat's tap was answered in %d ms%n",
                Duration.between(tapped, Instant.now()).toMillis());

            assertThat(quick.lastMessage().plainText()).contains("Who is asking?");
            assertThat(slow.messages()).as("the slow chat is still waiting").isEmpty();
        } finally {
            api().stallChat(slow.id(), Duration.ZERO);
        }
        slow.await(Duration.ofSeconds(15));
        assertThat(slow.lastMessage().plainText()).contains("free information service");
    }

    @Test
    @DisplayName("starts without Telegram, keeps trying, and stops at once")
    void startsWithoutTelegramAndStopsQuickly() {
        long pollersBefore = pollers();
        // Nothing listens on port 9 of loopback: every call to Telegram fails at once.
        Instant started = Instant.now();
        ConfigurableApplicationContext context = BotApplication.application().run("--telegram.bot-token=1:X",
            "--telegram.api-url=http://127.0.0.1:9", "--bot.console=false", "--server.port=0",
            "--bot.data-dir=" + RunningBot.temporaryDataDir());
        assertThat(context.isRunning()).isTrue();
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(30));

        Instant stopping = Instant.now();
        context.close();
        assertThat(Duration.between(stopping, Instant.now())).as("shutdown").isLessThan(Duration.ofSeconds(5));
        assertThat(pollers()).as("the poll thread is gone").isEqualTo(pollersBefore);
    }

    @Test
    void anUpdateTheLibraryCannotReadIsPassedOverAndTheRestGoOn() {
        FakeUser user = bot.newUser();
        com.fasterxml.jackson.databind.node.ObjectNode unreadable = new com.fasterxml.jackson.databind.ObjectMapper()
            .createObjectNode().put("update_id", 0);
        unreadable.putObject("message").put("message_id", "not a number").put("date", "yesterday");
        api().pushJson(unreadable);

        new Person(user).says("/start");

        assertThat(user.lastMessage().plainText()).contains("free information service");
    }

    @Test
    void pollsAgainAfterTelegramWasDown() {
        FakeUser user = bot.newUser();
        api().failNext("getUpdates", 2, 502, "Bad Gateway", null);

        new Person(user).says("/start");

        assertThat(user.lastMessage().plainText()).contains("free information service");
    }

    private static long pollers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("telegram-poll")).count();
    }
}
