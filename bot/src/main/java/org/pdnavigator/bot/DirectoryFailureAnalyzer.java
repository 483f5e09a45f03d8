package org.pdnavigator.bot;

import org.pdnavigator.dialogs.directory.DirectoryException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A directory with mistakes stops the start with the list of mistakes, not a stack trace. */
class DirectoryFailureAnalyzer extends AbstractFailureAnalyzer<DirectoryException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DirectoryException cause) {
        return new FailureAnalysis(cause.getMessage(),
            "Correct the entries named above. To go back to the bundled directory, unset BOT_DIRECTORY_FILE.", cause);
    }
}
