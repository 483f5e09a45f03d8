package org.pdnavigator.bot.fake;

import java.util.List;

/**
 * A message of the bot as it currently stands in a chat (after edits), so tests can assert on what the user
 * sees rather than on the sequence of API calls that produced it.
 *
 * @param messageId the message id in its chat
 * @param text      the text (or caption) as the bot sent it, markup included; empty for a media message
 *                  without caption
 * @param parseMode the parse mode it was sent with, or {@code null}
 * @param keyboard  the rows of its inline keyboard; empty when it has none
 */
public record BotMessage(long messageId, String text, String parseMode, List<List<Button>> keyboard) {

    public BotMessage {
        keyboard = keyboard.stream().map(List::copyOf).toList();
    }

    /** The text as displayed: for HTML, tags removed and entities decoded. */
    public String plainText() {
        return "HTML".equalsIgnoreCase(parseMode) ? TelegramHtml.toPlainTextLeniently(text) : text;
    }

    /** The labels of all its buttons, row by row. */
    public List<String> buttonTexts() {
        return keyboard.stream().flatMap(List::stream).map(Button::text).toList();
    }

    /** Whether it carries an inline keyboard. */
    public boolean hasKeyboard() {
        return !keyboard.isEmpty();
    }
}
