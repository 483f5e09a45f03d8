package org.pdnavigator.bot.telegram;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one way out to Telegram, on a clock the test moves: what it waits, what it retries and what it never does
 * twice.
 */
class TelegramGatewayTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long CHAT = 42;

    /** Time stands still unless someone sleeps: then it moves by exactly that much. */
    private final long[] now = {0};
    private final List<Long> sleeps = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();
    private final Blocked blocked = new Blocked();

    private TelegramGateway gateway(double perChat, int chatBurst, double overall, int overallBurst) {
        return new TelegramGateway(new TelegramSettings.Limits(perChat, chatBurst, overall, overallBurst, 5),
            (method, outcome, nanos) -> outcomes.add(method + " " + outcome), blocked, () -> now[0], nanos -> {
                if (nanos > 0) {
                    sleeps.add(nanos);
                    now[0] += nanos;
                }
            });
    }

    private TelegramGateway gateway() {
        return gateway(1, 5, 30, 30);
    }

    @Test
    void onA429WaitsWhatTelegramSaysThenSendsOnce() {
        AtomicInteger tries = new AtomicInteger();
        TelegramGateway.Result<String> result = gateway().call(CHAT, "sendMessage", TelegramGateway.Kind.MESSAGE, () -> {
            if (tries.incrementAndGet() == 1) {
                throw refusal(429, "Too Many Requests: retry after 3", 3);
            }
            return "sent";
        });

        assertThat(result.returned()).contains("sent");
        assertThat(tries).hasValue(2);
        assertThat(sleeps).hasSize(1);
        assertThat(sleeps.get(0)).isBetween(3 * SECOND, 3 * SECOND + SECOND / 4);
        assertThat(outcomes).containsExactly("sendMessage 429", "sendMessage ok");
    }

    @Test
    void onServerErrorsAndTimeoutsRetriesWithGrowingJitteredBackoff() {
        AtomicInteger tries = new AtomicInteger();
        TelegramGateway.Result<String> result = gateway().call(CHAT, "editMessageText", TelegramGateway.Kind.MESSAGE,
            () -> switch (tries.incrementAndGet()) {
                case 1 -> throw refusal(502, "Bad Gateway", null);
                case 2 -> throw new TelegramApiException("timeout");
                case 3 -> throw refusal(500, "Internal Server Error", null);
                default -> "edited";
            });

        assertThat(result.returned()).contains("edited");
        assertThat(tries).hasValue(4);
        assertThat(sleeps).hasSize(3);
        // Full jitter over half the ceiling: 100-200 ms, 200-400 ms, 400-800 ms.
        assertThat(sleeps.get(0)).isBetween(SECOND / 10, SECOND / 5);
        assertThat(sleeps.get(1)).isBetween(SECOND / 5, 2 * SECOND / 5);
        assertThat(sleeps.get(2)).isBetween(2 * SECOND / 5, 4 * SECOND / 5);
    }

    @Test
    void givesUpAfterTheLastAttemptAndSaysWhy() {
        AtomicInteger tries = new AtomicInteger();
        TelegramGateway.Result<String> result = gateway().call(CHAT, "sendMessage", TelegramGateway.Kind.MESSAGE, () -> {
            tries.incrementAndGet();
            throw refusal(503, "Service Unavailable", null);
        });

        assertThat(result).isEqualTo(new TelegramGateway.Result.Failed<>("503", "Service Unavailable"));
        assertThat(tries).hasValue(5);
    }

    @Test
    void neverRetriesARequestTelegramRefusedForGood() {
        AtomicInteger tries = new AtomicInteger();
        TelegramGateway.Result<String> result = gateway().call(CHAT, "sendMessage", TelegramGateway.Kind.MESSAGE, () -> {
            tries.incrementAndGet();
            throw refusal(400, "Bad Request: can't parse entities", null);
        });

        assertThat(result.succeeded()).isFalse();
        assertThat(tries).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anEditThatChangesNothingIsASuccess() {
        TelegramGateway.Result<String> result = gateway().call(CHAT, "editMessageText", TelegramGateway.Kind.MESSAGE,
            () -> {
                throw refusal(400, "Bad Request: message is not modified: specified new message content and reply "
                    + "markup are exactly the same", null);
            });

        assertThat(result).isInstanceOf(TelegramGateway.Result.Unchanged.class);
        assertThat(result.succeeded()).isTrue();
        assertThat(outcomes).containsExactly("editMessageText not_modified");
    }

    @Test
    void aPersonWhoBlockedTheBotGetsNothingMoreUntilTheyComeBack() {
        TelegramGateway gateway = gateway();
        AtomicInteger tries = new AtomicInteger();
        TelegramGateway.Call<String> send = () -> {
            if (tries.incrementAndGet() == 1) {
                throw refusal(403, "Forbidden: bot was blocked by the user", null);
            }
            return "sent";
        };

        assertThat(gateway.call(CHAT, "sendMessage", TelegramGateway.Kind.MESSAGE, send).succeeded()).isFalse();
        assertThat(blocked.chats).containsExactly(CHAT);
        assertThat(gateway.call(CHAT, "sendMessage", TelegramGateway.Kind.MESSAGE, send))
            .isEqualTo(new TelegramGateway.Result.Failed<>("blocked", "the person has blocked the bot"));
        assertThat(tries).as("nothing was sent to the blocked chat").hasValue(1);

        blocked.unblock(CHAT);
        assertThat(gateway.call(CHAT, "sendMessage", TelegramGateway.Kind.MESSAGE, send).returned()).contains("sent");
    }

    @Test
    void keepsToAboutOneMessageASecondInAChatAfterAShortBurst() {
        TelegramGateway gateway = gateway();
        for (int i = 0; i < 8; i++) {
            gateway.call(CHAT, "sendMessage", TelegramGateway.Kind.MESSAGE, () -> "sent");
        }

        // Five at once, then one a second.
        assertThat(sleeps).hasSize(3).allSatisfy(wait -> assertThat(wait).isBetween(SECOND, SECOND + 1_000));
        assertThat(now[0]).isBetween(3 * SECOND, 3 * SECOND + 3_000);
    }

    @Test
    void keepsToTheOverallRateAcrossChatsAndLeavesOtherCallsAlone() {
        TelegramGateway gateway = gateway(1, 5, 30, 30);
        for (int chat = 1; chat <= 60; chat++) {
            gateway.call(chat, "sendMessage", TelegramGateway.Kind.MESSAGE, () -> "sent");
        }
        // Thirty at once, then thirty more at thirty a second.
        assertThat(now[0]).isBetween(SECOND - SECOND / 30, SECOND + SECOND / 30);

        long before = now[0];
        for (int i = 0; i < 100; i++) {
            gateway.call(CHAT, "answerCallbackQuery", TelegramGateway.Kind.OTHER, () -> true);
        }
        assertThat(now[0]).as("answering taps is not a message").isEqualTo(before);
    }

    @Test
    void oneBusyChatDoesNotSlowAnother() {
        TelegramGateway gateway = gateway();
        for (int i = 0; i < 10; i++) {
            gateway.call(1, "sendMessage", TelegramGateway.Kind.MESSAGE, () -> "sent");
        }
        long before = now[0];
        gateway.call(2, "sendMessage", TelegramGateway.Kind.MESSAGE, () -> "sent");
        assertThat(now[0]).isEqualTo(before);
    }

    private static TelegramApiRequestException refusal(int code, String description, Integer retryAfter) {
        ApiResponse<Object> response = ApiResponse.<Object>builder().ok(false).errorCode(code).errorDescription(description)
            .parameters(retryAfter == null ? null : new ResponseParameters(null, retryAfter)).build();
        return new TelegramApiRequestException("Error executing method", response);
    }

    private static final class Blocked implements BlockedChats {
        final Set<Long> chats = new HashSet<>();

        @Override
        public boolean isBlocked(long chatId) {
            return chats.contains(chatId);
        }

        @Override
        public void block(long chatId) {
            chats.add(chatId);
        }

        @Override
        public void unblock(long chatId) {
            chats.remove(chatId);
        }
    }
}
