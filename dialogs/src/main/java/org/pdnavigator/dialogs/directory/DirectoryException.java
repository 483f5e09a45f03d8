package org.pdnavigator.dialogs.directory;

import java.util.List;

/** The directory file has mistakes; the message names the file and each entry at fault. */
public class DirectoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public DirectoryException(String file, List<String> problems) {
        super("The directory " + file + " has " + problems.size() + " problem(s):\n  - "
            + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
