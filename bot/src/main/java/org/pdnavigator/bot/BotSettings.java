package org.pdnavigator.bot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The bot's own settings; application.yaml maps each to its environment variable and default.
 *
 * @param directoryFile    {@code BOT_DIRECTORY_FILE}: an edited copy of the directory to use instead of the bundled one
 * @param sessionRetention {@code BOT_SESSION_RETENTION}: how long a chat's place is kept without use
 * @param maxSessions      {@code BOT_MAX_SESSIONS}: how many chats' places are kept in memory at most
 * @param workers          {@code BOT_WORKERS}: threads that handle updates; each chat's updates still go one at a time
 */
@ConfigurationProperties(prefix = "bot")
public record BotSettings(String directoryFile, Duration sessionRetention, long maxSessions, int workers) {

    /** The edited directory to use, if one is set. */
    public Optional<Path> directory() {
        return directoryFile == null || directoryFile.isBlank() ? Optional.empty() : Optional.of(Path.of(directoryFile));
    }
}
