package org.pdnavigator.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Updates delivered by Telegram's webhook. A delivery without the right secret token gets 401 and changes
 * nothing (compared in constant time). A delivery is acknowledged with 200 only once the update is handled and
 * the chat's state kept; otherwise Telegram delivers it again, and the repeated update id is recognised.
 */
final class WebhookEndpoint {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);
    /** Telegram waits about a minute for an answer; ours comes well before. */
    private static final long HANDLING_LIMIT_SECONDS = 25;

    private final byte[] secret;
    private final UpdateDispatcher dispatcher;
    private final ObjectMapper json = new ObjectMapper();

    WebhookEndpoint(String secret, UpdateDispatcher dispatcher) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.dispatcher = dispatcher;
    }

    ServerResponse receive(ServerRequest request) {
        String given = request.headers().firstHeader(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
        }
        Update update;
        try {
            update = json.readValue(request.servletRequest().getInputStream(), Update.class);
        } catch (Exception e) {
            // Not an update: nothing Telegram should deliver again.
            log.warn("A webhook delivery was not an update: {}", e.getClass().getSimpleName());
            return ServerResponse.badRequest().build();
        }
        try {
            dispatcher.dispatch(update).get(HANDLING_LIMIT_SECONDS, TimeUnit.SECONDS);
            return ServerResponse.ok().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("An update was not handled in time ({}); Telegram will deliver it again",
                e.getClass().getSimpleName());
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
    }
}
