package org.pdnavigator.bot.chat;

import org.pdnavigator.bot.render.RenderedScreen;
import org.pdnavigator.bot.render.Renderer;
import org.pdnavigator.dialogs.Conversation;
import org.pdnavigator.dialogs.Session;
import org.pdnavigator.dialogs.Turn;
import org.pdnavigator.i18n.Language;

import java.util.List;

/**
 * One chat's side of the conversation, whatever the transport: loads the session, applies what the person
 * did, keeps the new session, and says what to show. Callers handle one chat's updates one at a time.
 */
public final class ChatService {

    private final Conversation conversation;
    private final SessionStore sessions;
    private final Renderer renderer;

    public ChatService(Conversation conversation, SessionStore sessions, Renderer renderer) {
        this.conversation = conversation;
        this.sessions = sessions;
        this.renderer = renderer;
    }

    public Reply handle(long chatId, Language language, Incoming incoming) {
        if (incoming instanceof Incoming.Start) {
            Session start = conversation.restart(sessions.find(chatId).orElseGet(conversation::start)).session();
            sessions.save(chatId, start);
            return Reply.show(screen(start, language), start.turn(), false);
        }
        if (incoming instanceof Incoming.Forget) {
            sessions.forget(chatId);
            return Reply.show(new RenderedScreen(null, List.of(renderer.text(language, "forget.done")), List.of()),
                0, false);
        }
        Session session = sessions.find(chatId).orElse(null);
        if (session == null) {
            // No session (new chat, or erased or expired): begin, and explain if they tapped an old button.
            Session start = conversation.start();
            sessions.save(chatId, start);
            RenderedScreen first = screen(start, language);
            return Reply.show(incoming instanceof Incoming.Tap || incoming instanceof Incoming.BadTap
                ? first.withNoticeFirst(renderer.text(language, "notice.outOfDate")) : first, start.turn(), false);
        }
        if (incoming instanceof Incoming.Help) {
            return Reply.show(screen(session, language).lastWithNotice(renderer.text(language, "help.text")),
                session.turn(), false);
        }
        if (incoming instanceof Incoming.Tap tap) {
            Turn turn = conversation.tap(session, tap.turn(), tap.action());
            return switch (turn.outcome()) {
                case MOVED -> {
                    sessions.save(chatId, turn.session());
                    yield Reply.show(screen(turn.session(), language), turn.session().turn(), true);
                }
                case REPEATED -> Reply.nothing(session.turn());
                case OUT_OF_DATE, NOT_UNDERSTOOD -> notice(session, language, "notice.outOfDate");
            };
        }
        if (incoming instanceof Incoming.BadTap) {
            return notice(session, language, "notice.outOfDate");
        }
        if (incoming instanceof Incoming.Media media) {
            String key = media.kind() == Incoming.Media.Kind.PHOTO || media.kind() == Incoming.Media.Kind.DOCUMENT
                ? "notice.document" : "notice.media";
            return notice(session, language, key);
        }
        return notice(session, language, "notice.notUnderstood");
    }

    /** The first screen, for a transport that starts a conversation without a command (the console). */
    public RenderedScreen begin(long chatId, Language language) {
        Session start = conversation.start();
        sessions.save(chatId, start);
        return screen(start, language);
    }

    /** The session's turn, which buttons carry so a stale one is recognised. */
    public int turn(long chatId) {
        return sessions.find(chatId).map(Session::turn).orElse(0);
    }

    private Reply notice(Session session, Language language, String key) {
        return Reply.show(screen(session, language).lastWithNotice(renderer.text(language, key)), session.turn(),
            false);
    }

    private RenderedScreen screen(Session session, Language language) {
        return renderer.render(conversation.screen(session), language);
    }
}
