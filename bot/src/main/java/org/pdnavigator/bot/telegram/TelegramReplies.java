package org.pdnavigator.bot.telegram;

import org.pdnavigator.bot.chat.Reply;
import org.pdnavigator.bot.chat.SentMessages;
import org.pdnavigator.bot.render.Button;
import org.pdnavigator.bot.render.RenderedScreen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessages;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.ArrayList;
import java.util.List;

/**
 * Shows a reply in a Telegram chat: answers the tapped button's spinner first, then edits the tapped
 * message when the new screen fits in it, or sends new messages (and takes the buttons off the old one).
 */
final class TelegramReplies {

    private static final Logger log = LoggerFactory.getLogger(TelegramReplies.class);
    private static final String HTML = "HTML";
    private static final LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();

    private final TelegramClient client;
    private final SentMessages sent;
    private final TelegramCalls calls;

    TelegramReplies(TelegramClient client, SentMessages sent, TelegramCalls calls) {
        this.client = client;
        this.sent = sent;
        this.calls = calls;
    }

    void answerCallback(String callbackQueryId, String toast) {
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer = AnswerCallbackQuery.builder()
            .callbackQueryId(callbackQueryId);
        if (toast != null) {
            answer.text(toast);
        }
        call("answerCallbackQuery", () -> client.execute(answer.build()));
    }

    void show(long chatId, Reply reply, Integer tappedMessageId) {
        if (reply.erase()) {
            erase(chatId, reply);
            return;
        }
        if (reply.screen().isEmpty()) {
            return;
        }
        RenderedScreen screen = reply.screen().get();
        InlineKeyboardMarkup keyboard = keyboard(screen.keyboard(), reply.turn());
        if (reply.replaceTapped() && tappedMessageId != null && screen.messages().size() == 1
            && edit(chatId, tappedMessageId, screen.lastMessage(), keyboard)) {
            return;
        }
        if (tappedMessageId != null) {
            // The old screen's buttons would only lead to "out of date" now: take them away.
            call("editMessageReplyMarkup", () -> client.execute(EditMessageReplyMarkup.builder()
                .chatId(chatId).messageId(tappedMessageId).replyMarkup(InlineKeyboardMarkup.builder()
                    .keyboard(List.of()).build()).build()));
        }
        List<String> messages = screen.messages();
        for (int i = 0; i < messages.size(); i++) {
            boolean last = i == messages.size() - 1;
            SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder()
                .chatId(chatId).text(messages.get(i)).parseMode(HTML).linkPreviewOptions(NO_PREVIEW);
            if (last && keyboard != null) {
                send.replyMarkup(keyboard);
            }
            call("sendMessage", () -> sent.record(chatId, client.execute(send.build()).getMessageId()));
        }
    }

    /**
     * After /forget: deletes the bot's messages Telegram still lets it delete, then confirms in one message,
     * which is not recorded: nothing is kept about the chat afterwards.
     */
    private void erase(long chatId, Reply reply) {
        List<Integer> ids = sent.takeDeletable(chatId);
        for (int from = 0; from < ids.size(); from += 100) {
            List<Integer> batch = ids.subList(from, Math.min(ids.size(), from + 100));
            call("deleteMessages", () -> client.execute(DeleteMessages.builder().chatId(chatId).messageIds(batch)
                .build()));
        }
        reply.screen().ifPresent(screen -> screen.messages().forEach(message -> send(chatId, message)));
    }

    void send(long chatId, String html) {
        call("sendMessage", () -> client.execute(SendMessage.builder()
            .chatId(chatId).text(html).parseMode(HTML).linkPreviewOptions(NO_PREVIEW).build()));
    }

    /** Edits the tapped message; false when it cannot be edited (too old, deleted), so a new one is sent. */
    private boolean edit(long chatId, int messageId, String text, InlineKeyboardMarkup keyboard) {
        long start = System.nanoTime();
        try {
            client.execute(EditMessageText.builder().chatId(chatId).messageId(messageId).text(text)
                .parseMode(HTML).linkPreviewOptions(NO_PREVIEW).replyMarkup(keyboard).build());
            calls.completed("editMessageText", "ok", System.nanoTime() - start);
            return true;
        } catch (TelegramApiRequestException e) {
            calls.completed("editMessageText", outcome(e), System.nanoTime() - start);
            if (notModified(e)) {
                return true;
            }
            log.info("editMessageText refused ({}); sending a new message instead", e.getErrorCode());
            return false;
        } catch (TelegramApiException e) {
            calls.completed("editMessageText", "io", System.nanoTime() - start);
            log.warn("editMessageText failed: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    private static String outcome(TelegramApiRequestException e) {
        return notModified(e) ? "not_modified" : String.valueOf(e.getErrorCode());
    }

    static boolean notModified(TelegramApiRequestException e) {
        return e.getApiResponse() != null && e.getApiResponse().contains("message is not modified");
    }

    private static InlineKeyboardMarkup keyboard(List<List<Button>> rows, int turn) {
        if (rows.isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> keyboard = new ArrayList<>();
        for (List<Button> row : rows) {
            InlineKeyboardRow buttons = new InlineKeyboardRow();
            for (Button button : row) {
                buttons.add(InlineKeyboardButton.builder().text(button.text())
                    .callbackData(CallbackData.encode(turn, button.action())).build());
            }
            keyboard.add(buttons);
        }
        return InlineKeyboardMarkup.builder().keyboard(keyboard).build();
    }

    private void call(String method, ApiCall call) {
        long start = System.nanoTime();
        try {
            call.run();
            calls.completed(method, "ok", System.nanoTime() - start);
        } catch (TelegramApiRequestException e) {
            calls.completed(method, outcome(e), System.nanoTime() - start);
            if (!notModified(e)) {
                log.warn("{} refused by Telegram: [{}] {}", method, e.getErrorCode(), e.getApiResponse());
            }
        } catch (TelegramApiException e) {
            calls.completed(method, "io", System.nanoTime() - start);
            log.warn("{} failed: {}", method, e.getClass().getSimpleName());
        }
    }

    @FunctionalInterface
    private interface ApiCall {
        void run() throws TelegramApiException;
    }
}
