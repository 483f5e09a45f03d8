package org.pdnavigator.bot.share;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * QR codes of links, as PNG (for Telegram and screens) and SVG (for print, sharp at any size). Both keep the
 * quiet zone of four modules that scanners need, and draw whole modules only, so nothing is blurred.
 */
public final class QrImages {

    /** Four modules of white around the code: what the QR standard asks for. */
    public static final int QUIET_ZONE = 4;

    /**
     * Medium error correction (15%): a printed code still scans with a crease or a stain, and stays small enough
     * for big modules at a given size.
     */
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
        EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
        EncodeHintType.MARGIN, QUIET_ZONE,
        EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());

    /** The code's modules, quiet zone included: one bit per module. */
    public BitMatrix matrix(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("A QR code needs some text to encode");
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot make a QR code of this text: " + e.getMessage(), e);
        }
    }

    /**
     * A square PNG, {@code pixels} wide: each module a whole number of pixels, centred, the rest white.
     *
     * @throws IllegalArgumentException if {@code pixels} is too small for one pixel per module
     */
    public byte[] png(String text, int pixels) {
        BitMatrix matrix = matrix(text);
        int modules = matrix.getWidth();
        if (pixels < modules || pixels > 10_000) {
            throw new IllegalArgumentException("A QR code of this text needs " + modules + " to 10000 pixels, not "
                + pixels);
        }
        int scale = pixels / modules;
        int offset = (pixels - modules * scale) / 2;
        BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_BYTE_BINARY);
        var graphics = image.createGraphics();
        try {
            graphics.setColor(java.awt.Color.WHITE);
            graphics.fillRect(0, 0, pixels, pixels);
            graphics.setColor(java.awt.Color.BLACK);
            for (int y = 0; y < modules; y++) {
                for (int x = 0; x < modules; x++) {
                    if (matrix.get(x, y)) {
                        graphics.fillRect(offset + x * scale, offset + y * scale, scale, scale);
                    }
                }
            }
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An SVG for print: one unit per module, the quiet zone inside the white background, dark modules as one path
     * of horizontal runs; {@code crispEdges} keeps modules square at any size. Its title is the text encoded.
     */
    public String svg(String text) {
        BitMatrix matrix = matrix(text);
        int size = matrix.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size && matrix.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start)
                    .append("v1h-").append(x - start).append('z');
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + size + ' ' + size
            + "\" width=\"" + size * 2 + "mm\" height=\"" + size * 2 + "mm\" shape-rendering=\"crispEdges\">\n"
            + "<title>" + escape(text) + "</title>\n"
            + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#ffffff\"/>\n"
            + "<path fill=\"#000000\" d=\"" + path + "\"/>\n"
            + "</svg>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
