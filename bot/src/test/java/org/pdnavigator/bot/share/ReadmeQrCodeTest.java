package org.pdnavigator.bot.share;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QR code in the README is made by the code: this test makes it into target/share-qr.png; if the link or the
 * drawing changes, copy that file to docs/share-qr.png.
 */
class ReadmeQrCodeTest {

    /** The README's example: Spanish, under the organizer's code casa_latina. */
    static final String LINK = "https://t.me/pd_navigator_bot?start=es-casa_latina";

    @Test
    void theReadmeShowsAQrCodeMadeByTheCodeThatReadsAsItsLink() throws Exception {
        byte[] png = new QrImages().png(LINK, 360);
        Files.write(Path.of("target", "share-qr.png"), png);

        Path committed = Path.of("..", "docs", "share-qr.png");
        assertThat(Files.readAllBytes(committed)).as("docs/share-qr.png is target/share-qr.png").isEqualTo(png);
        assertThat(QrReading.decodePng(Files.readAllBytes(committed))).isEqualTo(LINK);
        assertThat(Files.readString(Path.of("..", "README.md"))).contains("![").contains("docs/share-qr.png")
            .contains(LINK);
    }
}
