package org.pdnavigator.bot.telegram;

import org.pdnavigator.dialogs.Action;
import org.pdnavigator.dialogs.Event;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Button data: the session's turn, the event's one-letter code and the value, as {@code turn:code:value}
 * ({@code 3f:k:los-ade}). Read strictly: anything else is refused, never guessed at.
 */
public final class CallbackData {

    /** Telegram's limit for callback data. */
    public static final int MAX_BYTES = 64;

    private static final Pattern FORM = Pattern.compile("([0-9a-z]{1,6}):([a-z]):([A-Za-z0-9_ .'()-]{0,48})");

    private CallbackData() {
    }

    public static String encode(int turn, Action action) {
        String data = Integer.toString(turn, 36) + ":" + action.event().code() + ":" + action.value();
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES || !FORM.matcher(data).matches()) {
            throw new IllegalArgumentException("Button data does not fit Telegram or our own form: " + data);
        }
        return data;
    }

    public static Optional<Decoded> decode(String data) {
        if (data == null || data.length() > MAX_BYTES) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(data);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Event> event = Event.ofCode(m.group(2).charAt(0));
        if (event.isEmpty()) {
            return Optional.empty();
        }
        int turn;
        try {
            turn = Integer.parseInt(m.group(1), 36);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new Decoded(turn, Action.of(event.get(), m.group(3))));
    }

    public record Decoded(int turn, Action action) {
    }
}
