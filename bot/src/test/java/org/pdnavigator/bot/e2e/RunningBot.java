package org.pdnavigator.bot.e2e;

import org.pdnavigator.bot.BotApplication;
import org.pdnavigator.bot.fake.FakeBotApi;
import org.pdnavigator.bot.fake.FakeUser;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
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
        FakeBotApi api = FakeBotApi.start();
        // Our answers are a few requests in a row; a short quiet period keeps long walks quick.
        api.setQuietPeriod(Duration.ofMillis(40));
        String[] all = new String[properties.length + 4];
        all[0] = "telegram.bot-token=" + api.token();
        all[1] = "telegram.api-url=" + api.baseUri();
        all[2] = "telegram.poll-timeout=1s";
        all[3] = "bot.console=false";
        System.arraycopy(properties, 0, all, 4, properties.length);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BotApplication.class)
            .properties(all)
            .run();
        RunningBot bot = new RunningBot(api, context);
        bot.awaitPolling();
        return bot;
    }

    private void awaitPolling() {
        Instant deadline = Instant.now().plusSeconds(20);
        while (api.calls("getUpdates").isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The bot never polled: " + api.describeActivity());
            }
            Thread.onSpinWait();
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

    @Override
    public void close() {
        context.close();
        api.close();
    }
}
