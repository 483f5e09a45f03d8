package org.pdnavigator.bot.telegram;

import org.pdnavigator.bot.chat.ChatActivity;
import org.pdnavigator.bot.render.RenderedScreen;
import org.pdnavigator.bot.render.Renderer;
import org.pdnavigator.bot.store.JdbcReminders;
import org.pdnavigator.dialogs.screen.Screens;
import org.pdnavigator.i18n.Language;
import org.pdnavigator.i18n.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends reminders that came due, only to people who asked for one. Every few seconds it looks for due reminders,
 * claims each (so of several instances one sends it), and marks it sent once Telegram accepted it. One that fails
 * stays claimed for the claim period and is tried again after it; one to a person who blocked the bot is dropped.
 */
public final class ReminderSender {

    private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);
    private static final int BATCH = 50;

    private final JdbcReminders reminders;
    private final TelegramReplies replies;
    private final Renderer renderer;
    private final Screens screens;
    private final Languages languages;
    private final BlockedChats blocked;
    private final ChatActivity activity;

    ReminderSender(JdbcReminders reminders, TelegramReplies replies, Renderer renderer, Screens screens,
                   Languages languages, BlockedChats blocked, ChatActivity activity) {
        this.reminders = reminders;
        this.replies = replies;
        this.renderer = renderer;
        this.screens = screens;
        this.languages = languages;
        this.blocked = blocked;
        this.activity = activity;
    }

    @Scheduled(initialDelayString = "${bot.reminder.poll}", fixedDelayString = "${bot.reminder.poll}")
    public void sendDue() {
        try {
            for (long id : reminders.due(BATCH)) {
                reminders.claim(id).ifPresent(this::send);
            }
        } catch (RuntimeException e) {
            // A database outage: tried again at the next poll.
            log.warn("Sending due reminders failed: {}", e.getClass().getSimpleName());
            activity.failed(e);
        }
    }

    private void send(JdbcReminders.Due due) {
        long id = due.reminder().id();
        if (blocked.isBlocked(due.chatId())) {
            reminders.close(id);
            return;
        }
        Language language = languages.choose(due.reminder().language(), null, null);
        RenderedScreen screen = renderer.reminder(screens.reminder(due.reminder().followUp(), due.reminder().days()),
            language, id);
        if (replies.sendScreen(due.chatId(), screen, 0)) {
            reminders.sent(id);
        } else if (blocked.isBlocked(due.chatId())) {
            reminders.close(id);
        }
    }
}
