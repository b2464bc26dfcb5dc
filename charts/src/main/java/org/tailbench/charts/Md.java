package org.tailbench.charts;

/**
 * Markdown helpers for text that comes from files and tools (failure reasons, compiler messages, peer
 * configuration): such text is data, so CommonMark must not read {@code __attribute__((musttail))} as bold or
 * {@code a|b} as a table cell.
 */
public final class Md {
    private Md() {}

    /**
     * The characters that start emphasis, code, links, HTML, table cells or strike-through anywhere in a line; each
     * gets a backslash (CommonMark: any ASCII punctuation may be escaped). Line-start syntax (#, -, 1.) cannot occur:
     * the text is always placed after other text.
     */
    private static final String SPECIAL = "\\`*_[]<>|~";

    /** @return {@code text} with every Markdown special character backslash-escaped and line breaks as spaces */
    public static String text(String text) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') { b.append(' '); continue; }
            if (SPECIAL.indexOf(c) >= 0) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }
}
