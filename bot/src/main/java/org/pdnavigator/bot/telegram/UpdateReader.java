package org.pdnavigator.bot.telegram;

import org.pdnavigator.bot.chat.Incoming;
import org.pdnavigator.bot.chat.Incoming.Media.Kind;
import org.pdnavigator.bot.chat.StartPayload;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns a Telegram update into what the bot does with it: every kind of update gets a deliberate answer or a
 * deliberate silence. Typed text is looked at only to find a command, never kept.
 */
final class UpdateReader {

    private final CallbackData buttons;

    UpdateReader(CallbackData buttons) {
        this.buttons = buttons;
    }

    /** What an update is, for the bot. */
    sealed interface Read {
        long updateId();
    }

    /**
     * Something a person did in a chat.
     *
     * @param operatorCommand an operator's command ({@code stats}) when the text was one, else {@code null}; for
     *                        anyone not an operator, {@code incoming} says what it is to them (help)
     */
    record ForChat(long updateId, long chatId, boolean privateChat, String languageCode, Incoming incoming,
                   String callbackQueryId, Integer tappedMessageId, String operatorCommand) implements Read {
    }

    /** Someone typed the bot's name in another chat (inline mode): pointed to a private chat. */
    record Inline(long updateId, String queryId, String languageCode) implements Read {
    }

    /** The bot's membership of a chat changed: blocked or unblocked in private, added to a group or channel. */
    record Membership(long updateId, long chatId, boolean privateChat, boolean member, String languageCode)
        implements Read {
    }

    /** A button under a message sent in inline mode: nothing to answer in, only the spinner to stop. */
    record InlineButton(long updateId, String callbackQueryId) implements Read {
    }

    /**
     * Deliberate silence: edited messages (the conversation is by buttons), channel posts, polls, payments,
     * reactions and other updates the bot never asked for, and updates missing what Telegram always sends.
     */
    record Silent(long updateId, String kind) implements Read {
    }

    Read read(Update update) {
        long id = update.getUpdateId();
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            if (query.getId() == null) {
                return new Silent(id, "callback query without an id");
            }
            if (query.getMessage() == null) {
                return new InlineButton(id, query.getId());
            }
            if (!hasId(query.getMessage().getChat())) {
                // Not what Telegram sends; with no chat there is nowhere to answer but the spinner.
                return new InlineButton(id, query.getId());
            }
            long chatId = query.getMessage().getChatId();
            Incoming incoming = buttons.decode(chatId, query.getData())
                .<Incoming>map(d -> new Incoming.Tap(d.turn(), d.action()))
                .orElseGet(Incoming.BadTap::new);
            return new ForChat(id, chatId, isPrivate(query.getMessage().getChat()), language(query.getFrom()),
                incoming, query.getId(), query.getMessage().getMessageId(), null);
        }
        if (update.hasMessage()) {
            Message message = update.getMessage();
            if (!hasId(message.getChat())) {
                return new Silent(id, "message without a chat");
            }
            return new ForChat(id, message.getChatId(), isPrivate(message.getChat()), language(message.getFrom()),
                incoming(message), null, null, message.hasText() ? operatorCommand(message.getText()) : null);
        }
        if (update.hasInlineQuery()) {
            if (update.getInlineQuery().getId() == null) {
                return new Silent(id, "inline query without an id");
            }
            return new Inline(id, update.getInlineQuery().getId(), language(update.getInlineQuery().getFrom()));
        }
        if (update.hasMyChatMember()) {
            ChatMemberUpdated change = update.getMyChatMember();
            if (!hasId(change.getChat())) {
                return new Silent(id, "membership change without a chat");
            }
            String status = change.getNewChatMember() == null ? "" : change.getNewChatMember().getStatus();
            boolean member = !("kicked".equals(status) || "left".equals(status));
            return new Membership(id, change.getChat().getId(), isPrivate(change.getChat()), member,
                language(change.getFrom()));
        }
        if (update.hasEditedMessage()) {
            return new Silent(id, "edited message");
        }
        if (update.hasChannelPost() || update.hasEditedChannelPost()) {
            return new Silent(id, "channel post");
        }
        return new Silent(id, "other update");
    }

    private static boolean hasId(Chat chat) {
        return chat != null && chat.getId() != null;
    }

    private static boolean isPrivate(Chat chat) {
        return chat != null && Boolean.TRUE.equals(chat.isUserChat());
    }

    private static Incoming incoming(Message message) {
        if (message.hasText()) {
            return command(message.getText());
        }
        if (message.hasSticker() || message.hasAnimation()) {
            return new Incoming.Media(Kind.STICKER);
        }
        if (message.hasPhoto() || message.hasVideo()) {
            return new Incoming.Media(Kind.PHOTO);
        }
        if (message.hasVoice() || message.hasAudio() || message.hasVideoNote()) {
            return new Incoming.Media(Kind.VOICE);
        }
        if (message.hasDocument()) {
            return new Incoming.Media(Kind.DOCUMENT);
        }
        if (message.hasContact() || message.hasLocation() || message.getVenue() != null) {
            return new Incoming.Media(Kind.PERSONAL);
        }
        return new Incoming.Media(Kind.OTHER);
    }

    /**
     * {@code /start}, {@code /help}, {@code /forget}, {@code /language}, {@code /share} (also as {@code /start@bot}); anything
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
            case "share" -> share(text, end);
            // An operator's command: to anyone else, the help they would get from /help.
            case "stats" -> new Incoming.Help();
            default -> new Incoming.Typed();
        };
    }

    /**
     * {@code /share} and an optional organizer's code after it. A code that cannot go in a link is not carried,
     * only the fact that there was one, so the person can be told how a code looks.
     */
    private static Incoming.Share share(String text, int end) {
        int space = text.indexOf(' ', end);
        String code = space < 0 ? "" : text.substring(space + 1).strip();
        if (code.isEmpty()) {
            return new Incoming.Share();
        }
        return StartPayload.isCode(code) ? new Incoming.Share(java.util.Optional.of(code), false)
            : new Incoming.Share(java.util.Optional.empty(), true);
    }

    /** {@code /stats} (also as {@code /stats@bot}), the operators' command, or {@code null}. */
    static String operatorCommand(String text) {
        String word = text.strip().split("[\\s@]", 2)[0];
        return "/stats".equals(word) ? "stats" : null;
    }

    /** What follows the command word: a deep link's start parameter. Only its form is kept, never free text. */
    private static String payload(String text, int end) {
        int space = text.indexOf(' ', end);
        if (space < 0) {
            return "";
        }
        String payload = text.substring(space + 1).strip();
        return StartPayload.parse(payload).isPresent() ? payload : "";
    }

    private static String language(User user) {
        return user == null ? null : user.getLanguageCode();
    }
}
