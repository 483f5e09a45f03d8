package org.pdnavigator.bot.render;

import org.pdnavigator.dialogs.Action;

/** A button as worded for one person: its plain text and what it does. */
public record Button(String text, Action action) {
}
