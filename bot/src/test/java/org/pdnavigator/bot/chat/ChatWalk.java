package org.pdnavigator.bot.chat;

import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.render.Button;
import org.pdnavigator.bot.render.Html;
import org.pdnavigator.bot.render.RenderedScreen;
import org.pdnavigator.i18n.Language;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A person in one chat, tapping buttons by what they say, in process: the same service Telegram and the
 * console use, without either. Reads as a transcript.
 */
public final class ChatWalk {

    private final ChatService chats;
    private final long chatId;
    private final String appLanguage;
    private RenderedScreen screen;

    /** @param appLanguage the person's Telegram app language */
    public ChatWalk(ChatService chats, long chatId, String appLanguage) {
        this.chats = chats;
        this.chatId = chatId;
        this.appLanguage = appLanguage;
        this.screen = chats.handle(chatId, appLanguage, new Incoming.Start()).screen().orElseThrow();
    }

    public static ChatWalk start() {
        return new ChatWalk(TestBot.chatService(), 42, "en");
    }

    /** Taps the button with this text, turning pages of a list until it shows. */
    public ChatWalk tap(String text) {
        for (int guard = 0; guard < 40; guard++) {
            Optional<Button> button = find(text);
            if (button.isPresent()) {
                return press(button.get());
            }
            Optional<Button> more = find(TestBot.CATALOGUE.format(language(), "nav.next"));
            if (more.isEmpty()) {
                break;
            }
            press(more.get());
        }
        throw new AssertionError("No button '" + text + "' on this screen (or its next pages). Buttons: " + buttons());
    }

    /** Taps the button whose text ends so (the language menu ticks the current language). */
    public ChatWalk tapEndingWith(String suffix) {
        Button button = screen.keyboard().stream().flatMap(List::stream).filter(b -> b.text().endsWith(suffix))
            .findFirst().orElseThrow(() -> new AssertionError("No button ending '" + suffix + "': " + buttons()));
        return press(button);
    }

    /** Taps the buttons one after the other. */
    public ChatWalk tap(String... texts) {
        for (String text : texts) {
            tap(text);
        }
        return this;
    }

    public Language language() {
        return chats.language(chatId, appLanguage);
    }

    public ChatWalk send(Incoming incoming) {
        Reply reply = chats.handle(chatId, appLanguage, incoming);
        reply.screen().ifPresent(s -> screen = s);
        return this;
    }

    private ChatWalk press(Button button) {
        return send(new Incoming.Tap(chats.turn(chatId), button.action()));
    }

    private Optional<Button> find(String text) {
        return screen.keyboard().stream().flatMap(List::stream).filter(b -> b.text().equals(text)).findFirst();
    }

    public List<String> buttons() {
        return screen.keyboard().stream().flatMap(List::stream).map(Button::text).toList();
    }

    /** What the person reads now, as plain text. */
    public String text() {
        return screen.messages().stream().map(Html::toPlainText).collect(Collectors.joining("\n\n"));
    }

    public RenderedScreen screen() {
        return screen;
    }
}
