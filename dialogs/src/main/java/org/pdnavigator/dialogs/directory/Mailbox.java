package org.pdnavigator.dialogs.directory;

/** A headquarters escalation mailbox. */
public record Mailbox(String id, String email, Source source) {
}
