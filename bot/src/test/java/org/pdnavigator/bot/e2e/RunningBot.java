package org.pdnavigator.bot.e2e;

import org.pdnavigator.bot.BotApplication;
import org.pdnavigator.bot.fake.FakeBotApi;
import org.pdnavigator.bot.fake.FakeUser;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real application, with the real TelegramBots client and long polling, talking over loopback HTTP to
 * an in-process fake of the Bot API. What tests see is what a person would see in the chat.
 */
public final class RunningBot implements AutoCloseable {

    private static final AtomicLong USERS = new AtomicLong(1000);

    private final FakeBotApi api;
    private final ConfigurableApplicationContext context;

    private RunningBot(FakeBotApi api, ConfigurableApplicationContext context) {
        this.api = api;
        this.context = context;
    }

    public static RunningBot start(String... properties) {
        return start(FakeBotApi.start(), temporaryDataDir(), properties);
    }

    /** A bot on the given fake and data directory: a second start on the same directory is a restart. */
    public static RunningBot start(FakeBotApi api, Path dataDir, String... properties) {
        List<String> args = new ArrayList<>(List.of("--telegram.bot-token=" + api.token(),
            "--telegram.api-url=" + api.baseUri(), "--telegram.poll-timeout=1s", "--bot.console=false",
            "--server.port=0", "--bot.data-dir=" + dataDir,
            // Tests tap far faster than a person: the rate limits are tested on their own.
            "--telegram.limits.per-chat-per-second=1000", "--telegram.limits.per-chat-burst=1000",
            "--telegram.limits.overall-per-second=10000", "--telegram.limits.overall-burst=10000"));
        for (String property : properties) {
            args.add("--" + property);
        }
        // As command-line arguments: they win over application.yaml, like an operator's settings.
        ConfigurableApplicationContext context = BotApplication.application().run(args.toArray(String[]::new));
        RunningBot bot = new RunningBot(api, context);
        boolean webhook = args.stream().anyMatch(a -> a.startsWith("--telegram.webhook-url="));
        bot.awaitConnected(webhook ? "setWebhook" : "getUpdates");
        return bot;
    }

    private void awaitConnected(String method) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (api.calls(method).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The bot never polled: " + api.describeActivity());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    public static Path temporaryDataDir() {
        try {
            return Files.createTempDirectory("pd-navigator-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new person, in a private chat of their own. */
    public FakeUser newUser() {
        return api.user(USERS.incrementAndGet(), "en");
    }

    public FakeBotApi api() {
        return api;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** The HTTP port the bot serves on (webhooks, later the dashboard). */
    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
        api.close();
    }
}
