package org.pdnavigator.bot.chat;

import org.pdnavigator.bot.chat.ChatState.LanguageSource;
import org.pdnavigator.bot.chat.ChatStore.Commit;
import org.pdnavigator.bot.chat.ChatStore.Stored;
import org.pdnavigator.bot.render.RenderedScreen;
import org.pdnavigator.bot.render.Renderer;
import org.pdnavigator.dialogs.Action;
import org.pdnavigator.dialogs.Conversation;
import org.pdnavigator.dialogs.Event;
import org.pdnavigator.dialogs.Session;
import org.pdnavigator.dialogs.Turn;
import org.pdnavigator.dialogs.draft.FollowUp;
import org.pdnavigator.i18n.Language;
import org.pdnavigator.i18n.Languages;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One chat's side of the conversation, whatever the transport: reads the chat's state, works out what the
 * person's update does, keeps the new state, and says what to show, in the chat's language.
 *
 * <p>Keeping the state names the version read: if another instance or another update of the chat changed it
 * in between, the work is redone on the fresh state, and a reply is only given once the state is kept. An
 * update handled before (a repeated {@code update_id}) gives no reply at all.
 */
public final class ChatService {

    /** Conflicts are rare (two instances, one chat, the same instant); a few tries settle them. */
    private static final int ATTEMPTS = 5;
    /** A tap on a reminder: they answered, no answer yet, or stop; and the reminder's id. */
    private static final Pattern REMINDER_TAP = Pattern.compile("([ans])-(\\d{1,18})");


    private final Conversation conversation;
    private final ChatStore store;
    private final Renderer renderer;
    private final Languages languages;
    private final ChatActivity activity;
    private final java.time.Duration unansweredAfter;
    private final Reminders reminders;
    private final List<Integer> reminderDays;
    private final ShareLink shareLink;

    public ChatService(Conversation conversation, ChatStore store, Renderer renderer, Languages languages) {
        this(conversation, store, renderer, languages, ChatActivity.NONE, java.time.Duration.ZERO);
    }

    public ChatService(Conversation conversation, ChatStore store, Renderer renderer, Languages languages,
                       ChatActivity activity, java.time.Duration unansweredAfter) {
        this(conversation, store, renderer, languages, activity, unansweredAfter, Reminders.NONE, List.of(),
            ShareLink.NONE);
    }

    public ChatService(Conversation conversation, ChatStore store, Renderer renderer, Languages languages,
                       ChatActivity activity, java.time.Duration unansweredAfter, ShareLink shareLink) {
        this(conversation, store, renderer, languages, activity, unansweredAfter, Reminders.NONE, List.of(),
            shareLink);
    }

    /**
     * @param unansweredAfter how old an unanswered handled update must be before a new delivery of it is answered:
     *                        zero with long polling (one instance), longer with webhooks, where another instance
     *                        may be answering the same update at that moment
     */
    public ChatService(Conversation conversation, ChatStore store, Renderer renderer, Languages languages,
                       ChatActivity activity, java.time.Duration unansweredAfter, Reminders reminders,
                       List<Integer> reminderDays, ShareLink shareLink) {
        this.reminders = reminders;
        this.reminderDays = List.copyOf(reminderDays);
        this.shareLink = shareLink;
        this.conversation = conversation;
        this.store = store;
        this.renderer = renderer;
        this.languages = languages;
        this.activity = activity;
        this.unansweredAfter = unansweredAfter;
    }

    public Reply handle(long chatId, String appLanguage, Incoming incoming) {
        return handle(chatId, appLanguage, incoming, OptionalLong.empty());
    }

