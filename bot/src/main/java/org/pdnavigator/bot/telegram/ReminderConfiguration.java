package org.pdnavigator.bot.telegram;

import org.pdnavigator.bot.chat.ChatActivity;
import org.pdnavigator.bot.chat.SentMessages;
import org.pdnavigator.bot.render.Renderer;
import org.pdnavigator.bot.store.JdbcReminders;
import org.pdnavigator.bot.store.Secrets;
import org.pdnavigator.dialogs.Conversation;
import org.pdnavigator.i18n.Languages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Sending reminders, when the bot runs on Telegram. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${telegram.bot-token:}'.trim().length() > 0")
class ReminderConfiguration {

    @Bean
    ReminderSender reminderSender(JdbcReminders reminders, TelegramClient client, TelegramGateway gateway,
                                  SentMessages sent, Secrets secrets, Renderer renderer, Conversation conversation,
                                  Languages languages, BlockedChats blocked, ObjectProvider<ChatActivity> activity,
                                  org.pdnavigator.bot.share.QrImages qrImages) {
        TelegramReplies replies = new TelegramReplies(client, gateway, sent, new CallbackData(secrets),
            qrImages);
        return new ReminderSender(reminders, replies, renderer, conversation.screens(), languages, blocked,
            ChatActivity.all(activity.orderedStream().toList()));
    }
}
