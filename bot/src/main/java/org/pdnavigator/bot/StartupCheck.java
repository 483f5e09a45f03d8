package org.pdnavigator.bot;

import org.pdnavigator.dialogs.directory.Directory;
import org.pdnavigator.dialogs.directory.DirectoryException;
import org.pdnavigator.dialogs.directory.Phone;
import org.pdnavigator.i18n.Catalogue;
import org.pdnavigator.i18n.Language;

import java.util.ArrayList;
import java.util.List;

/** Checks at start-up that every directory entry the bot can show has its words in every language. */
final class StartupCheck {

    private StartupCheck() {
    }

    static void wordsForDirectory(Catalogue catalogue, Directory directory, String file) {
        List<String> problems = new ArrayList<>();
        for (Language language : catalogue.languages()) {
            for (Phone phone : directory.phones()) {
                if (!catalogue.has(language, "phone." + phone.id())) {
                    problems.add(file + ": phones." + phone.id() + " has no name in the " + language
                        + " catalogue (add 'phone." + phone.id() + "' to messages_" + language + ".properties)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DirectoryException(file, problems);
        }
    }
}