    /**
     * Handles one update.
     *
     * @param appLanguage the person's Telegram app language ({@code language_code}), or {@code null}
     * @param updateId    Telegram's id of the update, so a repeated one is recognised; empty for the console
     */
    public Reply handle(long chatId, String appLanguage, Incoming incoming, OptionalLong updateId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Stored> stored = store.find(chatId);
            Decision decision = decide(chatId, stored.map(Stored::state), appLanguage, incoming);
            Commit commit = decision.forget()
                ? store.forget(chatId, updateId)
                : store.commit(chatId, stored.orElse(null), decision.state(), updateId);
            switch (commit) {
                case DONE:
                    decision.effect().run();
                    ChatState before = stored.map(Stored::state).orElse(null);
                    ChatState after = decision.forget() ? null : decision.state();
                    activity.changed(chatId, before, after, incoming, after != null ? language(after, appLanguage)
                        : languages.choose(null, null, appLanguage));
                    return decision.reply();
                case ALREADY_HANDLED:
                    return answerAgainIfNeverAnswered(chatId, appLanguage, updateId);
                case CONFLICT:
                    continue;
                default:
                    throw new IllegalStateException(commit.name());
            }
        }
        throw new IllegalStateException("The chat's state kept changing under " + ATTEMPTS + " attempts");
    }

    /**
     * An update delivered again: handled before, so nothing changes. If its answer was never shown (the bot
     * died in between), the person is shown where they are now, so no answer is lost.
     */
    private Reply answerAgainIfNeverAnswered(long chatId, String appLanguage, OptionalLong updateId) {
        if (updateId.isEmpty() || !store.unanswered(updateId.getAsLong(), unansweredAfter)) {
            return Reply.alreadyHandled();
        }
        return store.find(chatId)
            // For a tap, the tapped message is turned into the current screen: if the first try did that already,
            // Telegram finds nothing to change, and the person sees no second copy.
            .map(s -> Reply.show(screen(s.state().session(), language(s.state(), appLanguage)),
                s.state().session().turn(), true))
            .orElse(Reply.alreadyHandled());
    }

    /** The answer was shown: a later delivery of the same update needs nothing more. */
    public void answered(OptionalLong updateId) {
        updateId.ifPresent(store::answered);
    }

    /**
     * The answer was shown, kept together with {@code alongside} (the ids of the messages it sent) in one write
     * where the store allows; without an update id, only {@code alongside} is done.
     */
    public void answered(OptionalLong updateId, Runnable alongside) {
        if (updateId.isPresent()) {
            store.answered(updateId.getAsLong(), alongside);
        } else {
            alongside.run();
        }
    }

    /**
     * What an update does to a chat's state, and what to show: no I/O. {@code effect} is what else to do once the
     * state is kept (scheduling a reminder), so work redone after a conflict does it once.
     */
    private record Decision(ChatState state, Reply reply, boolean forget, Runnable effect) {
        Decision(ChatState state, Reply reply, boolean forget) {
            this(state, reply, forget, () -> { });
        }

        static Decision keep(ChatState state, Reply reply) {
            return new Decision(state, reply, false);
        }

        Decision then(Runnable next) {
            return new Decision(state, reply, forget, next);
        }
    }

    private Decision decide(long chatId, Optional<ChatState> found, String appLanguage, Incoming incoming) {
        if (incoming instanceof Incoming.Forget) {
            Language language = found.map(s -> language(s, appLanguage))
                .orElseGet(() -> languages.choose(null, null, appLanguage));
            return new Decision(null, Reply.show(message(renderer.text(language, "forget.done")), 0, false).erasing(),
                true, () -> reminders.forget(chatId));
        }
        if (incoming instanceof Incoming.Tap tap && tap.action().event() == Event.REMINDER) {
            ChatState state = found.orElseGet(() -> fresh(appLanguage));
            return reminderTap(chatId, state, language(state, appLanguage), tap.action().value());
        }
        if (incoming instanceof Incoming.Start start) {
            ChatState state = found.orElseGet(() -> fresh(appLanguage));
            ChatState linked = StartPayload.parse(start.payload())
                .flatMap(p -> languages.match(p.language()))
                .filter(l -> state.languageSource() != LanguageSource.CHOSEN)
                .map(l -> state.withLanguage(l.tag(), LanguageSource.LINKED))
                .orElse(state);
            return show(linked.withSession(conversation.restart(linked.session()).session()), appLanguage, false);
        }
        if (incoming instanceof Incoming.Share share) {
            return share(found.orElseGet(() -> fresh(appLanguage)), appLanguage, share);
        }
        if (found.isEmpty()) {
            // No state (a new chat, or erased or expired): begin, and explain if they tapped an old button.
            ChatState state = fresh(appLanguage);
            Language language = language(state, appLanguage);
            RenderedScreen first = screen(state.session(), language);
            boolean tapped = incoming instanceof Incoming.Tap || incoming instanceof Incoming.BadTap;
            return Decision.keep(state, Reply.show(tapped
                ? first.withNoticeFirst(renderer.text(language, "notice.outOfDate")) : first, state.session().turn(),
                false));
        }
        ChatState state = found.get();
        Language language = language(state, appLanguage);
        Session session = state.session();
        if (incoming instanceof Incoming.LanguageMenu) {
            return Decision.keep(state, Reply.show(renderer.languageMenu(language, languages.shipped()),
                session.turn(), false));
        }
        if (incoming instanceof Incoming.Help) {
            return Decision.keep(state, Reply.show(screen(session, language)
                .lastWithNotice(renderer.text(language, "help.text")), session.turn(), false));
        }
        if (incoming instanceof Incoming.Tap tap) {
            if (tap.action().event() == Event.LANGUAGE) {
                return language(state, appLanguage, tap.action());
            }
            if (tap.action().event() == Event.SHARE) {
                return share(state, appLanguage, new Incoming.Share());
            }
            if (tap.action().event() == Event.DRAFT_FILE || tap.action().event() == Event.REMIND) {
                if (tap.turn() != session.turn() || !conversation.screen(session).offers(Action.of(tap.action().event()))) {
                    return notice(state, language, "notice.outOfDate");
                }
                return tap.action().event() == Event.DRAFT_FILE ? draftFile(state, language)
                    : remind(chatId, state, language, tap.action().value());
            }
            Turn turn = conversation.tap(session, tap.turn(), tap.action());
            return switch (turn.outcome()) {
                case MOVED -> show(state.withSession(turn.session()), appLanguage, true);
                case REPEATED -> Decision.keep(state, Reply.nothing(session.turn()));
                case OUT_OF_DATE, NOT_UNDERSTOOD -> notice(state, language, "notice.outOfDate");
            };
        }
        if (incoming instanceof Incoming.BadTap) {
            return notice(state, language, "notice.outOfDate");
        }
        if (incoming instanceof Incoming.Media media) {
            String key = switch (media.kind()) {
                case PHOTO, DOCUMENT -> "notice.document";
                case PERSONAL -> "notice.personal";
                default -> "notice.media";
            };
            return notice(state, language, key);
        }
        return notice(state, language, "notice.notUnderstood");
    }

    /**
     * The language menu and its buttons: {@code LANGUAGE} alone opens it, with a tag picks that language, with
     * {@code -} closes it. Harmless at any turn: a language is never a wrong transition.
     */
    private Decision language(ChatState state, String appLanguage, Action action) {
        if (action.value().isEmpty()) {
            return Decision.keep(state, Reply.show(renderer.languageMenu(language(state, appLanguage),
                languages.shipped()), state.session().turn(), true));
        }
        ChatState next = languages.match(action.value())
            .filter(l -> l.tag().equals(action.value()))
            .map(l -> state.withLanguage(l.tag(), LanguageSource.CHOSEN))
            .orElse(state);
        return show(next, appLanguage, true);
    }

    /** The draft as a file, sent under the draft; the screen stays as it is. */
    private Decision draftFile(ChatState state, Language language) {
        Session session = state.session();
        byte[] content = renderer.draftFile(conversation.screen(session), language);
        return Decision.keep(state, Reply.file(new Reply.Attachment("pd-request-draft.txt", content,
            renderer.text(language, "draft.fileCaption")), session.turn()));
    }

    /**
     * Reminders: no value opens the choice of days in a new message (the screen's buttons move to it); {@code -} shows
     * the screen's last message there again; a number of days offered schedules the reminder once the state is kept,
     * and says so with the screen's buttons under it.
     */
    private Decision remind(long chatId, ChatState state, Language language, String value) {
        Session session = state.session();
        RenderedScreen current = screen(session, language);
        RenderedScreen last = new RenderedScreen(current.step(), List.of(current.lastMessage()), current.keyboard());
        if (value.isEmpty()) {
            // A new message: the tapped one may be part of the draft, which must stay whole in the chat.
            return Decision.keep(state, Reply.show(renderer.reminderMenu(language, reminderDays), session.turn(),
                false));
        }
        Optional<Integer> days = reminderDays.stream().filter(d -> Integer.toString(d).equals(value)).findFirst();
        Optional<FollowUp> followUp = FollowUp.of(session.answers(), conversation.screens().router());
        if (days.isEmpty() || followUp.isEmpty()) {
            return Decision.keep(state, Reply.show(last, session.turn(), true));
        }
        RenderedScreen confirmed = new RenderedScreen(current.step(),
            List.of(renderer.text(language, "remind.set", Map.of("days", days.get()))), current.keyboard());
        return Decision.keep(state, Reply.show(confirmed, session.turn(), true))
            .then(() -> reminders.schedule(chatId, followUp.get(), days.get(), language.tag()));
    }

    /**
     * A tap on a reminder ({@code a-42} they answered, {@code n-42} no answer yet, {@code s-42} stop): a short
     * answer in a new message; the reminder's buttons go away.
     */
    private Decision reminderTap(long chatId, ChatState state, Language language, String value) {
        int turn = state.session().turn();
        Matcher m = REMINDER_TAP.matcher(value);
        Optional<Reminders.Reminder> reminder = m.matches()
            ? reminders.find(chatId, Long.parseLong(m.group(2))) : Optional.empty();
        if (reminder.isEmpty()) {
            return Decision.keep(state, Reply.show(message(renderer.text(language, "reminder.gone")), turn, false));
        }
        long id = reminder.get().id();
        return switch (m.group(1)) {
            case "a" -> Decision.keep(state, Reply.show(message(renderer.text(language, "reminder.answered.text")),
                turn, false)).then(() -> reminders.close(id));
            case "n" -> reminder.get().followUp().climbed(conversation.screens().router())
                .map(next -> Decision.keep(state, Reply.show(message(renderer.text(language, "reminder.notYet.text",
                    Map.of("days", reminder.get().days()))), turn, false))
                    .then(() -> reminders.climb(id, next)))
                .orElseGet(() -> Decision.keep(state, Reply.show(message(renderer.text(language, "reminder.top")),
                    turn, false)).then(() -> reminders.close(id)));
            default -> Decision.keep(state, Reply.show(message(renderer.text(language, "reminder.stopped")), turn,
                false)).then(() -> reminders.close(id));
        };
    }

    /**
     * {@code /share}: the link in the chat's language (with the organizer's code, if given) as a QR code captioned
     * with the link, then a short message with the link to forward. The conversation stays where it is.
     */
    private Decision share(ChatState state, String appLanguage, Incoming.Share share) {
        Language language = language(state, appLanguage);
        int turn = state.session().turn();
        if (share.badCode()) {
            return Decision.keep(state, Reply.show(message(renderer.text(language, "share.badCode")), turn, false));
        }
        Optional<String> link = shareLink.link(language, share.code());
        if (link.isEmpty()) {
            return Decision.keep(state, Reply.show(message(renderer.text(language, "share.unavailable")), turn,
                false));
        }
        java.util.Map<String, String> args = java.util.Map.of("link", link.get());
        RenderedScreen shared = new RenderedScreen(null, List.of(renderer.text(language, "share.caption", args),
            renderer.text(language, "share.message", args)), List.of());
        return Decision.keep(state, Reply.show(shared, turn, false).withQrCode(link.get()));
    }

    /** The first screen, for a transport that starts a conversation without a command (the console). */
    public RenderedScreen begin(long chatId, String appLanguage) {
        Reply reply = handle(chatId, appLanguage, new Incoming.Start());
        return reply.screen().orElseThrow();
    }

    /** The session's turn, which buttons carry so a stale one is recognised. */
    public int turn(long chatId) {
        return store.find(chatId).map(s -> s.state().session().turn()).orElse(0);
    }

    /** The language a chat is spoken to in, as it stands. */
    public Language language(long chatId, String appLanguage) {
        return store.find(chatId).map(s -> language(s.state(), appLanguage))
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

    private Decision show(ChatState state, String appLanguage, boolean replaceTapped) {
        return Decision.keep(state, Reply.show(screen(state.session(), language(state, appLanguage)),
            state.session().turn(), replaceTapped));
    }

    private Decision notice(ChatState state, Language language, String key) {
        Session session = state.session();
        return Decision.keep(state, Reply.show(screen(session, language).lastWithNotice(renderer.text(language, key)),
            session.turn(), false));
    }

    private RenderedScreen screen(Session session, Language language) {
        return renderer.render(conversation.screen(session), language);
    }

    private static RenderedScreen message(String html) {
        return new RenderedScreen(null, List.of(html), List.of());
    }
}
