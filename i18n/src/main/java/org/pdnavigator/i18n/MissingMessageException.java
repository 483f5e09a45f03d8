package org.pdnavigator.i18n;

/** A message key that the catalogue of a language does not have: a bug, never shown to a person. */
public class MissingMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MissingMessageException(Language language, String key) {
        super("No message '" + key + "' in the " + language + " catalogue");
    }
}
