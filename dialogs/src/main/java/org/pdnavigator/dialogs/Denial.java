package org.pdnavigator.dialogs;

/** Whether ICE already said no to a request. */
public enum Denial {
    /** This is the first request. */
    NO,
    /** ICE said no: ask who, to climb the ladder. */
    YES
}
