package org.pdnavigator.bot.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The keys derived from {@code BOT_SECRET}: one to turn a chat id into the key its rows are stored under (a keyed
 * hash, so nothing at rest names a Telegram user), one to encrypt what must be read back later.
 */
public final class Secrets {

    private static final Logger log = LoggerFactory.getLogger(Secrets.class);
    private static final String GENERATED = "secret";
    private static final int NONCE = 12;

    private final SecretKeySpec chatKey;
    private final SecretKeySpec buttons;
    private final SecretKeySpec encryption;
    private final SecureRandom random = new SecureRandom();

    private Secrets(byte[] master) {
        this.chatKey = new SecretKeySpec(derive(master, "pd-navigator/chat-key/v1"), "HmacSHA256");
        this.buttons = new SecretKeySpec(derive(master, "pd-navigator/buttons/v1"), "HmacSHA256");
        this.encryption = new SecretKeySpec(derive(master, "pd-navigator/encryption/v1"), "AES");
    }

    public static Secrets of(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("BOT_SECRET must be at least 16 characters");
        }
        return new Secrets(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The configured secret, or, when none is, one generated once into the data directory and read from there
     * afterwards, with a warning: losing it means stored conversations can no longer be found.
     */
    public static Secrets configuredOrGenerated(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return of(configured);
        }
        Path file = dataDir.resolve(GENERATED);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
                try {
                    Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the directory's own protection applies.
                }
                log.warn("BOT_SECRET is not set: generated one into {}. Keep that file: without it, stored "
                    + "conversations cannot be found. Set BOT_SECRET to choose it, and to share it between instances.",
                    file.toAbsolutePath());
            }
            return of(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    /** The key a chat's rows are stored under: HMAC-SHA256 of its id, URL-safe base64 (43 characters). */
    public String chatKey(long chatId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(chatKey);
            byte[] digest = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(chatId).array());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A short signature of button data for one chat, so the bot can tell its own buttons from forged ones or ones
     * copied from another chat. Short, because button data has 64 bytes: 6 characters are 36 bits.
     */
    public String signature(long chatId, String data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(buttons);
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(chatId).array());
            byte[] digest = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short tag for logs and operators, from the chat key: tells conversations apart, names no one. */
    public String tag(long chatId) {
        return chatKey(chatId).substring(0, 8);
    }

    /** AES-256-GCM with a random nonce; the result carries the nonce, URL-safe base64. */
    public String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException when the text was not sealed with this secret, or was changed */
    public String decrypt(String sealed) {
        try {
            byte[] all = Base64.getUrlDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(128, all, 0, NONCE));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot decrypt: wrong secret or damaged text", e);
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
