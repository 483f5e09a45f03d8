package org.pdnavigator.bot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The bot's own settings.
 *
 * @param directoryFile    {@code BOT_DIRECTORY_FILE}: an edited copy of the directory to use instead of the bundled one
 * @param sessionRetention how long a chat's place is kept without use
 * @param maxSessions      how many chats' places are kept in memory at most
 * @param workers          threads that handle updates; each chat's updates still go one at a time
 */
@ConfigurationProperties(prefix = "bot")
public record BotSettings(Path directoryFile,
                          @DefaultValue("30d") Duration sessionRetention,
                          @DefaultValue("1000000") long maxSessions,
                          @DefaultValue("16") int workers) {
}
