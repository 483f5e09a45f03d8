package org.pdnavigator.bot.ops;

import io.micrometer.core.instrument.MeterRegistry;
import org.pdnavigator.bot.store.Secrets;
import org.pdnavigator.dialogs.directory.Directory;
import org.pdnavigator.dialogs.route.Router;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.time.Clock;
import java.time.ZoneId;

/** Counting for operators: anonymous events, metrics, Telegram's health and /stats. */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

    @Bean
    ActivityLog activityLog(JdbcTemplate jdbc) {
        return new ActivityLog(jdbc);
    }

    @Bean
    ActivityRecorder activityRecorder(ActivityLog log, Secrets secrets, Directory directory, Clock clock,
                                      MeterRegistry meters) {
        // Every code of a link's form counts under its name, as the share module counts codes no operator created.
        return new ActivityRecorder(log, secrets, new Router(directory), clock, meters, code -> true);
    }

    @Bean
    TelegramCallsRecorder telegramCallsRecorder(ActivityLog log, MeterRegistry meters, Clock clock) {
        return new TelegramCallsRecorder(log, meters, clock);
    }

    /** "telegram" in /actuator/health and in the readiness group. */
    @Bean
    TelegramHealth telegramHealthIndicator(Clock clock) {
        return new TelegramHealth(clock);
    }

    @Bean
    Dashboard dashboard(JdbcTemplate jdbc, Directory directory, Clock clock) {
        return new Dashboard(jdbc, directory, clock, ZoneId.systemDefault());
    }

    @Bean
    StatsCommand statsCommand(OperatorSettings settings, Dashboard dashboard) {
        return new StatsCommand(settings.operatorChats(), dashboard);
    }

    @Bean
    OpsRetention opsRetention(ActivityLog log, Clock clock, OperatorSettings settings) {
        return new OpsRetention(log, clock, settings.eventRetention());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The operator's account from the settings, or none: never a default or generated password. A plain
     * password is hashed at once, so only its bcrypt hash stays in memory.
     */
    @Bean
    UserDetailsService operatorAccounts(OperatorSettings settings) {
        if (!settings.loginConfigured()) {
            return new InMemoryUserDetailsManager();
        }
        String hash = settings.passwordIsHash() ? settings.password()
            : new BCryptPasswordEncoder().encode(settings.password());
        return new InMemoryUserDetailsManager(User.withUsername(settings.username()).password("{bcrypt}" + hash)
            .roles("OPERATOR").build());
    }
}
