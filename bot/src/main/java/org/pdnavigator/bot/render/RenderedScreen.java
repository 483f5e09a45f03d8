package org.pdnavigator.bot.render;

import org.pdnavigator.dialogs.Step;

import java.util.List;

/**
 * A screen in words: messages in Telegram HTML, each within Telegram's limit, and the buttons under the last.
 */
public record RenderedScreen(Step step, List<String> messages, List<List<Button>> keyboard) {

    public RenderedScreen {
        messages = List.copyOf(messages);
        keyboard = keyboard.stream().map(List::copyOf).toList();
    }

    public String lastMessage() {
        return messages.get(messages.size() - 1);
    }

    /** The same screen with a notice before its last message: what a person sees after input we cannot use. */
    public RenderedScreen lastWithNotice(String notice) {
        return new RenderedScreen(step, List.of(notice + "\n\n" + lastMessage()), keyboard);
    }

    public RenderedScreen withNoticeFirst(String notice) {
        List<String> all = new java.util.ArrayList<>(messages);
        all.set(0, notice + "\n\n" + all.get(0));
        return new RenderedScreen(step, all, keyboard);
    }
}
