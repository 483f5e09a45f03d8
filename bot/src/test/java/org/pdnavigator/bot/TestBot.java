package org.pdnavigator.bot;

import com.github.benmanes.caffeine.cache.Ticker;
import org.pdnavigator.bot.chat.CaffeineChatStore;
import org.pdnavigator.bot.chat.ChatService;
import org.pdnavigator.bot.render.Renderer;
import org.pdnavigator.dialogs.Conversation;
import org.pdnavigator.dialogs.directory.Directory;
import org.pdnavigator.dialogs.directory.DirectoryLoader;
import org.pdnavigator.dialogs.engine.SpringIntakeMachine;
import org.pdnavigator.dialogs.screen.Screens;
import org.pdnavigator.i18n.Catalogue;
import org.pdnavigator.i18n.Languages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** The bot's parts as the application wires them, without Spring or Telegram, for fast in-process tests. */
public final class TestBot {

    /** A fixed day, so "5 years ago" never changes under a test. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    public static final Catalogue CATALOGUE = Catalogue.load();
    public static final Directory DIRECTORY = new DirectoryLoader(
        CATALOGUE.languages().stream().map(l -> l.tag()).toList()).loadBundled();

    private TestBot() {
    }

    public static Conversation conversation() {
        return new Conversation(new SpringIntakeMachine(DIRECTORY, 4), new Screens(DIRECTORY));
    }

    public static Renderer renderer() {
        return new Renderer(CATALOGUE, DIRECTORY, CLOCK, 30);
    }

    public static ChatService chatService() {
        return new ChatService(conversation(), new CaffeineChatStore(Duration.ofDays(30), 100_000,
            Ticker.systemTicker()), renderer(), new Languages(CATALOGUE));
    }
}
