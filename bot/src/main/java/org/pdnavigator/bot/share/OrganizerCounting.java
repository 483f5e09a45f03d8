package org.pdnavigator.bot.share;

import org.pdnavigator.bot.chat.ChatActivity;
import org.pdnavigator.bot.chat.ChatState;
import org.pdnavigator.bot.chat.Incoming;
import org.pdnavigator.bot.chat.StartPayload;
import org.pdnavigator.i18n.Language;
import org.pdnavigator.i18n.Languages;

/**
 * Counts a conversation under an organizer's code when it begins through a link with the code: a {@code /start}
 * whose payload is well formed and names a language the bot speaks. Anonymous: the chat is not looked at, and
 * nothing about it is kept, so {@code /forget} has nothing to erase here. A person who opens the link again counts
 * again: telling them apart would mean keeping who they are.
 */
public final class OrganizerCounting implements ChatActivity {

    private final JdbcOrganizerCodes codes;
    private final Languages languages;

    public OrganizerCounting(JdbcOrganizerCodes codes, Languages languages) {
        this.codes = codes;
        this.languages = languages;
    }

    @Override
    public void changed(long chatId, ChatState before, ChatState after, Incoming incoming, Language language) {
        if (incoming instanceof Incoming.Start start && after != null) {
            StartPayload.parse(start.payload())
                .filter(payload -> languages.match(payload.language()).isPresent())
                .flatMap(StartPayload::organizer)
                .ifPresent(codes::countConversation);
        }
    }
}
