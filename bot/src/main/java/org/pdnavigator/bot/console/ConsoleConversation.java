package org.pdnavigator.bot.console;

import org.pdnavigator.bot.chat.ChatService;
import org.pdnavigator.bot.chat.Incoming;
import org.pdnavigator.bot.chat.Reply;
import org.pdnavigator.bot.chat.StartPayload;
import org.pdnavigator.bot.render.Button;
import org.pdnavigator.bot.render.Html;
import org.pdnavigator.bot.render.RenderedScreen;
import org.pdnavigator.bot.render.Renderer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The same conversation in a terminal: the screens as plain text, the buttons as numbered choices. For
 * trying the bot without a Telegram token.
 */
public final class ConsoleConversation {

    private static final long CONSOLE_CHAT = 1;

    private final ChatService chats;
    private final Renderer renderer;
    private final String appLanguage;

    /** @param appLanguage the terminal's language tag, standing in for Telegram's {@code language_code} */
    public ConsoleConversation(ChatService chats, Renderer renderer, String appLanguage) {
        this.chats = chats;
        this.renderer = renderer;
        this.appLanguage = appLanguage;
    }

    /** Runs until the person types q or the input ends. */
    public void run(BufferedReader in, PrintStream out) {
        out.println(plain("console.intro"));
        out.println();
        List<Button> buttons = show(chats.begin(CONSOLE_CHAT, appLanguage), out);
        try {
            String line;
            while (true) {
                out.print(plain("console.prompt") + " ");
                out.flush();
                line = in.readLine();
                if (line == null || line.strip().equalsIgnoreCase("q")) {
                    break;
                }
                Incoming incoming = parse(line.strip(), buttons);
                if (incoming instanceof Incoming.Typed) {
                    // In a terminal, typing is the way to answer: say what to type rather than "tap a button".
                    out.println(plain("console.invalid"));
                    continue;
                }
                Reply reply = chats.handle(CONSOLE_CHAT, appLanguage, incoming);
                if (reply.screen().isPresent()) {
                    out.println();
                    buttons = show(reply.screen().get(), out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(plain("console.bye"));
    }

    private Incoming parse(String line, List<Button> buttons) {
        if (line.equals("/share") || line.startsWith("/share ")) {
            String code = line.substring("/share".length()).strip();
            return code.isEmpty() ? new Incoming.Share() : StartPayload.isCode(code)
                ? new Incoming.Share(java.util.Optional.of(code), false)
                : new Incoming.Share(java.util.Optional.empty(), true);
        }
        if (line.startsWith("/")) {
            return switch (line) {
                case "/start" -> new Incoming.Start();
                case "/help" -> new Incoming.Help();
                case "/forget" -> new Incoming.Forget();
                case "/language" -> new Incoming.LanguageMenu();
                default -> new Incoming.Typed();
            };
        }
        try {
            int choice = Integer.parseInt(line);
            if (choice >= 1 && choice <= buttons.size()) {
                return new Incoming.Tap(chats.turn(CONSOLE_CHAT), buttons.get(choice - 1).action());
            }
        } catch (NumberFormatException e) {
            // Not a number: typed text, answered like on Telegram.
        }
        return new Incoming.Typed();
    }

    /** A terminal can neither receive a file nor be sent a reminder later: those buttons are left out. */
    private static final java.util.Set<org.pdnavigator.dialogs.Event> TELEGRAM_ONLY = java.util.EnumSet.of(
        org.pdnavigator.dialogs.Event.DRAFT_FILE, org.pdnavigator.dialogs.Event.REMIND);

    /** Prints a screen and returns its buttons in the order they are numbered. */
    private static List<Button> show(RenderedScreen screen, PrintStream out) {
        for (String message : screen.messages()) {
            out.println(Html.toPlainText(message));
            out.println();
        }
        List<Button> buttons = new ArrayList<>();
        for (List<Button> row : screen.keyboard()) {
            for (Button button : row) {
                if (TELEGRAM_ONLY.contains(button.action().event())) {
                    continue;
                }
                buttons.add(button);
                out.println("  " + buttons.size() + ") " + button.text());
            }
        }
        return buttons;
    }

    private String plain(String key) {
        return Html.toPlainText(renderer.text(chats.language(CONSOLE_CHAT, appLanguage), key));
    }
}
