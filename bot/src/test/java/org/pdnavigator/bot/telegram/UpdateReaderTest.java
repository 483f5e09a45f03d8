package org.pdnavigator.bot.telegram;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pdnavigator.bot.store.Secrets;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import static org.assertj.core.api.Assertions.assertThat;

/** Updates missing what Telegram always sends are passed over in silence, or the tap answered, never thrown at. */
class UpdateReaderTest {

    private final UpdateReader reader = new UpdateReader(new CallbackData(Secrets.of("a secret for the reader test")));

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"update_id\":1,\"message\":{}}",
        "{\"update_id\":1,\"message\":{\"message_id\":5,\"text\":\"/start\"}}",
        "{\"update_id\":1,\"my_chat_member\":{\"new_chat_member\":{\"status\":\"kicked\"}}}",
        "{\"update_id\":1,\"callback_query\":{\"data\":\"x\"}}",
        "{\"update_id\":1}",
    })
    void passesOverWhatHasNowhereToBeAnswered(String json) throws TelegramApiRequestException {
        assertThat(reader.read(update(json))).isInstanceOf(UpdateReader.Silent.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"update_id\":1,\"callback_query\":{\"id\":\"7\",\"data\":\"x\"}}",
        "{\"update_id\":1,\"callback_query\":{\"id\":\"7\",\"data\":\"x\",\"message\":{\"message_id\":3,\"date\":1}}}",
    })
    void answersATapWithNoChatToShowAnythingIn(String json) throws TelegramApiRequestException {
        assertThat(reader.read(update(json))).isEqualTo(new UpdateReader.InlineButton(1, "7"));
    }

    private static Update update(String json) throws TelegramApiRequestException {
        return new GetUpdates().deserializeResponse("{\"ok\":true,\"result\":[" + json + "]}").get(0);
    }
}
