package org.pdnavigator.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One request the bot made to the fake Bot API, kept so tests can assert on what the bot actually sent over
 * the wire (not on what it meant to send).
 *
 * @param method the Bot API method, spelled as in Telegram's documentation when the fake knows it
 *               ({@code sendMessage}), else as it arrived in the URL
 * @param params the parameters as received: the JSON body, or form fields as strings (do not modify)
 * @param at     when the request arrived
 * @param status the HTTP status the fake answered with (200, or the error code)
 */
public record ApiCall(String method, JsonNode params, Instant at, int status) {

    /** The parameter as text, or {@code null} when absent (JSON objects and arrays come back as JSON). */
    public String param(String name) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** Whether the fake answered {@code "ok": true}. */
    public boolean ok() {
        return status == 200;
    }
}
