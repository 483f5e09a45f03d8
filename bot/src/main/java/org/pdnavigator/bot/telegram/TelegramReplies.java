package org.pdnavigator.bot.telegram;

import org.pdnavigator.bot.chat.Reply;
import org.pdnavigator.bot.chat.SentMessages;
import org.pdnavigator.bot.render.Button;
import org.pdnavigator.bot.render.RenderedScreen;
import org.pdnavigator.bot.share.QrImages;
import org.pdnavigator.bot.telegram.TelegramGateway.Kind;
import org.pdnavigator.bot.telegram.TelegramGateway.Result;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessages;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultsButton;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Shows a reply in a Telegram chat, through the gateway: edits the tapped message when the new screen fits in
 * it, or sends new messages (and takes the buttons off the old one), then answers the tap.
 */
final class TelegramReplies {

    private static final String HTML = "HTML";
    private static final LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();
    private static final LinkPreviewOptions WITH_PREVIEW = LinkPreviewOptions.builder().isDisabled(false).build();

    private final TelegramClient client;
    private final TelegramGateway gateway;
    private final SentMessages sent;
    private final CallbackData buttons;
    private final QrImages qrImages;
    /**
     * Each link's QR code is uploaded once: Telegram keeps the file, and its id sends it again (a link per language
     * and code, so few).
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, String> qrFileIds =
        com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();

    TelegramReplies(TelegramClient client, TelegramGateway gateway, SentMessages sent, CallbackData buttons,
                    QrImages qrImages) {
        this.qrImages = qrImages;
        this.client = client;
        this.gateway = gateway;
        this.sent = sent;
        this.buttons = buttons;
    }

    void answerCallback(String callbackQueryId) {
        gateway.call(0, "answerCallbackQuery", Kind.OTHER,
            () -> client.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build()));
    }

    /** Inline mode: no results, and a button that opens a private chat with the bot, in the person's language. */
    void answerInline(String queryId, String buttonText, String language) {
        gateway.call(0, "answerInlineQuery", Kind.OTHER, () -> client.execute(AnswerInlineQuery.builder()
            .inlineQueryId(queryId).results(List.of()).cacheTime(300)
            .button(InlineQueryResultsButton.builder().text(buttonText).startParameter(language).build()).build()));
    }

    /** @return whether everything the reply needed shown was accepted by Telegram */
    boolean show(long chatId, Reply reply, Integer tappedMessageId) {
        return show(chatId, reply, tappedMessageId, id -> sent.record(chatId, id));
    }

    /**
     * Shows a reply, handing the id of each message it sends to {@code sentIds} instead of recording it at once,
     * so the caller can record them with its own write (see {@link #record}).
     *
     * @return whether everything the reply needed shown was accepted by Telegram
     */
    boolean show(long chatId, Reply reply, Integer tappedMessageId, IntConsumer sentIds) {
        if (reply.erase()) {
            return erase(chatId, reply);
        }
        if (reply.file().isPresent()) {
            return sendFile(chatId, reply.file().get(), sentIds);
        }
        if (reply.screen().isEmpty()) {
            return true;
        }
        RenderedScreen screen = reply.screen().get();
        if (reply.qrCode().isPresent()) {
            return showWithQrCode(chatId, screen, reply.qrCode().get(), sentIds);
        }
        InlineKeyboardMarkup keyboard = keyboard(chatId, screen.keyboard(), reply.turn());
        if (reply.replaceTapped() && tappedMessageId != null && screen.messages().size() == 1) {
            Result<?> edited = gateway.call(chatId, "editMessageText", Kind.MESSAGE, () -> client.execute(
                EditMessageText.builder().chatId(chatId).messageId(tappedMessageId).text(screen.lastMessage())
                    .parseMode(HTML).linkPreviewOptions(NO_PREVIEW).replyMarkup(keyboard).build()));
            if (edited.succeeded()) {
                return true;
            }
        }
        if (tappedMessageId != null) {
            // The old screen's buttons would only lead to "out of date" now: take them away.
            gateway.call(chatId, "editMessageReplyMarkup", Kind.MESSAGE, () -> client.execute(
                EditMessageReplyMarkup.builder().chatId(chatId).messageId(tappedMessageId)
                    .replyMarkup(InlineKeyboardMarkup.builder().keyboard(List.of()).build()).build()));
        }
        boolean all = true;
        List<String> messages = screen.messages();
        for (int i = 0; i < messages.size(); i++) {
            all &= send(chatId, messages.get(i), i == messages.size() - 1 ? keyboard : null, sentIds, false);
        }
        return all;
    }

    /** Records the bot's messages in a chat, so /forget can delete them. */
    void record(long chatId, List<Integer> messageIds) {
        for (int id : messageIds) {
            sent.record(chatId, id);
        }
    }

    /** Sends a file (a document, by multipart upload), recorded so /forget can delete it. */
    private boolean sendFile(long chatId, Reply.Attachment file, IntConsumer sentIds) {
        Result<Message> result = gateway.call(chatId, "sendDocument", Kind.MESSAGE, () -> client.execute(
            SendDocument.builder().chatId(chatId)
                .document(new InputFile(new ByteArrayInputStream(file.content()), file.fileName()))
                .caption(file.caption()).parseMode(HTML).build()));
        result.returned().ifPresent(message -> sentIds.accept(message.getMessageId()));
        return result.succeeded();
    }

