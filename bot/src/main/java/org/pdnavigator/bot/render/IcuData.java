package org.pdnavigator.bot.render;

import com.ibm.icu.util.ULocale;
import org.pdnavigator.i18n.Language;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Which languages ICU has its own data for (month names, time zone names), rather than a parent's. */
final class IcuData {

    private static final Set<String> LANGUAGES = Arrays.stream(ULocale.getAvailableLocales())
        .map(ULocale::getLanguage).collect(Collectors.toUnmodifiableSet());

    private IcuData() {
    }

    static boolean has(Language language) {
        return LANGUAGES.contains(language.tag());
    }
}
