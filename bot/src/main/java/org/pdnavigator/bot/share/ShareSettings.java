package org.pdnavigator.bot.share;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Links and QR codes for organizers; application.yaml maps each setting to its environment variable and default.
 *
 * @param botUsername  {@code TELEGRAM_BOT_USERNAME}: the bot's username for links; by default asked of Telegram
 *                     ({@code getMe}) at start-up. In the terminal, links are shown only when it is set.
 * @param unknownCodes {@code BOT_MAX_UNKNOWN_CODES}: how many codes no operator created are counted at most
 */
@ConfigurationProperties(prefix = "share")
public record ShareSettings(String botUsername, int unknownCodes) {

    public ShareSettings {
        if (unknownCodes < 0) {
            throw new IllegalArgumentException("BOT_MAX_UNKNOWN_CODES cannot be negative: " + unknownCodes);
        }
        if (botUsername != null && !botUsername.isBlank() && !BotUsername.isValid(BotUsername.strip(botUsername))) {
            throw new IllegalArgumentException("TELEGRAM_BOT_USERNAME must be the bot's username, 5 to 32 letters, "
                + "digits and _, like pd_navigator_bot, not " + botUsername);
        }
    }
}
