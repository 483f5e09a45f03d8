package org.pdnavigator.bot.fake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Telegram's {@code parse_mode=HTML} parser, ported from TDLib's {@code parse_html} so the fake refuses exactly
 * the markup Telegram refuses, with the same descriptions and UTF-8 byte offsets.
 *
 * <p>One deliberate difference: Telegram leaves a bare {@code &} that starts no entity as it is; this parser
 * refuses it (only {@code &lt; &gt; &amp; &quot; &apos;} and numeric entities, with their {@code ;}, pass).
 * Text that reaches Telegram with an unescaped {@code &} was not escaped at all, and the next user input that
 * contains {@code &lt;} or {@code <} breaks the message, so the tests should fail on the first one.
 */
public final class TelegramHtml {

    private static final Set<String> TAGS = Set.of("a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins",
            "tg-spoiler", "tg-emoji", "span", "pre", "code", "blockquote");

    private final byte[] text;
    private final ByteArrayOutputStream plain = new ByteArrayOutputStream();
    private final Deque<String> openTags = new ArrayDeque<>();
    private int i;

    private TelegramHtml(String html) {
        this.text = html.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses Telegram HTML and returns the text the user sees (tags removed, entities decoded).
     *
     * @throws HtmlException with Telegram's description (without the "Bad Request: can't parse entities: " prefix)
     */
    public static String toPlainText(String html) throws HtmlException {
        return new TelegramHtml(html).parse();
    }

    /** Like {@link #toPlainText} for display only: markup Telegram would refuse is stripped by a simple rule. */
    static String toPlainTextLeniently(String html) {
        try {
            return toPlainText(html);
        } catch (HtmlException e) {
            return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&amp;", "&");
        }
    }

    /** Escapes the three characters Telegram HTML reserves. */
    static String escape(String plainText) {
        return plainText.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private String parse() throws HtmlException {
        while (i < text.length) {
            int c = at(i);
            if (c == '&') {
                decodeEntityInText();
            } else if (c == '<') {
                if (at(i + 1) == '/') {
                    endTag();
                } else {
                    startTag();
                }
            } else {
                plain.write(c);
                i++;
            }
        }
        if (!openTags.isEmpty()) {
            throw new HtmlException("Can't find end tag corresponding to start tag \"" + openTags.peek() + "\"");
        }
        return plain.toString(StandardCharsets.UTF_8);
    }

    private void decodeEntityInText() throws HtmlException {
        int begin = i;
        int end = i + 1;
        int codePoint;
        if (at(end) == '#') {
            end++;
            boolean hex = at(end) == 'x' || at(end) == 'X';
            if (hex) {
                end++;
            }
            int digitsBegin = end;
            long value = 0;
            while (hex ? isHexDigit(at(end)) : isDigit(at(end))) {
                value = value * (hex ? 16 : 10) + Character.digit(at(end), 16);
                end++;
                if (value > Character.MAX_CODE_POINT) {
                    break;
                }
            }
            codePoint = end > digitsBegin && value > 0 && value < 0x10FFFF ? (int) value : 0;
        } else {
            while (isLetter(at(end))) {
                end++;
            }
            codePoint = switch (new String(text, begin + 1, end - begin - 1, StandardCharsets.US_ASCII)) {
                case "lt" -> '<';
                case "gt" -> '>';
                case "amp" -> '&';
                case "quot" -> '"';
                case "apos" -> '\'';
                default -> 0;
            };
        }
        if (codePoint == 0 || at(end) != ';') {
            throw new HtmlException("Unescaped \"&\" at byte offset " + begin
                    + " (write &amp; for a literal \"&\")");
        }
        if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
            throw new HtmlException("Text contains invalid Unicode characters after decoding HTML entities,"
                    + " check for unmatched surrogate code units");
        }
        plain.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
        i = end + 1;
    }

    private void startTag() throws HtmlException {
        int begin = i++;
        while (at(i) != 0 && !isSpace(at(i)) && at(i) != '>') {
            i++;
        }
        if (at(i) == 0) {
            throw new HtmlException("Unclosed start tag at byte offset " + begin);
        }
        String tag = new String(text, begin + 1, i - begin - 1, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (!TAGS.contains(tag)) {
            throw new HtmlException("Unsupported start tag \"" + tag + "\" at byte offset " + begin);
        }
        String spanClass = null;
        while (at(i) != '>') {
            skipSpaces();
            if (at(i) == '>') {
                break;
            }
            int nameBegin = i;
            while (at(i) != 0 && !isSpace(at(i)) && at(i) != '=' && at(i) != '>') {
                i++;
            }
            String name = new String(text, nameBegin, i - nameBegin, StandardCharsets.UTF_8);
            if (name.isEmpty()) {
                throw new HtmlException("Empty attribute name in the tag \"" + tag + "\" at byte offset " + begin);
            }
            skipSpaces();
            if (at(i) != '=' && tag.equals("blockquote") && name.equals("expandable")) {
                continue; // the one attribute without a value, documented as <blockquote expandable>
            }
            if (at(i) != '=') {
                throw new HtmlException("Expected equal sign in declaration of an attribute of the tag \""
                        + tag + "\" at byte offset " + begin);
            }
            i++;
            skipSpaces();
            if (at(i) == 0) {
                throw new HtmlException("Unclosed start tag \"" + tag + "\" at byte offset " + begin);
            }
            String value = attributeValue();
            if (at(i) == 0) {
                throw new HtmlException("Unclosed start tag at byte offset " + begin);
            }
            if (tag.equals("span") && name.equals("class")) {
                spanClass = value;
            }
        }
        if (tag.equals("span") && !"tg-spoiler".equals(spanClass)) {
            throw new HtmlException("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + begin);
        }
        openTags.push(tag);
        i++;
    }

    private String attributeValue() throws HtmlException {
        int quote = at(i);
        if (quote != '"' && quote != '\'') {
            int tokenBegin = i;
            while (isLetter(at(i)) || isDigit(at(i)) || at(i) == '.' || at(i) == '-') {
                i++;
            }
            if (!isSpace(at(i)) && at(i) != '>') {
                throw new HtmlException("Unexpected end of name token at byte offset " + tokenBegin);
            }
            return new String(text, tokenBegin, i - tokenBegin, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        }
        int valueBegin = ++i;
        while (at(i) != 0 && at(i) != quote) {
            i++;
        }
        String value = new String(text, valueBegin, i - valueBegin, StandardCharsets.UTF_8);
        if (at(i) == quote) {
            i++;
        }
        return value;
    }

    private void endTag() throws HtmlException {
        int begin = i;
        if (openTags.isEmpty()) {
            throw new HtmlException("Unexpected end tag at byte offset " + begin);
        }
        i += 2;
        while (at(i) != 0 && !isSpace(at(i)) && at(i) != '>') {
            i++;
        }
        String name = new String(text, begin + 2, i - begin - 2, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        skipSpaces();
        if (at(i) != '>') {
            throw new HtmlException("Unclosed end tag at byte offset " + begin);
        }
        String expected = openTags.peek();
        if (!name.isEmpty() && !name.equals(expected)) {
            throw new HtmlException("Unmatched end tag at byte offset " + begin + ", expected \"</" + expected
                    + ">\", found \"</" + name + ">\"");
        }
        openTags.pop();
        i++;
    }

    private void skipSpaces() {
        while (at(i) != 0 && isSpace(at(i))) {
            i++;
        }
    }

    private int at(int index) {
        return index < text.length ? text[index] & 0xFF : 0;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0 || c == '\u000B' || c == '\f';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Markup Telegram would refuse; the message is Telegram's description of the problem. */
    public static final class HtmlException extends Exception {
        HtmlException(String message) {
            super(message);
        }
    }
}
