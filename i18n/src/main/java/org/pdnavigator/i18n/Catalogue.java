package org.pdnavigator.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every sentence, button label and error the bot shows, per language, as ICU MessageFormat patterns
 * with named arguments ({@code {email}}, {@code {years, plural, one {# year} other {# years}}}).
 *
 * <p>Patterns may carry the small set of HTML tags Telegram understands ({@code <b>}, {@code <i>},
 * {@code <code>}); arguments are inserted as given, so callers escape what they pass in.
 * Catalogues live in {@code messages/messages_<tag>.properties} (UTF-8) and are listed in
 * {@code messages/languages}, first the language used when no other fits.
 */
public final class Catalogue {

    private static final String INDEX = "messages/languages";

    private final Map<Language, Map<String, MessageFormat>> messages;
    private final Map<Language, Map<String, Set<String>>> argumentNames;
    private final Map<Language, Map<String, String>> patterns;
    private final List<Language> languages;

    private Catalogue(Map<Language, Map<String, String>> patterns) {
        this.patterns = patterns;
        this.languages = List.copyOf(patterns.keySet());
        Map<Language, Map<String, MessageFormat>> compiled = new LinkedHashMap<>();
        patterns.forEach((language, byKey) -> {
            Map<String, MessageFormat> formats = new LinkedHashMap<>();
            byKey.forEach((key, pattern) -> formats.put(key, compile(language, key, pattern)));
            compiled.put(language, Map.copyOf(formats));
        });
        this.messages = Map.copyOf(compiled);
        Map<Language, Map<String, Set<String>>> names = new LinkedHashMap<>();
        compiled.forEach((language, byKey) -> {
            Map<String, Set<String>> byName = new LinkedHashMap<>();
            byKey.forEach((key, format) -> byName.put(key, argumentNamesOf(patterns.get(language).get(key))));
            names.put(language, Map.copyOf(byName));
        });
        this.argumentNames = Map.copyOf(names);
    }

    /** Loads the catalogues shipped on the class path. */
    public static Catalogue load() {
        ClassLoader loader = Catalogue.class.getClassLoader();
        Map<Language, Map<String, String>> patterns = new LinkedHashMap<>();
        for (String tag : readIndex(loader)) {
            Language language = new Language(tag);
            patterns.put(language, readCatalogue(loader, "messages/messages_" + tag + ".properties"));
        }
        if (patterns.isEmpty()) {
            throw new IllegalStateException(INDEX + " lists no language");
        }
        return new Catalogue(patterns);
    }

    /** A catalogue from patterns in memory, for tests. */
    public static Catalogue of(Map<Language, Map<String, String>> patterns) {
        return new Catalogue(new LinkedHashMap<>(patterns));
    }

    /** The shipped languages, the fallback first. */
    public List<Language> languages() {
        return languages;
    }

    public Language fallback() {
        return languages.get(0);
    }

    public boolean has(Language language, String key) {
        Map<String, MessageFormat> byKey = messages.get(language);
        return byKey != null && byKey.containsKey(key);
    }

    public Set<String> keys(Language language) {
        return Collections.unmodifiableSet(new TreeSet<>(patterns.getOrDefault(language, Map.of()).keySet()));
    }

    /** The raw pattern, for checks on the catalogue itself. */
    public String pattern(Language language, String key) {
        String pattern = patterns.getOrDefault(language, Map.of()).get(key);
        if (pattern == null) {
            throw new MissingMessageException(language, key);
        }
        return pattern;
    }

    /** The argument names a pattern uses, for checks that translations agree. */
    public Set<String> argumentNames(Language language, String key) {
        compiled(language, key);
        return new TreeSet<>(argumentNames.get(language).get(key));
    }

    public String format(Language language, String key) {
        return format(language, key, Map.of());
    }

    /**
     * Formats a message.
     *
     * @throws IllegalArgumentException when the message uses an argument not given: ICU would print "{name}"
     */
    public String format(Language language, String key, Map<String, ?> arguments) {
        MessageFormat format = compiled(language, key);
        for (String name : argumentNames.get(language).get(key)) {
            if (!arguments.containsKey(name)) {
                throw new IllegalArgumentException("Message '" + key + "' (" + language + ") needs the argument '"
                    + name + "', which was not given");
            }
        }
        // ICU's MessageFormat is not thread-safe; formatting is short, so a lock per pattern is enough.
        synchronized (format) {
            return format.format(arguments);
        }
    }

    private MessageFormat compiled(Language language, String key) {
        Map<String, MessageFormat> byKey = messages.get(language);
        MessageFormat format = byKey == null ? null : byKey.get(key);
        if (format == null) {
            throw new MissingMessageException(language, key);
        }
        return format;
    }

    /** Every argument a pattern names, in select and plural branches too (ICU's own list stops at the top). */
    static Set<String> argumentNamesOf(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(part));
            }
        }
        return Set.copyOf(names);
    }

    private static MessageFormat compile(Language language, String key, String pattern) {
        try {
            return new MessageFormat(pattern, language.locale());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                "messages_" + language + ".properties: message '" + key + "' is not valid ICU MessageFormat: "
                    + e.getMessage(), e);
        }
    }

    private static List<String> readIndex(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + INDEX + " on the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readCatalogue(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path + " on the class path");
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> byKey = new LinkedHashMap<>();
            new TreeSet<>(properties.stringPropertyNames()).forEach(key -> byKey.put(key, properties.getProperty(key)));
            return byKey;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
