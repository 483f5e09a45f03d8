package org.pdnavigator.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches updates with {@code getUpdates}, and reads them one by one: TelegramBots reads a batch as a whole, so
 * a single update it cannot read (a new kind of field, a malformed object) would fail every poll at that offset,
 * for ever, and stop the bot. Here such an update is set aside by its id, and the others go on.
 */
@FunctionalInterface
interface UpdateSource {

    /**
     * What {@code getUpdates} returned.
     *
     * @param updates    the updates that could be read
     * @param unreadable ids of updates that could not be: nothing can be done with them but pass them over
     */
    record Batch(List<Update> updates, List<Integer> unreadable) {
    }

    Batch fetch(GetUpdates request) throws TelegramApiException;

    /** Over HTTP, as TelegramBots' client would send it, with the library's own reading of each update. */
    static UpdateSource http(OkHttpClient http, TelegramUrl url, String token) {
        ObjectMapper mapper = new ObjectMapper();
        MediaType json = MediaType.get("application/json; charset=utf-8");
        String address = url.getSchema() + "://" + url.getHost() + ":" + url.getPort() + "/bot" + token + "/"
            + GetUpdates.PATH;
        return request -> {
            String body;
            try {
                Request call = new Request.Builder().url(address)
                    .post(RequestBody.create(mapper.writeValueAsString(request), json)).build();
                try (Response response = http.newCall(call).execute(); ResponseBody content = response.body()) {
                    body = content == null ? "" : content.string();
                }
            } catch (IOException e) {
                throw new TelegramApiException("Unable to execute getUpdates", e);
            }
            try {
                return new Batch(request.deserializeResponse(body), List.of());
            } catch (TelegramApiRequestException e) {
                if (!(e.getCause() instanceof IOException)) {
                    throw e;
                }
            }
            // The batch as a whole could not be read: one update at a time.
            JsonNode result;
            try {
                result = mapper.readTree(body).path("result");
            } catch (IOException e) {
                throw new TelegramApiException("Telegram's answer to getUpdates is not JSON", e);
            }
            List<Update> updates = new ArrayList<>();
            List<Integer> unreadable = new ArrayList<>();
            for (JsonNode update : result) {
                try {
                    updates.addAll(request.deserializeResponse("{\"ok\":true,\"result\":[" + update + "]}"));
                } catch (TelegramApiRequestException e) {
                    if (update.path("update_id").canConvertToInt()) {
                        unreadable.add(update.path("update_id").asInt());
                    }
                }
            }
            return new Batch(updates, unreadable);
        };
    }
}
