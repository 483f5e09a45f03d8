package org.pdnavigator.bot.telegram;

import org.pdnavigator.bot.render.Renderer;
import org.pdnavigator.bot.share.BotUsername;
import org.pdnavigator.bot.telegram.TelegramGateway.Kind;
import org.pdnavigator.dialogs.screen.Label;
import org.pdnavigator.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.description.SetMyDescription;
import org.telegram.telegrambots.meta.api.methods.description.SetMyShortDescription;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Receives updates from Telegram: by long polling ({@link UpdatePoller}), or, when a webhook URL is set, by
 * registering it with {@code setWebhook} (updates then arrive at {@link WebhookEndpoint}). Start-up does not wait
 * for Telegram: if it cannot be reached, the bot keeps trying in the background, backing off up to a minute.
 * Shutdown is quick: the poll in flight is interrupted.
 */
public final class TelegramBot implements SmartLifecycle {

    /** The updates the bot handles; others are not even delivered. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "inline_query",
        "my_chat_member");
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    private final TelegramSettings settings;
    private final TelegramClient client;
    private final TelegramGateway gateway;
    private final UpdatePoller poller;
    private final Renderer renderer;
    private final BotUsername username;
    private final ScheduledExecutorService starter;
    private volatile boolean running;

    TelegramBot(TelegramSettings settings, TelegramClient client, TelegramGateway gateway, UpdatePoller poller,
                Renderer renderer, BotUsername username) {
        this.username = username;
        this.settings = settings;
        this.client = client;
        this.gateway = gateway;
        this.poller = poller;
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
        if (!username.known()) {
            starter.execute(() -> learnUsername(1));
        }
        if (settings.webhook()) {
            starter.execute(() -> registerWebhook(1));
        } else {
            poller.start();
            starter.execute(() -> publishCommands(1));
        }
    }

    /** The bot's username, for its links: asked of Telegram until it answers (links wait until then). */
    private void learnUsername(int attempt) {
        if (!running) {
            return;
        }
        var result = gateway.call(0, "getMe", Kind.OTHER, () -> client.execute(new GetMe()));
        var name = result.returned().map(User::getUserName).filter(n -> !n.isBlank());
        if (name.isPresent()) {
            username.learned(name.get());
            log.info("The bot is @{}; its links are https://t.me/{}?start=<language>", name.get(), name.get());
        } else {
            long delay = Math.min(60, 1L << Math.min(attempt, 6));
            log.warn("Asking Telegram for the bot's username failed; trying again in {} s", delay);
            starter.schedule(() -> learnUsername(attempt + 1), delay, TimeUnit.SECONDS);
        }
    }

    private void registerWebhook(int attempt) {
        if (!running) {
            return;
        }
        var result = gateway.call(0, "setWebhook", Kind.OTHER, () -> client.execute(SetWebhook.builder()
            .url(settings.webhookUrl()).secretToken(settings.webhookSecret()).allowedUpdates(ALLOWED_UPDATES).build()));
        if (result.succeeded()) {
            log.info("Webhook registered; receiving updates at {}", settings.webhookPath());
            publishCommands(1);
        } else {
            long delay = Math.min(60, 1L << Math.min(attempt, 6));
            log.warn("Registering the webhook failed; trying again in {} s", delay);
            starter.schedule(() -> registerWebhook(attempt + 1), delay, TimeUnit.SECONDS);
        }
    }

    /**
     * The command menu and the bot's descriptions, in every shipped language (Telegram shows each person the
     * one for their app's language) and, for everyone else, in the fallback language.
     */
    private void publishCommands(int attempt) {
        if (!running) {
            return;
        }
        boolean published = publish(renderer.catalogue().fallback(), null);
        for (Language language : renderer.catalogue().languages()) {
            published &= running && publish(language, language.tag());
        }
        if (!published && running) {
            // Telegram is out of reach: the menu comes once it is back.
            long delay = Math.min(600, 15L << Math.min(attempt, 6));
            starter.schedule(() -> publishCommands(attempt + 1), delay, TimeUnit.SECONDS);
        }
    }

    private boolean publish(Language language, String languageCode) {
        List<BotCommand> commands = List.of("start", "help", "language", "share", "forget").stream()
            .map(command -> new BotCommand(command, renderer.plain(Label.key("command." + command), language)))
            .toList();
        return gateway.call(0, "setMyCommands", Kind.OTHER, () -> client.execute(
            SetMyCommands.builder().commands(commands).languageCode(languageCode).build())).succeeded()
            & gateway.call(0, "setMyDescription", Kind.OTHER, () -> client.execute(SetMyDescription.builder()
            .languageCode(languageCode).description(renderer.plain(Label.key("bot.description"), language)).build()))
            .succeeded()
            & gateway.call(0, "setMyShortDescription", Kind.OTHER, () -> client.execute(SetMyShortDescription.builder()
            .languageCode(languageCode).shortDescription(renderer.plain(Label.key("bot.shortDescription"), language))
            .build())).succeeded();
    }

    @Override
    public void stop() {
        running = false;
        starter.shutdownNow();
        poller.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
