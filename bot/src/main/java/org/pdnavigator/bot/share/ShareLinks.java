package org.pdnavigator.bot.share;

import org.pdnavigator.i18n.Language;
import org.pdnavigator.i18n.Languages;

import java.util.Optional;

/**
 * Deep links to the bot: {@code https://t.me/<bot>?start=<language>} or {@code ...?start=<language>-<code>}.
 * Opening one starts the bot in that language and counts the conversation under the code.
 */
public final class ShareLinks {

    private final BotUsername username;
    private final Languages languages;

    public ShareLinks(BotUsername username, Languages languages) {
        this.username = username;
        this.languages = languages;
    }

    /**
     * @param languageTag a language the bot speaks ({@code es}; {@code es-MX} is Spanish too)
     * @param code        an organizer's code, if any
     * @throws IllegalArgumentException for a language the bot does not speak or a code that cannot go in a link
     * @throws IllegalStateException    while the bot's username is not known (see {@link #available()})
     */
    public String link(String languageTag, Optional<String> code) {
        Language language = languages.match(languageTag).orElseThrow(() -> new IllegalArgumentException(
            "The bot does not speak '" + languageTag + "'; it speaks " + languages.shipped().stream()
                .map(Language::tag).toList()));
        code.ifPresent(OrganizerCode::requireValid);
        String bot = username.get().orElseThrow(() -> new IllegalStateException(
            "The bot's username is not known yet: Telegram has not answered getMe, or TELEGRAM_BOT_USERNAME is unset"));
        return "https://t.me/" + bot + "?start=" + language.tag() + code.map(c -> "-" + c).orElse("");
    }

    /** Whether links can be made now: the bot's username is known. */
    public boolean available() {
        return username.get().isPresent();
    }
}
