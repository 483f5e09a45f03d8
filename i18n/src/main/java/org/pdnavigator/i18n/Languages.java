package org.pdnavigator.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which language to speak to a person, without asking: their own choice first, then the language of the
 * link they came by, then their Telegram app's language, then the fallback. Tags are matched by their
 * primary subtag ({@code pt-BR} is {@code pt}, {@code zh-hans} is {@code zh}).
 */
public final class Languages {

    /** Languages we do not ship whose speakers are offered another for now. */
    private static final Map<String, String> OFFERED_INSTEAD = Map.of(
        "mam", "es",   // Mam
        "quc", "es",   // K'iche'
        "kjb", "es");  // Q'anjob'al

    private final List<Language> shipped;
    private final Language fallback;

    public Languages(Catalogue catalogue) {
        this.shipped = catalogue.languages();
        this.fallback = catalogue.fallback();
    }

    public List<Language> shipped() {
        return shipped;
    }

    public Language fallback() {
        return fallback;
    }

    /** A shipped language for an IETF tag, if there is one. */
    public Optional<Language> match(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        String wanted = OFFERED_INSTEAD.getOrDefault(primary, primary);
        return shipped.stream().filter(l -> l.tag().equals(wanted)).findFirst();
    }

    /**
     * The language to use.
     *
     * @param chosen   the person's explicit choice, if any
     * @param linked   the language of the deep link they started from, if any
     * @param telegram their Telegram app's {@code language_code}, if any
     */
    public Language choose(String chosen, String linked, String telegram) {
        return match(chosen).or(() -> match(linked)).or(() -> match(telegram)).orElse(fallback);
    }
}
