package org.pdnavigator.bot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The bot's own settings; application.yaml maps each to its environment variable and default.
 *
 * @param directoryFile    {@code BOT_DIRECTORY_FILE}: an edited copy of the directory to use instead of the bundled one
 * @param dataDir          {@code BOT_DATA_DIR}: where the embedded database and a generated secret live
 * @param secret           {@code BOT_SECRET}: the key chat ids are hashed and data encrypted with
 * @param sessionRetention {@code BOT_SESSION_RETENTION}: how long a chat's place is kept without use
 * @param maxSessions      {@code BOT_MAX_SESSIONS}: how many chats' places are cached in memory at most
 * @param workers          {@code BOT_WORKERS}: threads that handle updates; each chat's updates still go one at a time
 */
@ConfigurationProperties(prefix = "bot")
public record BotSettings(String directoryFile, String dataDir, String secret, Duration sessionRetention,
                          long maxSessions, int workers) {

    public Path dataDirectory() {
        return Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir);
    }

    /** The edited directory to use, if one is set. */
    public Optional<Path> directory() {
        return directoryFile == null || directoryFile.isBlank() ? Optional.empty() : Optional.of(Path.of(directoryFile));
    }
}
