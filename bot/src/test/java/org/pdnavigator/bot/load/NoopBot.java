package org.pdnavigator.bot.load;

import org.pdnavigator.bot.fake.FakeBotApi;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bot that does nothing but answer, with the same calls as the real one (a message with buttons for a
 * message; an edit with buttons, then the tap's answer, for a tap) over the real TelegramBots client: it
 * measures what the fake and the load generator cost on their own, so the real bot's figures can be read as
 * the bot's.
 */
final class NoopBot implements AutoCloseable {

    private static final InlineKeyboardMarkup KEYBOARD = InlineKeyboardMarkup.builder().keyboard(List.of(
        new InlineKeyboardRow(InlineKeyboardButton.builder().text("One").callbackData("one").build(),
            InlineKeyboardButton.builder().text("Two").callbackData("two").build()),
        new InlineKeyboardRow(InlineKeyboardButton.builder().text("⬅️ Back").callbackData("back").build())))
        .build();

    private final TelegramClient client;
    private final ExecutorService workers;
    private final AtomicLong answers = new AtomicLong();
    private final Thread poller;
    private volatile boolean running = true;

    NoopBot(FakeBotApi api, int workers) {
        this.client = new OkHttpTelegramClient(api.token(), api.telegramUrl());
        this.workers = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "noop-bot");
            thread.setDaemon(true);
            return thread;
        });
        this.poller = new Thread(this::poll, "noop-poll");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        int offset = 0;
        while (running) {
            try {
                List<Update> updates = client.execute(GetUpdates.builder().offset(offset).timeout(1).limit(100)
                    .build());
                for (Update update : updates) {
                    offset = Math.max(offset, update.getUpdateId() + 1);
                    workers.execute(() -> answer(update));
                }
            } catch (TelegramApiException e) {
                if (running) {
                    sleep();
                }
            }
        }
    }

    private void answer(Update update) {
        // Every screen different, as the real bot's are: an edit that changes nothing is refused.
        String text = "Screen " + answers.incrementAndGet();
        try {
            if (update.hasCallbackQuery()) {
                var query = update.getCallbackQuery();
                client.execute(EditMessageText.builder().chatId(query.getMessage().getChatId())
                    .messageId(query.getMessage().getMessageId()).text(text).replyMarkup(KEYBOARD).build());
                client.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).build());
            } else if (update.hasMessage()) {
                client.execute(SendMessage.builder().chatId(update.getMessage().getChatId()).text(text)
                    .replyMarkup(KEYBOARD).build());
            }
        } catch (TelegramApiException e) {
            // Counted by the generator: no answer arrives.
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
