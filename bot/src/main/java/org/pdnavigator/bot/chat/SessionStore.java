package org.pdnavigator.bot.chat;

import org.pdnavigator.dialogs.Session;

import java.util.Optional;

/** Where each chat's place in the conversation is kept. */
public interface SessionStore {

    Optional<Session> find(long chatId);

    void save(long chatId, Session session);

    /** Erases everything kept about the chat. */
    void forget(long chatId);

    /** How many chats have a session, for operators and benchmarks. */
    long size();
}
