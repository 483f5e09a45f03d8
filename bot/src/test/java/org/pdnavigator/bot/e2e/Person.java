package org.pdnavigator.bot.e2e;

import org.pdnavigator.bot.fake.FakeUser;

/** A person on Telegram, doing one thing at a time and waiting for the bot each time: reads as a transcript. */
public final class Person {

    private final FakeUser user;
    private final String more;

    public Person(FakeUser user) {
        this(user, "More ▶️");
    }

    /** @param more the "next page" button in the person's language */
    public Person(FakeUser user, String more) {
        this.user = user;
        this.more = more;
    }

    public Person says(String text) {
        user.send(text);
        user.await();
        return this;
    }

    /**
     * Taps, and waits until the bot answers the tap: the bot answers a tap last, after showing the new screen,
     * so this waits for exactly the work the tap caused, however slow the machine.
     */
    public Person taps(String... buttons) {
        for (String button : buttons) {
            user.tap(button);
            awaitAnswered();
        }
        return this;
    }

    private void awaitAnswered() {
        awaitAnswered(user);
    }

    /** Waits until the bot has answered every tap of the user. */
    public static void awaitAnswered(FakeUser user) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        while (!user.allCallbacksAnswered()) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("The bot did not answer a tap within 20 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    /** Taps "More ▶️" until the button shows, then taps it. */
    public Person findsAndTaps(String button) {
        for (int guard = 0; guard < 40 && !user.buttons().contains(button); guard++) {
            if (!user.buttons().contains(more)) {
                break;
            }
            taps(more);
        }
        return taps(button);
    }

    public Person sendsSticker() {
        user.sendSticker();
        user.await();
        return this;
    }

    public Person sendsPhoto() {
        user.sendPhoto();
        user.await();
        return this;
    }

    public Person sendsVoice() {
        user.sendVoice();
        user.await();
        return this;
    }

    /** What the latest message says, as displayed. */
    public String lastMessage() {
        return user.lastMessage().plainText();
    }

    /** Everything the bot shows in the chat now. */
    public String sees() {
        return user.visibleText();
    }

    public FakeUser user() {
        return user;
    }
}
