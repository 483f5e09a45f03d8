package org.pdnavigator.bot.telegram;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pdnavigator.bot.store.Secrets;
import org.pdnavigator.dialogs.Action;
import org.pdnavigator.dialogs.Event;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Button data is read strictly: only what this bot signed for this chat decodes; anything else is refused. */
@DisplayName("Button data")
class CallbackDataTest {

    private static final long CHAT = 7_301_112_233L;
    private static final long OTHER_CHAT = 7_301_445_566L;

    private final Secrets secrets = Secrets.of("a test secret that is long enough to key the hash");
    private final CallbackData buttons = new CallbackData(secrets);

    @Test
    void decodesWhatItEncodedForTheSameChat() {
        for (Action action : new Action[] {Action.of(Event.NEXT), Action.of(Event.CHOOSE, "SELF"),
            Action.pick("los-ade"), Action.page(12), Action.of(Event.LANGUAGE, "pt"), Action.of(Event.LANGUAGE, "-"),
            Action.pick("St. Mary's (old) annex")}) {
            String data = buttons.encode(CHAT, 37, action);

            assertThat(data.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(CallbackData.MAX_BYTES);
            assertThat(buttons.decode(CHAT, data)).contains(new CallbackData.Decoded(37, action));
        }
    }

    @Test
    void carriesTheLargestTurn() {
        String data = buttons.encode(CHAT, Integer.MAX_VALUE, Action.of(Event.NEXT));

        assertThat(buttons.decode(CHAT, data)).map(CallbackData.Decoded::turn).contains(Integer.MAX_VALUE);
    }

    @Test
    void refusesDataOfAnotherChat() {
        String data = buttons.encode(OTHER_CHAT, 3, Action.of(Event.CHOOSE, "SELF"));

        assertThat(buttons.decode(CHAT, data)).isEmpty();
    }

    @Test
    void refusesDataSignedWithAnotherSecret() {
        String data = new CallbackData(Secrets.of("another secret, of another deployment of the bot"))
            .encode(CHAT, 3, Action.of(Event.CHOOSE, "SELF"));

        assertThat(buttons.decode(CHAT, data)).isEmpty();
    }

    @Test
    void refusesEveryChangeToOneCharacter() {
        String data = buttons.encode(CHAT, 5, Action.of(Event.CHOOSE, "SELF"));
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-:. ";
        for (int i = 0; i < data.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c == data.charAt(i)) {
                    continue;
                }
                String changed = data.substring(0, i) + c + data.substring(i + 1);
                assertThat(buttons.decode(CHAT, changed)).as(changed).isEmpty();
            }
        }
    }

    @Test
    void refusesEveryTruncationAndEveryExtension() {
        String data = buttons.encode(CHAT, 5, Action.pick("los-ade"));
        for (int end = 0; end < data.length(); end++) {
            assertThat(buttons.decode(CHAT, data.substring(0, end))).as(data.substring(0, end)).isEmpty();
        }
        for (String tail : new String[] {"x", " ", "\n", "\u0000", ":", "‮", "é", "A".repeat(64)}) {
            assertThat(buttons.decode(CHAT, data + tail)).as("with %s", tail).isEmpty();
            assertThat(buttons.decode(CHAT, tail + data)).as("after %s", tail).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "x", ":", "::", "a:b:c", "0:c:SELF", "1:n:", "k:los-ade", "n", "SELF",
        "null", "{\"e\":\"n\"}", "AAAAAA0:n:", "AAAAAA:n:", "AAAAAA-1:n:", "AAAAAA1:N:", "AAAAAA1:nn:",
        "AAAAAA1234567:n:", "AAAAAA1:n:a/b", "AAAAAA1:n:<b>", "AAAAAA1:n:é", "AAAAAA１:n:", "AAAAAA1:n:\n",
        "ÄÄÄÄÄÄ1:n:", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE001:n:"})
    void refusesDataOfAnyOtherForm(String data) {
        assertThat(buttons.decode(CHAT, data)).isEmpty();
    }

    @Test
    void refusesNullAndOverlongData() {
        assertThat(buttons.decode(CHAT, null)).isEmpty();
        assertThat(buttons.decode(CHAT, "A".repeat(1_000_000))).isEmpty();
    }

    @Test
    void refusesACodeNoEventHasEvenWhenSignedForTheChat() {
        for (char code = 'a'; code <= 'z'; code++) {
            String body = "5:" + code + ":";
            String data = secrets.signature(CHAT, body, CallbackData.SIGNATURE) + body;
            Optional<CallbackData.Decoded> decoded = buttons.decode(CHAT, data);
            assertThat(decoded.isPresent()).as("code %s", code).isEqualTo(Event.ofCode(code).isPresent());
        }
    }

    @Test
    void refusesATurnBeyondAnyButtonOfOursEvenWhenSignedForTheChat() {
        for (String turn : new String[] {"zik0zk", "zzzzzz"}) {
            String body = turn + ":n:";
            String data = secrets.signature(CHAT, body, CallbackData.SIGNATURE) + body;

            assertThat(buttons.decode(CHAT, data)).as(turn).isEmpty();
        }
    }

    @Test
    void neverEncodesWhatItWouldRefuseToRead() {
        assertThatThrownBy(() -> buttons.encode(CHAT, 1, Action.pick("x".repeat(60))))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buttons.encode(CHAT, 1, Action.pick("a/b")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buttons.encode(CHAT, -1, Action.of(Event.NEXT)))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
