package org.pdnavigator.bot.fake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
 * <p>Waiting without sleeps: {@link #awaitIdle(Duration)} returns once every pushed update has been fetched and
 * confirmed (by the bot's next poll) and the bot has made no request for a quiet period (150 ms by default).
 *
 * <p>Thread-safe. Start one per test and close it; nothing is shared between instances.
 */
public final class FakeBotApi implements AutoCloseable {

    /** The bot's token; its numeric part is the bot's user id. */
    public static final String TOKEN = "123456:TEST";
    /** The bot's username, as {@code getMe} reports it. */
    public static final String BOT_USERNAME = "pd_navigator_test_bot";

    private static final Pattern PATH = Pattern.compile("/bot([^/]*)/([^/]+)/?");
    private static final int FIRST_UPDATE_ID = 10_000;
    private static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(150);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final ObjectMapper mapper = new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    private final User bot = User.builder().id(Long.parseLong(TOKEN.substring(0, TOKEN.indexOf(':'))))
            .isBot(true).firstName("PD Navigator (test)").userName(BOT_USERNAME)
            .canJoinGroups(true).canReadAllGroupMessages(false).supportInlineQueries(false).build();
    private final FakeChats chats = new FakeChats(mapper, bot);
    private final Map<String, Method> methods = new HashMap<>();
    private final Map<String, Queue<BotApiError>> faults = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> botProfile = new ConcurrentHashMap<>();
    private final List<ApiCall> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong sequence = new AtomicLong(4_000_000_000L);

    /** Guards the update queue, the long polls and the idle bookkeeping; {@link #changed} signals any change. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<PendingUpdate> updates = new ArrayDeque<>();
    private int nextUpdateId = FIRST_UPDATE_ID;
    private long pollGeneration;
    private int activePolls;
    private int requestsInFlight;
    private long lastActivityNanos = System.nanoTime();
    private String webhookUrl = "";
    private boolean closed;

    private volatile Duration latency = Duration.ZERO;
    private volatile Duration quietPeriod = DEFAULT_QUIET_PERIOD;

    private final ExecutorService executor;
    private final HttpServer server;

    private FakeBotApi() throws IOException {
        registerMethods();
        executor = Executors.newFixedThreadPool(16, daemonThreads());
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

    // ---------------------------------------------------------------------------------------------- updates

    /**
     * Queues an update for {@code getUpdates}, giving it the next {@code update_id} (set on {@code update} too).
     *
     * @return the update id
     */
    public int push(Update update) {
        lock.lock();
        try {
            update.setUpdateId(nextUpdateId++);
            updates.add(new PendingUpdate(update.getUpdateId(), mapper.valueToTree(update)));
            changed.signalAll();
            return update.getUpdateId();
        } finally {
            lock.unlock();
        }
    }

    /** Updates not yet confirmed by the bot (queued, or fetched but not followed by a higher offset). */
    public long pendingUpdates() {
        lock.lock();
        try {
            return updates.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the bot has caught up: every pushed update fetched and confirmed, no request in progress and
     * none arriving for the quiet period. The quiet period is how a black box shows it is done; a bot that
     * thinks longer than that before its first request needs {@link #setQuietPeriod}.
     *
     * @return {@code false} if that did not happen within {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) {
        lock.lock();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long now = System.nanoTime();
                boolean caughtUp = updates.isEmpty() && requestsInFlight == 0;
                long quietLeft = lastActivityNanos + quietPeriod.toNanos() - now;
                if (caughtUp && quietLeft <= 0) {
                    return true;
                }
                long timeLeft = deadline - now;
                if (timeLeft <= 0) {
                    return false;
                }
                changed.awaitNanos(caughtUp ? Math.min(quietLeft, timeLeft) : timeLeft);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** How long the bot must stay silent before {@link #awaitIdle} considers it done (default 150 ms). */
    public void setQuietPeriod(Duration quietPeriod) {
        this.quietPeriod = quietPeriod;
    }

    /** What {@link #awaitIdle} is waiting for, for failure messages. */
    public String describeActivity() {
        lock.lock();
        try {
            return updates.size() + " update(s) not confirmed " + updates.stream().map(PendingUpdate::id).toList()
                    + ", " + requestsInFlight + " request(s) in progress, " + activePolls + " long poll(s) open,"
                    + " last request " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastActivityNanos)
                    + " ms ago";
        } finally {
            lock.unlock();
        }
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
     * What the bot last set with {@code setMyCommands}, {@code setMyDescription} or {@code setMyShortDescription}
     * for a language ({@code null} for the default), as sent: commands as an array, descriptions as text.
     */
    public JsonNode botProfile(String method, String languageCode) {
        return botProfile.get(profileKey(method, languageCode));
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

    /** Delays every answer by {@code latency}, as a slow network would. */
    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    // ------------------------------------------------------------------------------------------- shutdown

    /** Answers open long polls with no updates, then stops the server at once. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
            long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
            while (activePolls > 0 && System.nanoTime() < deadline) {
                changed.awaitNanos(deadline - System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
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
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        String method = path.matches() ? canonicalName(path.group(2)) : exchange.getRequestURI().getPath();
        boolean poll = method.equals("getUpdates");
        requestStarted(poll);
        try (exchange) {
            JsonNode params = mapper.createObjectNode();
            Reply reply;
            try {
                params = RequestParams.parse(mapper, exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), readBody(exchange));
                reply = answer(path, method, params);
            } catch (BotApiError e) {
                reply = Reply.error(mapper, e);
            }
            calls.add(new ApiCall(method, params, at, reply.status()));
            byte[] body = mapper.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // The client hung up (a bot shutting down, or this fake closing): nobody is left to answer.
        } finally {
            requestEnded(poll);
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
        BotApiError fault = faults.getOrDefault(method.toLowerCase(Locale.ROOT), new ArrayDeque<>()).poll();
        if (fault != null) {
            throw fault;
        }
        Method handler = methods.get(method.toLowerCase(Locale.ROOT));
        return Reply.ok(mapper, handler == null ? BooleanNode.TRUE : handler.call(params));
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

    /** Long polls are the bot waiting, not working: they count for {@link #close}, not for {@link #awaitIdle}. */
    private void requestStarted(boolean poll) {
        countRequest(poll, +1);
    }

    private void requestEnded(boolean poll) {
        countRequest(poll, -1);
    }

    private void countRequest(boolean poll, int delta) {
        lock.lock();
        try {
            if (poll) {
                activePolls += delta;
            } else {
                requestsInFlight += delta;
                lastActivityNanos = System.nanoTime();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
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
        register("setWebhook", this::setWebhook);
        register("getWebhookInfo", params -> getWebhookInfo());
        register("sendMessage", chats::sendMessage);
        register("editMessageText", chats::editMessageText);
        register("editMessageReplyMarkup", chats::editMessageReplyMarkup);
        register("deleteMessage", chats::deleteMessage);
        register("deleteMessages", chats::deleteMessages);
        register("answerCallbackQuery", chats::answerCallbackQuery);
        register("sendPhoto", params -> chats.sendMedia(params, FakeChats.Kind.PHOTO));
        register("sendDocument", params -> chats.sendMedia(params, FakeChats.Kind.DOCUMENT));
        register("sendChatAction", chats::sendChatAction);
        register("setMyCommands", params -> setProfile("setMyCommands", params, "commands"));
        register("setMyDescription", params -> setProfile("setMyDescription", params, "description"));
        register("setMyShortDescription", params -> setProfile("setMyShortDescription", params, "short_description"));
        register("getMyCommands", params -> getProfile("setMyCommands", params, mapper.createArrayNode()));
        register("getMyDescription", params -> mapper.createObjectNode()
                .set("description", getProfile("setMyDescription", params, mapper.getNodeFactory().textNode(""))));
        register("getMyShortDescription", params -> mapper.createObjectNode().set("short_description",
                getProfile("setMyShortDescription", params, mapper.getNodeFactory().textNode(""))));
    }

    private void register(String name, Handler handler) {
        methods.put(name.toLowerCase(Locale.ROOT), new Method(name, handler));
    }

    private JsonNode getUpdates(JsonNode params) throws BotApiError {
        long offset = number(params, "offset", 0);
        int limit = (int) Math.max(1, Math.min(100, number(params, "limit", 100)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, number(params, "timeout", 0)));
        lock.lock();
        try {
            if (!webhookUrl.isEmpty()) {
                throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active;"
                        + " use deleteWebhook to delete the webhook first", null);
            }
            confirm(offset);
            long generation = ++pollGeneration;
            changed.signalAll();
            while (updates.isEmpty() && !closed && pollGeneration == generation) {
                long timeLeft = deadline - System.nanoTime();
                if (timeLeft <= 0) {
                    break;
                }
                changed.awaitNanos(timeLeft);
            }
            if (pollGeneration != generation) {
                throw new BotApiError(409, "Conflict: terminated by other getUpdates request;"
                        + " make sure that only one bot instance is running", null);
            }
            ArrayNode batch = mapper.createArrayNode();
            updates.stream().limit(closed ? 0 : limit).forEach(update -> batch.add(update.json()));
            if (!batch.isEmpty()) {
                lastActivityNanos = System.nanoTime();
            }
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return mapper.createArrayNode();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the updates the bot confirmed: all below a positive offset, all but the last -offset otherwise. */
    private void confirm(long offset) {
        int before = updates.size();
        if (offset > 0) {
            while (!updates.isEmpty() && updates.peek().id() < offset) {
                updates.poll();
            }
        } else if (offset < 0) {
            while (updates.size() > -offset) {
                updates.poll();
            }
        }
        if (updates.size() != before) {
            changed.signalAll();
        }
    }

    private JsonNode deleteWebhook(JsonNode params) {
        lock.lock();
        try {
            webhookUrl = "";
            if ("true".equalsIgnoreCase(RequestParams.text(params, "drop_pending_updates"))) {
                updates.clear();
                changed.signalAll();
            }
            return BooleanNode.TRUE;
        } finally {
            lock.unlock();
        }
    }

    private JsonNode setWebhook(JsonNode params) {
        lock.lock();
        try {
            String url = RequestParams.text(params, "url");
            webhookUrl = url == null ? "" : url;
            changed.signalAll();
            return BooleanNode.TRUE;
        } finally {
            lock.unlock();
        }
    }

    private JsonNode getWebhookInfo() {
        lock.lock();
        try {
            return mapper.createObjectNode().put("url", webhookUrl).put("has_custom_certificate", false)
                    .put("pending_update_count", updates.size());
        } finally {
            lock.unlock();
        }
    }

    private JsonNode setProfile(String method, JsonNode params, String field) throws BotApiError {
        JsonNode value = "commands".equals(field) ? RequestParams.json(mapper, params, field) : params.get(field);
        if ("commands".equals(field)) {
            if (value == null || !value.isArray() || value.size() > 100) {
                throw BotApiError.badRequest("commands must be an array of at most 100 BotCommand");
            }
            for (JsonNode command : value) {
                if (!command.path("command").asText().matches("[a-z0-9_]{1,32}")) {
                    throw BotApiError.badRequest("BOT_COMMAND_INVALID");
                }
            }
        }
        String key = profileKey(method, RequestParams.text(params, "language_code"));
        if (value == null) {
            botProfile.remove(key);
        } else {
            botProfile.put(key, value);
        }
        return BooleanNode.TRUE;
    }

    private JsonNode getProfile(String setter, JsonNode params, JsonNode fallback) {
        return botProfile.getOrDefault(profileKey(setter, RequestParams.text(params, "language_code")), fallback);
    }

    private static String profileKey(String method, String languageCode) {
        return method.toLowerCase(Locale.ROOT) + "/" + (languageCode == null ? "" : languageCode);
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

    private record PendingUpdate(int id, JsonNode json) {
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
