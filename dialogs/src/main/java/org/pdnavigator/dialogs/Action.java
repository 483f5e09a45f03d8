package org.pdnavigator.dialogs;

import java.util.Objects;

/** One thing a person did: an event and, for choices, picks and pages, its value. */
public record Action(Event event, String value) {

    public Action {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(value, "value");
    }

    public static Action of(Event event) {
        return new Action(event, "");
    }

    public static Action of(Event event, String value) {
        return new Action(event, value);
    }

    public static Action choose(Enum<?> choice) {
        return new Action(Event.CHOOSE, choice.name());
    }

    public static Action pick(String id) {
        return new Action(Event.PICK, id);
    }

    public static Action page(int page) {
        return new Action(Event.PAGE, Integer.toString(page));
    }
}
