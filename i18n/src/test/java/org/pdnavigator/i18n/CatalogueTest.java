package org.pdnavigator.i18n;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueTest {

    private final Catalogue catalogue = Catalogue.load();

    @Test
    void shipsEnglishAndFallsBackToIt() {
        assertThat(catalogue.languages()).contains(Language.ENGLISH);
        assertThat(catalogue.fallback()).isEqualTo(Language.ENGLISH);
    }

    @Test
    void formatsPluralsByTheLanguagesRules() {
        assertThat(catalogue.format(Language.ENGLISH, "age", Map.of("years", 1))).isEqualTo("1 year ago");
        assertThat(catalogue.format(Language.ENGLISH, "age", Map.of("years", 5))).isEqualTo("5 years ago");
        assertThat(catalogue.format(Language.ENGLISH, "age", Map.of("years", 0))).isEqualTo("this year");
    }

    @Test
    void refusesToFormatWithAMissingArgumentRatherThanShowItsName() {
        assertThatThrownBy(() -> catalogue.format(Language.ENGLISH, "age", Map.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'years'");
    }

    @Test
    void refusesAnUnknownKey() {
        assertThatThrownBy(() -> catalogue.format(Language.ENGLISH, "no.such.key"))
            .isInstanceOf(MissingMessageException.class);
    }

    @Test
    void usesOnlyTheTagsTelegramShowsAndEscapesTheRest() {
        for (String key : catalogue.keys(Language.ENGLISH)) {
            String pattern = catalogue.pattern(Language.ENGLISH, key);
            String withoutTags = pattern.replaceAll("</?(b|i|code)>", "");
            assertThat(withoutTags).as(key).doesNotContain("<", ">");
            assertThat(withoutTags.replaceAll("&(lt|gt|amp|quot);", "")).as(key).doesNotContain("&");
        }
    }

    @Test
    void reportsABrokenPatternWithItsKey() {
        assertThatThrownBy(() -> Catalogue.of(Map.of(Language.ENGLISH, Map.of("broken", "{count, plural, one {x}"))))
            .hasMessageContaining("message 'broken' is not valid ICU MessageFormat");
    }
}
