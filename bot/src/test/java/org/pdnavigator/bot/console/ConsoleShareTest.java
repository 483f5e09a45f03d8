package org.pdnavigator.bot.console;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.chat.CaffeineChatStore;
import org.pdnavigator.bot.chat.ChatActivity;
import org.pdnavigator.bot.chat.ChatService;
import org.pdnavigator.bot.chat.ShareLink;
import org.pdnavigator.i18n.Languages;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** /share in the terminal: the link when the bot's username is set, else a plain "not available". */
class ConsoleShareTest {

    @Test
    void withoutTheBotsUsernameSaysTheLinkIsNotAvailable() {
        assertThat(run(ShareLink.NONE, "/share")).contains("the link to this bot is not ready yet");
    }

    @Test
    void withTheBotsUsernameShowsTheLinkAndTheMessageToForward() {
        ShareLink links = (language, code) -> Optional.of("https://t.me/some_bot?start=" + language.tag()
            + code.map(c -> "-" + c).orElse(""));

        assertThat(run(links, "/share")).contains("Share this bot").contains("Facing ICE?")
            .contains("https://t.me/some_bot?start=en");
        assertThat(run(links, "/share casa_latina")).contains("https://t.me/some_bot?start=en-casa_latina");
        assertThat(run(links, "/share casa latina")).contains("that code will not work in a link")
            .doesNotContain("https://t.me/");
    }

    private static String run(ShareLink links, String... lines) {
        ChatService chats = new ChatService(TestBot.conversation(), new CaffeineChatStore(Duration.ofDays(30), 1000,
            Ticker.systemTicker()), TestBot.renderer(), new Languages(TestBot.CATALOGUE), ChatActivity.NONE,
            Duration.ZERO, links);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleConversation(chats, TestBot.renderer(), "en").run(
            new BufferedReader(new StringReader(String.join("\n", lines) + "\n")),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
