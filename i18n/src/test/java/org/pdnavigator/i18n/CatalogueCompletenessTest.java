package org.pdnavigator.i18n;

import com.ibm.icu.text.PluralRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped language is complete: every key of the English catalogue, the same arguments, the same
 * formatting tags, every plural category the language has, no empty message, and a glossary with every concept.
 * A translator can run this test alone: {@code ./mvnw -pl i18n test -Dtest=CatalogueCompletenessTest}.
 */
class CatalogueCompletenessTest {

    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final Language EN = Language.ENGLISH;
    private static final Pattern TAG = Pattern.compile("</?(b|i|code)>");
    private static final Pattern PLURAL = Pattern.compile("\\{\\s*(\\w+)\\s*,\\s*plural\\s*,");
    /**
     * Keys a language may add on its own: {@code zone.<id>} names a time zone where ICU's name reads badly or ICU
     * has no data for the language (Haitian Creole).
     */
    static final String OPTIONAL_PREFIX = "zone.";
    /** Spoken to Mam, K'iche' and Q'anjob'al speakers in Spanish, in every catalogue alike. */
    static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("language.mayan");
    /** How a key waiting for its translation is marked while work is under way; never shipped. */
    private static final String UNTRANSLATED = "⟦TRANSLATE⟧";

    @TestFactory
    Stream<DynamicTest> everyLanguage() {
        return CATALOGUE.languages().stream().map(language -> DynamicTest.dynamicTest(language.tag(), () -> check(language)));
    }

    private static void check(Language language) {
        List<String> problems = new ArrayList<>();
        Set<String> english = CATALOGUE.keys(EN);
        Set<String> keys = CATALOGUE.keys(language);
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(keys);
        Set<String> extra = new TreeSet<>(keys);
        extra.removeAll(english);
        extra.removeIf(k -> k.startsWith(OPTIONAL_PREFIX) && CATALOGUE.argumentNames(language, k).isEmpty());
        missing.forEach(k -> problems.add("missing key " + k));
        extra.forEach(k -> problems.add("key not in English " + k));
        PluralRules rules = PluralRules.forLocale(language.locale());
        for (String key : english) {
            if (!keys.contains(key)) {
                continue;
            }
            String pattern = CATALOGUE.pattern(language, key);
            String source = CATALOGUE.pattern(EN, key);
            if (pattern.isBlank()) {
                problems.add(key + " is empty");
            }
            if (!language.tag().equals(EN.tag()) && (pattern.contains(UNTRANSLATED) || pattern.equals(source)
                && !SAME_IN_EVERY_LANGUAGE.contains(key) && words(source) >= 2)) {
                problems.add(key + " is not translated: " + pattern);
            }
            if (!CATALOGUE.argumentNames(language, key).equals(CATALOGUE.argumentNames(EN, key))) {
                problems.add(key + " has arguments " + CATALOGUE.argumentNames(language, key) + ", English has "
                    + CATALOGUE.argumentNames(EN, key));
            }
            if (!tags(pattern).equals(tags(source))) {
                problems.add(key + " has tags " + tags(pattern) + ", English has " + tags(source));
            }
            if (SAME_IN_EVERY_LANGUAGE.contains(key) && !pattern.equals(source)) {
                problems.add(key + " must stay as in English: " + source);
            }
            Matcher plural = PLURAL.matcher(pattern);
            while (plural.find()) {
                String cases = pattern.substring(plural.end());
                for (String category : rules.getKeywords()) {
                    if (!Pattern.compile("(^|[\\s}])" + category + "\\s*\\{").matcher(cases).find()) {
                        problems.add(key + " lacks the plural case '" + category + "' of " + language);
                    }
                }
            }
        }
        Glossary glossary = Glossary.load(language);
        Set<String> concepts = new TreeSet<>(Glossary.load(EN).concepts());
        concepts.removeAll(glossary.concepts());
        concepts.forEach(c -> problems.add("glossary lacks the concept " + c));
        assertThat(problems).as("the " + language + " catalogue").isEmpty();
    }

    /** Words of three letters or more outside arguments and tags: a message with two is prose to translate. */
    private static int words(String pattern) {
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                outside.append(c);
            }
        }
        Matcher word = Pattern.compile("\\p{L}{3,}").matcher(TAG.matcher(outside).replaceAll(" "));
        int count = 0;
        while (word.find()) {
            count++;
        }
        return count;
    }

    private static List<String> tags(String pattern) {
        List<String> tags = new ArrayList<>();
        Matcher m = TAG.matcher(pattern);
        while (m.find()) {
            tags.add(m.group());
        }
        tags.sort(String::compareTo);
        return tags;
    }
}
