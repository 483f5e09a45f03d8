package org.pdnavigator.bot.chat;

import java.util.Optional;

/** Where each chat's state is kept. */
public interface ChatStore {

    Optional<ChatState> find(long chatId);

    void save(long chatId, ChatState state);

    /** Erases everything kept about the chat. */
    void forget(long chatId);

    /** How many chats have a state, for operators and benchmarks. */
    long size();
}
