package org.pdnavigator.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The words of the ready-to-send request to ICE ({@code draft/draft_en.properties}): English only, in every
 * language, because ICE reads English. ICU MessageFormat, plain text.
 */
public final class DraftTemplates {

    static final String RESOURCE = "draft/draft_en.properties";

    private final Catalogue english;

    private DraftTemplates(Catalogue english) {
        this.english = english;
    }

    public static DraftTemplates load() {
        try (InputStream in = DraftTemplates.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE + " on the class path");
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> patterns = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(key -> patterns.put(key, properties.getProperty(key)));
            return new DraftTemplates(Catalogue.of(Map.of(Language.ENGLISH, patterns)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String format(String key, Map<String, ?> arguments) {
        return english.format(Language.ENGLISH, key, arguments);
    }

    public String format(String key) {
        return format(key, Map.of());
    }

    public Set<String> keys() {
        return english.keys(Language.ENGLISH);
    }
}
