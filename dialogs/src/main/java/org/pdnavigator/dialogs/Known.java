package org.pdnavigator.dialogs;

/** An answer a person may not know. */
public enum Known {
    YES, NO, NOT_SURE
}
