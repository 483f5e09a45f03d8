package org.pdnavigator.dialogs;

import org.pdnavigator.dialogs.directory.Directory;
import org.pdnavigator.dialogs.directory.DirectoryLoader;
import org.pdnavigator.dialogs.engine.SpringIntakeMachine;
import org.pdnavigator.dialogs.screen.Screens;

import java.util.List;

/** The shipped directory and a conversation over it, loaded once for all tests. */
public final class Fixtures {

    public static final Directory DIRECTORY = new DirectoryLoader(List.of("en")).loadBundled();

    private Fixtures() {
    }

    public static Conversation conversation() {
        return new Conversation(new SpringIntakeMachine(DIRECTORY, 2), new Screens(DIRECTORY));
    }
}
