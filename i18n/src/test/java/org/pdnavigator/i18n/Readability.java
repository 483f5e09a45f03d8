package org.pdnavigator.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flesch-Kincaid grade level of English text, for keeping the source catalogue plain. Addresses, numbers and
 * the legal terms of the glossary are left out: they cannot be simplified, and the glossary explains them.
 */
final class Readability {

    private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+");
    private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+");
    private static final Pattern NUMBER = Pattern.compile("[()0-9][0-9()., :/-]*[0-9)]|\\d");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:]+(\\s|$)|\\n+");

    private Readability() {
    }

    /**
     * The text a reader may see, from every branch of an ICU message (select and plural cases one per line),
     * with the values of arguments left out.
     */
    static String literalText(String pattern) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c != '{') {
                out.append(c == '#' ? ' ' : c);
                i++;
                continue;
            }
            int close = matching(pattern, i);
            String inside = pattern.substring(i + 1, close);
            String[] head = inside.split(",", 3);
            if (head.length == 3 && head[1].strip().matches("select|plural|selectordinal")) {
                String cases = head[2];
                int j = 0;
                while (j < cases.length()) {
                    int open = cases.indexOf('{', j);
                    if (open < 0) {
                        break;
                    }
                    int end = matching(cases, open);
                    out.append('\n').append(literalText(cases.substring(open + 1, end))).append('\n');
                    j = end + 1;
                }
            }
            i = close + 1;
        }
        return out.toString();
    }

    private static int matching(String text, int open) {
        int depth = 0;
        for (int k = open; k < text.length(); k++) {
            if (text.charAt(k) == '{') {
                depth++;
            } else if (text.charAt(k) == '}' && --depth == 0) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unbalanced braces in " + text);
    }

    /** Below this many words, a grade says nothing. */
    static final int MIN_WORDS_FOR_GRADE = 8;

    /** The text as a reader counts it: tags, addresses, numbers out; each glossary term one short word. */
    static String cleaned(String text, Set<String> terms) {
        String cleaned = text.replaceAll("<[^>]+>", " ");
        cleaned = URL.matcher(cleaned).replaceAll(" ");
        cleaned = EMAIL.matcher(cleaned).replaceAll(" ");
        cleaned = NUMBER.matcher(cleaned).replaceAll(" ");
        for (String term : terms.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            cleaned = cleaned.replaceAll("(?i)(?<![A-Za-z-])" + Pattern.quote(term) + "(?![A-Za-z-])", "term");
        }
        return cleaned;
    }

    static List<String> words(String text, Set<String> terms) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(cleaned(text, terms));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** The grade, or {@code NaN} for text with no words left. */
    static double grade(String text, Set<String> terms) {
        String cleaned = cleaned(text, terms);
        List<String> words = words(text, terms);
        if (words.isEmpty()) {
            return Double.NaN;
        }
        int sentences = 0;
        for (String piece : SENTENCE_END.split(cleaned)) {
            if (WORD.matcher(piece).find()) {
                sentences++;
            }
        }
        sentences = Math.max(1, sentences);
        int syllables = words.stream().mapToInt(Readability::syllables).sum();
        return 0.39 * words.size() / sentences + 11.8 * syllables / words.size() - 15.59;
    }

    /** Syllables of an English word, by vowel groups: good enough to keep words short, not a dictionary. */
    static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.length() <= 3) {
            return 1;
        }
        w = w.replaceAll("(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "x").replaceAll("^y", "");
        Matcher groups = Pattern.compile("[aeiouy]+").matcher(w);
        int count = 0;
        while (groups.find()) {
            count++;
        }
        return Math.max(1, count);
    }
}
