package org.pdnavigator.bot.console;

import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.TestBot;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversation in a terminal: numbered choices, the same screens and words as on Telegram. */
class ConsoleConversationTest {

    @Test
    void walksToAnAnswerWithNumberedChoices() {
        String transcript = run("1", "1", "2", "1", "More", "1");

        assertThat(transcript).contains("Who is asking?").contains("  1) 🙋 I am asking for myself")
            .contains("Please type one of the numbers shown")
            .contains("Where is the immigration court?");
    }

    @Test
    void reachesTheAnswerAndItsContact() {
        String transcript = run("1", "1", "2", "1", "3", "3");

        assertThat(transcript).contains("Which immigration court in Arizona?").contains("ICE-OPLA-PHO-PD@ice.dhs.gov")
            .contains("This is information, not legal advice");
    }

    @Test
    void acceptsTheSameCommandsAsTelegram() {
        String transcript = run("1", "/help", "/start");

        assertThat(transcript).contains("How this works").contains("free information service");
    }

    @Test
    void endsWhenThePersonTypesQ() {
        assertThat(run("q")).endsWith("Goodbye.\n");
    }

    /**
     * The transcript in the README comes from this test: if the conversation changes, copy
     * target/console-transcript.txt into the README between the markers.
     */
    @Test
    void theReadmeShowsARealTranscript() throws IOException {
        String transcript = run("1", "1", "2");
        Path out = Path.of("target", "console-transcript.txt");
        Files.writeString(out, transcript);

        Path readme = Path.of("..", "README.md");
        if (Files.exists(readme)) {
            String text = Files.readString(readme);
            String start = "<!-- console-transcript:start -->\n```text\n";
            String end = "```\n<!-- console-transcript:end -->";
            assertThat(text).as("README.md holds the transcript of " + out.toAbsolutePath()).contains(start + transcript + end);
        }
    }

    /** Runs the console with these lines typed, and returns what the terminal shows, typed lines included. */
    private static String run(String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BufferedReader typed = new BufferedReader(new StringReader(String.join("\n", lines) + "\n")) {
            @Override
            public String readLine() throws IOException {
                String line = super.readLine();
                if (line != null) {
                    out.println(line);
                }
                return line;
            }
        };
        new ConsoleConversation(TestBot.chatService(), TestBot.renderer(), "en").run(typed, out);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
