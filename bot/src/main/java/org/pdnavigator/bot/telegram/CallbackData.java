package org.pdnavigator.bot.telegram;

import org.pdnavigator.bot.store.Secrets;
import org.pdnavigator.dialogs.Action;
import org.pdnavigator.dialogs.Event;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Button data: a short signature, the session's turn, the event's one-letter code and the value:
 * {@code <signature><turn>:<code>:<value>} ({@code Xy3_9a3f:k:los-ade}). The signature is a keyed hash of the
 * rest and of the chat, so data forged, truncated, or copied from another chat is refused, never guessed at; the
 * turn tells a button of an older screen from a current one.
 */
public final class CallbackData {

    /** Telegram's limit for callback data. */
    public static final int MAX_BYTES = 64;
    static final int SIGNATURE = 6;

    private static final Pattern FORM = Pattern.compile(
        "([A-Za-z0-9_-]{" + SIGNATURE + "})([0-9a-z]{1,6}):([a-z]):([A-Za-z0-9_ .'()-]{0,48})");

    private final Secrets secrets;

    public CallbackData(Secrets secrets) {
        this.secrets = secrets;
    }

    public String encode(long chatId, int turn, Action action) {
        String body = Integer.toString(turn, 36) + ":" + action.event().code() + ":" + action.value();
        String data = secrets.signature(chatId, body, SIGNATURE) + body;
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES || !FORM.matcher(data).matches()) {
            throw new IllegalArgumentException("Button data does not fit Telegram or our own form: " + body);
        }
        return data;
    }

    public Optional<Decoded> decode(long chatId, String data) {
        if (data == null || data.length() > MAX_BYTES) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(data);
        if (!m.matches()) {
            return Optional.empty();
        }
        String body = data.substring(SIGNATURE);
        if (!secrets.signature(chatId, body, SIGNATURE).equals(m.group(1))) {
            return Optional.empty();
        }
        Optional<Event> event = Event.ofCode(m.group(3).charAt(0));
        if (event.isEmpty()) {
            return Optional.empty();
        }
        // Six base-36 digits reach beyond an int: a turn no button of ours ever carried is refused, not thrown.
        long turn = Long.parseLong(m.group(2), 36);
        if (turn > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new Decoded((int) turn, Action.of(event.get(), m.group(4))));
    }

    public record Decoded(int turn, Action action) {
    }
}
