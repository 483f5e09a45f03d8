package org.pdnavigator.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The legal terms of one language, so every message says the same thing the same way: each concept
 * ({@code immigration-judge}) with its term and the other forms a sentence may need
 * ({@code messages/glossary_<tag>.properties}: {@code concept = term | form | form}).
 */
public final class Glossary {

    private final Language language;
    private final Map<String, List<String>> forms;

    private Glossary(Language language, Map<String, List<String>> forms) {
        this.language = language;
        this.forms = forms;
    }

    public static Glossary load(Language language) {
        String path = "messages/glossary_" + language.tag() + ".properties";
        try (InputStream in = Glossary.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path);
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, List<String>> forms = new LinkedHashMap<>();
            new TreeSet<>(properties.stringPropertyNames()).forEach(concept -> forms.put(concept,
                Arrays.stream(properties.getProperty(concept).split("\\|")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList()));
            return new Glossary(language, Map.copyOf(forms));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Language language() {
        return language;
    }

    public Set<String> concepts() {
        return new TreeSet<>(forms.keySet());
    }

    /** The term first, then its other accepted forms. */
    public List<String> forms(String concept) {
        List<String> list = forms.get(concept);
        if (list == null) {
            throw new IllegalArgumentException("The " + language + " glossary has no concept '" + concept + "'");
        }
        return list;
    }

    /** Every form of every term. */
    public Set<String> terms() {
        Set<String> all = new LinkedHashSet<>();
        forms.values().forEach(all::addAll);
        return all;
    }
}
