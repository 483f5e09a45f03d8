package org.pdnavigator.i18n;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {

    private final Languages languages = new Languages(Catalogue.of(catalogues("en", "es", "pt", "zh")));

    @Test
    void matchesByThePrimaryTag() {
        assertThat(languages.match("pt-BR")).map(Language::tag).contains("pt");
        assertThat(languages.match("zh-hans")).map(Language::tag).contains("zh");
        assertThat(languages.match("ES")).map(Language::tag).contains("es");
        assertThat(languages.match("de")).isEmpty();
    }

    @Test
    void offersSpanishToSpeakersOfMamKicheAndQanjobal() {
        assertThat(languages.match("mam")).map(Language::tag).contains("es");
        assertThat(languages.match("quc")).map(Language::tag).contains("es");
        assertThat(languages.match("kjb")).map(Language::tag).contains("es");
    }

    @Test
    void prefersTheChoiceThenTheLinkThenTelegramThenTheFallback() {
        assertThat(languages.choose("zh", "es", "pt-BR").tag()).isEqualTo("zh");
        assertThat(languages.choose(null, "es", "pt-BR").tag()).isEqualTo("es");
        assertThat(languages.choose(null, null, "pt-BR").tag()).isEqualTo("pt");
        assertThat(languages.choose(null, null, "de").tag()).isEqualTo("en");
        assertThat(languages.choose("xx", "yy", null).tag()).isEqualTo("en");
    }

    private static Map<Language, Map<String, String>> catalogues(String... tags) {
        Map<Language, Map<String, String>> all = new LinkedHashMap<>();
        for (String tag : tags) {
            all.put(new Language(tag), Map.of("language.name", tag));
        }
        return all;
    }
}
