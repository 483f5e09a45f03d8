package org.pdnavigator.bot.store;

import org.pdnavigator.bot.BotSettings;
import org.pdnavigator.bot.chat.ChatStore;
import org.pdnavigator.bot.chat.SentMessages;
import org.pdnavigator.bot.telegram.BlockedChats;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * Durable state: the embedded H2 database under {@code BOT_DATA_DIR} by default, or the database that
 * {@code SPRING_DATASOURCE_URL} names; one schema for both, managed by Flyway.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class StoreConfiguration {

    @Bean
    Secrets secrets(BotSettings settings, DataSourceProperties dataSource) {
        boolean embedded = dataSource.getUrl() == null || dataSource.getUrl().startsWith("jdbc:h2:");
        if (!embedded && (settings.secret() == null || settings.secret().isBlank())) {
            // Instances sharing a database must hash chat ids alike: each generating its own secret would not.
            throw new IllegalStateException("BOT_SECRET must be set when the bot uses a shared database ("
                + dataSource.getUrl() + "); give every instance the same one.");
        }
        return Secrets.configuredOrGenerated(settings.secret(), settings.dataDirectory());
    }

    @Bean
    ChatStore chatStore(JdbcTemplate jdbc, TransactionTemplate transactions, Secrets secrets, Clock clock,
                        BotSettings settings) {
        return new JdbcChatStore(jdbc, transactions, secrets, clock, settings.sessionRetention(),
            settings.maxSessions());
    }

    @Bean
    SentMessages sentMessages(JdbcTemplate jdbc, Secrets secrets, Clock clock) {
        return new JdbcSentMessages(jdbc, secrets, clock);
    }

    @Bean
    BlockedChats blockedChats(JdbcTemplate jdbc, Secrets secrets, Clock clock) {
        return new JdbcBlockedChats(jdbc, secrets, clock);
    }

    @Bean
    RetentionJob retentionJob(JdbcTemplate jdbc, Clock clock, BotSettings settings) {
        return new RetentionJob(jdbc, clock, settings.sessionRetention());
    }
}
