package org.pdnavigator.bot.e2e;

import org.pdnavigator.bot.BotApplication;
import org.pdnavigator.bot.fake.FakeBotApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bot in a JVM of its own, so a test can kill it the hard way (SIGKILL, as a crash or an out-of-memory
 * kill would) and start it again on the same data directory.
 */
public final class BotProcess implements AutoCloseable {

    private final Process process;

    private BotProcess(Process process) {
        this.process = process;
    }

    /** Starts the bot against the fake and waits until it polls for updates. */
    public static BotProcess start(FakeBotApi api, Path dataDir, Path log) {
        int pollsBefore = api.calls("getUpdates").size();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), BotApplication.class.getName(),
            "--telegram.bot-token=" + api.token(), "--telegram.api-url=" + api.baseUri(),
            "--telegram.poll-timeout=1s", "--bot.console=false", "--server.port=0", "--bot.data-dir=" + dataDir,
            // Tests tap far faster than a person: the rate limits are tested on their own.
            "--telegram.limits.per-chat-per-second=1000", "--telegram.limits.per-chat-burst=1000",
            "--telegram.limits.overall-per-second=10000", "--telegram.limits.overall-burst=10000"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            BotProcess bot = new BotProcess(process);
            Instant deadline = Instant.now().plusSeconds(60);
            while (api.calls("getUpdates").size() <= pollsBefore) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("The bot process did not start polling; see " + log);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            }
            return bot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SIGTERM, as a service manager stops it: the JVM shuts down by itself.
     *
     * @return the exit code, or -1 if the JVM was still running after the wait
     */
    public int stop(java.time.Duration wait) {
        process.destroy();
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, nothing graceful. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
