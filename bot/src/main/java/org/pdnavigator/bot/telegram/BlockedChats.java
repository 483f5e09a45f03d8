package org.pdnavigator.bot.telegram;

/**
 * Chats whose person blocked the bot (a 403, or Telegram's {@code my_chat_member} saying so): nothing more is
 * written to them until they come back.
 */
public interface BlockedChats {

    boolean isBlocked(long chatId);

    void block(long chatId);

    /** The person unblocked the bot, or wrote to it again. */
    void unblock(long chatId);

    BlockedChats NONE = new BlockedChats() {
        @Override
        public boolean isBlocked(long chatId) {
            return false;
        }

        @Override
        public void block(long chatId) {
        }

        @Override
        public void unblock(long chatId) {
        }
    };
}
