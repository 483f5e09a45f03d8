package org.pdnavigator.bot;

import org.pdnavigator.bot.chat.ChatActivity;
import org.pdnavigator.bot.chat.ChatService;
import org.pdnavigator.bot.chat.ChatStore;
import org.pdnavigator.bot.chat.Reminders;
import org.pdnavigator.bot.chat.ShareLink;
import org.pdnavigator.bot.render.Renderer;
import org.pdnavigator.bot.telegram.TelegramSettings;
import org.pdnavigator.dialogs.Conversation;
import org.pdnavigator.dialogs.directory.Directory;
import org.pdnavigator.dialogs.directory.DirectoryLoader;
import org.pdnavigator.dialogs.engine.SpringIntakeMachine;
import org.pdnavigator.dialogs.screen.Screens;
import org.pdnavigator.i18n.Catalogue;
import org.pdnavigator.i18n.Language;
import org.pdnavigator.i18n.Languages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** The conversation, its words and its directory, checked against each other at start-up. */
@Configuration(proxyBeanMethods = false)
class DialogueConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Catalogue catalogue() {
        return Catalogue.load();
    }

    @Bean
    Directory directory(BotSettings settings, Catalogue catalogue) {
        DirectoryLoader loader = new DirectoryLoader(catalogue.languages().stream().map(Language::tag).toList());
        Directory directory = settings.directory().map(loader::load).orElseGet(loader::loadBundled);
        StartupCheck.wordsForDirectory(catalogue, directory,
            settings.directory().map(Object::toString).orElse(DirectoryLoader.BUNDLED));
        return directory;
    }

    @Bean
    Conversation conversation(Directory directory, BotSettings settings) {
        return new Conversation(new SpringIntakeMachine(directory, settings.workers()), new Screens(directory));
    }

    @Bean
    Renderer renderer(Catalogue catalogue, Directory directory, Clock clock, BotSettings settings) {
        return new Renderer(catalogue, directory, clock, settings.sessionRetention().toDays());
    }

    @Bean
    Languages languages(Catalogue catalogue) {
        return new Languages(catalogue);
    }

    @Bean
    ChatService chatService(Conversation conversation, ChatStore store, Renderer renderer, Languages languages,
                            ObjectProvider<ChatActivity> activity, TelegramSettings telegram,
                            ObjectProvider<Reminders> reminders, ReminderSettings reminderSettings,
                            ObjectProvider<ShareLink> shareLink) {
        // With webhooks another instance may be answering a repeated update right now: wait before answering again.
        Duration unansweredAfter = telegram.webhook() ? Duration.ofSeconds(30) : Duration.ZERO;
        return new ChatService(conversation, store, renderer, languages,
            ChatActivity.all(activity.orderedStream().toList()), unansweredAfter,
            reminders.getIfAvailable(() -> Reminders.NONE), reminderSettings.days(),
            shareLink.getIfAvailable(() -> ShareLink.NONE));
    }
}
