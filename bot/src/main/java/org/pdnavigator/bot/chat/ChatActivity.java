package org.pdnavigator.bot.chat;

import org.pdnavigator.i18n.Language;

/**
 * Told of every change to a chat's state once it is kept: for anonymous counts, the operators' dashboard and
 * metrics. Implementations record steps, choices and outcomes, never who the person is or anything typed.
 */
public interface ChatActivity {

    /**
     * A chat's state changed and was kept.
     *
     * @param chatId   the chat, to derive an anonymous tag from; never to be stored or logged as it is
     * @param before   the state before, or {@code null} for a new chat
     * @param after    the state after, or {@code null} when the chat was forgotten
     * @param incoming what the person did
     * @param language the language the chat is spoken to in
     */
    void changed(long chatId, ChatState before, ChatState after, Incoming incoming, Language language);

    /** Handling an update failed (a bug, a database outage): counted, never shown to the person as such. */
    default void failed(Throwable error) {
    }

    ChatActivity NONE = (chatId, before, after, incoming, language) -> { };

    /** All of them, each told in turn; one that fails does not keep the others from being told. */
    static ChatActivity all(java.util.List<ChatActivity> listeners) {
        if (listeners.isEmpty()) {
            return NONE;
        }
        if (listeners.size() == 1) {
            return listeners.get(0);
        }
        java.util.List<ChatActivity> copy = java.util.List.copyOf(listeners);
        return new ChatActivity() {
            @Override
            public void changed(long chatId, ChatState before, ChatState after, Incoming incoming,
                                Language language) {
                for (ChatActivity listener : copy) {
                    try {
                        listener.changed(chatId, before, after, incoming, language);
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(ChatActivity.class)
                            .warn("Counting a change failed: {}", e.getClass().getSimpleName());
                    }
                }
            }

            @Override
            public void failed(Throwable error) {
                for (ChatActivity listener : copy) {
                    try {
                        listener.failed(error);
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(ChatActivity.class)
                            .warn("Counting a failure failed: {}", e.getClass().getSimpleName());
                    }
                }
            }
        };
    }
}
