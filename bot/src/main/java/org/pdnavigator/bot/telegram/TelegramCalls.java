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
}
