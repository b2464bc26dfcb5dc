package org.tailbench.charts.workbench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.AttributeProvider;

/** The page's table of contents: every level-2 heading of the tables gets an id (its slug) and a line in the contents. */
final class Toc {
    private Toc() {}

    /** Sets {@code id="<slug>"} on level-2 headings. */
    static final AttributeProvider IDS = (node, tagName, attributes) -> {
        if (node instanceof Heading h && h.getLevel() == 2) attributes.put("id", slug(text(h)));
    };

    /** @return slug → heading text of every level-2 heading, in order (a repeated slug once) */
    static Map<String, String> headings(Node doc) {
        Map<String, String> out = new LinkedHashMap<>();
        doc.accept(new AbstractVisitor() {
            @Override public void visit(Heading h) {
                if (h.getLevel() == 2) out.putIfAbsent(slug(text(h)), text(h));
            }
        });
        return out;
    }

    /** @return the heading's plain text (text and code spans) */
    static String text(Node n) {
        StringBuilder sb = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) sb.append(t.getLiteral());
            else if (c instanceof Code code) sb.append(code.getLiteral());
            else sb.append(text(c));
        }
        return sb.toString();
    }

    /** @return "sec-" + lower-case letters and digits, other runs as '-' */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "sec-" + s;
    }
}
