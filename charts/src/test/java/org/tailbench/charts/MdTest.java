package org.tailbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Md#text}: text from tools survives CommonMark (GFM tables) unchanged, as plain text. */
class MdTest {
    static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    @ParameterizedTest
    @ValueSource(strings = {"gcc 12.2.0 has no __attribute__((musttail)), which the dispatch needs",
            "trap host: chicory: Index 5 | x", "a *b* `c` [d](e) <f> ~~g~~ \\h", "x_y_z **bold**"})
    void escapedTextRendersAsItself(String raw) {
        String rendered = TextContentRenderer.builder().build().render(PARSER.parse("- note: " + Md.text(raw)));
        assertThat(rendered.strip()).isEqualTo("- note: " + raw);   // unescaped, __attribute__ would lose its underscores (bold)
    }
}
