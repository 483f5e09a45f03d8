package org.pdnavigator.bot.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Contact;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.Voice;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberBanned;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.location.Location;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.api.objects.stickers.Sticker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A scripted person in a private chat with the bot, so tests read like what a user does ("send /start, tap
 * Next") and check what the user sees, not which API calls the bot made. Every action only queues an update and
 * returns; {@link #await()} waits until the bot has handled it. Obtain one with {@link FakeBotApi#user}; it
 * holds no state of its own (the chat lives in the fake), so any number of handles to one user agree.
 */
public final class FakeUser {

    /** The first name of every fake user (and of their private chats). */
    public static final String FIRST_NAME = "Test";

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    private static final Pattern COMMAND = Pattern.compile("^/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?");

    private final FakeBotApi api;
    private final long id;
    private final String languageCode;
    private final String firstName;
    private final String lastName;
    private final String username;

    FakeUser(FakeBotApi api, long id, String languageCode) {
        this(api, id, languageCode, FIRST_NAME, null, null);
    }

    FakeUser(FakeBotApi api, long id, String languageCode, String firstName, String lastName, String username) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.username = username;
        this.api = api;
        this.id = id;
        this.languageCode = languageCode;
    }

    /** The user id, which is also the id of the private chat. */
    public long id() {
        return id;
    }

    // ------------------------------------------------------------------------------------------- actions

    /** Sends a text; a leading {@code /command} (or {@code /command@bot}) gets its bot_command entity. */
    public void send(String text) {
        Matcher command = COMMAND.matcher(text);
        pushMessage(message -> {
            message.text(text);
            if (command.find()) {
                message.entities(List.of(MessageEntity.builder().type("bot_command").offset(0)
                        .length(command.end()).build()));
            }
            return message;
        });
    }

    public void sendSticker() {
        pushMessage(message -> message.sticker(Sticker.builder().fileId(fileId("sticker")).fileUniqueId(fileId("u"))
                .type("regular").width(512).height(512).isAnimated(false).isVideo(false).emoji("\uD83D\uDC4D")
                .fileSize(24_000).build()));
    }

    public void sendPhoto() {
        String fileId = fileId("photo");
        pushMessage(message -> message.photo(List.of(
                PhotoSize.builder().fileId(fileId + "-s").fileUniqueId(fileId + "-us").width(90).height(67)
                        .fileSize(1_500).build(),
                PhotoSize.builder().fileId(fileId + "-m").fileUniqueId(fileId + "-um").width(320).height(240)
                        .fileSize(18_000).build(),
                PhotoSize.builder().fileId(fileId + "-x").fileUniqueId(fileId + "-ux").width(1280).height(960)
                        .fileSize(160_000).build())));
    }

    public void sendVoice() {
        pushMessage(message -> message.voice(Voice.builder().fileId(fileId("voice")).fileUniqueId(fileId("u"))
                .duration(3).mimeType("audio/ogg").fileSize(9_000L).build()));
    }

    public void sendLocation() {
        pushMessage(message -> message.location(Location.builder().latitude(38.8977).longitude(-77.0365).build()));
    }

    /** Shares the user's own contact, as the "share my phone number" button does. */
    public void sendContact() {
        pushMessage(message -> message.contact(Contact.builder().phoneNumber("+12025550143").firstName(firstName).lastName(lastName)
                .userId(id).build()));
    }

    public void sendDocument() {
        pushMessage(message -> message.document(Document.builder().fileId(fileId("document"))
                .fileUniqueId(fileId("u")).fileName("notice.pdf").mimeType("application/pdf").fileSize(48_000L)
                .build()));
    }

    /** Edits one of their own earlier messages to {@code text}: Telegram sends an edited_message update. */
    public void editsMessage(String text) {
        Message message = Message.builder().messageId(api.chats().nextMessageId(id)).from(user()).chat(chat())
                .date((int) Instant.now().getEpochSecond() - 60).editDate((int) Instant.now().getEpochSecond())
                .text(text).build();
        Update update = new Update();
        update.setEditedMessage(message);
        api.push(update);
    }

    /** Types the bot's @name and {@code query} in any chat (inline mode). */
    public void sendsInlineQuery(String query) {
        InlineQuery inline = InlineQuery.builder().id(String.valueOf(api.nextId())).from(user()).query(query)
                .offset("").chatType("sender").build();
        api.chats().inlineQuerySent(inline.getId(), id);
        Update update = new Update();
        update.setInlineQuery(inline);
        api.push(update);
    }

    /** Blocks the bot (Telegram tells the bot with my_chat_member: member becomes kicked). */
    public void blocksBot() {
        pushMembership(new ChatMemberMember(api.botUser()), new ChatMemberBanned(api.botUser(), 0));
    }

    /** Unblocks the bot (kicked becomes member). */
    public void unblocksBot() {
        pushMembership(new ChatMemberBanned(api.botUser(), 0), new ChatMemberMember(api.botUser()));
    }

    private void pushMembership(ChatMember before, ChatMember after) {
        Update update = new Update();
        update.setMyChatMember(ChatMemberUpdated.builder().chat(chat()).from(user())
                .date((int) Instant.now().getEpochSecond()).oldChatMember(before).newChatMember(after).build());
        api.push(update);
    }

    /**
     * Taps the inline button labelled {@code buttonText}, looking through the bot's messages from the latest.
     *
     * @throws AssertionError if no message shows such a button, or it is not a callback button
     */
    public void tap(String buttonText) {
        List<BotMessage> messages = messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            BotMessage message = messages.get(i);
            for (Button button : message.keyboard().stream().flatMap(List::stream).toList()) {
                if (button.text().equals(buttonText)) {
                    if (button.callbackData() == null) {
                        throw new AssertionError("Button \"" + buttonText + "\" sends no callback (url: "
                                + button.url() + ")");
                    }
                    tapData(message.messageId(), button.callbackData());
                    return;
                }
            }
        }
        throw new AssertionError("No button \"" + buttonText + "\" in chat " + id + "; visible buttons: "
                + messages.stream().map(message -> message.messageId() + "=" + message.buttonTexts())
                .collect(Collectors.joining(", ", "[", "]")));
    }

    /**
     * Sends a callback query with any data from any message id, as a forged or stale button would; the message
     * is embedded as Telegram would if it is still in the chat.
     */
    public void tapData(long messageId, String data) {
        Message message = currentMessage(messageId);
        CallbackQuery query = new CallbackQuery();
        query.setId(String.valueOf(api.nextId()));
        query.setFrom(user());
        query.setMessage(message);
        query.setChatInstance("chat-instance-" + id);
        query.setData(data);
        api.chats().callbackSent(query.getId(), id);
        Update update = new Update();
        update.setCallbackQuery(query);
        api.push(update);
    }

    /** Taps a button under a message sent in inline mode: the query has an inline message id and no message. */
    public void tapInlineMessage(String data) {
        CallbackQuery query = new CallbackQuery();
        query.setId(String.valueOf(api.nextId()));
        query.setFrom(user());
        query.setInlineMessageId("inline-" + api.nextId());
        query.setChatInstance("chat-instance-inline");
        query.setData(data);
        api.chats().callbackSent(query.getId(), id);
        Update update = new Update();
        update.setCallbackQuery(query);
        api.push(update);
    }

    // ------------------------------------------------------------------------------------------ what it sees

    /** The bot's messages in this chat as they stand now, oldest first. */
    public List<BotMessage> messages() {
        return api.messages(id);
    }

    /** @throws AssertionError if the bot has not (or no longer) any message in this chat */
    public BotMessage lastMessage() {
        List<BotMessage> messages = messages();
        if (messages.isEmpty()) {
            throw new AssertionError("The bot has no message in chat " + id);
        }
        return messages.get(messages.size() - 1);
    }

    /** All current bot messages as displayed (markup stripped, entities decoded), separated by blank lines. */
    public String visibleText() {
        return messages().stream().map(BotMessage::plainText).collect(Collectors.joining("\n\n"));
    }

    /** Button labels of the latest message that has a keyboard, row after row; empty when none has one. */
    public List<String> buttons() {
        return keyboard().stream().flatMap(List::stream).toList();
    }

    /** Rows of button labels of the latest message that has a keyboard. */
    public List<List<String>> keyboard() {
        List<BotMessage> messages = messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).hasKeyboard()) {
                return messages.get(i).keyboard().stream()
                        .map(row -> row.stream().map(Button::text).toList()).toList();
            }
        }
        return List.of();
    }

    /** Texts of the bot's answers to this user's taps, in order ("" for an answer without text). */
    public List<String> callbackAnswers() {
        return api.chats().callbackAnswers(id);
    }

    /** The button the bot offered in its answer to each of this user's inline queries (empty object: none). */
    public List<JsonNode> inlineAnswers() {
        return api.chats().inlineAnswers(id);
    }

    /** Whether the bot answered every callback query this user sent (an unanswered one spins in the app). */
    public boolean allCallbacksAnswered() {
        return api.chats().allCallbacksAnswered(id);
    }

    // --------------------------------------------------------------------------------------------- waiting

    /** Waits (up to 10 s) until the bot has handled everything sent so far; see {@link FakeBotApi#awaitIdle}. */
    public FakeUser await() {
        return await(DEFAULT_WAIT);
    }

    public FakeUser await(Duration timeout) {
        if (!api.awaitIdle(timeout)) {
            throw new AssertionError("The bot did not finish within " + timeout.toMillis() + " ms: "
                    + api.describeActivity());
        }
        return this;
    }

    // ------------------------------------------------------------------------------------------- internals

    private void pushMessage(UnaryOperator<Message.MessageBuilder<?, ?>> content) {
        Message message = content.apply(Message.builder()
                .messageId(api.chats().nextMessageId(id))
                .from(user())
                .chat(chat())
                .date((int) Instant.now().getEpochSecond())).build();
        Update update = new Update();
        update.setMessage(message);
        api.push(update);
    }

    private Message currentMessage(long messageId) {
        JsonNode json = api.chats().messageJson(id, messageId);
        if (json == null) {
            return Message.builder().messageId((int) messageId).chat(chat()).from(api.botUser())
                    .date((int) Instant.now().getEpochSecond()).build();
        }
        try {
            return api.mapper().treeToValue(json, Message.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The fake's own message JSON does not parse", e);
        }
    }

    User user() {
        return User.builder().id(id).isBot(false).firstName(firstName).lastName(lastName).userName(username)
                .languageCode(languageCode).build();
    }

    private Chat chat() {
        return Chat.builder().id(id).type("private").firstName(firstName).lastName(lastName).userName(username)
                .build();
    }

    private String fileId(String kind) {
        return "fake-" + kind + "-" + api.nextId();
    }
}
