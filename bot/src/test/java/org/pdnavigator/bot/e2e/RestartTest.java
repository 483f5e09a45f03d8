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
