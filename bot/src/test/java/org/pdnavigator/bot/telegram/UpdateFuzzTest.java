package org.pdnavigator.bot.telegram;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.chat.ChatActivity;
import org.pdnavigator.bot.chat.ChatQueue;
import org.pdnavigator.bot.chat.ChatService;
import org.pdnavigator.bot.chat.ChatState;
import org.pdnavigator.bot.chat.ChatStateCodec;
import org.pdnavigator.bot.chat.ChatStore;
import org.pdnavigator.bot.chat.Incoming;
import org.pdnavigator.bot.render.Renderer;
import org.pdnavigator.bot.store.Databases;
import org.pdnavigator.bot.store.JdbcBlockedChats;
import org.pdnavigator.bot.store.JdbcChatStore;
import org.pdnavigator.bot.store.JdbcSentMessages;
import org.pdnavigator.bot.store.Secrets;
import org.pdnavigator.dialogs.Conversation;
import org.pdnavigator.i18n.Language;
import org.pdnavigator.i18n.Languages;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arbitrary updates, fed to the update handler wired as the application wires it (the real conversation, chat
 * service, renderer and reader, the durable store on H2), with a recording Telegram client in place of HTTP. Each
 * input is either random JSON shaped like updates, read by TelegramBots as from getUpdates, or a scripted session
 * of a person and a group doing odd things, some of them by the current buttons, with Telegram failing at times.
 *
 * <p>After every update: nothing escaped the handler, no failure was counted, every tap and inline query was
 * answered, everything sent would be accepted by Telegram, and every chat's kept state reads back as a state of
 * the dialogue that can be shown; groups and channels have none.
 *
 * <p>Without {@code JAZZER_FUZZ} this replays the inputs in {@code UpdateFuzzTestInputs}; the build's "fuzz"
 * execution fuzzes for a bounded time.
 */
class UpdateFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] KINDS = {"message", "edited_message", "channel_post", "edited_channel_post",
        "callback_query", "inline_query", "my_chat_member", "chat_member", "chosen_inline_result", "poll",
        "message_reaction", "business_message", "shipping_query", "pre_checkout_query", "chat_join_request"};
    private static final String[] CHAT_TYPES = {"private", "group", "supergroup", "channel", "sender", ""};
    private static final String[] STATUSES = {"member", "kicked", "left", "administrator", "creator", "restricted",
        "banned", ""};
    private static final String[] COMMANDS = {"/start", "/help", "/forget", "/language", "/start es", "/start pt-x7",
        "/start@pd_navigator_test_bot", "/start ../../x", "/START", "/", "/start\u202ees", "/forget@other_bot",
        "/language@pd_navigator_test_bot extra"};
    private static final String[] LANGUAGE_CODES = {"en", "es", "pt-BR", "zh-hans", "ar", "uk", "xx", "", "EN",
        "es\u0000", "\u202ear"};
    private static final String[] MEDIA = {"sticker", "photo", "voice", "audio", "video", "video_note", "animation",
        "document", "location", "contact", "venue", "poll", "dice", "game", "story", "new_chat_members",
        "left_chat_member", "pinned_message", "successful_payment", "web_app_data"};
    private static final String[] FIELD_NAMES = {"message_id", "date", "chat", "from", "text", "entities", "data",
        "message", "id", "type", "is_bot", "first_name", "language_code", "new_chat_member", "status", "user",
        "query", "offset", "caption", "reply_to_message", "inline_message_id", "chat_instance", "game_short_name",
        "x", ""};
    private static final AtomicLong INPUTS = new AtomicLong();
    /** Telegram numbers a bot's updates in one sequence, across all chats. */
    private static final AtomicInteger UPDATE_IDS = new AtomicInteger();

    private static Harness harness;

    /** The parts, built once: a fuzzing run calls the test many thousand times. */
    private static synchronized Harness harness() {
        if (harness == null) {
            harness = new Harness();
        }
        return harness;
    }

    @FuzzTest(maxDuration = "50s")
    void anyUpdatesLeaveEveryChatInAValidState(FuzzedDataProvider data) {
        Harness bot = harness();
        bot.telegram.clearFaults();
        // Chats of this input alone, so each input starts from nothing and inputs do not disturb one another.
        long base = 1_000_000L + INPUTS.incrementAndGet() * 16;
        Session session = new Session(base);
        if (data.consumeBoolean()) {
            session.randomJson(data);
        } else {
            session.script(data);
        }
        bot.checkStates(session);
    }

    /** The chats one input plays with, and what it expects of them. */
    private static final class Session {
        private final long person;
        private final long other;
        private final long group;
        private final List<Long> chats;
        private final Set<Long> privateChats = new HashSet<>();
        private final Set<Long> touched = new LinkedHashSet<>();
        private int messageId = 1;
        private ObjectNode last;

        Session(long base) {
            this.person = base;
            this.other = base + 1;
            this.group = -base;
            this.chats = List.of(person, other, group, base + 2, -(base + 3));
        }

        // ------------------------------------------------------------------------------------------ random JSON

        /** Up to eight updates of random shape, read as TelegramBots reads getUpdates. */
        void randomJson(FuzzedDataProvider data) {
            int count = data.consumeInt(1, 8);
            for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
                ObjectNode update = NODES.objectNode();
                update.put("update_id", UPDATE_IDS.incrementAndGet());
                String kind = data.pickValue(KINDS);
                update.set(kind, switch (kind) {
                    case "callback_query" -> callbackJson(data);
                    case "inline_query", "chosen_inline_result", "shipping_query", "pre_checkout_query" -> {
                        ObjectNode query = NODES.objectNode();
                        if (data.consumeInt(0, 15) != 0) {
                            query.put("id", data.consumeString(12));
                        }
                        yield query.set("from", user(data));
                    }
                    case "my_chat_member", "chat_member", "chat_join_request" -> membershipJson(data);
                    default -> messageJson(data);
                });
                if (data.consumeBoolean()) {
                    update.set(data.pickValue(FIELD_NAMES), randomValue(data, 3));
                }
                deliver(update, false);
            }
        }

        private ObjectNode messageJson(FuzzedDataProvider data) {
            ObjectNode message = NODES.objectNode().put("message_id", data.consumeInt())
                .put("date", data.consumeInt(0, Integer.MAX_VALUE));
            // Now and then without what Telegram always sends.
            if (data.consumeInt(0, 15) != 0) {
                message.set("chat", chat(data));
            }
            if (data.consumeBoolean()) {
                message.set("from", user(data));
            }
            if (data.consumeBoolean()) {
                String text = data.consumeBoolean() ? data.pickValue(COMMANDS) : data.consumeString(300);
                message.put("text", text);
                if (text.startsWith("/")) {
                    message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                        .put("length", data.consumeInt(-1, text.length() + 1));
                }
            } else {
                message.set(data.pickValue(MEDIA), randomValue(data, 2));
            }
            while (data.consumeBoolean() && data.remainingBytes() > 0) {
                message.set(data.pickValue(FIELD_NAMES), randomValue(data, 2));
            }
            return message;
        }

        private ObjectNode callbackJson(FuzzedDataProvider data) {
            ObjectNode query = NODES.objectNode().put("chat_instance", data.consumeString(8));
            if (data.consumeInt(0, 15) != 0) {
                query.put("id", data.consumeString(12));
            }
            query.set("from", user(data));
            if (data.consumeBoolean()) {
                query.set("message", messageJson(data));
            } else {
                query.put("inline_message_id", data.consumeString(12));
            }
            if (data.consumeBoolean()) {
                query.put("data", data.consumeString(80));
            }
            return query;
        }

        private ObjectNode membershipJson(FuzzedDataProvider data) {
            ObjectNode change = NODES.objectNode().put("date", data.consumeInt());
            change.set("chat", chat(data));
            change.set("from", user(data));
            change.set("old_chat_member", NODES.objectNode().put("status", data.pickValue(STATUSES))
                .set("user", user(data)));
            change.set("new_chat_member", NODES.objectNode().put("status", data.pickValue(STATUSES))
                .set("user", user(data)));
            return change;
        }

        private ObjectNode chat(FuzzedDataProvider data) {
            long id = data.pickValue(chats);
            String type = data.pickValue(CHAT_TYPES);
            if (type.equals("private")) {
                privateChats.add(id);
            }
            touched.add(id);
            return NODES.objectNode().put("id", id).put("type", type).put("first_name", "Test");
        }

        private ObjectNode user(FuzzedDataProvider data) {
            ObjectNode user = NODES.objectNode().put("id", data.pickValue(chats)).put("is_bot", data.consumeBoolean())
                .put("first_name", data.consumeString(20));
            if (data.consumeBoolean()) {
                user.put("language_code", data.pickValue(LANGUAGE_CODES));
            }
            return user;
        }

        private JsonNode randomValue(FuzzedDataProvider data, int depth) {
            int kind = data.consumeInt(0, depth <= 0 ? 4 : 6);
            return switch (kind) {
                case 0 -> NODES.nullNode();
                case 1 -> NODES.booleanNode(data.consumeBoolean());
                case 2 -> NODES.numberNode(data.consumeLong());
                case 3 -> NODES.textNode(data.consumeString(64));
                case 4 -> NODES.numberNode(data.consumeDouble());
                case 5 -> {
                    ArrayNode array = NODES.arrayNode();
                    for (int i = data.consumeInt(0, 3); i > 0; i--) {
                        array.add(randomValue(data, depth - 1));
                    }
                    yield array;
                }
                default -> {
                    ObjectNode object = NODES.objectNode();
                    for (int i = data.consumeInt(0, 4); i > 0; i--) {
                        object.set(data.pickValue(FIELD_NAMES), randomValue(data, depth - 1));
                    }
                    yield object;
                }
            };
        }

        // -------------------------------------------------------------------------------------------- scripted

        /** A person (and someone in a group) doing up to 40 things, odd ones and taps on the current buttons. */
        void script(FuzzedDataProvider data) {
            Harness bot = harness();
            privateChats.add(person);
            privateChats.add(other);
            touched.add(person);
            touched.add(other);
            touched.add(group);
            deliver(text(person, "/start", "en"), false);
            int steps = data.consumeInt(1, 40);
            for (int i = 0; i < steps && data.remainingBytes() > 0; i++) {
                long chat = data.consumeInt(0, 9) == 0 ? other : person;
                String language = data.consumeInt(0, 5) == 0 ? data.pickValue(LANGUAGE_CODES) : "en";
                boolean redelivered = false;
                ObjectNode update;
                int op = data.consumeInt(0, 11);
                // What must leave the person's place as it was: button data not signed for the chat, media,
                // anything in a group, and an update delivered again.
                boolean changesNothing = op == 4 || op == 7 || op == 9 || op == 10;
                Optional<String> before = bot.state(chat);
                switch (op) {
                    case 0, 1, 2, 3 -> {
                        // A tap on a current button: how a person gets deep into the dialogue.
                        List<String> keyboard = bot.telegram.keyboard(chat);
                        String tapped = keyboard.isEmpty() ? "" : keyboard.get(data.consumeInt(0, keyboard.size() - 1));
                        update = tap(chat, bot.telegram.lastMessage(chat), tapped, language);
                    }
                    case 4 -> update = tap(chat, data.consumeInt(0, messageId + 2), data.consumeString(80), language);
                    case 5 -> {
                        // Button data signed with the bot's own key for the chat: only the dialogue can refuse it.
                        String body = data.consumeInt(0, 40) + ":" + (char) data.consumeInt('a', 'z') + ":"
                            + data.consumeAsciiString(20);
                        update = tap(chat, bot.telegram.lastMessage(chat),
                            bot.secrets.signature(chat, body, CallbackData.SIGNATURE) + body, language);
                    }
                    case 6 -> update = text(chat, data.consumeBoolean() ? data.pickValue(COMMANDS)
                        : data.consumeString(5000), language);
                    case 7 -> update = media(chat, data.pickValue(MEDIA), data.consumeBoolean());
                    case 8 -> update = membership(chat, data.pickValue(STATUSES), "private");
                    case 9 -> update = data.consumeBoolean() ? text(group, data.pickValue(COMMANDS), language)
                        : data.consumeBoolean() ? tap(group, 7, data.consumeString(64), language)
                        : membership(group, data.pickValue(STATUSES), data.pickValue(CHAT_TYPES));
                    case 10 -> {
                        update = last == null ? text(chat, "hello", language) : last.deepCopy();
                        redelivered = last != null;
                    }
                    default -> {
                        bot.telegram.failNext(data.pickValue(new Integer[] {0, 400, 403, 429, 500, 502}));
                        continue;
                    }
                }
                deliver(update, redelivered);
                if (changesNothing && before.isPresent()) {
                    assertThat(bot.state(chat)).as("the place of a chat after %s", update).isEqualTo(before);
                }
            }
            bot.telegram.clearFaults();
        }

        private ObjectNode text(long chat, String text, String language) {
            ObjectNode message = message(chat, language).put("text", text);
            if (text.startsWith("/")) {
                int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
                message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", end);
            }
            return update("message", message);
        }

        private ObjectNode media(long chat, String kind, boolean edited) {
            ObjectNode message = message(chat, "en");
            message.putObject(kind).put("file_id", "f" + messageId).put("file_unique_id", "u" + messageId);
            return update(edited ? "edited_message" : "message", message);
        }

        private ObjectNode tap(long chat, int tappedMessage, String data, String language) {
            ObjectNode embedded = NODES.objectNode().put("message_id", tappedMessage).put("date", 0);
            embedded.set("chat", chatJson(chat, chat < 0 ? "group" : "private"));
            ObjectNode query = NODES.objectNode().put("id", "cb" + chat + "-" + messageId++)
                .put("chat_instance", "i" + chat).put("data", data);
            query.set("from", userJson(Math.abs(chat), language));
            query.set("message", embedded);
            return update("callback_query", query);
        }

        private ObjectNode membership(long chat, String status, String type) {
            ObjectNode change = NODES.objectNode().put("date", 0);
            change.set("chat", chatJson(chat, type));
            change.set("from", userJson(Math.abs(chat), "en"));
            change.set("old_chat_member", NODES.objectNode().put("status", "member")
                .set("user", userJson(123456, null)));
            change.set("new_chat_member", NODES.objectNode().put("status", status)
                .set("user", userJson(123456, null)));
            return update("my_chat_member", change);
        }

        private ObjectNode message(long chat, String language) {
            ObjectNode message = NODES.objectNode().put("message_id", ++messageId).put("date", 0);
            message.set("chat", chatJson(chat, chat < 0 ? "supergroup" : "private"));
            message.set("from", userJson(Math.abs(chat), language));
            return message;
        }

        private static ObjectNode chatJson(long chat, String type) {
            return NODES.objectNode().put("id", chat).put("type", type).put("first_name", "Test");
        }

        private static ObjectNode userJson(long id, String language) {
            ObjectNode user = NODES.objectNode().put("id", id).put("is_bot", false).put("first_name", "Test");
            if (language != null) {
                user.put("language_code", language);
            }
            return user;
        }

        private ObjectNode update(String kind, ObjectNode content) {
            ObjectNode update = NODES.objectNode().put("update_id", UPDATE_IDS.incrementAndGet());
            update.set(kind, content);
            return update;
        }

        // ------------------------------------------------------------------------------------------- delivery

        /**
         * Reads the update as TelegramBots reads a getUpdates answer and hands it to the handler. What the library
         * cannot read never reaches the bot (the poller's concern, not the handler's).
         */
        private void deliver(ObjectNode update, boolean redelivered) {
            last = update;
            List<Update> read;
            try {
                read = new GetUpdates().deserializeResponse(
                    "{\"ok\":true,\"result\":[" + JSON.writeValueAsString(update) + "]}");
            } catch (TelegramApiRequestException | IOException | RuntimeException e) {
                return;
            }
            for (Update one : read) {
                harness().handle(one, redelivered);
            }
        }
    }

    /** The handler as the application wires it, on H2, with a recording client. */
    private static final class Harness {
        private final RecordingTelegramClient telegram = new RecordingTelegramClient();
        private final Secrets secrets = Secrets.of("the fuzz test's secret, long enough");
        private final Conversation conversation = TestBot.conversation();
        private final Renderer renderer = TestBot.renderer();
        private final Languages languages = new Languages(TestBot.CATALOGUE);
        private final ChatStateCodec codec = new ChatStateCodec();
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private final Databases.Database database;
        private final ChatStore store;
        private final UpdateDispatcher dispatcher;
        private final UpdateReader reader;

        Harness() {
            if (System.getenv("JAZZER_FUZZ") != null) {
                // Thousands of runs a minute, each with Telegram failing at times: the bot's own log of every
                // retry would slow fuzzing down to a crawl. What goes wrong shows in the assertions instead.
                ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.OFF);
            }
            try {
                database = Databases.h2(Files.createTempDirectory("pd-navigator-fuzz"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            store = new JdbcChatStore(database.jdbc(), database.transactions(), secrets, TestBot.CLOCK,
                Duration.ofDays(30), 10_000);
            ChatActivity activity = new ChatActivity() {
                @Override
                public void changed(long chatId, ChatState before, ChatState after, Incoming incoming,
                                    Language language) {
                }

                @Override
                public void failed(Throwable error) {
                    failures.add(error);
                }
            };
            ChatService chats = new ChatService(conversation, store, renderer, languages, activity, Duration.ZERO);
            BlockedChats blocked = new JdbcBlockedChats(database.jdbc(), secrets, TestBot.CLOCK);
            TelegramGateway gateway = new TelegramGateway(new TelegramSettings.Limits(1e9, 1_000_000, 1e9, 1_000_000,
                3), TelegramCalls.NONE, blocked, System::nanoTime, nanos -> { });
            CallbackData buttons = new CallbackData(secrets);
            reader = new UpdateReader(buttons);
            dispatcher = new UpdateDispatcher(chats, new ChatQueue(2), new TelegramReplies(telegram.client(), gateway,
                new JdbcSentMessages(database.jdbc(), secrets, TestBot.CLOCK), buttons, new org.pdnavigator.bot.share.QrImages()),
                renderer, activity, reader,
                blocked);
        }

        /** One update, handled to the end; then what must hold after any update. */
        void handle(Update update, boolean redelivered) {
            CompletableFuture<Void> done = dispatcher.dispatch(update);
            try {
                done.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("Handling an update failed or hung: " + update, e);
            }
            assertThat(failures).as("failures counted for %s", update).isEmpty();
            assertThat(telegram.refusals()).as("what Telegram would refuse, for %s", update).isEmpty();
            if (!redelivered) {
                UpdateReader.Read read = safeRead(update);
                if (read instanceof UpdateReader.ForChat chat && chat.callbackQueryId() != null
                    || read instanceof UpdateReader.InlineButton) {
                    assertThat(telegram.callbackAnswered(update.getCallbackQuery().getId()))
                        .as("tap answered: %s", update).isTrue();
                }
                if (read instanceof UpdateReader.Inline inline) {
                    assertThat(telegram.inlineQueryAnswered(inline.queryId())).as("inline query answered").isTrue();
                }
            }
        }

        private UpdateReader.Read safeRead(Update update) {
            try {
                return reader.read(update);
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** The chat's kept state, as stored. */
        Optional<String> state(long chat) {
            return store.find(chat).map(stored -> codec.encode(stored.state()));
        }

        /** Every chat's kept state reads back, is what the store hands out, and can be shown; groups keep none. */
        void checkStates(Session session) {
            for (long chat : session.touched) {
                List<String> rows = database.jdbc().queryForList("select state from chat_state where chat_key = ?",
                    String.class, secrets.chatKey(chat));
                Optional<ChatStore.Stored> stored = store.find(chat);
                if (!session.privateChats.contains(chat)) {
                    assertThat(rows).as("nothing kept for group or channel %s", chat).isEmpty();
                    continue;
                }
                assertThat(rows).hasSizeLessThanOrEqualTo(1);
                if (rows.isEmpty()) {
                    assertThat(stored).isEmpty();
                    continue;
                }
                ChatState state = codec.decode(rows.get(0));
                assertThat(stored).map(ChatStore.Stored::state).contains(state);
                assertThat(state.session().turn()).isNotNegative();
                assertThat(languages.match(state.language())).isPresent();
                for (Language language : List.of(languages.choose(state.language(), null, null),
                    languages.fallback())) {
                    assertThat(renderer.render(conversation.screen(state.session()), language).messages())
                        .isNotEmpty();
                }
            }
        }
    }
}
