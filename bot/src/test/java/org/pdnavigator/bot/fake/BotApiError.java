package org.pdnavigator.bot.fake;

/**
 * An error answer of the Bot API ({@code "ok": false}), raised by the fake's method handlers so that the HTTP
 * layer answers with Telegram's status code, description and, for 429, {@code parameters.retry_after}.
 */
final class BotApiError extends Exception {

    private final int status;
    private final Integer retryAfter;

    BotApiError(int status, String description, Integer retryAfter) {
        super(description, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** A 400 whose description is Telegram's "Bad Request: " followed by {@code detail}. */
    static BotApiError badRequest(String detail) {
        return new BotApiError(400, "Bad Request: " + detail, null);
    }

    int status() {
        return status;
    }

    String description() {
        return getMessage();
    }

    Integer retryAfter() {
        return retryAfter;
    }
}
