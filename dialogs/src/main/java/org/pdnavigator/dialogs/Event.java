package org.pdnavigator.dialogs;

/**
 * What a person can do on a screen. Each has a one-letter code for compact button data; codes are
 * persisted in buttons already sent, so never reuse one.
 */
public enum Event {
    /** Go on (also: go on without an office). */
    NEXT('n'),
    PRIVACY('p'),
    /** A fixed choice; the value is the choice's name. */
    CHOOSE('c'),
    /** An item of a list; the value is its id. */
    PICK('k'),
    /** Another page of a list; the value is the page number. */
    PAGE('g'),
    /** "I am not sure" / "I don't know the court". */
    NOT_SURE('u'),
    /** The list of every ICE lawyers' office. */
    ALL_OFFICES('o'),
    /** The detention centres of the chosen state. */
    FACILITIES('f'),
    /** Choose the county. */
    COUNTIES('y'),
    WHY('w'),
    /** The escalation ladder. */
    LADDER('l'),
    /** One screen back: handled by the conversation, not the machine. */
    BACK('b'),
    /** Start over: handled by the conversation, not the machine. */
    RESTART('r'),
    /** The language menu (no value) or a language (its tag): handled by the bot, not the conversation. */
    LANGUAGE('a'),
    /** The draft of the request: in English for ICE, with what each part means in the person's language. */
    DRAFT('d'),
    /** The draft as a file, to print or forward: handled by the bot, not the conversation. */
    DRAFT_FILE('x'),
    /** Reminders: the menu (no value), a number of days, or {@code -} to close the menu: handled by the bot. */
    REMIND('m'),
    /** A tap on a reminder: a letter for what it says and the reminder's id ({@code n-42}): handled by the bot. */
    REMINDER('e'),
    /** The bot's link and QR code, to pass on: handled by the bot, not the conversation. */
    SHARE('s');

    private final char code;

    Event(char code) {
        this.code = code;
    }

    /** Whether the bot acts on it itself (it changes no step of the conversation). */
    public boolean handledByBot() {
        return this == LANGUAGE || this == DRAFT_FILE || this == REMIND || this == REMINDER || this == SHARE;
    }

    public char code() {
        return code;
    }

    public static java.util.Optional<Event> ofCode(char code) {
        for (Event event : values()) {
            if (event.code == code) {
                return java.util.Optional.of(event);
            }
        }
        return java.util.Optional.empty();
    }
}
