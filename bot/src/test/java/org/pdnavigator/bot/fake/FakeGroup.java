package org.pdnavigator.bot.fake;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberLeft;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.stickers.Sticker;

import java.time.Instant;
import java.util.List;

/**
 * A group, supergroup or channel, with one member who acts there: adds the bot, writes, sends a sticker, taps a
 * button, or (in a channel) posts. Like {@link FakeUser}, it only queues updates; the chat lives in the fake.
 */
public final class FakeGroup {

    private final FakeBotApi api;
    private final long id;
    private final String type;
    private final FakeUser member;

    FakeGroup(FakeBotApi api, long id, String type, FakeUser member) {
        this.api = api;
        this.id = id;
        this.type = type;
        this.member = member;
    }

    public long id() {
        return id;
    }

    /** The member adds the bot (a channel makes it an administrator, as it must to post). */
    public void addsBot() {
        ChatMember now = "channel".equals(type)
                ? ChatMemberAdministrator.builder().user(api.botUser()).canBeEdited(false).isAnonymous(false)
                    .canManageChat(true).canDeleteMessages(false).canManageVideoChats(false)
                    .canRestrictMembers(false).canPromoteMembers(false).canChangeInfo(false).canInviteUsers(false)
                    .canPostMessages(true).canPostStories(false).canEditStories(false).canDeleteStories(false)
                    .build()
                : new ChatMemberMember(api.botUser());
        pushMembership(new ChatMemberLeft(api.botUser()), now);
    }

    /** The member removes the bot. */
    public void removesBot() {
        pushMembership(new ChatMemberMember(api.botUser()), new ChatMemberLeft(api.botUser()));
    }

    /** The member writes {@code text}; a leading /command gets its entity. */
    public void send(String text) {
        Message.MessageBuilder<?, ?> message = message().text(text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            message.entities(List.of(MessageEntity.builder().type("bot_command").offset(0).length(end).build()));
        }
        pushMessage(message.build());
    }

    public void sendSticker() {
        pushMessage(message().sticker(Sticker.builder().fileId("fake-sticker-" + api.nextId())
                .fileUniqueId("u-" + api.nextId()).type("regular").width(512).height(512).isAnimated(false)
                .isVideo(false).build()).build());
    }

    /** A channel post (channels only): Telegram sends channel_post, no sender. */
    public void post(String text) {
        Update update = new Update();
        update.setChannelPost(Message.builder().messageId(api.chats().nextMessageId(id)).chat(chat())
                .date(now()).text(text).build());
        api.push(update);
    }

    /** The member taps a button with {@code data} under a message of the bot in this chat. */
    public void tapData(String data) {
        Message message = Message.builder().messageId(api.chats().nextMessageId(id)).chat(chat())
                .from(api.botUser()).date(now()).text("…").build();
        CallbackQuery query = new CallbackQuery();
        query.setId(String.valueOf(api.nextId()));
        query.setFrom(member.user());
        query.setMessage(message);
        query.setChatInstance("chat-instance-" + id);
        query.setData(data);
        api.chats().callbackSent(query.getId(), member.id());
        Update update = new Update();
        update.setCallbackQuery(query);
        api.push(update);
    }

    /** The bot's messages in this chat, oldest first. */
    public List<BotMessage> messages() {
        return api.messages(id);
    }

    private void pushMembership(ChatMember before, ChatMember after) {
        Update update = new Update();
        update.setMyChatMember(ChatMemberUpdated.builder().chat(chat()).from(member.user()).date(now())
                .oldChatMember(before).newChatMember(after).build());
        api.push(update);
    }

    private Message.MessageBuilder<?, ?> message() {
        return Message.builder().messageId(api.chats().nextMessageId(id)).from(member.user()).chat(chat())
                .date(now());
    }

    private void pushMessage(Message message) {
        Update update = new Update();
        update.setMessage(message);
        api.push(update);
    }

    private Chat chat() {
        return Chat.builder().id(id).type(type).title("Community " + type).build();
    }

    private static int now() {
        return (int) Instant.now().getEpochSecond();
    }
}
