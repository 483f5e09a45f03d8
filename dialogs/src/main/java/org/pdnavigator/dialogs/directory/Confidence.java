package org.pdnavigator.dialogs.directory;

/** How sure the directory is that a court's cases go to an office; below HIGH the bot says "confirm this". */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    public boolean needsConfirming() {
        return this != HIGH;
    }
}
