package org.pdnavigator.bot.chat;

import java.util.List;

/** The bot's own messages in each chat, so that {@code /forget} can delete those Telegram still allows. */
public interface SentMessages {

    void record(long chatId, int messageId);

    /** Forgets the chat's messages, returning those still young enough for Telegram to delete. */
    List<Integer> takeDeletable(long chatId);

    /** Keeps nothing: for the console and tests without a chat to delete from. */
    SentMessages NONE = new SentMessages() {
        @Override
        public void record(long chatId, int messageId) {
        }

        @Override
        public List<Integer> takeDeletable(long chatId) {
            return List.of();
        }
    };
}
