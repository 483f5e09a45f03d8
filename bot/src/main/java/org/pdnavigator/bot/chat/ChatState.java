package org.pdnavigator.bot.chat;

import org.pdnavigator.dialogs.Session;

/**
 * What is kept about one chat: where it is in the conversation, and its language with how it was decided.
 *
 * @param language primary tag of the language spoken in this chat
 */
public record ChatState(Session session, String language, LanguageSource languageSource) {

    /** How a chat's language was decided, strongest first. */
    public enum LanguageSource {
        /** The person picked it. */
        CHOSEN,
        /** The link they came by carried it. */
        LINKED,
        /** Their Telegram app's language, checked again at every update. */
        TELEGRAM
    }

    public ChatState withSession(Session next) {
        return new ChatState(next, language, languageSource);
    }

    public ChatState withLanguage(String tag, LanguageSource source) {
        return new ChatState(session, tag, source);
    }
}
