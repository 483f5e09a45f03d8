package org.pdnavigator.dialogs.screen;

import org.pdnavigator.dialogs.Action;

/** A button: what it says and what tapping it does. */
public record Option(Label label, Action action) {
}
