package org.pdnavigator.bot.share;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * What drawing a QR code costs, for the README: run with
 * {@code ./mvnw -B -pl bot -am test -Dtest=QrBenchmark -DexcludedTags=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class QrBenchmark {

    private static final String LINK = "https://t.me/pd_navigator_bot?start=es-casa_latina";

    @Test
    void drawingQrCodes() {
        QrImages qr = new QrImages();
        measure("PNG 1024 px", () -> qr.png(LINK, 1024).length);
        measure("PNG 360 px", () -> qr.png(LINK, 360).length);
        measure("SVG", () -> qr.svg(LINK).length());
    }

    private static void measure(String what, Supplier<Integer> draw) {
        int size = 0;
        for (int i = 0; i < 200; i++) {
            size = draw.get();
        }
        long[] nanos = new long[500];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            size = draw.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("QR code, %s: %d bytes, median %.2f ms, p99 %.2f ms%n", what, size,
            nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6);
    }
}
