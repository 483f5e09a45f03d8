package org.pdnavigator.bot.telegram;

import org.pdnavigator.bot.render.Renderer;
import org.pdnavigator.dialogs.screen.Label;
import org.pdnavigator.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.description.SetMyDescription;
import org.telegram.telegrambots.meta.api.methods.description.SetMyShortDescription;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Receives updates from Telegram: by long polling, or, when a webhook URL is set, by registering it with
 * {@code setWebhook} (updates then arrive at {@link WebhookEndpoint}). Start-up does not wait for Telegram: if
 * it cannot be reached, the bot keeps trying in the background, backing off up to a minute.
 */
public final class TelegramBot implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    private final TelegramSettings settings;
    private final TelegramClient client;
    private final UpdateDispatcher dispatcher;
    private final Renderer renderer;
    private final ScheduledExecutorService starter;
    private volatile TelegramBotsLongPollingApplication application;
    private volatile ScheduledExecutorService poller;
    private volatile boolean running;

    TelegramBot(TelegramSettings settings, TelegramClient client, UpdateDispatcher dispatcher, Renderer renderer) {
        this.settings = settings;
        this.client = client;
        this.dispatcher = dispatcher;
        this.renderer = renderer;
        this.starter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "telegram-start");
            thread.setDaemon(true);
            return thread;
        });
    }

    static TelegramUrl url(TelegramSettings settings) {
        String scheme = settings.apiUrl().getScheme();
        int port = settings.apiUrl().getPort() != -1 ? settings.apiUrl().getPort() : "https".equals(scheme) ? 443 : 80;
        return new TelegramUrl(scheme, settings.apiUrl().getHost(), port, false);
    }

    @Override
    public void start() {
        running = true;
        starter.execute(() -> connect(1));
    }

    private void connect(int attempt) {
        if (!running) {
            return;
        }
        if (settings.webhook()) {
            registerWebhook(attempt);
            return;
        }
        try {
            // Our own daemon thread for polling, shut down on stop: the library's own would keep the JVM alive.
            ScheduledExecutorService pollThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "telegram-poll");
                thread.setDaemon(true);
                return thread;
            });
            poller = pollThread;
            TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(ObjectMapper::new,
                new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(), () -> pollThread);
            TelegramUrl url = url(settings);
            int timeout = (int) Math.max(0, settings.pollTimeout().toSeconds());
            app.registerBot(settings.botToken(), () -> url,
                offset -> GetUpdates.builder().offset(offset + 1).limit(100).timeout(timeout).build(),
                dispatcher::dispatch);
            application = app;
            log.info("Connected to the Telegram Bot API; receiving updates by long polling");
            publishCommands();
        } catch (TelegramApiException e) {
            ScheduledExecutorService failed = poller;
            if (failed != null) {
                failed.shutdownNow();
            }
            long delay = Math.min(60, 1L << Math.min(attempt, 6));
            log.warn("Telegram cannot be reached ({}); trying again in {} s", e.getClass().getSimpleName(), delay);
            starter.schedule(() -> connect(attempt + 1), delay, TimeUnit.SECONDS);
        }
    }

    private void registerWebhook(int attempt) {
        try {
            client.execute(SetWebhook.builder().url(settings.webhookUrl()).secretToken(settings.webhookSecret())
                .build());
            log.info("Webhook registered; receiving updates at {}", settings.webhookPath());
            publishCommands();
        } catch (TelegramApiException e) {
            long delay = Math.min(60, 1L << Math.min(attempt, 6));
            log.warn("Registering the webhook failed ({}); trying again in {} s", e.getClass().getSimpleName(), delay);
            starter.schedule(() -> connect(attempt + 1), delay, TimeUnit.SECONDS);
        }
    }

    /**
     * The command menu and the bot's descriptions, in every shipped language (Telegram shows each person the
     * one for their app's language) and, for everyone else, in the fallback language.
     */
    private void publishCommands() {
        Language fallback = renderer.catalogue().fallback();
        publish(fallback, null);
        for (Language language : renderer.catalogue().languages()) {
            publish(language, language.tag());
        }
    }

    private void publish(Language language, String languageCode) {
        List<BotCommand> commands = List.of("start", "help", "language", "forget").stream()
            .map(command -> new BotCommand(command, renderer.plain(Label.key("command." + command), language)))
            .toList();
        try {
            client.execute(SetMyCommands.builder().commands(commands).languageCode(languageCode).build());
            client.execute(SetMyDescription.builder().languageCode(languageCode)
                .description(renderer.plain(Label.key("bot.description"), language)).build());
            client.execute(SetMyShortDescription.builder().languageCode(languageCode)
                .shortDescription(renderer.plain(Label.key("bot.shortDescription"), language)).build());
        } catch (TelegramApiException e) {
            log.warn("Publishing the {} command menu failed: {}", language, e.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() {
        running = false;
        starter.shutdownNow();
        TelegramBotsLongPollingApplication app = application;
        if (app != null) {
            try {
                app.close();
            } catch (Exception e) {
                log.warn("Stopping long polling: {}", e.getClass().getSimpleName());
            }
        }
        ScheduledExecutorService pollThread = poller;
        if (pollThread != null) {
            pollThread.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
