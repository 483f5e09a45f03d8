package org.pdnavigator.dialogs.directory;

import java.net.URI;

/** A web page or form the bot points to. */
public record Link(String id, URI url, Source source) {
}
