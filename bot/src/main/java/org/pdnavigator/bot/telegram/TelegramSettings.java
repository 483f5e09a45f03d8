package org.pdnavigator.bot.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach Telegram; application.yaml maps each setting to its environment variable and default. Without a
 * token the bot runs in the terminal instead.
 *
 * @param botToken    {@code TELEGRAM_BOT_TOKEN}
 * @param apiUrl      {@code TELEGRAM_API_URL}: scheme, host and port of the Bot API (tests point it at a fake)
 * @param pollTimeout {@code TELEGRAM_POLL_TIMEOUT}: how long one getUpdates call waits for news
 */
@ConfigurationProperties(prefix = "telegram")
public record TelegramSettings(String botToken, URI apiUrl, Duration pollTimeout) {

    public boolean enabled() {
        return botToken != null && !botToken.isBlank();
    }

    public TelegramSettings {
        if (apiUrl.getScheme() == null || apiUrl.getHost() == null
            || !(apiUrl.getPath() == null || apiUrl.getPath().isEmpty() || "/".equals(apiUrl.getPath()))) {
            throw new IllegalArgumentException(
                "TELEGRAM_API_URL must be a scheme, host and optional port, like https://api.telegram.org, not " + apiUrl);
        }
    }
}
