package org.pdnavigator.bot.chat;

import org.pdnavigator.dialogs.Action;

/**
 * What a person sent, as the conversation needs it: never the text they typed, only what kind of thing
 * it was. Transports (Telegram, the console) turn their input into one of these.
 */
public sealed interface Incoming {

    /**
     * {@code /start}: always starts over.
     *
     * @param payload what followed {@code /start} (a deep link's parameter), or empty
     */
    record Start(String payload) implements Incoming {
        public Start() {
            this("");
        }
    }

    /** {@code /language}: the list of languages. */
    record LanguageMenu() implements Incoming {
    }

    record Help() implements Incoming {
    }

    /**
     * {@code /share}, or {@code /share <code>}: the bot's link in the chat's language and its QR code.
     *
     * @param code    an organizer's code to put in the link, if one was given and can go in a link
     * @param badCode a code was given that cannot go in a link (it is not carried: it is typed text)
     */
    record Share(java.util.Optional<String> code, boolean badCode) implements Incoming {
        public Share() {
            this(java.util.Optional.empty(), false);
        }
    }

    /** {@code /forget}: erase what is kept about the chat. */
    record Forget() implements Incoming {
    }

    /** A tap on a button, decoded. */
    record Tap(int turn, Action action) implements Incoming {
    }

    /** A tap whose data could not be decoded: forged, truncated or from another version. */
    record BadTap() implements Incoming {
    }

    /** Typed text or an unknown command. Its content is not carried: it is never needed, never kept. */
    record Typed() implements Incoming {
    }

    /** A sticker, photo, voice note, file, location or contact. */
    record Media(Kind kind) implements Incoming {
        public enum Kind {
            STICKER, PHOTO, VOICE, DOCUMENT,
            /** A phone number or a place (a shared contact, location or venue): asked not to send them. */
            PERSONAL,
            OTHER
        }
    }
}
