package org.pdnavigator.bot.fake;

/**
 * An inline keyboard button as the user sees it under a bot message.
 *
 * @param text         the label
 * @param callbackData what a tap sends back to the bot, or {@code null} for a URL (or other) button
 * @param url          the link a URL button opens, or {@code null}
 */
public record Button(String text, String callbackData, String url) {
}
