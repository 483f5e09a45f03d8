package org.pdnavigator.bot.telegram;

import org.pdnavigator.bot.BotSettings;
import org.pdnavigator.bot.chat.ChatQueue;
import org.pdnavigator.bot.chat.ChatActivity;
import org.pdnavigator.bot.chat.ChatService;
import org.pdnavigator.bot.chat.SentMessages;
import org.pdnavigator.bot.render.Renderer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Telegram, when a bot token is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${telegram.bot-token:}'.trim().length() > 0")
class TelegramConfiguration {

    @Bean
    TelegramClient telegramClient(TelegramSettings settings) {
        return new OkHttpTelegramClient(settings.botToken(), TelegramBot.url(settings));
    }

    @Bean(destroyMethod = "close")
    ChatQueue chatQueue(BotSettings settings) {
        return new ChatQueue(settings.workers());
    }

    @Bean
    UpdateDispatcher updateDispatcher(ChatService chats, ChatQueue queue, TelegramClient client, Renderer renderer,
                                      SentMessages sent, ObjectProvider<TelegramCalls> calls,
                                      ObjectProvider<ChatActivity> activity) {
        return new UpdateDispatcher(chats, queue, new TelegramReplies(client, sent,
            calls.getIfAvailable(() -> TelegramCalls.NONE)), renderer, activity.getIfAvailable(() -> ChatActivity.NONE));
    }

    /** Where webhook deliveries arrive, when the bot receives updates by webhook. */
    @Bean
    @ConditionalOnExpression("'${telegram.webhook-url:}'.trim().length() > 0")
    RouterFunction<ServerResponse> webhook(TelegramSettings settings, UpdateDispatcher dispatcher) {
        WebhookEndpoint endpoint = new WebhookEndpoint(settings.webhookSecret(), dispatcher);
        return RouterFunctions.route(RequestPredicates.POST(settings.webhookPath()), endpoint::receive);
    }

    @Bean
    TelegramBot telegramBot(TelegramSettings settings, TelegramClient client, UpdateDispatcher dispatcher,
                            Renderer renderer) {
        return new TelegramBot(settings, client, dispatcher, renderer);
    }
}
