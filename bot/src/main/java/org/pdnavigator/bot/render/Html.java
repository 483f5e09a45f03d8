package org.pdnavigator.bot.render;

import java.util.regex.Pattern;

/** The little HTML Telegram understands: escaping what we insert, and turning it into plain text. */
public final class Html {

    private static final Pattern TAG = Pattern.compile("</?[a-z][a-z0-9-]*(\\s[^>]*)?>");

    private Html() {
    }

    /** Escapes text for Telegram's HTML parse mode, which needs only these three. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The text a person reads: tags dropped, entities decoded. For the console and for length checks. */
    public static String toPlainText(String html) {
        return TAG.matcher(html).replaceAll("")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
    }
}
