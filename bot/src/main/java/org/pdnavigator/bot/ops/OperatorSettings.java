package org.pdnavigator.bot.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Who operates the bot; application.yaml maps each to its environment variable.
 *
 * @param username       {@code OPERATOR_USERNAME}: the dashboard's login; without it (or a password) the page is off
 * @param password       {@code OPERATOR_PASSWORD}: the password, or its bcrypt hash ({@code $2a$...})
 * @param chatIds        {@code OPERATOR_CHAT_IDS}: Telegram chats (comma-separated ids) that may use {@code /stats}
 * @param eventRetention {@code OPERATOR_EVENT_RETENTION}: how long the anonymous events behind the page are kept
 */
@ConfigurationProperties(prefix = "operator")
public record OperatorSettings(String username, String password, List<Long> chatIds, Duration eventRetention) {

    public OperatorSettings {
        chatIds = chatIds == null ? List.of() : List.copyOf(chatIds);
        eventRetention = eventRetention == null ? Duration.ofDays(35) : eventRetention;
    }

    /** Whether the dashboard and the protected management endpoints are on. */
    public boolean loginConfigured() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }

    Set<Long> operatorChats() {
        return Set.copyOf(chatIds);
    }

    /** A bcrypt hash as {@code htpasswd -B} or Spring's encoder writes it. */
    boolean passwordIsHash() {
        return password != null && password.matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    }
}
