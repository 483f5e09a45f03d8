package org.pdnavigator.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pdnavigator.dialogs.directory.DirectoryException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start-up: an operator's edited directory is used, and a broken one stops the start with a clear message. */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

    @Test
    void runsOnAnEditedCopyOfTheDirectory(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("directory.yaml");
        Files.writeString(copy, bundled().replace("ICE-OPLA-CHI-PD@ice.dhs.gov", "ICE-OPLA-CHI-NEW-PD@ice.dhs.gov"));

        try (ConfigurableApplicationContext context = start("bot.directory-file=" + copy)) {
            var directory = context.getBean(org.pdnavigator.dialogs.directory.Directory.class);
            assertThat(directory.oplaOffice("chi")).map(o -> o.email()).contains("ICE-OPLA-CHI-NEW-PD@ice.dhs.gov");
        }
    }

    @Test
    void refusesABrokenDirectoryNamingTheFileAndTheEntry(@TempDir Path dir, CapturedOutput output) throws IOException {
        Path broken = dir.resolve("directory.yaml");
        Files.writeString(broken, bundled().replace("opla: chi\n", "opla: chicago\n"));

        assertThatThrownBy(() -> start("bot.directory-file=" + broken))
            .hasRootCauseInstanceOf(DirectoryException.class);
        assertThat(output).contains(broken + ": courts[chicago].opla names no OPLA office in 'opla': 'chicago'")
            .contains("Correct the entries named above");
    }

    @Test
    void startsWithoutATokenAndWithoutTheConsoleInTests() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.containsBean("telegramBot")).isFalse();
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        String[] args = new String[properties.length + 3];
        args[0] = "--bot.console=false";
        args[1] = "--server.port=0";
        args[2] = "--bot.data-dir=" + org.pdnavigator.bot.e2e.RunningBot.temporaryDataDir();
        for (int i = 0; i < properties.length; i++) {
            args[i + 3] = "--" + properties[i];
        }
        // As command-line arguments: they win over application.yaml, like an operator's settings.
        return BotApplication.application().run(args);
    }

    private static String bundled() throws IOException {
        try (InputStream in = StartupTest.class.getClassLoader().getResourceAsStream("directory.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
