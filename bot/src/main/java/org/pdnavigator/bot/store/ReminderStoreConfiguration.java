package org.pdnavigator.bot.store;

import org.pdnavigator.bot.ReminderSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** Where reminders are kept: the same database as the chats. */
@Configuration(proxyBeanMethods = false)
class ReminderStoreConfiguration {

    @Bean
    JdbcReminders reminders(JdbcTemplate jdbc, TransactionTemplate transactions, Secrets secrets, Clock clock,
                            ReminderSettings settings) {
        return new JdbcReminders(jdbc, transactions, secrets, clock, settings);
    }
}
