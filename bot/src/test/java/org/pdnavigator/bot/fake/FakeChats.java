package org.pdnavigator.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.pdnavigator.bot.fake.RequestParams.chatId;
import static org.pdnavigator.bot.fake.RequestParams.number;
import static org.pdnavigator.bot.fake.RequestParams.text;

/**
 * The chats as their users see them: every bot message with its current text and keyboard, with edits applied
 * in place and deletions removing messages, plus the callback queries users sent and how the bot answered them.
 * Implements the Bot API's message methods with Telegram's checks and error texts. Thread-safe.
 */
final class FakeChats {

    private static final int TEXT_LIMIT = 4096;
    private static final int CAPTION_LIMIT = 1024;
    private static final int CALLBACK_DATA_LIMIT = 64;
    private static final int CALLBACK_ANSWER_LIMIT = 200;
    private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply"
            + " markup are exactly the same as a current content and reply markup of the message";
    private static final Set<String> BUTTON_ACTIONS = Set.of("url", "callback_data", "login_url", "web_app",
            "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat",
            "callback_game", "pay", "copy_text");
    private static final Set<String> PARSE_MODES = Set.of("html", "markdown", "markdownv2");
    private static final Set<String> CHAT_ACTIONS = Set.of("typing", "upload_photo", "record_video", "upload_video",
            "record_voice", "upload_voice", "upload_document", "choose_sticker", "find_location",
            "record_video_note", "upload_video_note");

    private final ObjectMapper mapper;
    private final User bot;
    private final Map<Long, ChatLog> chats = new HashMap<>();
    private final Map<String, CallbackRecord> callbacks = new LinkedHashMap<>();
    private final Map<String, InlineQueryRecord> inlineQueries = new LinkedHashMap<>();
    private long uploadedFiles;
    /** Files uploaded so far, by the file id the fake gave them. */
    private final Map<String, byte[]> files = new HashMap<>();

    FakeChats(ObjectMapper mapper, User bot) {
        this.mapper = mapper;
        this.bot = bot;
    }

    /** Takes the next message id of a chat; users' and the bot's messages share one sequence, as in Telegram. */
    synchronized int nextMessageId(long chatId) {
        return ++chat(chatId).lastMessageId;
    }

    JsonNode sendMessage(JsonNode params) throws BotApiError {
        long chatId = chatId(params);
        String text = text(params, "text");
        String parseMode = parseMode(params);
        checkText(text, parseMode);
        JsonNode keyboard = inlineKeyboard(params);
        synchronized (this) {
            return toJson(chatId, store(chatId, Kind.TEXT, text, parseMode, keyboard, null));
        }
    }

    /** sendPhoto and sendDocument; the file goes in the field named after the kind ("photo", "document"). */
    JsonNode sendMedia(JsonNode params, Kind kind) throws BotApiError {
        String field = kind.name().toLowerCase(Locale.ROOT);
        long chatId = chatId(params);
        String caption = text(params, "caption");
        String parseMode = parseMode(params);
        if (caption != null) {
            checkCaption(caption, parseMode);
        }
        JsonNode fileField = params.get(field);
        byte[] upload = null;
        String file = fileField != null && fileField.isObject() ? null : text(params, field);
        if (fileField != null && fileField.isObject()) {
            upload = uploaded(fileField); // the file itself in the field's part
        } else if (file != null && file.startsWith("attach://")) {
            // As TelegramBots uploads: the field names another part of the multipart body, which holds the file.
            JsonNode part = params.get(file.substring("attach://".length()));
            if (part == null || !part.isObject()) {
                throw BotApiError.badRequest("wrong file identifier/HTTP URL specified");
            }
            upload = uploaded(part);
        }
        if (upload == null && (file == null || file.isEmpty())) {
            throw BotApiError.badRequest("there is no " + field + " in the request");
        }
        int[] size = kind == Kind.PHOTO && upload != null ? photoSize(upload) : new int[] {1280, 720};
        JsonNode keyboard = inlineKeyboard(params);
        synchronized (this) {
            if (upload == null && files.containsKey(file)) {
                // A file id this fake gave out: the same file again, as Telegram resends it without an upload.
                upload = files.get(file);
                size = kind == Kind.PHOTO ? photoSize(upload) : size;
            }
            boolean uploadedNow = upload != null && !files.containsKey(file);
            String fileId = uploadedNow ? "fake-" + field + "-" + (++uploadedFiles) : file;
            if (upload != null) {
                files.putIfAbsent(fileId, upload);
            }
            StoredMessage message = store(chatId, kind, caption == null ? "" : caption, parseMode, keyboard, fileId);
            message.content = upload;
            message.width = size[0];
            message.height = size[1];
            return toJson(chatId, message);
        }
    }