    /** Sends a screen as new messages, its buttons under the last; all recorded so /forget can delete them. */
    boolean sendScreen(long chatId, RenderedScreen screen, int turn) {
        InlineKeyboardMarkup keyboard = keyboard(chatId, screen.keyboard(), turn);
        List<String> messages = screen.messages();
        boolean all = true;
        for (int i = 0; i < messages.size(); i++) {
            all &= send(chatId, messages.get(i), i == messages.size() - 1 ? keyboard : null, true);
        }
        return all;
    }

    /** Side of the QR code image: big enough to print on a flyer, small for Telegram (a few kilobytes). */
    static final int QR_PIXELS = 1024;

    /**
     * A QR code as a photo, captioned with the screen's first message, then the screen's other messages (the
     * one to forward). A photo Telegram refuses leaves the caption to be sent as text, so the link still arrives.
     */
    private boolean showWithQrCode(long chatId, RenderedScreen screen, String text, IntConsumer sentIds) {
        List<String> messages = screen.messages();
        String uploaded = qrFileIds.getIfPresent(text);
        Result<Message> photo = uploaded == null ? null : sendPhoto(chatId, new InputFile(uploaded), messages.get(0));
        if (photo == null || !photo.succeeded()) {
            // Not sent before (or Telegram no longer knows the file): drawn and uploaded.
            qrFileIds.invalidate(text);
            byte[] png = qrImages.png(text, QR_PIXELS);
            photo = sendPhoto(chatId, new InputFile(new java.io.ByteArrayInputStream(png), "pd-navigator-qr.png"),
                messages.get(0));
            photo.returned().map(Message::getPhoto).filter(sizes -> !sizes.isEmpty())
                .map(sizes -> sizes.get(sizes.size() - 1).getFileId()).ifPresent(id -> qrFileIds.put(text, id));
        }
        photo.returned().ifPresent(message -> sentIds.accept(message.getMessageId()));
        boolean all = photo.succeeded() || send(chatId, messages.get(0), null, sentIds, false);
        for (String message : messages.subList(1, messages.size())) {
            // With the link's preview (the bot's name, picture and description): what a forward shows its reader.
            all &= send(chatId, message, null, sentIds, true);
        }
        return all;
    }

    private Result<Message> sendPhoto(long chatId, InputFile photo, String caption) {
        return gateway.call(chatId, "sendPhoto", Kind.MESSAGE, () -> client.execute(SendPhoto.builder()
            .chatId(chatId).photo(photo).caption(caption).parseMode(HTML).build()));
    }

    /** Sends one message; {@code record} keeps its id so /forget can delete it. */
    boolean send(long chatId, String html, InlineKeyboardMarkup keyboard, boolean record) {
        return send(chatId, html, keyboard, record ? id -> sent.record(chatId, id) : id -> { }, false);
    }

    /** Sends one message, handing its id to {@code sentIds}. */
    private boolean send(long chatId, String html, InlineKeyboardMarkup keyboard, IntConsumer sentIds,
                         boolean preview) {
        SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder()
            .chatId(chatId).text(html).parseMode(HTML).linkPreviewOptions(preview ? WITH_PREVIEW : NO_PREVIEW);
        if (keyboard != null) {
            send.replyMarkup(keyboard);
        }
        Result<Message> result = gateway.call(chatId, "sendMessage", Kind.MESSAGE, () -> client.execute(send.build()));
        result.returned().ifPresent(message -> sentIds.accept(message.getMessageId()));
        return result.succeeded();
    }

    /**
     * After /forget: deletes the bot's messages Telegram still lets it delete, then confirms in one message,
     * which is not recorded: nothing is kept about the chat afterwards.
     */
    private boolean erase(long chatId, Reply reply) {
        List<Integer> ids = sent.takeDeletable(chatId);
        for (int from = 0; from < ids.size(); from += 100) {
            List<Integer> batch = ids.subList(from, Math.min(ids.size(), from + 100));
            gateway.call(chatId, "deleteMessages", Kind.OTHER, () -> client.execute(DeleteMessages.builder()
                .chatId(chatId).messageIds(batch).build()));
        }
        boolean all = true;
        for (String message : reply.screen().map(RenderedScreen::messages).orElse(List.of())) {
            all &= send(chatId, message, null, false);
        }
        return all;
    }

    private InlineKeyboardMarkup keyboard(long chatId, List<List<Button>> rows, int turn) {
        if (rows.isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> keyboard = new ArrayList<>();
        for (List<Button> row : rows) {
            InlineKeyboardRow line = new InlineKeyboardRow();
            for (Button button : row) {
                line.add(InlineKeyboardButton.builder().text(button.text())
                    .callbackData(buttons.encode(chatId, turn, button.action())).build());
            }
            keyboard.add(line);
        }
        return InlineKeyboardMarkup.builder().keyboard(keyboard).build();
    }
}
