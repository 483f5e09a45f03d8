package org.pdnavigator.bot.telegram;

import org.pdnavigator.bot.chat.Incoming;
import org.pdnavigator.bot.chat.Incoming.Media.Kind;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.util.Optional;

/**
 * Turns a Telegram update into what the conversation needs: which chat, whether it is private, the
 * person's language tag, and what they did. Typed text is looked at only to find a command, never kept.
 */
final class UpdateReader {

    private UpdateReader() {
    }

    /** An update worth answering. */
    record Read(long updateId, long chatId, boolean privateChat, String languageCode, Incoming incoming,
                String callbackQueryId, Integer tappedMessageId) {
    }

    static Optional<Read> read(Update update) {
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            if (query.getMessage() == null) {
                // A button under an inline-mode message: no chat to answer in, only the spinner to stop.
                return Optional.of(new Read(update.getUpdateId(), 0, false, language(query.getFrom()),
                    new Incoming.BadTap(), query.getId(), null));
            }
            Incoming incoming = CallbackData.decode(query.getData())
                .<Incoming>map(d -> new Incoming.Tap(d.turn(), d.action()))
                .orElseGet(Incoming.BadTap::new);
            boolean privateChat = query.getMessage().getChat() != null
                && Boolean.TRUE.equals(query.getMessage().getChat().isUserChat());
            return Optional.of(new Read(update.getUpdateId(), query.getMessage().getChatId(), privateChat,
                language(query.getFrom()), incoming, query.getId(), query.getMessage().getMessageId()));
        }
        if (update.hasMessage()) {
            Message message = update.getMessage();
            return Optional.of(new Read(update.getUpdateId(), message.getChatId(),
                Boolean.TRUE.equals(message.getChat().isUserChat()), language(message.getFrom()), incoming(message),
                null, null));
        }
        return Optional.empty();
    }

    private static Incoming incoming(Message message) {
        if (message.hasText()) {
            return command(message.getText());
        }
        if (message.hasSticker()) {
            return new Incoming.Media(Kind.STICKER);
        }
        if (message.hasPhoto()) {
            return new Incoming.Media(Kind.PHOTO);
        }
        if (message.hasVoice() || message.hasAudio() || message.hasVideoNote()) {
            return new Incoming.Media(Kind.VOICE);
        }
        if (message.hasDocument()) {
            return new Incoming.Media(Kind.DOCUMENT);
        }
        return new Incoming.Media(Kind.OTHER);
    }

    /**
     * {@code /start}, {@code /help}, {@code /forget}, {@code /language} (also as {@code /start@bot}); anything
     * else is typed text.
     */
    static Incoming command(String text) {
        if (!text.startsWith("/")) {
            return new Incoming.Typed();
        }
        int end = 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '@') {
            end++;
        }
        return switch (text.substring(1, end)) {
            case "start" -> new Incoming.Start(payload(text, end));
            case "help" -> new Incoming.Help();
            case "forget" -> new Incoming.Forget();
            case "language" -> new Incoming.LanguageMenu();
            default -> new Incoming.Typed();
        };
    }

    /** What follows the command word: a deep link's start parameter. Only its form is kept, never free text. */
    private static String payload(String text, int end) {
        int space = text.indexOf(' ', end);
        if (space < 0) {
            return "";
        }
        String payload = text.substring(space + 1).strip();
        return org.pdnavigator.bot.chat.StartPayload.parse(payload).isPresent() ? payload : "";
    }

    private static String language(User user) {
        return user == null ? null : user.getLanguageCode();
    }
}
