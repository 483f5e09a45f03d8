package org.pdnavigator.i18n;

import com.ibm.icu.util.ULocale;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A language the bot speaks, named by its primary BCP 47 tag ({@code en}, {@code es}, {@code zh}).
 * A value, not an enum: adding a language is adding a catalogue file, not changing code.
 */
public record Language(String tag) {

    private static final Pattern TAG = Pattern.compile("[a-z]{2,3}");

    public static final Language ENGLISH = new Language("en");

    public Language {
        Objects.requireNonNull(tag, "tag");
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("Not a primary language tag: " + tag);
        }
    }

    public ULocale locale() {
        return new ULocale(tag);
    }

    /** Written right to left (Arabic): values in Latin script need isolating inside its sentences. */
    public boolean rightToLeft() {
        return locale().isRightToLeft();
    }

    public Locale javaLocale() {
        return Locale.forLanguageTag(tag);
    }

    @Override
    public String toString() {
        return tag;
    }
}
