package org.pdnavigator.bot.telegram;

import org.pdnavigator.bot.chat.ChatActivity;
import org.pdnavigator.bot.chat.ChatQueue;
import org.pdnavigator.bot.chat.ChatService;
import org.pdnavigator.bot.chat.Incoming;
import org.pdnavigator.bot.chat.Reply;
import org.pdnavigator.bot.render.Renderer;
import org.pdnavigator.dialogs.screen.Label;
import org.pdnavigator.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Takes updates from Telegram and hands each to its chat's queue, so one chat's updates are handled in order and
 * different chats in parallel. Every update gets a deliberate answer or a deliberate silence; every tap is
 * answered; nothing a person does ends in silence or a stack trace.
 */
public final class UpdateDispatcher {

    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final ChatService chats;
    private final ChatQueue queue;
    private final TelegramReplies replies;
    private final Renderer renderer;
    private final ChatActivity activity;
    private final UpdateReader reader;
    private final BlockedChats blocked;
    private final OperatorCommands operators;

    UpdateDispatcher(ChatService chats, ChatQueue queue, TelegramReplies replies, Renderer renderer,
                     ChatActivity activity, UpdateReader reader, BlockedChats blocked) {
        this(chats, queue, replies, renderer, activity, reader, blocked, OperatorCommands.NONE);
    }

    UpdateDispatcher(ChatService chats, ChatQueue queue, TelegramReplies replies, Renderer renderer,
                     ChatActivity activity, UpdateReader reader, BlockedChats blocked, OperatorCommands operators) {
        this.operators = operators;
        this.chats = chats;
        this.queue = queue;
        this.replies = replies;
        this.renderer = renderer;
        this.activity = activity;
        this.reader = reader;
        this.blocked = blocked;
    }

    /** Hands an update to its chat's queue; the future completes once it is handled and its answer shown. */
    public CompletableFuture<Void> dispatch(Update update) {
        UpdateReader.Read read;
        try {
            read = reader.read(update);
        } catch (RuntimeException e) {
            // An update of a shape the library could not make sense of: nothing to answer in.
            log.warn("An update could not be read: {}", e.getClass().getSimpleName());
            activity.failed(e);
            return CompletableFuture.completedFuture(null);
        }
        if (read instanceof UpdateReader.ForChat forChat) {
            return queue.submit(forChat.chatId(), () -> handle(forChat));
        }
        if (read instanceof UpdateReader.Membership membership) {
            return queue.submit(membership.chatId(), () -> membership(membership));
        }
        if (read instanceof UpdateReader.Inline inline) {
            Language language = chats.language(0, inline.languageCode());
            replies.answerInline(inline.queryId(), renderer.plain(Label.key("inline.button"), language),
                language.tag());
        } else if (read instanceof UpdateReader.InlineButton button) {
            replies.answerCallback(button.callbackQueryId());
        }
        return CompletableFuture.completedFuture(null);
    }

    private void handle(UpdateReader.ForChat read) {
        Language language = renderer.catalogue().fallback();
        try {
            language = chats.language(read.chatId(), read.languageCode());
            if (!read.privateChat()) {
                onGroup(read, language);
                return;
            }
            // Whoever writes to the bot has not blocked it (any more).
            blocked.unblock(read.chatId());
            if (read.operatorCommand() != null) {
                // An operator's command changes nothing in the chat's conversation; anyone else gets help.
                var answer = operators.answer(read.chatId(), read.operatorCommand());
                if (answer.isPresent()) {
                    replies.send(read.chatId(), answer.get(), null, false);
                    return;
                }
            }
            OptionalLong updateId = OptionalLong.of(read.updateId());
            Reply reply = chats.handle(read.chatId(), read.languageCode(), read.incoming(), updateId);
            if (reply.handledBefore()) {
                // Handled and answered before, here or by another instance: doing anything would do it twice.
                return;
            }
            // The messages sent are recorded (for /forget) in the same commit as "answered", not one commit each.
            List<Integer> sentIds = new ArrayList<>();
            boolean shown = false;
            boolean done = false;
            try {
                shown = replies.show(read.chatId(), reply, read.tappedMessageId(), sentIds::add);
                // Answered after the new screen is shown: the button's spinner lasts exactly as long as the wait.
                if (read.callbackQueryId() != null) {
                    replies.answerCallback(read.callbackQueryId());
                }
                done = true;
            } finally {
                if (done && shown) {
                    // Recorded last: a crash before this shows the screen again by editing the tapped message (no
                    // second copy) and answers the tap again (harmless), rather than leaving anything unanswered.
                    chats.answered(updateId, () -> replies.record(read.chatId(), sentIds));
                } else {
                    replies.record(read.chatId(), sentIds);
                }
            }
        } catch (RuntimeException e) {
            // Never a stack trace to the person, never their data in the log.
            log.error("Handling a {} failed", read.incoming().getClass().getSimpleName(), e);
            activity.failed(e);
            if (read.callbackQueryId() != null) {
                replies.answerCallback(read.callbackQueryId());
            }
            replies.send(read.chatId(), renderer.text(language, "notice.error"), null, false);
        }
    }

    /**
     * A private chat blocked or unblocked: recorded, so nothing is written to a person who blocked the bot. Added
     * to a group or channel: one line there saying the bot works only in a private chat.
     */
    private void membership(UpdateReader.Membership change) {
        if (change.privateChat()) {
            if (change.member()) {
                blocked.unblock(change.chatId());
            } else {
                blocked.block(change.chatId());
            }
        } else if (change.member()) {
            replies.send(change.chatId(), renderer.text(chats.language(0, change.languageCode()), "notice.group"),
                null, false);
        }
    }

    /** In a group the bot holds no intake: it says so in one line, to a command or a tap. */
    private void onGroup(UpdateReader.ForChat read, Language language) {
        if (read.callbackQueryId() != null) {
            replies.answerCallback(read.callbackQueryId());
        }
        Incoming incoming = read.incoming();
        if (incoming instanceof Incoming.Start || incoming instanceof Incoming.Help
            || incoming instanceof Incoming.Forget || incoming instanceof Incoming.LanguageMenu
            || incoming instanceof Incoming.Share || read.callbackQueryId() != null) {
            replies.send(read.chatId(), renderer.text(language, "notice.group"), null, false);
        }
    }
}
