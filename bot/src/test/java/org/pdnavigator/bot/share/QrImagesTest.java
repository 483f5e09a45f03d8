package org.pdnavigator.bot.share;

import com.google.zxing.common.BitMatrix;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** QR codes of links read back, from the pixels, to exactly the link; print-ready with their quiet zone. */
class QrImagesTest {

    private static final String LINK = "https://t.me/pd_navigator_bot?start=es-casa_latina";
    private final QrImages qr = new QrImages();

    @Test
    void aPngReadsBackToTheLink() throws IOException {
        byte[] png = qr.png(LINK, 1024);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(image.getHeight()).isEqualTo(1024);
        assertThat(QrReading.decodePng(png)).isEqualTo(LINK);
    }

    @Test
    void theLongestLinkReadsBackEvenSmall() {
        String longest = "https://t.me/pd_navigator_bot?start=es-" + "A1_-".repeat(15);
        assertThat(QrReading.decodePng(qr.png(longest, 200))).isEqualTo(longest);
    }

    @Test
    void keepsAQuietZoneOfFourModulesAllRound() throws IOException {
        BitMatrix matrix = qr.matrix(LINK);
        int size = matrix.getWidth();
        for (int i = 0; i < size; i++) {
            for (int edge = 0; edge < QrImages.QUIET_ZONE; edge++) {
                assertThat(matrix.get(i, edge) || matrix.get(edge, i) || matrix.get(i, size - 1 - edge)
                    || matrix.get(size - 1 - edge, i)).isFalse();
            }
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.png(LINK, size * 10)));
        for (int x = 0; x < image.getWidth(); x++) {
            assertThat(image.getRGB(x, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            assertThat(image.getRGB(x, QrImages.QUIET_ZONE * 10 - 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        }
    }

    @Test
    void anSvgIsWellFormedAndReadsBackToTheLink() {
        String svg = qr.svg(LINK);

        assertThat(svg).startsWith("<?xml").contains("<title>" + LINK + "</title>").contains("crispEdges");
        assertThat(QrReading.decode(QrReading.renderSvg(svg, 8))).isEqualTo(LINK);
    }

    @Test
    void anSvgHasAModuleForEveryDarkModuleOfTheCode() {
        BitMatrix matrix = qr.matrix(LINK);
        BufferedImage drawn = QrReading.renderSvg(qr.svg(LINK), 1);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                assertThat((drawn.getRGB(x, y) & 0xFFFFFF) == 0).as("module %d,%d", x, y).isEqualTo(matrix.get(x, y));
            }
        }
    }

    @Test
    void refusesWhatCannotBeDrawn() {
        assertThatThrownBy(() -> qr.png(LINK, 10)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("pixels");
        assertThatThrownBy(() -> qr.svg("")).isInstanceOf(IllegalArgumentException.class);
    }
}
