package org.pdnavigator.bot.fake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process Telegram Bot API over real loopback HTTP, so end-to-end tests can run the bot with the real
 * TelegramBots client and the real long polling, and assert on what a user would see in the chat.
 *
 * <p>It serves {@code /bot<token>/<method>} (method names matched case-insensitively, since TelegramBots sends
 * {@code getupdates}, {@code sendmessage} but {@code deleteWebhook}), keeps every chat as its user sees it, and
 * refuses what Telegram refuses with Telegram's own descriptions: empty or too long texts, HTML it cannot parse,
 * callback data over 64 bytes, edits of missing messages and edits that change nothing. {@code getUpdates} is
 * real long polling: it honours {@code offset}, {@code limit} and {@code timeout}, and a newer poll terminates an
 * older one with 409, as when two instances of a bot run. Every request is recorded ({@link #calls()}), and
 * errors can be injected ({@link #failNext}). Users are scripted with {@link #user(long, String)}.
 *
 * <p>Waiting without sleeps: {@link #awaitIdle(Duration)} returns once the bot has visibly finished with every
 * pushed update (see {@link #setQuietPeriod} and {@link #setReplyWindow} for how that is judged).
 *
 * <p>Thread-safe. Start one per test and close it; nothing is shared between instances.
 */
public final class FakeBotApi implements AutoCloseable {

    /** The bot's token; its numeric part is the bot's user id. */
    public static final String TOKEN = "123456:TEST";
    /** The bot's username, as {@code getMe} reports it. */
    public static final String BOT_USERNAME = "pd_navigator_test_bot";

    private static final Pattern PATH = Pattern.compile("/bot([^/]*)/([^/]+)/?");
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final ObjectMapper mapper = new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    private final User bot = User.builder().id(Long.parseLong(TOKEN.substring(0, TOKEN.indexOf(':'))))
            .isBot(true).firstName("PD Navigator (test)").userName(BOT_USERNAME)
            .canJoinGroups(true).canReadAllGroupMessages(false).supportInlineQueries(false).build();
    private final FakeChats chats = new FakeChats(mapper, bot);
    private final UpdateFeed feed = new UpdateFeed(mapper);
    private final Map<String, Method> methods = new HashMap<>();
    private final Map<String, Queue<BotApiError>> faults = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> botProfile = new ConcurrentHashMap<>();
    private final List<ApiCall> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong sequence = new AtomicLong(4_000_000_000L);
    private final Map<String, Queue<Duration>> hangs = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;
    private final Map<Long, Duration> stalledChats = new ConcurrentHashMap<>();
    private final Map<String, Queue<Duration>> lateAnswers = new ConcurrentHashMap<>();
    private volatile Observer observer = Observer.NONE;
    private volatile boolean keepHistory = true;

    private final ExecutorService executor;
    private final HttpServer server;

    private FakeBotApi() throws IOException {
        registerMethods();
        feed.onFirstDelivery((updateId, chatId) -> observer.delivered(updateId, chatId, System.nanoTime()));
        // Threads are made as needed: a request held by hangNext must not keep others waiting, and a load run
        // sends as many requests at once as the bot has workers.
        executor = Executors.newCachedThreadPool(daemonThreads());
        // Without TCP_NODELAY, a response written in two parts waits ~40 ms for a delayed ACK (Nagle), which
        // makes every call slow and opens gaps the idle detection would mistake for the bot being done.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a fake on 127.0.0.1 and a free port. */
    public static FakeBotApi start() {
        try {
            return new FakeBotApi();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake Bot API", e);
        }
    }

    public String token() {
        return TOKEN;
    }

    /** Where TelegramBots should send its requests: pass it to the client and to {@code registerBot}. */
    public TelegramUrl telegramUrl() {
        return new TelegramUrl("http", "127.0.0.1", server.getAddress().getPort(), false);
    }

    /** {@code http://127.0.0.1:<port>/}; requests go to {@code bot<token>/<method>} below it. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The bot itself, as {@code getMe} returns it. */
    public User botUser() {
        return bot;
    }

    /** A scripted user in a private chat with the bot (chat id = user id); {@code languageCode} may be null. */
    public FakeUser user(long userId, String languageCode) {
        return new FakeUser(this, userId, languageCode);
    }

    /** A scripted user with a name and username of their own, as Telegram sends them with every update. */
    public FakeUser user(long userId, String languageCode, String firstName, String lastName, String username) {
        return new FakeUser(this, userId, languageCode, firstName, lastName, username);
    }

    /**
     * A group, supergroup or channel the bot may be in ({@code type} "group", "supergroup" or "channel"), with one
     * member who writes there.
     */
    public FakeGroup group(long chatId, String type, FakeUser member) {
        return new FakeGroup(this, chatId, type, member);
    }

    // ---------------------------------------------------------------------------------------------- updates

    /**
     * Queues an update for {@code getUpdates}, giving it the next {@code update_id} (set on {@code update} too).
     *
     * @return the update id
     */
    public int push(Update update) {
        java.util.function.Consumer<String> webhook = delivery;
        if (webhook == null) {
            return feed.push(update);
        }
        int id = feed.assignId(update);
        try {
            webhook.accept(mapper.writeValueAsString(update));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private volatile java.util.function.Consumer<String> delivery;

    /** As {@link #push}, for an update already in JSON; its {@code update_id} is set here. */
    public int pushJson(ObjectNode update) {
        java.util.function.Consumer<String> webhook = delivery;
        if (webhook == null) {
            return feed.pushJson(update);
        }
        int id = feed.assignId(update);
        webhook.accept(update.toString());
        return id;
    }

    /**
     * Delivers pushed updates as Telegram's webhook would, by handing each update's JSON to {@code webhook}
     * (a test's stand-in for the network and a load balancer) instead of queueing it for getUpdates. The call
     * returns when the delivery does.
     */
    public void deliverBy(java.util.function.Consumer<String> webhook) {
        this.delivery = webhook;
    }

    /** Updates not yet confirmed by the bot (queued, or fetched but not followed by a higher offset). */
    public long pendingUpdates() {
        return feed.pending();
    }

    /**
     * Waits until the bot has visibly finished: every pushed update fetched and confirmed; every chat that got
     * an update has since seen a request from the bot, or the reply window has passed; no request in progress
     * and none for the quiet period.
     *
     * @return {@code false} if that did not happen within {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) {
        try {
            return feed.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * How long the bot must stay silent before {@link #awaitIdle} calls it done (default 150 ms). Raise it for a
     * bot that pauses longer than that between two requests of one answer.
     */
    public void setQuietPeriod(Duration quietPeriod) {
        feed.setQuietPeriod(quietPeriod);
    }

    /**
     * How long {@link #awaitIdle} gives the bot to start answering an update before concluding it ignores it
     * (default 3 s, for a cold JVM). Lower it in tests that expect no answer, so they do not wait it out.
     */
    public void setReplyWindow(Duration replyWindow) {
        feed.setReplyWindow(replyWindow);
    }

    /** What {@link #awaitIdle} is waiting for, for failure messages. */
    public String describeActivity() {
        return feed.describe();
    }

    // ---------------------------------------------------------------------------------------- observation

    /** Every request so far, in order of arrival (the bot's long polls included). */
    public List<ApiCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The requests of one method, whatever its case. */
    public List<ApiCall> calls(String method) {
        return calls().stream().filter(call -> call.method().equalsIgnoreCase(method)).toList();
    }

    /** The bot messages of a chat as its user sees them now, oldest first. */
    public List<BotMessage> messages(long chatId) {
        return chats.messages(chatId);
    }

    /**
     * The file the bot uploaded with a message of a chat (a photo's image, a document's content), as received;
     * empty when that message carries none or only a file id.
     */
    public java.util.Optional<byte[]> uploadedFile(long chatId, long messageId) {
        return chats.uploadedFile(chatId, messageId);
    }

    /**
     * What the bot last set with {@code setMyCommands} (an array of commands), {@code setMyDescription} or
     * {@code setMyShortDescription} (text) for a language ({@code null} for the default); {@code null} if unset.
     */
    public JsonNode botProfile(String setter, String languageCode) {
        return botProfile.get(profileKey(setter, languageCode));
    }

    // ------------------------------------------------------------------------------------- fault injection

    /** Makes the next call of {@code method} fail; for 429, {@code retryAfter} fills {@code parameters}. */
    public void failNext(String method, int status, String description, Integer retryAfter) {
        failNext(method, 1, status, description, retryAfter);
    }

    /** Makes the next {@code count} calls of {@code method} fail; a null description gets Telegram's usual one. */
    public void failNext(String method, int count, int status, String description, Integer retryAfter) {
        String text = description != null ? description : switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden: bot was blocked by the user";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests: retry after " + (retryAfter == null ? 1 : retryAfter);
            default -> "Internal Server Error";
        };
        Queue<BotApiError> queue = faults.computeIfAbsent(method.toLowerCase(Locale.ROOT),
                key -> new ConcurrentLinkedQueue<>());
        for (int i = 0; i < count; i++) {
            queue.add(new BotApiError(status, text, retryAfter));
        }
    }

    /** Makes every call on one chat take {@code stall} before it is carried out: that chat is slow, others not. */
    public void stallChat(long chatId, Duration stall) {
        stalledChats.put(chatId, stall);
    }

    /**
     * Carries out the next {@code count} calls of {@code method} but answers each only after {@code delay}: when that
     * is beyond the bot's request timeout, Telegram did the work and the bot never heard so, as when a network
     * drops an answer.
     */
    public void answerLateNext(String method, int count, Duration delay) {
        Queue<Duration> queue = lateAnswers.computeIfAbsent(method.toLowerCase(Locale.ROOT),
                key -> new ConcurrentLinkedQueue<>());
        for (int i = 0; i < count; i++) {
            queue.add(delay);
        }
    }

    /**
     * Makes the next {@code count} calls of {@code method} hang for {@code hang} and then end without an answer,
     * as a request lost on the network does: the fake does not act on them, and a client with a shorter read
     * timeout sees a timeout.
     */
    public void hangNext(String method, int count, Duration hang) {
        Queue<Duration> queue = hangs.computeIfAbsent(method.toLowerCase(Locale.ROOT),
                key -> new ConcurrentLinkedQueue<>());
        for (int i = 0; i < count; i++) {
            queue.add(hang);
        }
    }

    /** Delays every answer by {@code latency}, as a slow network would. */
    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    // ------------------------------------------------------------------------------------------------ load

    /** Told of what passes through the fake as it happens, for load runs that time answers. */
    public interface Observer {

        Observer NONE = new Observer() {
        };

        /** An update left the fake for the first time, in an answer to getUpdates. */
        default void delivered(int updateId, Long chatId, long nanoTime) {
        }

        /**
         * A request was answered: {@code result} is what the answer carried on success, else {@code null}.
         * Called before the answer is written, so it happens before anything the bot does in consequence.
         *
         * @param nanoTime {@link System#nanoTime()} when the request arrived
         */
        default void answered(String method, JsonNode params, int status, JsonNode result, long nanoTime) {
        }
    }

    /** Tells {@code observer} (only one at a time) of every delivered update and every answered request. */
    public void observe(Observer observer) {
        this.observer = observer == null ? Observer.NONE : observer;
    }

    /**
     * Whether to keep what a long run would pile up (default yes): every request for {@link #calls()}, every
     * message of a chat, every answered callback query. A load run turns it off, so the fake's memory stays
     * flat: requests are not recorded, a chat keeps its last 20 messages, and an answered callback query is
     * forgotten (answering it again is refused, as Telegram refuses an old query).
     */
    public void keepHistory(boolean keep) {
        keepHistory = keep;
        chats.keepHistory(keep);
    }

    // ------------------------------------------------------------------------------------------- shutdown

    /** Answers open long polls with no updates, then stops the server at once. */
    @Override
    public void close() {
        try {
            feed.close(CLOSE_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------------------------- package internals

    FakeChats chats() {
        return chats;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** A fresh number for ids the fake makes up (callback query ids, file ids). */
    long nextId() {
        return sequence.incrementAndGet();
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    private void handle(HttpExchange exchange) {
        Instant at = Instant.now();
        long arrived = System.nanoTime();
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        String method = path.matches() ? canonicalName(path.group(2)) : exchange.getRequestURI().getPath();
        boolean poll = method.equals("getUpdates");
        Queue<Duration> hang = hangs.get(method.toLowerCase(Locale.ROOT));
        Duration hangFor = hang == null ? null : hang.poll();
        if (hangFor != null) {
            pause(hangFor);
            exchange.close(); // no answer at all, and nothing done
            return;
        }
        feed.requestStarted(poll);
        try (exchange) {
            JsonNode params = mapper.createObjectNode();
            Reply reply;
            try {
                params = RequestParams.parse(mapper, exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), readBody(exchange));
                Long chat = poll ? null : chatOf(params);
                if (!poll) {
                    feed.answering(chat);
                }
                if (chat != null) {
                    pause(stalledChats.getOrDefault(chat, Duration.ZERO));
                }
                reply = answer(path, method, params);
                Queue<Duration> late = lateAnswers.get(method.toLowerCase(Locale.ROOT));
                Duration delay = late == null ? null : late.poll();
                if (delay != null) {
                    pause(delay);
                }
            } catch (BotApiError e) {
                reply = Reply.error(mapper, e);
            }
            if (keepHistory) {
                calls.add(new ApiCall(method, params, at, reply.status()));
            }
            observer.answered(method, params, reply.status(), reply.status() == 200 ? reply.body().get("result")
                    : null, arrived);
            byte[] body = mapper.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // The client hung up (a bot shutting down, or this fake closing): nobody is left to answer.
        } finally {
            feed.requestEnded(poll);
        }
    }

    private Reply answer(Matcher path, String method, JsonNode params) throws BotApiError {
        if (!path.matches()) {
            throw new BotApiError(404, "Not Found", null);
        }
        if (!path.group(1).equals(TOKEN)) {
            throw new BotApiError(401, "Unauthorized", null);
        }
        pause(latency);
        Queue<BotApiError> fault = faults.get(method.toLowerCase(Locale.ROOT));
        BotApiError error = fault == null ? null : fault.poll();
        if (error != null) {
            throw error;
        }
        Method handler = methods.get(method.toLowerCase(Locale.ROOT));
        return Reply.ok(mapper, handler == null ? BooleanNode.TRUE : handler.call(params));
    }

    /** The chat a request acts on, so {@link #awaitIdle} knows which chat got its answer. */
    private Long chatOf(JsonNode params) {
        Long chatId = RequestParams.number(params, "chat_id");
        String callbackQueryId = RequestParams.text(params, "callback_query_id");
        String inlineQueryId = RequestParams.text(params, "inline_query_id");
        if (chatId == null && inlineQueryId != null) {
            return chats.userOfInlineQuery(inlineQueryId);
        }
        return chatId == null && callbackQueryId != null ? chats.chatOfCallback(callbackQueryId) : chatId;
    }

    private static byte[] readBody(HttpExchange exchange) throws BotApiError {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw BotApiError.badRequest("can't read the request body");
        }
    }

    private String canonicalName(String sent) {
        Method known = methods.get(sent.toLowerCase(Locale.ROOT));
        return known == null ? sent : known.name();
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------- methods

    private void registerMethods() {
        register("getMe", params -> mapper.valueToTree(bot));
        register("getUpdates", this::getUpdates);
        register("deleteWebhook", this::deleteWebhook);
        register("setWebhook", params -> {
            feed.setWebhook(RequestParams.text(params, "url"));
            return BooleanNode.TRUE;
        });
        register("getWebhookInfo", params -> mapper.createObjectNode().put("url", feed.webhookUrl())
                .put("has_custom_certificate", false).put("pending_update_count", feed.pending()));
        register("sendMessage", chats::sendMessage);
        register("editMessageText", chats::editMessageText);
        register("editMessageReplyMarkup", chats::editMessageReplyMarkup);
        register("deleteMessage", chats::deleteMessage);
        register("deleteMessages", chats::deleteMessages);
        register("answerCallbackQuery", chats::answerCallbackQuery);
        register("answerInlineQuery", chats::answerInlineQuery);
        register("sendPhoto", params -> chats.sendMedia(params, FakeChats.Kind.PHOTO));
        register("sendDocument", params -> chats.sendMedia(params, FakeChats.Kind.DOCUMENT));
        register("sendChatAction", chats::sendChatAction);
        register("setMyCommands", params -> setProfile("setMyCommands", params, "commands"));
        register("setMyDescription", params -> setProfile("setMyDescription", params, "description"));
        register("setMyShortDescription", params -> setProfile("setMyShortDescription", params, "short_description"));
        register("getMyCommands", params -> profile("setMyCommands", params, mapper.createArrayNode()));
        register("getMyDescription", params -> mapper.createObjectNode().set("description",
                profile("setMyDescription", params, mapper.getNodeFactory().textNode(""))));
        register("getMyShortDescription", params -> mapper.createObjectNode().set("short_description",
                profile("setMyShortDescription", params, mapper.getNodeFactory().textNode(""))));
    }

    private void register(String name, Handler handler) {
        methods.put(name.toLowerCase(Locale.ROOT), new Method(name, handler));
    }

    private JsonNode getUpdates(JsonNode params) throws BotApiError {
        long offset = number(params, "offset", 0);
        int limit = (int) Math.max(1, Math.min(100, number(params, "limit", 100)));
        try {
            return feed.poll(offset, limit, number(params, "timeout", 0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return mapper.createArrayNode();
        }
    }

    private JsonNode deleteWebhook(JsonNode params) {
        feed.setWebhook("");
        if ("true".equalsIgnoreCase(RequestParams.text(params, "drop_pending_updates"))) {
            feed.dropPendingUpdates();
        }
        return BooleanNode.TRUE;
    }

    private JsonNode setProfile(String setter, JsonNode params, String field) throws BotApiError {
        boolean commands = "commands".equals(field);
        JsonNode value = commands ? RequestParams.json(mapper, params, field) : params.get(field);
        if (commands) {
            if (value == null || !value.isArray() || value.size() > 100) {
                throw BotApiError.badRequest("commands must be an array of at most 100 BotCommand");
            }
            for (JsonNode command : value) {
                if (!command.path("command").asText().matches("[a-z0-9_]{1,32}")) {
                    throw BotApiError.badRequest("BOT_COMMAND_INVALID");
                }
            }
        }
        String key = profileKey(setter, RequestParams.text(params, "language_code"));
        if (value == null || value.isNull()) {
            botProfile.remove(key);
        } else {
            botProfile.put(key, value);
        }
        return BooleanNode.TRUE;
    }

    private JsonNode profile(String setter, JsonNode params, JsonNode fallback) {
        return botProfile.getOrDefault(profileKey(setter, RequestParams.text(params, "language_code")), fallback);
    }

    private static String profileKey(String setter, String languageCode) {
        return setter.toLowerCase(Locale.ROOT) + "/" + (languageCode == null ? "" : languageCode);
    }

    private static long number(JsonNode params, String field, long fallback) {
        Long value = RequestParams.number(params, field);
        return value == null ? fallback : value;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "fake-bot-api-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A Bot API method: answers with the {@code result}, or throws the error to answer. */
    @FunctionalInterface
    private interface Handler {
        JsonNode call(JsonNode params) throws BotApiError;
    }

    private record Method(String name, Handler handler) {
        JsonNode call(JsonNode params) throws BotApiError {
            return handler.call(params);
        }
    }

    private record Reply(int status, JsonNode body) {
        static Reply ok(ObjectMapper mapper, JsonNode result) {
            return new Reply(200, mapper.createObjectNode().put("ok", true).set("result", result));
        }

        static Reply error(ObjectMapper mapper, BotApiError error) {
            ObjectNode body = mapper.createObjectNode().put("ok", false).put("error_code", error.status())
                    .put("description", error.description());
            if (error.retryAfter() != null) {
                body.putObject("parameters").put("retry_after", error.retryAfter());
            }
            return new Reply(error.status(), body);
        }
    }
}
