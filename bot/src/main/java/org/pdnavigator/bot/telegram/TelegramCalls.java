package org.pdnavigator.bot.telegram;

/**
 * Told of every call to Telegram and how it ended: for metrics, health and the operators' dashboard.
 *
 * <p>Outcomes: {@code ok}; {@code not_modified} (an edit that changed nothing: success); an HTTP error code as text
 * ({@code 400}, {@code 403}, {@code 429}, {@code 500}...); {@code io} (the network failed or timed out).
 */
public interface TelegramCalls {

    void completed(String method, String outcome, long nanos);

    TelegramCalls NONE = (method, outcome, nanos) -> { };

    /** All of them, each told in turn. */
    static TelegramCalls all(java.util.List<TelegramCalls> listeners) {
        java.util.List<TelegramCalls> copy = java.util.List.copyOf(listeners);
        return switch (copy.size()) {
            case 0 -> NONE;
            case 1 -> copy.get(0);
            default -> (method, outcome, nanos) -> copy.forEach(l -> l.completed(method, outcome, nanos));
        };
    }
}
