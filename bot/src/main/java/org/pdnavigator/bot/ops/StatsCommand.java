package org.pdnavigator.bot.ops;

import com.ibm.icu.text.MessageFormat;
import org.pdnavigator.bot.telegram.OperatorCommands;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** {@code /stats} for operators' chats: today's figures in a short message. Anyone else gets the usual help. */
public final class StatsCommand implements OperatorCommands {

    static final String WORDS = "messages/operators_en.properties";

    private final Set<Long> operators;
    private final Dashboard dashboard;
    private final Properties words = new Properties();

    public StatsCommand(Set<Long> operators, Dashboard dashboard) {
        this.operators = Set.copyOf(operators);
        this.dashboard = dashboard;
        try (InputStream in = StatsCommand.class.getClassLoader().getResourceAsStream(WORDS)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + WORDS);
            }
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<String> answer(long chatId, String command) {
        if (!"stats".equals(command) || !operators.contains(chatId)) {
            return Optional.empty();
        }
        Dashboard.Summary today = dashboard.today();
        String median = today.medianMillis() == null ? words.getProperty("stats.noMedian")
            : duration(today.medianMillis());
        return Optional.of(new MessageFormat(words.getProperty("stats.today"), Locale.ENGLISH).format(Map.of(
            "started", today.started(), "finished", today.finished(), "inProgress", today.inProgress(),
            "median", median, "forgotten", today.forgotten(), "errors", today.errors(),
            "telegram", today.telegramFailures())));
    }

    /** 95 seconds is "1 min 35 s". */
    static String duration(long millis) {
        Duration d = Duration.ofMillis(millis);
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }
}
