package org.pdnavigator.bot.telegram;

import org.pdnavigator.bot.fake.TelegramHtml;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Telegram client that records what the bot sends and checks it as Telegram would (HTML that parses, text
 * within 4096 characters, button data within 64 bytes), for tests of the handler without HTTP. Errors can be
 * queued: the next calls then fail as Telegram would fail them.
 */
final class RecordingTelegramClient {

    private final AtomicInteger messageIds = new AtomicInteger(1);
    private final Set<String> answeredCallbacks = ConcurrentHashMap.newKeySet();
    private final Set<String> answeredInlineQueries = ConcurrentHashMap.newKeySet();
    private final Map<Long, List<String>> keyboards = new ConcurrentHashMap<>();
    private final Map<Long, Integer> lastMessage = new ConcurrentHashMap<>();
    private final Queue<Integer> faults = new ConcurrentLinkedQueue<>();
    private final Queue<String> refusals = new ConcurrentLinkedQueue<>();
    private final TelegramClient client;

    RecordingTelegramClient() {
        client = (TelegramClient) Proxy.newProxyInstance(TelegramClient.class.getClassLoader(),
            new Class<?>[] {TelegramClient.class}, (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return switch (method.getName()) {
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "RecordingTelegramClient";
                    };
                }
                if (!method.getName().equals("execute") || args == null || args.length != 1) {
                    throw new UnsupportedOperationException(method.getName());
                }
                return execute(args[0]);
            });
    }

    TelegramClient client() {
        return client;
    }

    /** The next call fails with this HTTP status (0: the network fails). */
    void failNext(int status) {
        faults.add(status);
    }

    void clearFaults() {
        faults.clear();
    }

    boolean callbackAnswered(String callbackQueryId) {
        return answeredCallbacks.contains(callbackQueryId);
    }

    boolean inlineQueryAnswered(String inlineQueryId) {
        return answeredInlineQueries.contains(inlineQueryId);
    }

    /** Button data of the chat's latest keyboard. */
    List<String> keyboard(long chatId) {
        return keyboards.getOrDefault(chatId, List.of());
    }

    int lastMessage(long chatId) {
        return lastMessage.getOrDefault(chatId, 1);
    }

    /** What Telegram would have refused, with why. */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    private Object execute(Object request) throws TelegramApiRequestException {
        // Whatever happens next, the request was made: a tap is answered even if Telegram then fails.
        if (request instanceof AnswerCallbackQuery answer) {
            answeredCallbacks.add(answer.getCallbackQueryId());
        } else if (request instanceof AnswerInlineQuery answer) {
            answeredInlineQueries.add(answer.getInlineQueryId());
        }
        Integer fault = faults.poll();
        if (fault != null) {
            throw failure(fault);
        }
        if (request instanceof SendMessage send) {
            long chatId = Long.parseLong(send.getChatId());
            check(send.getText(), send.getParseMode(), send.getReplyMarkup());
            int id = messageIds.incrementAndGet();
            lastMessage.put(chatId, id);
            remember(chatId, send.getReplyMarkup());
            return Message.builder().messageId(id).date(0).chat(Chat.builder().id(chatId).type("private").build())
                .text(send.getText()).build();
        }
        if (request instanceof EditMessageText edit) {
            long chatId = Long.parseLong(edit.getChatId());
            check(edit.getText(), edit.getParseMode(), edit.getReplyMarkup());
            remember(chatId, edit.getReplyMarkup());
            return Message.builder().messageId(edit.getMessageId()).date(0)
                .chat(Chat.builder().id(chatId).type("private").build()).text(edit.getText()).build();
        }
        return Boolean.TRUE;
    }

    private void check(String text, String parseMode, ReplyKeyboard markup) {
        try {
            String shown = "HTML".equals(parseMode) ? TelegramHtml.toPlainText(text) : text;
            if (shown.strip().isEmpty() || shown.length() > 4096) {
                refusals.add("text of " + shown.length() + " characters");
            }
        } catch (TelegramHtml.HtmlException e) {
            refusals.add("can't parse entities: " + e.getMessage());
        }
        if (markup instanceof InlineKeyboardMarkup inline) {
            for (InlineKeyboardRow row : inline.getKeyboard()) {
                for (InlineKeyboardButton button : row) {
                    String data = button.getCallbackData();
                    if (data != null && (data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > 64)) {
                        refusals.add("BUTTON_DATA_INVALID");
                    }
                }
            }
        }
    }

    private void remember(long chatId, ReplyKeyboard markup) {
        List<String> data = new ArrayList<>();
        if (markup instanceof InlineKeyboardMarkup inline) {
            inline.getKeyboard().forEach(row -> row.forEach(button -> data.add(button.getCallbackData())));
        }
        keyboards.put(chatId, data);
    }

    private static TelegramApiRequestException failure(int status) {
        if (status == 0) {
            return new TelegramApiRequestException("Unable to execute method", new java.io.IOException("reset"));
        }
        String description = switch (status) {
            case 400 -> "Bad Request: message to edit not found";
            case 403 -> "Forbidden: bot was blocked by the user";
            case 429 -> "Too Many Requests: retry after 1";
            default -> "Internal Server Error";
        };
        ResponseParameters parameters = status == 429 ? new ResponseParameters(null, 1) : null;
        return new TelegramApiRequestException("Error executing method",
            new ApiResponse<>(false, status, description, parameters, null));
    }
}
