package org.pdnavigator.bot.chat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a deep link ({@code https://t.me/<bot>?start=<payload>}) carries: a language, and optionally an
 * organizer's code: {@code es}, or {@code es-casa_latina}. Anything else is ignored, and the conversation starts
 * as if there were no payload.
 *
 * @param language     the language tag as written in the link
 * @param organizer    the organizer's code, if any
 */
public record StartPayload(String language, Optional<String> organizer) {

    /** Telegram's limit for a start parameter. */
    public static final int MAX_LENGTH = 64;
    /** The longest organizer's code: what fits beside any language tag (up to three letters) and its dash. */
    public static final int MAX_CODE_LENGTH = 60;

    private static final Pattern FORM = Pattern.compile("([a-z]{2,3})(?:-([A-Za-z0-9_-]{1," + MAX_CODE_LENGTH + "}))?");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_CODE_LENGTH + "}");

    /** Whether an organizer's code can go in a link: letters, digits, {@code _} and {@code -}, 1 to 60 of them. */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public static Optional<StartPayload> parse(String payload) {
        if (payload == null || payload.isEmpty() || payload.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(payload);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new StartPayload(m.group(1), Optional.ofNullable(m.group(2))));
    }
}
