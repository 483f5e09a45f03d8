package org.pdnavigator.bot.share;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The bot's username, which its links name: from the setting when given, else learned from Telegram's
 * {@code getMe} once the bot reaches Telegram. Until then (and in the terminal without the setting) it is unknown.
 */
public final class BotUsername {

    private static final Pattern FORM = Pattern.compile("[A-Za-z][A-Za-z0-9_]{4,31}");

    private final AtomicReference<String> name = new AtomicReference<>();

    public BotUsername(String configured) {
        if (configured != null && !configured.isBlank()) {
            name.set(strip(configured));
        }
    }

    public Optional<String> get() {
        return Optional.ofNullable(name.get());
    }

    /** Whether the setting gave it, so Telegram need not be asked. */
    public boolean known() {
        return name.get() != null;
    }

    /** What {@code getMe} said; the setting, when given, stays. */
    public void learned(String username) {
        if (username != null && isValid(strip(username))) {
            name.compareAndSet(null, strip(username));
        }
    }

    static String strip(String username) {
        String trimmed = username.strip();
        return trimmed.startsWith("@") ? trimmed.substring(1) : trimmed;
    }

    static boolean isValid(String username) {
        return FORM.matcher(username).matches();
    }
}
