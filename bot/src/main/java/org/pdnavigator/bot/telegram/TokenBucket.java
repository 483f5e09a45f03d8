package org.pdnavigator.bot.telegram;

/**
 * A token bucket: {@code rate} tokens a second, at most {@code burst} saved up. Taking a token waits until one
 * is there. Time is a parameter, so tests need no clock and no sleep.
 */
final class TokenBucket {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    /** @param now the current time in nanoseconds, from the same source later calls use */
    TokenBucket(double ratePerSecond, int burst, long now) {
        this.perNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = now;
    }

    /**
     * Takes a token.
     *
     * @return how many nanoseconds to wait before acting; the token is reserved already, so waiting that long and
     *         acting keeps within the rate even when many threads take at once
     */
    synchronized long take(long now) {
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
    }

    /** Whether the bucket is full again: nothing reserved, nothing owed, so it can be forgotten. */
    synchronized boolean idle(long now) {
        return Math.min(burst, tokens + (now - last) * perNano) >= burst;
    }
}
