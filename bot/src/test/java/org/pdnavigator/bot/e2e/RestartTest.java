package org.pdnavigator.bot.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdnavigator.bot.fake.FakeBotApi;
import org.pdnavigator.bot.fake.FakeUser;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart in the middle of a conversation resumes it exactly: the bot is killed hard halfway through, started
 * again on the same data directory, and the next tap, on a button sent before the restart, goes on from there.
 */
// The bot processes in try-with-resources are there to be stopped at the end, not to be called.
@SuppressWarnings("try")
class RestartTest {

    @Test
    void aConversationGoesOnAfterTheBotIsKilledAndStartedAgain(@TempDir Path dataDir) {
        Path log = Path.of("target", "restart-test-bot.log");
        try (FakeBotApi api = FakeBotApi.start()) {
            FakeUser user = api.user(6_100_000_001L, "en");
            Person person = new Person(user);
            String staleData;
            long staleMessage;
            try (BotProcess first = BotProcess.start(api, dataDir, log)) {
                person.says("/start").taps("Continue ➡️");
                staleMessage = user.lastMessage().messageId();
                staleData = user.lastMessage().keyboard().get(0).get(0).callbackData();
                person.taps("🙋 I am asking for myself", "⚖️ Case in immigration court");
                assertThat(person.lastMessage()).contains("Has ICE already said no");

                first.kill();
            }

            try (BotProcess ignored = BotProcess.start(api, dataDir, log)) {
                person.taps("No, this is the first request");
                assertThat(person.lastMessage()).contains("Where is the immigration court?");

                user.tapData(staleMessage, staleData);
                Person.awaitAnswered(user);
                user.await();
                assertThat(person.lastMessage()).contains("That menu is out of date")
                    .contains("Where is the immigration court?");

                person.findsAndTaps("Arizona").taps("Tucson");
                assertThat(person.sees()).contains("ICE-OPLA-PHO-TUC-PD@ice.dhs.gov");
                assertThat(user.allCallbacksAnswered()).isTrue();
            }
        }
    }

    /**
     * Thirty people tap at once; Telegram is slow, so the bot is killed with some taps answered and others at work
     * or not yet begun. After the restart every tap is answered, and no screen is shown twice.
     */
    @Test
    void aCrashInTheMiddleOfABatchLosesNoTapAndAnswersNoneTwice(@TempDir Path dataDir) {
        Path log = Path.of("target", "restart-test-batch-bot.log");
        try (FakeBotApi api = FakeBotApi.start()) {
            List<FakeUser> users = java.util.stream.LongStream.rangeClosed(1, 30)
                .mapToObj(i -> api.user(6_200_000_000L + i, "en")).toList();
            try (BotProcess first = BotProcess.start(api, dataDir, log)) {
                users.forEach(user -> user.send("/start"));
                users.forEach(FakeUser::await);
                users.forEach(user -> api.stallChat(user.id(), java.time.Duration.ofMillis(300)));

                users.forEach(user -> user.tap("Continue ➡️"));
                awaitShown(users, 5);
                first.kill();
            }
            users.forEach(user -> api.stallChat(user.id(), java.time.Duration.ZERO));
            int shownBeforeRestart = shown(users);

            try (BotProcess ignored = BotProcess.start(api, dataDir, log)) {
                users.forEach(Person::awaitAnswered);
                users.forEach(FakeUser::await);
            }

            assertThat(shownBeforeRestart).as("the crash came in the middle of the batch").isLessThan(30);
            for (FakeUser user : users) {
                assertThat(user.messages()).as("one message per person: the screen was never sent twice").hasSize(1);
                assertThat(user.lastMessage().plainText()).contains("Who is asking?");
                assertThat(api.calls("sendMessage").stream()
                    .filter(call -> String.valueOf(user.id()).equals(call.param("chat_id")))).hasSize(1);
            }
        }
    }

    private static int shown(List<FakeUser> users) {
        return (int) users.stream().filter(user -> user.lastMessage().plainText().contains("Who is asking?")).count();
    }

    private static void awaitShown(List<FakeUser> users, int atLeast) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (shown(users) < atLeast) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("The bot did not answer " + atLeast + " taps in 30 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    @Test
    void stopsCleanlyAndQuicklyWhenAskedToInTheMiddleOfAConversation(@TempDir Path dataDir) {
        Path log = Path.of("target", "restart-test-stop-bot.log");
        try (FakeBotApi api = FakeBotApi.start()) {
            FakeUser user = api.user(6_300_000_001L, "en");
            BotProcess bot = BotProcess.start(api, dataDir, log);
            try {
                new Person(user).says("/start").taps("Continue ➡️");

                java.time.Instant asked = java.time.Instant.now();
                int exit = bot.stop(java.time.Duration.ofSeconds(10));

                assertThat(exit).as("the JVM ended by itself").isNotEqualTo(-1);
                assertThat(java.time.Duration.between(asked, java.time.Instant.now()))
                    .isLessThan(java.time.Duration.ofSeconds(10));
            } finally {
                bot.kill();
            }
            try (BotProcess ignored = BotProcess.start(api, dataDir, log)) {
                new Person(user).taps("🙋 I am asking for myself");
                assertThat(user.lastMessage().plainText()).contains("What is happening to you now?");
            }
        }
    }

    @Test
    void theSecretGeneratedOnFirstStartIsReadOnTheNext(@TempDir Path dataDir) {
        Path log = Path.of("target", "restart-test-secret-bot.log");
        try (FakeBotApi api = FakeBotApi.start()) {
            FakeUser user = api.user(6_100_000_002L, "en");
            try (BotProcess ignored = BotProcess.start(api, dataDir, log)) {
                new Person(user).says("/start").taps("Continue ➡️");
            }
            try (BotProcess ignored = BotProcess.start(api, dataDir, log)) {
                new Person(user).taps("🙋 I am asking for myself");
                assertThat(user.lastMessage().plainText()).contains("What is happening to you now?");
            }
            assertThat(dataDir.resolve("secret")).exists();
            assertThat(List.of(dataDir.toFile().list())).contains("secret");
        }
    }
}
