package org.pdnavigator.bot.fake;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.DefaultLongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the fake against the real TelegramBots 10.2.0 client and long polling: if these pass, end-to-end
 * tests of the bot can trust what the fake shows.
 */
class FakeBotApiTest {

    private FakeBotApi api;
    private OkHttpClient http;
    private TelegramClient client;
    private final List<TelegramBotsLongPollingApplication> applications = new ArrayList<>();
    private final List<BotSession> sessions = new ArrayList<>();
    private final List<Exception> botErrors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        api = FakeBotApi.start();
        http = new OkHttpClient();
        client = new OkHttpTelegramClient(http, api.token(), api.telegramUrl());
    }

    @AfterEach
    void stop() throws Exception {
        for (TelegramBotsLongPollingApplication application : applications) {
            application.close();
        }
        api.close(); // answers the open long polls, so the pollers finish at once
        for (BotSession session : sessions) {
            awaitTermination(session.getExecutor());
        }
        // OkHttpTelegramClient runs calls on OkHttp's dispatcher, whose non-daemon threads idle for 60 s.
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        assertEquals(List.of(), botErrors, "the bot's calls failed");
    }

    @Test
    void userTalksToTheBotAndTapsAButton() throws Exception {
        startBot(echoBot());
        FakeUser user = api.user(1001, "en");

        user.send("/start");
        user.await();

        assertEquals("Hello, Test! Pick one:", user.visibleText());
        assertEquals(List.of(List.of("A", "B")), user.keyboard());
        assertEquals(2, user.lastMessage().messageId(), "the user's /start was message 1 of the chat");
        assertEquals(ParseMode.HTML, user.lastMessage().parseMode(), "TelegramBots spells it \"html\"");

        user.tap("B");
        user.await();

        assertEquals("You picked B", user.visibleText());
        assertEquals(List.of(), user.buttons(), "an edit without reply_markup removes the keyboard");
        assertEquals(List.of("Picked B"), user.callbackAnswers());
        assertTrue(user.allCallbacksAnswered());
        assertEquals(0, api.pendingUpdates());
        assertEquals(1, api.calls("deletewebhook").size(), "the long polling deletes the webhook on start");
        assertEquals("1001", api.calls("sendMessage").get(0).param("chat_id"));
    }

    @Test
    void unescapedHtmlIsRefusedAsTelegramRefusesIt() throws Exception {
        FakeUser user = api.user(1002, null);

        assertEquals("Bad Request: can't parse entities: Unsupported start tag \"\" at byte offset 2",
                refusal(html(1002, "1 < 2")));
        assertEquals("Bad Request: can't parse entities: Unmatched end tag at byte offset 7,"
                + " expected \"</i>\", found \"</b>\"", refusal(html(1002, "<b><i>x</b></i>")));
        assertTrue(refusal(html(1002, "Tom & Jerry")).startsWith("Bad Request: can't parse entities: "));

        client.execute(html(1002, "1 &lt; 2 &amp; <b>bold</b>"));
        assertEquals("1 < 2 & bold", user.visibleText());
        assertEquals(List.of(400, 400, 400, 200), api.calls("sendMessage").stream().map(ApiCall::status).toList());
    }

    @Test
    void refusesWhatTelegramRefuses() throws Exception {
        assertEquals("Bad Request: message text is empty", refusal(html(7, "<b> </b>")));
        assertEquals("Bad Request: message is too long", refusal(html(7, "x".repeat(4097))));
        client.execute(html(7, "<b>" + "x".repeat(4096) + "</b>"));
        assertEquals("Bad Request: BUTTON_DATA_INVALID", refusal(SendMessage.builder().chatId(7L).text("hi")
                .replyMarkup(keyboard(button("too long", "x".repeat(65)))).build()));
        assertEquals("Bad Request: message to edit not found", refusal(EditMessageText.builder()
                .chatId(7L).messageId(99).text("x").build()));
        Message sent = client.execute(SendMessage.builder().chatId(7L).text("same").build());
        assertEquals("Bad Request: message is not modified: specified new message content and reply markup are"
                + " exactly the same as a current content and reply markup of the message",
                refusal(EditMessageText.builder().chatId(7L).messageId(sent.getMessageId()).text("same").build()));

        client.execute(DeleteMessage.builder().chatId(7L).messageId(sent.getMessageId()).build());
        assertEquals("Bad Request: message to delete not found",
                refusal(DeleteMessage.builder().chatId(7L).messageId(sent.getMessageId()).build()));
        assertEquals(1, api.messages(7).size());
    }

    @Test
    void injectedTooManyRequestsCarriesRetryAfter() throws Exception {
        api.failNext("sendMessage", 429, null, 7);

        TelegramApiRequestException refused = assertThrows(TelegramApiRequestException.class,
                () -> client.execute(html(1004, "hello")));

        assertEquals(429, refused.getErrorCode());
        assertEquals("Too Many Requests: retry after 7", refused.getApiResponse());
        assertEquals(7, refused.getParameters().getRetryAfter());
        client.execute(html(1004, "hello"));
        assertEquals("hello", api.user(1004, null).visibleText());
    }

    @Test
    void confirmedUpdatesAreNotDeliveredToALaterPoller() throws Exception {
        BotSession first = startBot(echoBot());
        FakeUser user = api.user(1005, "es");
        user.send("/start");
        user.await();
        applications.get(0).close();
        awaitTermination(first.getExecutor());

        List<Update> seen = new CopyOnWriteArrayList<>();
        startBot(seen::addAll);
        api.setReplyWindow(Duration.ZERO); // this bot never answers: waiting for answers would only cost time
        user.send("again");
        user.await();

        assertEquals(List.of("again"), seen.stream().map(update -> update.getMessage().getText()).toList());
        assertEquals(0, api.pendingUpdates());
    }

    @Test
    void everyKindOfUserMessageReachesTheBot() throws Exception {
        List<Update> seen = new CopyOnWriteArrayList<>();
        startBot(seen::addAll);
        api.setReplyWindow(Duration.ZERO); // this bot never answers
        FakeUser user = api.user(1006, "pt-br");

        user.send("/start@pd_navigator_test_bot payload");
        user.sendSticker();
        user.sendPhoto();
        user.sendVoice();
        user.sendLocation();
        user.sendContact();
        user.sendDocument();
        user.tapData(42, "forged");
        user.await();

        assertEquals(8, seen.size());
        Message command = seen.get(0).getMessage();
        command.getEntities(); // TelegramBots computes entity texts only in getEntities(); isCommand() needs them
        assertEquals("/start@pd_navigator_test_bot", command.getCommand());
        assertEquals("pt-br", command.getFrom().getLanguageCode());
        assertTrue(seen.get(1).getMessage().hasSticker());
        assertTrue(seen.get(2).getMessage().hasPhoto());
        assertTrue(seen.get(3).getMessage().hasVoice());
        assertTrue(seen.get(4).getMessage().hasLocation());
        assertTrue(seen.get(5).getMessage().hasContact());
        assertTrue(seen.get(6).getMessage().hasDocument());
        CallbackQuery forged = seen.get(7).getCallbackQuery();
        assertEquals("forged", forged.getData());
        assertEquals(42, forged.getMessage().getMessageId());
        assertFalse(user.allCallbacksAnswered());
    }

    @Test
    void multipartUploadsAndPlainHttpAreUnderstood() throws Exception {
        client.execute(SendPhoto.builder().chatId(1007L).photo(new InputFile("AgACAgIAAxkBAAIB")).caption("<i>map</i>")
                .parseMode(ParseMode.HTML).replyMarkup(keyboard(button("Next", "next"))).build());
        FakeUser user = api.user(1007, null);
        assertEquals("map", user.visibleText());
        assertEquals(List.of("Next"), user.buttons());
        assertEquals("AgACAgIAAxkBAAIB", api.calls("sendPhoto").get(0).param("photo"));

        HttpClient plain = HttpClient.newHttpClient();
        String form = post(plain, "SENDMESSAGE", "application/x-www-form-urlencoded", "chat_id=1007&text=a%26b");
        assertTrue(form.startsWith("{\"ok\":true"), form);
        assertEquals("map\n\na&b", user.visibleText());
        assertEquals("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}", plain.send(
                HttpRequest.newBuilder(URI.create(api.baseUri() + "bot1:WRONG/getMe")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void getUpdatesIsRealLongPolling() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        api.setReplyWindow(Duration.ZERO); // the test polls itself and never answers
        FakeUser user = api.user(1008, null);
        user.send("one");
        user.send("two");
        user.send("three");

        assertEquals(2, updateIds(post(plain, "getUpdates", "application/json", "{\"limit\":2}")).size());
        assertEquals(List.of(10_001, 10_002),
                updateIds(post(plain, "getUpdates", "application/json", "{\"offset\":10001}")));
        assertEquals(2, api.pendingUpdates(), "update 10000 was confirmed by offset 10001");
        assertFalse(api.awaitIdle(Duration.ofMillis(200)), "updates 10001 and 10002 are not confirmed yet");

        CompletableFuture<String> waiting = postAsync(plain, "getUpdates", "{\"offset\":10003,\"timeout\":30}");
        assertTrue(api.awaitIdle(Duration.ofSeconds(5)), "the open poll confirms 10001 and 10002");
        CompletableFuture<String> newer = postAsync(plain, "getUpdates", "{\"offset\":10003,\"timeout\":30}");
        assertTrue(waiting.get(5, TimeUnit.SECONDS).contains("terminated by other getUpdates request"));
        user.send("four");
        assertEquals(List.of(10_003), updateIds(newer.get(5, TimeUnit.SECONDS)));
    }

    // --------------------------------------------------------------------------------------------- helpers

    private BotSession startBot(LongPollingUpdateConsumer consumer) throws TelegramApiException {
        TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication();
        applications.add(application);
        BotSession session = application.registerBot(api.token(), api::telegramUrl,
                offset -> GetUpdates.builder().offset(offset + 1).timeout(1).limit(100).build(), consumer);
        sessions.add(session);
        return session;
    }

    /** A tiny bot: greets /start and echoes texts with two buttons; a tap is answered and edits the message. */
    private LongPollingUpdateConsumer echoBot() {
        return new DefaultLongPollingUpdateConsumer() {
            @Override
            public void consume(Update update) {
                try {
                    if (update.hasMessage() && update.getMessage().hasText()) {
                        reply(update.getMessage());
                    } else if (update.hasCallbackQuery()) {
                        choose(update.getCallbackQuery());
                    }
                } catch (TelegramApiException e) {
                    botErrors.add(e);
                }
            }
        };
    }

    private void reply(Message message) throws TelegramApiException {
        message.getEntities(); // see everyKindOfUserMessageReachesTheBot
        String text = "/start".equals(message.getCommand())
                ? "Hello, <b>" + TelegramHtml.escape(message.getFrom().getFirstName()) + "</b>! Pick one:"
                : "You said: " + TelegramHtml.escape(message.getText());
        client.execute(SendMessage.builder().chatId(message.getChatId()).text(text).parseMode(ParseMode.HTML)
                .replyMarkup(keyboard(button("A", "pick:a"), button("B", "pick:b"))).build());
    }

    private void choose(CallbackQuery query) throws TelegramApiException {
        String choice = query.getData().substring("pick:".length()).toUpperCase(Locale.ROOT);
        client.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text("Picked " + choice).build());
        client.execute(EditMessageText.builder().chatId(query.getMessage().getChatId())
                .messageId(query.getMessage().getMessageId()).text("You picked <b>" + choice + "</b>")
                .parseMode(ParseMode.HTML).build());
    }

    private static SendMessage html(long chatId, String text) {
        return SendMessage.builder().chatId(chatId).text(text).parseMode(ParseMode.HTML).build();
    }

    private static InlineKeyboardButton button(String text, String data) {
        return InlineKeyboardButton.builder().text(text).callbackData(data).build();
    }

    private static InlineKeyboardMarkup keyboard(InlineKeyboardButton... buttons) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(buttons)).build();
    }

    /** The description of the error the fake answered {@code method} with. */
    private <T extends Serializable> String refusal(BotApiMethod<T> method) {
        return assertThrows(TelegramApiRequestException.class, () -> client.execute(method)).getApiResponse();
    }

    private String post(HttpClient plain, String method, String contentType, String body) throws Exception {
        return plain.send(request(method, contentType, body), HttpResponse.BodyHandlers.ofString()).body();
    }

    private CompletableFuture<String> postAsync(HttpClient plain, String method, String json) {
        return plain.sendAsync(request(method, "application/json", json), HttpResponse.BodyHandlers.ofString())
                .thenApply(HttpResponse::body);
    }

    private HttpRequest request(String method, String contentType, String body) {
        URI uri = URI.create(api.baseUri() + "bot" + api.token() + "/" + method);
        return HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private List<Integer> updateIds(String getUpdatesAnswer) throws Exception {
        List<Integer> ids = new ArrayList<>();
        api.mapper().readTree(getUpdatesAnswer).path("result").forEach(update -> ids.add(update.get("update_id").asInt()));
        return ids;
    }

    private static void awaitTermination(ExecutorService executor) throws InterruptedException {
        // TelegramBots never shuts down a session's executor, whose thread would keep the JVM alive.
        executor.shutdown();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS), "the long polling thread did not stop");
    }
}
