package org.pdnavigator.i18n;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English catalogue stays plain, so people read it under stress and translators can keep it plain:
 * Flesch-Kincaid grade at most 8 for every message, and a median of at most 6. The grade means nothing for a
 * button of two or three words ("Continue" alone scores 20), so messages under eight words are held instead to
 * words of at most four syllables. Addresses, numbers and the glossary's legal terms are left out.
 */
class PlainLanguageTest {

    private static final Language EN = Language.ENGLISH;

    @Test
    void everyMessageReadsAtGradeEightOrBelowAndTheMedianAtSixOrBelow() {
        Catalogue catalogue = Catalogue.load();
        Set<String> terms = Glossary.load(EN).terms();
        Map<String, Double> grades = new TreeMap<>();
        for (String key : catalogue.keys(EN)) {
            if (CatalogueCompletenessTest.SAME_IN_EVERY_LANGUAGE.contains(key)) {
                continue;
            }
            double grade = Readability.grade(Readability.literalText(catalogue.pattern(EN, key)), terms);
            if (!Double.isNaN(grade)) {
                grades.put(key, grade);
            }
        }
        List<Double> sorted = new ArrayList<>(grades.values());
        sorted.sort(Double::compare);
        double median = sorted.get(sorted.size() / 2);
        StringBuilder report = new StringBuilder();
        grades.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(15)
            .forEach(e -> report.append(String.format("%n  %5.1f  %s", e.getValue(), e.getKey())));
        System.out.printf("Readability of %d English messages: median grade %.1f; hardest:%s%n", grades.size(), median,
            report);

        assertThat(grades).allSatisfy((key, grade) -> {
            String text = Readability.literalText(catalogue.pattern(EN, key));
            if (Readability.words(text, terms).size() >= Readability.MIN_WORDS_FOR_GRADE) {
                assertThat(grade).as(key).isLessThanOrEqualTo(8.0);
            } else {
                assertThat(Readability.words(text, terms)).as(key)
                    .allSatisfy(word -> assertThat(Readability.syllables(word)).as(word).isLessThanOrEqualTo(4));
            }
        });
        assertThat(median).isLessThanOrEqualTo(6.0);
    }

    @Test
    void countsSyllablesCloseToADictionary() {
        assertThat(Readability.syllables("court")).isEqualTo(1);
        assertThat(Readability.syllables("lawyer")).isEqualTo(2);
        assertThat(Readability.syllables("detention")).isEqualTo(3);
        assertThat(Readability.syllables("immigration")).isEqualTo(4);
        assertThat(Readability.syllables("removed")).isEqualTo(2);
    }

    @Test
    void readsEveryBranchOfAChoice() {
        assertThat(Readability.literalText("Hi {role, select, SELF {you} other {the person}}.")).contains("you")
            .contains("the person");
    }
}
