package org.pdnavigator.bot.telegram;

import okhttp3.OkHttpClient;
import org.pdnavigator.bot.BotSettings;
import org.pdnavigator.bot.chat.ChatActivity;
import org.pdnavigator.bot.chat.ChatQueue;
import org.pdnavigator.bot.chat.ChatService;
import org.pdnavigator.bot.chat.SentMessages;
import org.pdnavigator.bot.render.Renderer;
import org.pdnavigator.bot.share.BotUsername;
import org.pdnavigator.bot.share.QrImages;
import org.pdnavigator.bot.store.Secrets;
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

import java.time.Duration;

/** Telegram, when a bot token is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${telegram.bot-token:}'.trim().length() > 0")
class TelegramConfiguration {

    /** Calls that answer at once: a bounded wait, so a hung connection never holds a chat for long. */
    @Bean
    TelegramClient telegramClient(TelegramSettings settings) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
            .readTimeout(settings.requestTimeout()).writeTimeout(settings.requestTimeout()).build();
        return new OkHttpTelegramClient(http, settings.botToken(), TelegramBot.url(settings));
    }

    @Bean
    TelegramGateway telegramGateway(TelegramSettings settings, ObjectProvider<TelegramCalls> calls,
                                    BlockedChats blocked) {
        return new TelegramGateway(settings.limits(), TelegramCalls.all(calls.orderedStream().toList()), blocked,
            System::nanoTime, TelegramGateway.Sleeper.REAL);
    }

    /**
     * Depends on the database so that it is closed before it when the bot stops: updates at work then finish
     * with their database (a restart under load showed them failing on a closed pool).
     */
    @Bean(destroyMethod = "close")
    ChatQueue chatQueue(BotSettings settings, javax.sql.DataSource database) {
        return new ChatQueue(settings.workers());
    }

    @Bean
    UpdateDispatcher updateDispatcher(ChatService chats, ChatQueue queue, TelegramClient client,
                                      TelegramGateway gateway, Renderer renderer, SentMessages sent, Secrets secrets,
                                      ObjectProvider<ChatActivity> activity, BlockedChats blocked, QrImages qrImages,
                                      ObjectProvider<OperatorCommands> operators) {
        CallbackData buttons = new CallbackData(secrets);
        return new UpdateDispatcher(chats, queue, new TelegramReplies(client, gateway, sent, buttons, qrImages), renderer,
            ChatActivity.all(activity.orderedStream().toList()), new UpdateReader(buttons), blocked,
            operators.getIfAvailable(() -> OperatorCommands.NONE));
    }

    /** Where webhook deliveries arrive, when the bot receives updates by webhook. */
    @Bean
    @ConditionalOnExpression("'${telegram.webhook-url:}'.trim().length() > 0")
    RouterFunction<ServerResponse> webhook(TelegramSettings settings, UpdateDispatcher dispatcher) {
        WebhookEndpoint endpoint = new WebhookEndpoint(settings.webhookSecret(), dispatcher);
        return RouterFunctions.route(RequestPredicates.POST(settings.webhookPath()), endpoint::receive);
    }

    @Bean
    TelegramBot telegramBot(TelegramSettings settings, TelegramClient client, TelegramGateway gateway,
                            UpdateDispatcher dispatcher, Renderer renderer, ObjectProvider<TelegramCalls> calls,
                            BotUsername username) {
        // Long polls wait up to the poll timeout: their own client, with a read timeout beyond it.
        OkHttpClient polling = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
            .readTimeout(settings.pollTimeout().plusSeconds(15)).build();
        UpdatePoller poller = new UpdatePoller(new OkHttpTelegramClient(polling, settings.botToken(),
            TelegramBot.url(settings)), UpdateSource.http(polling, TelegramBot.url(settings), settings.botToken()),
            dispatcher::dispatch, TelegramCalls.all(calls.orderedStream().toList()),
            settings.pollTimeout(), TelegramBot.ALLOWED_UPDATES);
        return new TelegramBot(settings, client, gateway, poller, renderer, username);
    }
}