    private static byte[] uploaded(JsonNode part) throws BotApiError {
        try {
            byte[] content = part.path("content").binaryValue();
            if (content == null || content.length == 0) {
                throw BotApiError.badRequest("file must be non-empty");
            }
            return content;
        } catch (java.io.IOException e) {
            throw BotApiError.badRequest("file must be non-empty");
        }
    }

    /** What Telegram checks of an uploaded photo: an image, at most 10 MB, sides adding up to 10000, ratio 20. */
    private static int[] photoSize(byte[] upload) throws BotApiError {
        if (upload.length > 10 * 1024 * 1024) {
            throw BotApiError.badRequest("PHOTO_SAVE_FILE_INVALID");
        }
        java.awt.image.BufferedImage image;
        try {
            image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(upload));
        } catch (java.io.IOException e) {
            image = null;
        }
        if (image == null) {
            throw BotApiError.badRequest("IMAGE_PROCESS_FAILED");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        if (width + height > 10_000 || Math.max(width, height) > 20 * Math.min(width, height)) {
            throw BotApiError.badRequest("PHOTO_INVALID_DIMENSIONS");
        }
        return new int[] {width, height};
    }

    /** The file the bot uploaded with a message (a photo or document), if it uploaded one. */
    synchronized java.util.Optional<byte[]> uploadedFile(long chatId, long messageId) {
        ChatLog chat = chats.get(chatId);
        if (chat == null) {
            return java.util.Optional.empty();
        }
        return chat.messages.stream().filter(m -> m.id == messageId && m.content != null).findFirst()
                .map(m -> m.content.clone());
    }

    JsonNode editMessageText(JsonNode params) throws BotApiError {
        if (text(params, "inline_message_id") != null) {
            return BooleanNode.TRUE;
        }
        long chatId = chatId(params);
        long messageId = messageId(params);
        String text = text(params, "text");
        String parseMode = parseMode(params);
        checkText(text, parseMode);
        JsonNode keyboard = inlineKeyboard(params);
        synchronized (this) {
            StoredMessage message = find(chatId, messageId, "message to edit not found");
            if (message.kind != Kind.TEXT) {
                throw BotApiError.badRequest("there is no text in the message to edit");
            }
            if (message.text.equals(text) && Objects.equals(message.parseMode, parseMode)
                    && Objects.equals(message.keyboard, keyboard)) {
                throw BotApiError.badRequest(NOT_MODIFIED);
            }
            message.text = text;
            message.parseMode = parseMode;
            message.keyboard = keyboard;
            message.editDate = now();
            return toJson(chatId, message);
        }
    }

    JsonNode editMessageReplyMarkup(JsonNode params) throws BotApiError {
        if (text(params, "inline_message_id") != null) {
            return BooleanNode.TRUE;
        }
        long chatId = chatId(params);
        long messageId = messageId(params);
        JsonNode keyboard = inlineKeyboard(params);
        synchronized (this) {
            StoredMessage message = find(chatId, messageId, "message to edit not found");
            if (Objects.equals(message.keyboard, keyboard)) {
                throw BotApiError.badRequest(NOT_MODIFIED);
            }
            message.keyboard = keyboard;
            message.editDate = now();
            return toJson(chatId, message);
        }
    }

