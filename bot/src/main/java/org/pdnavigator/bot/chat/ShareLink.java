package org.pdnavigator.bot.chat;

import org.pdnavigator.i18n.Language;

import java.util.Optional;

/** The bot's own deep link, for {@code /share}: made where the bot's username is known. */
@FunctionalInterface
public interface ShareLink {

    /**
     * @param code an organizer's code that can go in a link, if any
     * @return the link that opens the bot in this language, counted under the code; empty while the bot's
     *         username is not known (the terminal without {@code TELEGRAM_BOT_USERNAME})
     */
    Optional<String> link(Language language, Optional<String> code);

    ShareLink NONE = (language, code) -> Optional.empty();
}
