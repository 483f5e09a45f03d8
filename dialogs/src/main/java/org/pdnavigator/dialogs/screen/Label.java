package org.pdnavigator.dialogs.screen;

import java.util.Map;

/**
 * Text the bot shows, named but not worded: the bot words it in the person's language. Proper names
 * from the directory (courts, offices) travel as they are; names with translations travel with all of them.
 */
public sealed interface Label {

    /** A message of the catalogue, with its arguments (strings, numbers, enum constants or other labels). */
    record Key(String key, Map<String, Object> args) implements Label {
        public Key {
            args = Map.copyOf(args);
        }
    }

    /** A proper name from the directory, shown as it is in every language. */
    record Name(String text) implements Label {
    }

    /** A name the directory gives in every shipped language. */
    record Localized(Map<String, String> byLanguage) implements Label {
    }

    static Label key(String key) {
        return new Key(key, Map.of());
    }

    static Label key(String key, Map<String, Object> args) {
        return new Key(key, args);
    }

    static Label name(String text) {
        return new Name(text);
    }
}