    JsonNode deleteMessage(JsonNode params) throws BotApiError {
        long chatId = chatId(params);
        long messageId = messageId(params);
        synchronized (this) {
            StoredMessage message = find(chatId, messageId, "message to delete not found");
            chat(chatId).messages.remove(message);
            return BooleanNode.TRUE;
        }
    }

    /** Deletes those of the messages that exist and ignores the others, as Telegram does. */
    JsonNode deleteMessages(JsonNode params) throws BotApiError {
        long chatId = chatId(params);
        JsonNode ids = RequestParams.json(mapper, params, "message_ids");
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > 100) {
            throw BotApiError.badRequest("message identifiers are not specified");
        }
        synchronized (this) {
            List<StoredMessage> messages = chat(chatId).messages;
            ids.forEach(id -> messages.removeIf(message -> message.id == id.asLong()));
            return BooleanNode.TRUE;
        }
    }

    JsonNode sendChatAction(JsonNode params) throws BotApiError {
        chatId(params);
        if (!CHAT_ACTIONS.contains(String.valueOf(text(params, "action")))) {
            throw BotApiError.badRequest("wrong parameter action in request");
        }
        return BooleanNode.TRUE;
    }

    /** Remembers a callback query a user sent, so its answer can be checked. */
    synchronized void callbackSent(String callbackQueryId, long userId) {
        callbacks.put(callbackQueryId, new CallbackRecord(userId));
    }

    /** The chat a callback query came from (the user's private chat), or {@code null} if unknown. */
    synchronized Long chatOfCallback(String callbackQueryId) {
        CallbackRecord callback = callbacks.get(callbackQueryId);
        return callback == null ? null : callback.userId;
    }

    JsonNode answerCallbackQuery(JsonNode params) throws BotApiError {
        String text = text(params, "text");
        if (text != null && text.length() > CALLBACK_ANSWER_LIMIT) {
            throw BotApiError.badRequest("MESSAGE_TOO_LONG");
        }
        synchronized (this) {
            CallbackRecord callback = callbacks.get(String.valueOf(text(params, "callback_query_id")));
            if (callback == null || callback.answered) {
                throw BotApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
            }
            callback.answered = true;
            callback.answerText = text;
            return BooleanNode.TRUE;
        }
    }

    /** Remembers an inline query a user sent, so its answer can be checked and its sender counts as answered. */
    synchronized void inlineQuerySent(String inlineQueryId, long userId) {
        inlineQueries.put(inlineQueryId, new InlineQueryRecord(userId));
    }

    /** The sender of an inline query, or {@code null} if unknown. */
    synchronized Long userOfInlineQuery(String inlineQueryId) {
        InlineQueryRecord query = inlineQueries.get(inlineQueryId);
        return query == null ? null : query.userId;
    }

    /** answerInlineQuery, with Telegram's checks: a known query, answered once, results an array of at most 50. */
    JsonNode answerInlineQuery(JsonNode params) throws BotApiError {
        JsonNode results = RequestParams.json(mapper, params, "results");
        if (results == null || !results.isArray() || results.size() > 50) {
            throw BotApiError.badRequest("RESULTS_TOO_MUCH");
        }
        JsonNode button = RequestParams.json(mapper, params, "button");
        synchronized (this) {
            InlineQueryRecord query = inlineQueries.get(String.valueOf(text(params, "inline_query_id")));
            if (query == null || query.answer != null) {
                throw BotApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
            }
            query.answer = button == null ? mapper.createObjectNode() : button;
            return BooleanNode.TRUE;
        }
    }

    /** The button of the bot's answer to each of the user's inline queries (empty object: no button), in order. */
    synchronized List<JsonNode> inlineAnswers(long userId) {
        return inlineQueries.values().stream().filter(query -> query.userId == userId && query.answer != null)
                .map(query -> query.answer).toList();
    }

    /** Answer texts (empty for an answer without text) of the user's callback queries, in the order sent. */
    synchronized List<String> callbackAnswers(long userId) {
        return callbacks.values().stream()
                .filter(callback -> callback.userId == userId && callback.answered)
                .map(callback -> callback.answerText == null ? "" : callback.answerText)
                .toList();
    }

    synchronized boolean allCallbacksAnswered(long userId) {
        return callbacks.values().stream().filter(callback -> callback.userId == userId)
                .allMatch(callback -> callback.answered);
    }

    /** The chat as its user sees it now, oldest message first. */
    synchronized List<BotMessage> messages(long chatId) {
        ChatLog chat = chats.get(chatId);
        return chat == null ? List.of() : chat.messages.stream().map(this::snapshot).toList();
    }

    /** The bot message as Telegram would embed it in an update, or {@code null} if it is not in the chat. */
    synchronized JsonNode messageJson(long chatId, long messageId) {
        ChatLog chat = chats.get(chatId);
        if (chat == null) {
            return null;
        }
        return chat.messages.stream().filter(message -> message.id == messageId).findFirst()
                .map(message -> toJson(chatId, message)).orElse(null);
    }

    private static String parseMode(JsonNode params) throws BotApiError {
        String parseMode = text(params, "parse_mode");
        if (parseMode == null || parseMode.isEmpty()) {
            return null;
        }
        if (!PARSE_MODES.contains(parseMode.toLowerCase(Locale.ROOT))) {
            throw BotApiError.badRequest("unsupported parse_mode");
        }
        return parseMode;
    }

    private static void checkText(String text, String parseMode) throws BotApiError {
        String plain = text == null ? "" : displayed(text, parseMode);
        if (plain.isEmpty()) {
            throw BotApiError.badRequest("message text is empty");
        }
        if (plain.length() > TEXT_LIMIT) {
            throw BotApiError.badRequest("message is too long");
        }
    }

    private static void checkCaption(String caption, String parseMode) throws BotApiError {
        if (displayed(caption, parseMode).length() > CAPTION_LIMIT) {
            throw BotApiError.badRequest("message caption is too long");
        }
    }

    /** What Telegram shows (and measures): markup parsed, surrounding white space trimmed. */
    private static String displayed(String text, String parseMode) throws BotApiError {
        if (!"HTML".equalsIgnoreCase(parseMode)) {
            return text.strip();
        }
        try {
            return TelegramHtml.toPlainText(text).strip();
        } catch (TelegramHtml.HtmlException e) {
            throw BotApiError.badRequest("can't parse entities: " + e.getMessage());
        }
    }

    /** The inline keyboard of a request, checked like Telegram does; {@code null} when there is none. */
    private JsonNode inlineKeyboard(JsonNode params) throws BotApiError {
        JsonNode markup = RequestParams.json(mapper, params, "reply_markup");
        if (markup == null || !markup.has("inline_keyboard")) {
            return null; // reply keyboards and keyboard removal do not belong to the message
        }
        JsonNode rows = markup.get("inline_keyboard");
        if (!rows.isArray()) {
            throw BotApiError.badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
        }
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                throw BotApiError.badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array"
                        + " of Arrays");
            }
            for (JsonNode button : row) {
                checkButton(button);
            }
        }
        return rows.isEmpty() ? null : markup;
    }

    private static void checkButton(JsonNode button) throws BotApiError {
        JsonNode data = button.get("callback_data");
        if (data != null) {
            int bytes = data.asText().getBytes(StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > CALLBACK_DATA_LIMIT) {
                throw BotApiError.badRequest("BUTTON_DATA_INVALID");
            }
        } else if (BUTTON_ACTIONS.stream().noneMatch(button::has)) {
            throw BotApiError.badRequest(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }
    }

    private static long messageId(JsonNode params) throws BotApiError {
        Long messageId = number(params, "message_id");
        if (messageId == null) {
            throw BotApiError.badRequest("message identifier is not specified");
        }
        return messageId;
    }

    private ChatLog chat(long chatId) {
        return chats.computeIfAbsent(chatId, id -> new ChatLog());
    }

    private StoredMessage store(long chatId, Kind kind, String text, String parseMode, JsonNode keyboard,
                                String fileId) {
        StoredMessage message = new StoredMessage(nextMessageId(chatId), kind, now(), fileId);
        message.text = text;
        message.parseMode = parseMode;
        message.keyboard = keyboard;
        chat(chatId).messages.add(message);
        return message;
    }

    private StoredMessage find(long chatId, long messageId, String notFound) throws BotApiError {
        ChatLog chat = chats.get(chatId);
        if (chat != null) {
            for (StoredMessage message : chat.messages) {
                if (message.id == messageId) {
                    return message;
                }
            }
        }
        throw BotApiError.badRequest(notFound);
    }

    private JsonNode toJson(long chatId, StoredMessage stored) {
        String shown = ("HTML".equalsIgnoreCase(stored.parseMode)
                ? TelegramHtml.toPlainTextLeniently(stored.text) : stored.text).strip();
        var message = Message.builder()
                .messageId(stored.id)
                .from(bot)
                .chat(Chat.builder().id(chatId).type("private").firstName(FakeUser.FIRST_NAME).build())
                .date(stored.date)
                .editDate(stored.editDate);
        switch (stored.kind) {
            case TEXT -> message.text(shown);
            case PHOTO -> message.caption(shown.isEmpty() ? null : shown).photo(List.of(
                    PhotoSize.builder().fileId(stored.fileId).fileUniqueId("u-" + stored.fileId)
                            .width(stored.width).height(stored.height)
                            .fileSize(stored.content == null ? 120_000 : stored.content.length).build()));
            case DOCUMENT -> message.caption(shown.isEmpty() ? null : shown).document(
                    Document.builder().fileId(stored.fileId).fileUniqueId("u-" + stored.fileId)
                            .fileName("document").mimeType("application/octet-stream").fileSize(2048L).build());
        }
        ObjectNode json = mapper.valueToTree(message.build());
        if (stored.keyboard != null) {
            json.set("reply_markup", stored.keyboard);
        }
        return json;
    }

    private BotMessage snapshot(StoredMessage message) {
        List<List<Button>> rows = new ArrayList<>();
        if (message.keyboard != null) {
            for (JsonNode row : message.keyboard.get("inline_keyboard")) {
                List<Button> buttons = new ArrayList<>();
                row.forEach(button -> buttons.add(new Button(text(button, "text"), text(button, "callback_data"),
                        text(button, "url"))));
                rows.add(buttons);
            }
        }
        return new BotMessage(message.id, message.text, message.parseMode, rows);
    }

    private static int now() {
        return (int) Instant.now().getEpochSecond();
    }

    /** What a bot message carries besides text. */
    enum Kind { TEXT, PHOTO, DOCUMENT }

    private static final class ChatLog {
        private int lastMessageId;
        private final List<StoredMessage> messages = new ArrayList<>();
    }

    private static final class StoredMessage {
        private final int id;
        private final Kind kind;
        private final int date;
        private final String fileId;
        private byte[] content;
        private int width = 1280;
        private int height = 720;
        private String text;
        private String parseMode;
        private JsonNode keyboard;
        private Integer editDate;

        private StoredMessage(int id, Kind kind, int date, String fileId) {
            this.id = id;
            this.kind = kind;
            this.date = date;
            this.fileId = fileId;
        }
    }

    private static final class InlineQueryRecord {
        private final long userId;
        private JsonNode answer;

        private InlineQueryRecord(long userId) {
            this.userId = userId;
        }
    }

    private static final class CallbackRecord {
        private final long userId;
        private boolean answered;
        private String answerText;

        private CallbackRecord(long userId) {
            this.userId = userId;
        }
    }
}
