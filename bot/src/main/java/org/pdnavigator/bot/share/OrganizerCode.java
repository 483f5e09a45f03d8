package org.pdnavigator.bot.share;

import org.pdnavigator.bot.chat.StartPayload;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * An organizer's code, as deep links carry it ({@code https://t.me/<bot>?start=es-<code>}), and how many
 * conversations began through a link with it. Anonymous: a count, never who.
 *
 * @param code          letters, digits, {@code _} and {@code -}, at most {@link #MAX_LENGTH} characters
 * @param created       when an operator created it, or when it was first seen in a link nobody created
 * @param conversations conversations begun through a link with this code
 */
public record OrganizerCode(String code, Instant created, long conversations) {

    /** What fits beside any language tag (up to three letters and a dash) in Telegram's 64-character limit. */
    public static final int MAX_LENGTH = StartPayload.MAX_CODE_LENGTH;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * @return the code, if it can go in a link
     * @throws IllegalArgumentException saying what is wrong with it, in words an operator can act on
     */
    public static String requireValid(String code) {
        if (code == null || code.isEmpty()) {
            throw new IllegalArgumentException("An organizer code cannot be empty.");
        }
        if (code.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("An organizer code can be at most " + MAX_LENGTH
                + " characters long; this one has " + code.length() + ".");
        }
        if (!ALLOWED.matcher(code).matches()) {
            throw new IllegalArgumentException("An organizer code can use only the letters A to Z and a to z, "
                + "the digits 0 to 9, _ and -, so that it fits in a Telegram link.");
        }
        return code;
    }

    public static boolean isValid(String code) {
        return StartPayload.isCode(code);
    }
}
