package org.pdnavigator.bot.telegram;

import org.pdnavigator.bot.chat.ChatActivity;
import org.pdnavigator.bot.chat.ChatQueue;
import org.pdnavigator.bot.chat.ChatService;
import org.pdnavigator.bot.chat.Incoming;
import org.pdnavigator.bot.chat.Reply;
import org.pdnavigator.bot.render.Renderer;
import org.pdnavigator.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.OptionalLong;

/**
 * Takes updates from Telegram and hands each to its chat's queue, so one chat's updates are handled in
 * order and different chats in parallel. Answers every tap, and every update it cannot use, kindly.
 */
public final class UpdateDispatcher {

    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final ChatService chats;
    private final ChatQueue queue;
    private final TelegramReplies replies;
    private final Renderer renderer;
    private final ChatActivity activity;

    UpdateDispatcher(ChatService chats, ChatQueue queue, TelegramReplies replies, Renderer renderer,
                     ChatActivity activity) {
        this.chats = chats;
        this.queue = queue;
        this.replies = replies;
        this.renderer = renderer;
        this.activity = activity;
    }

    public void dispatch(List<Update> updates) {
        updates.forEach(this::dispatch);
    }

    /** Hands an update to its chat's queue; the future completes once it is handled and its state kept. */
    public CompletableFuture<Void> dispatch(Update update) {
        Optional<UpdateReader.Read> read = UpdateReader.read(update);
        if (read.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (read.get().chatId() == 0) {
            replies.answerCallback(read.get().callbackQueryId(), null);
            return CompletableFuture.completedFuture(null);
        }
        return queue.submit(read.get().chatId(), () -> handle(read.get()));
    }

    private void handle(UpdateReader.Read read) {
        Language language = renderer.catalogue().fallback();
        try {
            language = chats.language(read.chatId(), read.languageCode());
            if (!read.privateChat()) {
                onGroup(read, language);
                return;
            }
            Reply reply = chats.handle(read.chatId(), read.languageCode(), read.incoming(),
                OptionalLong.of(read.updateId()));
            if (reply.handledBefore()) {
                // Handled and answered before, here or by another instance: doing anything would do it twice.
                return;
            }
            replies.show(read.chatId(), reply, read.tappedMessageId());
            // Answered after the new screen is shown: the button's spinner lasts exactly as long as the wait.
            if (read.callbackQueryId() != null) {
                replies.answerCallback(read.callbackQueryId(), reply.toast().orElse(null));
            }
        } catch (RuntimeException e) {
            // Never a stack trace to the person, never their data in the log.
            log.error("Handling a {} failed", read.incoming().getClass().getSimpleName(), e);
            activity.failed(e);
            if (read.callbackQueryId() != null) {
                replies.answerCallback(read.callbackQueryId(), null);
            }
            replies.send(read.chatId(), renderer.text(language, "notice.error"));
        }
    }

    /** In a group the bot holds no intake: it says once, to a command or a tap, that it works in private. */
    private void onGroup(UpdateReader.Read read, Language language) {
        if (read.callbackQueryId() != null) {
            replies.answerCallback(read.callbackQueryId(), null);
        }
        Incoming incoming = read.incoming();
        if (incoming instanceof Incoming.Start || incoming instanceof Incoming.Help
            || incoming instanceof Incoming.Forget || read.callbackQueryId() != null) {
            replies.send(read.chatId(), renderer.text(language, "notice.group"));
        }
    }
}
