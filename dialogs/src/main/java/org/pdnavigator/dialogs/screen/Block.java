package org.pdnavigator.dialogs.screen;

import org.pdnavigator.dialogs.directory.Source;
import org.pdnavigator.dialogs.route.Contact;
import org.pdnavigator.dialogs.route.OfficeChoice;

import java.util.List;

/** A piece of a message. The dialogue says what goes on a screen; the bot words and formats it. */
public sealed interface Block {

    /** A paragraph of the catalogue. */
    record Text(Label label) implements Block {
    }

    /** A contact card: who, how to reach them, and the source with its date. */
    record ContactCard(Contact contact) implements Block {
    }

    /** Why this office, worded from how it was chosen. */
    record Reason(OfficeChoice choice) implements Block {
    }

    /** Blocks shown line after line rather than as separate paragraphs. */
    record Lines(List<Block> blocks) implements Block {
        public Lines {
            blocks = List.copyOf(blocks);
        }
    }

    /** A ready-to-send request, worded in English (what ICE reads), section by section. */
    record DraftText(org.pdnavigator.dialogs.draft.Draft draft) implements Block {
    }

    /** Where the information comes from and how old it is. */
    record Sources(List<Source> sources) implements Block {
    }

    static Block text(String key) {
        return new Text(Label.key(key));
    }

    static Block text(String key, java.util.Map<String, Object> args) {
        return new Text(Label.key(key, args));
    }
}
