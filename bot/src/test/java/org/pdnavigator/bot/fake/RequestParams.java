package org.pdnavigator.bot.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Bot API parameters from whatever encoding the client chose: TelegramBots sends JSON for most methods
 * but multipart/form-data for every method that may upload a file (sendPhoto, sendDocument, setWebhook...)
 * even when it only passes a file id; the Bot API also accepts the query string and form-urlencoded bodies.
 * Everything ends up in one JSON object; form fields stay strings, and the accessors below convert.
 */
final class RequestParams {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern PART_NAME = Pattern.compile("(?i)[; ]name=\"([^\"]*)\"");
    private static final Pattern PART_FILENAME = Pattern.compile("(?i)filename=\"([^\"]*)\"");

    private RequestParams() {
    }

    /** Merges the query string and the body into one object. */
    static ObjectNode parse(ObjectMapper mapper, String query, String contentType, byte[] body) throws BotApiError {
        ObjectNode params = mapper.createObjectNode();
        if (query != null) {
            readForm(query, params);
        }
        if (body.length == 0) {
            return params;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            readForm(new String(body, StandardCharsets.UTF_8), params);
        } else if (type.startsWith("multipart/form-data")) {
            Matcher boundary = BOUNDARY.matcher(contentType);
            if (boundary.find()) {
                readMultipart(body, boundary.group(1), params);
            }
        } else {
            readJson(mapper, body, params);
        }
        return params;
    }

    private static void readJson(ObjectMapper mapper, byte[] body, ObjectNode params) throws BotApiError {
        try {
            JsonNode json = mapper.readTree(body);
            if (json instanceof ObjectNode object) {
                params.setAll(object);
                return;
            }
        } catch (IOException e) {
            // answered below
        }
        throw BotApiError.badRequest("can't parse JSON object");
    }

    private static void readForm(String form, ObjectNode params) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    /**
     * Text parts become string fields; file parts become {@code {"file_name": ..., "size": ..., "content": <bytes>}}
     * (the bytes as a binary node, so tests can look at what was uploaded).
     */
    private static void readMultipart(byte[] body, String boundary, ObjectNode params) {
        String raw = new String(body, StandardCharsets.ISO_8859_1); // one char per byte, so offsets are bytes
        String delimiter = "--" + boundary;
        int position = raw.indexOf(delimiter);
        while (position >= 0) {
            int partStart = position + delimiter.length();
            if (raw.startsWith("--", partStart)) {
                return;
            }
            partStart = raw.indexOf("\r\n", partStart) + 2;
            int partEnd = raw.indexOf("\r\n" + delimiter, partStart);
            int headersEnd = raw.indexOf("\r\n\r\n", partStart);
            if (partStart < 2 || partEnd < 0 || headersEnd < 0 || headersEnd > partEnd) {
                return;
            }
            String headers = raw.substring(partStart, headersEnd);
            String content = raw.substring(headersEnd + 4, partEnd);
            Matcher name = PART_NAME.matcher(headers);
            if (name.find()) {
                Matcher fileName = PART_FILENAME.matcher(headers);
                if (fileName.find()) {
                    params.putObject(name.group(1)).put("file_name", fileName.group(1)).put("size", content.length())
                            .put("content", content.getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    params.put(name.group(1), new String(content.getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.UTF_8));
                }
            }
            position = partEnd + 2;
        }
    }

    /** The field as text, or {@code null} when absent. */
    static String text(JsonNode params, String field) {
        JsonNode value = params.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The field as a number (JSON number or numeric string), or {@code null} when absent or not a number. */
    static Long number(JsonNode params, String field) {
        JsonNode value = params.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        try {
            return Long.parseLong(value.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The field as JSON: objects and arrays as sent, or parsed from the string form fields carry. */
    static JsonNode json(ObjectMapper mapper, JsonNode params, String field) throws BotApiError {
        JsonNode value = params.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            return value;
        }
        try {
            return mapper.readTree(value.asText());
        } catch (JsonProcessingException e) {
            throw BotApiError.badRequest("can't parse " + field + " JSON object");
        }
    }

    /** The chat id of a request, which every chat method needs. */
    static long chatId(JsonNode params) throws BotApiError {
        if (text(params, "chat_id") == null || text(params, "chat_id").isEmpty()) {
            throw BotApiError.badRequest("chat_id is empty");
        }
        Long chatId = number(params, "chat_id");
        if (chatId == null) {
            throw BotApiError.badRequest("chat not found");
        }
        return chatId;
    }
}
