package org.pdnavigator.dialogs.screen;

import org.pdnavigator.dialogs.Action;
import org.pdnavigator.dialogs.Step;

import java.util.List;
import java.util.Optional;

/**
 * What a person sees at a step: one or more messages (long answers are split into readable parts) and the
 * buttons under the last one.
 */
public record Screen(Step step, List<List<Block>> messages, List<List<Option>> keyboard) {

    public Screen {
        messages = messages.stream().map(List::copyOf).toList();
        keyboard = keyboard.stream().map(List::copyOf).toList();
    }

    /** Whether a tap on this screen is one of its buttons: nothing else is ever acted on. */
    public boolean offers(Action action) {
        return option(action).isPresent();
    }

    public Optional<Option> option(Action action) {
        return keyboard.stream().flatMap(List::stream).filter(o -> o.action().equals(action)).findFirst();
    }

    public List<Option> options() {
        return keyboard.stream().flatMap(List::stream).toList();
    }
}
