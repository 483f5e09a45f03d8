package org.pdnavigator.bot.chat;

import org.pdnavigator.bot.render.RenderedScreen;

import java.util.Optional;

/**
 * What to show after an incoming update.
 *
 * @param screen what to show; empty when nothing new needs showing (a repeated tap)
 * @param turn   the session's turn after the update, for the buttons to carry
 * @param replaceTapped whether the screen may replace the message whose button was tapped
 * @param toast a short note for the tapped button's spinner, if any
 * @param erase the chat was forgotten: delete the bot's messages in it before showing the screen
 * @param file a file to send after the screen, if any
 * @param qrCode text to show as a QR code image, with the screen's first message as its caption, where the
 *               transport can show images
 */
public record Reply(Optional<RenderedScreen> screen, int turn, boolean replaceTapped, Optional<String> toast,
                    boolean erase, Optional<Attachment> file, Optional<String> qrCode) {

    public Reply(Optional<RenderedScreen> screen, int turn, boolean replaceTapped, Optional<String> toast,
                 boolean erase) {
        this(screen, turn, replaceTapped, toast, erase, Optional.empty(), Optional.empty());
    }

    /**
     * A file to send, such as the draft of a request to print or forward.
     *
     * @param caption in Telegram HTML
     */
    public record Attachment(String fileName, byte[] content, String caption) {
    }

    /** Only a file: the screen stays as it is, buttons and all. */
    public static Reply file(Attachment file, int turn) {
        return new Reply(Optional.empty(), turn, false, Optional.empty(), false, Optional.of(file), Optional.empty());
    }

    public static Reply show(RenderedScreen screen, int turn, boolean replaceTapped) {
        return new Reply(Optional.of(screen), turn, replaceTapped, Optional.empty(), false);
    }

    public static Reply nothing(int turn) {
        return new Reply(Optional.empty(), turn, false, Optional.empty(), false);
    }

    /** The reply to an update handled before (here or by another instance): nothing more to do. */
    public static Reply alreadyHandled() {
        return ALREADY_HANDLED;
    }

    private static final Reply ALREADY_HANDLED = new Reply(Optional.empty(), 0, false, Optional.empty(), false);

    public boolean handledBefore() {
        return this == ALREADY_HANDLED;
    }

    public Reply erasing() {
        return new Reply(screen, turn, replaceTapped, toast, true, file, qrCode);
    }

    /** The same reply with a QR code of {@code text} before its messages, captioned by the first. */
    public Reply withQrCode(String text) {
        return new Reply(screen, turn, replaceTapped, toast, erase, file, Optional.of(text));
    }
}
