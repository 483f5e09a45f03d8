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
 * @param webhookUrl    {@code TELEGRAM_WEBHOOK_URL}: receive updates by webhook at this public URL instead of polling
 * @param webhookSecret {@code TELEGRAM_WEBHOOK_SECRET}: the secret Telegram sends with each delivery; required
 *                      with a webhook URL
 * @param limits        how fast the bot may write, and how often a failed call is tried
 * @param requestTimeout {@code TELEGRAM_REQUEST_TIMEOUT}: how long to wait for Telegram's answer to a call
 *                       before trying again
 */
@ConfigurationProperties(prefix = "telegram")
public record TelegramSettings(String botToken, URI apiUrl, Duration pollTimeout, String webhookUrl,
                               String webhookSecret, Limits limits, Duration requestTimeout) {

    /**
     * Telegram's limits, as settings: about one message a second in a chat (a short burst is allowed), about
     * thirty a second overall.
     *
     * @param perChatPerSecond {@code TELEGRAM_RATE_PER_CHAT}
     * @param perChatBurst     messages a chat may get at once before the rate applies (an answer is four)
     * @param overallPerSecond {@code TELEGRAM_RATE_OVERALL}
     * @param overallBurst     calls at once before the overall rate applies
     * @param maxAttempts      {@code TELEGRAM_MAX_ATTEMPTS}: tries of a call that fails with 429, 5xx or a network error
     */
    public record Limits(double perChatPerSecond, int perChatBurst, double overallPerSecond, int overallBurst,
                         int maxAttempts) {
    }

    private static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public boolean webhook() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }

    /** The path the webhook URL names, where updates arrive on this server. */
    public String webhookPath() {
        String path = URI.create(webhookUrl).getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    public boolean enabled() {
        return botToken != null && !botToken.isBlank();
    }

    public TelegramSettings {
        if (webhookUrl != null && !webhookUrl.isBlank()) {
            URI uri = URI.create(webhookUrl);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("TELEGRAM_WEBHOOK_URL must be a full URL, like https://bot.example.org/telegram");
            }
            if (webhookSecret == null || !SECRET.matcher(webhookSecret).matches()) {
                throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL: "
                    + "1 to 256 characters of A-Z, a-z, 0-9, _ and -");
            }
        }
        if (apiUrl.getScheme() == null || apiUrl.getHost() == null
            || !(apiUrl.getPath() == null || apiUrl.getPath().isEmpty() || "/".equals(apiUrl.getPath()))) {
            throw new IllegalArgumentException(
                "TELEGRAM_API_URL must be a scheme, host and optional port, like https://api.telegram.org, not " + apiUrl);
        }
    }
}
