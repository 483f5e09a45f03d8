package org.pdnavigator.bot.chat;

import org.pdnavigator.bot.chat.ChatState.LanguageSource;
import org.pdnavigator.bot.render.RenderedScreen;
import org.pdnavigator.bot.render.Renderer;
import org.pdnavigator.dialogs.Action;
import org.pdnavigator.dialogs.Conversation;
import org.pdnavigator.dialogs.Event;
import org.pdnavigator.dialogs.Session;
import org.pdnavigator.dialogs.Turn;
import org.pdnavigator.i18n.Language;
import org.pdnavigator.i18n.Languages;

import java.util.List;
import java.util.Optional;

/**
 * One chat's side of the conversation, whatever the transport: loads the chat's state, applies what the person
 * did, keeps the new state, and says what to show, in the chat's language. Callers handle one chat's updates
 * one at a time.
 */
public final class ChatService {

    private final Conversation conversation;
    private final ChatStore store;
    private final Renderer renderer;
    private final Languages languages;

    public ChatService(Conversation conversation, ChatStore store, Renderer renderer, Languages languages) {
        this.conversation = conversation;
        this.store = store;
        this.renderer = renderer;
        this.languages = languages;
    }

    /**
     * Handles one update.
     *
     * @param appLanguage the person's Telegram app language ({@code language_code}), or {@code null}
     */
    public Reply handle(long chatId, String appLanguage, Incoming incoming) {
        Optional<ChatState> found = store.find(chatId);
        if (incoming instanceof Incoming.Forget) {
            store.forget(chatId);
            Language language = found.map(s -> language(s, appLanguage)).orElseGet(() -> languages.choose(null, null,
                appLanguage));
            return Reply.show(message(renderer.text(language, "forget.done")), 0, false);
        }
        if (incoming instanceof Incoming.Start start) {
            ChatState state = found.orElseGet(() -> fresh(appLanguage));
            ChatState linked = StartPayload.parse(start.payload())
                .flatMap(p -> languages.match(p.language()))
                .filter(l -> state.languageSource() != LanguageSource.CHOSEN)
                .map(l -> state.withLanguage(l.tag(), LanguageSource.LINKED))
                .orElse(state);
            ChatState started = linked.withSession(conversation.restart(linked.session()).session());
            return show(chatId, started, appLanguage, false);
        }
        if (found.isEmpty()) {
            // No state (a new chat, or erased or expired): begin, and explain if they tapped an old button.
            ChatState state = fresh(appLanguage);
            store.save(chatId, state);
            Language language = language(state, appLanguage);
            RenderedScreen first = screen(state.session(), language);
            boolean tapped = incoming instanceof Incoming.Tap || incoming instanceof Incoming.BadTap;
            return Reply.show(tapped ? first.withNoticeFirst(renderer.text(language, "notice.outOfDate")) : first,
                state.session().turn(), false);
        }
        ChatState state = found.get();
        Language language = language(state, appLanguage);
        Session session = state.session();
        if (incoming instanceof Incoming.LanguageMenu) {
            return Reply.show(renderer.languageMenu(language, languages.shipped()), session.turn(), false);
        }
        if (incoming instanceof Incoming.Help) {
            return Reply.show(screen(session, language).lastWithNotice(renderer.text(language, "help.text")),
                session.turn(), false);
        }
        if (incoming instanceof Incoming.Tap tap) {
            if (tap.action().event() == Event.LANGUAGE) {
                return language(chatId, state, appLanguage, tap.action());
            }
            Turn turn = conversation.tap(session, tap.turn(), tap.action());
            return switch (turn.outcome()) {
                case MOVED -> show(chatId, state.withSession(turn.session()), appLanguage, true);
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

    /**
     * The language menu and its buttons: {@code LANGUAGE} alone opens it, with a tag picks that language, with
     * {@code -} closes it. Harmless at any turn: a language is never a wrong transition.
     */
    private Reply language(long chatId, ChatState state, String appLanguage, Action action) {
        if (action.value().isEmpty()) {
            return Reply.show(renderer.languageMenu(language(state, appLanguage), languages.shipped()),
                state.session().turn(), true);
        }
        ChatState next = languages.match(action.value())
            .filter(l -> l.tag().equals(action.value()))
            .map(l -> state.withLanguage(l.tag(), LanguageSource.CHOSEN))
            .orElse(state);
        return show(chatId, next, appLanguage, true);
    }

    /** The first screen, for a transport that starts a conversation without a command (the console). */
    public RenderedScreen begin(long chatId, String appLanguage) {
        ChatState state = fresh(appLanguage);
        store.save(chatId, state);
        return screen(state.session(), language(state, appLanguage));
    }

    /** The session's turn, which buttons carry so a stale one is recognised. */
    public int turn(long chatId) {
        return store.find(chatId).map(s -> s.session().turn()).orElse(0);
    }

    /** The language a chat is spoken to in, as it stands. */
    public Language language(long chatId, String appLanguage) {
        return store.find(chatId).map(s -> language(s, appLanguage))
            .orElseGet(() -> languages.choose(null, null, appLanguage));
    }

    private ChatState fresh(String appLanguage) {
        return new ChatState(conversation.start(), languages.choose(null, null, appLanguage).tag(),
            LanguageSource.TELEGRAM);
    }

    /** A chosen or linked language stays; otherwise the app's language is read again, as it may have changed. */
    private Language language(ChatState state, String appLanguage) {
        return switch (state.languageSource()) {
            case CHOSEN -> languages.choose(state.language(), null, null);
            case LINKED -> languages.choose(null, state.language(), null);
            case TELEGRAM -> languages.choose(null, null, appLanguage);
        };
    }

    private Reply show(long chatId, ChatState state, String appLanguage, boolean replaceTapped) {
        store.save(chatId, state);
        return Reply.show(screen(state.session(), language(state, appLanguage)), state.session().turn(),
            replaceTapped);
    }

    private Reply notice(Session session, Language language, String key) {
        return Reply.show(screen(session, language).lastWithNotice(renderer.text(language, key)), session.turn(),
            false);
    }

    private RenderedScreen screen(Session session, Language language) {
        return renderer.render(conversation.screen(session), language);
    }

    private static RenderedScreen message(String html) {
        return new RenderedScreen(null, List.of(html), List.of());
    }
}
