package org.tailbench.charts.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.tailbench.charts.EnvironmentInfo;

/**
 * {@code index.html}: one static page to publish as is. It holds the tables of {@code results.md}
 * (CommonMark with GFM tables, so every {@code Section} and table that {@code results.md} has appears
 * here too; raw HTML in it is escaped), every chart as an SVG embedded as a {@code data:} URI (no
 * external resource, no script), with links to the PNG/SVG files beside it, the notes on what could not
 * be drawn, the environment and the exact command ({@code command.txt}). Every piece of text taken from
 * files is HTML-escaped.
 */
final class HtmlReport {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
            .attributeProviderFactory(ctx -> Toc.IDS).build();

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1280px;margin:0 auto;padding:1em 2em;color:#222;line-height:1.45}
            h1{font-size:1.7em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;margin:1em 0;font-size:.9em;display:block;overflow-x:auto}
            th,td{border:1px solid #ccc;padding:.25em .6em}th{background:#f3f3f3}td{text-align:right}td:first-child{text-align:left}
            code,pre{background:#f6f6f6;border-radius:3px}pre{padding:.8em;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
            figure{margin:1.5em 0}figure img{width:100%;max-width:1200px;height:auto;border:1px solid #eee}
            figcaption{font-size:.9em;color:#444}nav ul{columns:2}blockquote{border-left:4px solid #c00;margin-left:0;padding-left:1em}
            """;

    private HtmlReport() {}

    /**
     * @param runName  the run folder's name (title when {@code markdown} has no heading)
     * @param markdown results.md without its charts section, or null
     * @param env      environment.json, or null
     * @param command  command.txt, or null
     */
    static String render(String runName, String markdown, JsonNode env, String command, List<Figure> figures, List<String> notes) {
        return render(runName, markdown, env, command, figures, notes, Map.of());
    }

    /**
     * @param paths local absolute paths → what the page shows instead (e.g. the run folder → {@code RUN_DIR}): a
     *              published page does not show where the run happened to live; longest first
     */
    static String render(String runName, String markdown, JsonNode env, String command, List<Figure> figures, List<String> notes,
                         Map<String, String> paths) {
        return render(runName, markdown, env, command, figures, notes, paths, List.of());
    }

    /** @param sections sections after the tables and chart groups (e.g. {@link TunePages}' "Tuning" sections), in order */
    static String render(String runName, String markdown, JsonNode env, String command, List<Figure> figures, List<String> notes,
                         Map<String, String> paths, List<PageSection> sections) {
        markdown = unpath(markdown, paths);
        sections = sections.stream().map(x -> new PageSection(x.id(), x.title(), unpathAll(x.before(), paths), x.figures(),
                unpathAll(x.after(), paths))).toList();
        command = unpath(command, paths);
        notes = notes.stream().map(n -> unpath(n, paths)).toList();
        String title = "tailbench — " + runName;
        String body = markdown == null ? "" : markdown;
        if (body.startsWith("# ")) {
            int nl = body.indexOf('\n');
            title = (nl < 0 ? body : body.substring(0, nl)).substring(2).strip();
            body = nl < 0 ? "" : body.substring(nl + 1);
        }
        if (env != null && !body.contains("## Environment")) body += "\n\n" + unpath(EnvironmentInfo.markdown(env), paths);
        String warning = "";   // results.md's opening note (a busy machine, an interrupted run) stays above everything
        String lead = body.stripLeading();
        if (lead.startsWith("> ")) {
            int end = lead.indexOf("\n\n");
            warning = end < 0 ? lead : lead.substring(0, end);
            body = end < 0 ? "" : lead.substring(end + 2);
        }
        org.commonmark.node.Node doc = PARSER.parse(body);
        Map<String, String> headings = Toc.headings(doc);   // id → text, the tables' h2 sections
        StringBuilder h = new StringBuilder(256 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
         .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
         .append("<title>").append(esc(title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n")
         .append("<h1>").append(esc(title)).append("</h1>\n");
        if (!warning.isEmpty()) h.append(RENDERER.render(PARSER.parse(warning)));
        Map<String, List<Figure>> groups = new LinkedHashMap<>();
        for (Figure f : figures) groups.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(f);
        h.append("<nav><h2>Contents</h2><ul>\n");
        List<String> groupNames = new ArrayList<>(groups.keySet());
        if (groupNames.remove(Workbench.SUMMARY)) groupNames.addFirst(Workbench.SUMMARY);   // the summary chart opens the page
        int gi = 0;
        if (groups.containsKey(Workbench.SUMMARY)) h.append("<li><a href=\"#charts-0\">Summary chart</a></li>\n");
        for (var e : headings.entrySet()) h.append("<li><a href=\"#").append(esc(e.getKey())).append("\">").append(esc(e.getValue())).append("</a></li>\n");
        for (String g : groupNames) {
            if (!g.equals(Workbench.SUMMARY)) h.append("<li><a href=\"#charts-").append(gi).append("\">Charts: ").append(esc(g)).append("</a></li>\n");
            gi++;
        }
        for (PageSection x : sections) h.append("<li><a href=\"#").append(esc(x.id())).append("\">").append(esc(x.title())).append("</a></li>\n");
        if (!notes.isEmpty()) h.append("<li><a href=\"#not-drawn\">Not drawn</a></li>\n");
        if (command != null) h.append("<li><a href=\"#command\">Command</a></li>\n");
        h.append("</ul></nav>\n");
        gi = 0;
        int fi = 0;
        boolean tables = body.isBlank();   // the tables follow the summary chart, before every other chart
        for (String name : groupNames) {
            if (!name.equals(Workbench.SUMMARY) && !tables) {
                h.append("<section id=\"tables\">\n").append(RENDERER.render(doc)).append("</section>\n");
                tables = true;
            }
            h.append("<section id=\"charts-").append(gi++).append("\">\n<h2>").append(esc(name)).append("</h2>\n");
            for (Figure f : groups.get(name)) figure(h, f, fi++);
            h.append("</section>\n");
        }
        if (!tables) h.append("<section id=\"tables\">\n").append(RENDERER.render(doc)).append("</section>\n");
        for (PageSection x : sections) {
            h.append("<section id=\"").append(esc(x.id())).append("\">\n<h2>").append(esc(x.title())).append("</h2>\n")
             .append(RENDERER.render(PARSER.parse(x.before() == null ? "" : x.before())));
            for (Figure f : x.figures()) figure(h, f, fi++);
            h.append(RENDERER.render(PARSER.parse(x.after() == null ? "" : x.after()))).append("</section>\n");
        }
        if (!notes.isEmpty()) {
            h.append("<section id=\"not-drawn\">\n<h2>Not drawn</h2>\n<ul>\n");
            for (String n : notes) h.append("<li>").append(esc(n)).append("</li>\n");
            h.append("</ul>\n</section>\n");
        }
        if (command != null) {
            h.append("<section id=\"command\">\n<h2>Command</h2>\n<p>The exact command lines of this run (<code>command.txt</code>):</p>\n<pre>")
             .append(esc(command.strip())).append("</pre>\n</section>\n");
        }
        h.append("<footer><p>Made by tailbench (<code>./tailbench charts RUN_DIR</code> redraws this page from the run folder).</p></footer>\n");
        return h.append("</body>\n</html>\n").toString();
    }

    /** Appends one figure: the SVG embedded as a data: URI, the caption, links to the PNG and SVG files. */
    private static void figure(StringBuilder h, Figure f, int index) {
        h.append("<figure id=\"fig-").append(index).append("\">\n<img width=\"1200\" height=\"800\" alt=\"").append(esc(f.title()))
         .append("\" src=\"data:image/svg+xml;base64,")
         .append(Base64.getEncoder().encodeToString(f.svgText().getBytes(StandardCharsets.UTF_8))).append("\">\n")
         .append("<figcaption>").append(esc(f.caption())).append(" <a href=\"").append(esc(f.png())).append("\">PNG</a> · <a href=\"")
         .append(esc(f.svg())).append("\">SVG</a></figcaption>\n</figure>\n");
    }

    /** @return {@code text} with each local path of {@code paths} replaced (null stays null) */
    static String unpath(String text, Map<String, String> paths) {
        if (text == null) return null;
        for (var e : paths.entrySet()) if (!e.getKey().isBlank()) text = text.replace(e.getKey(), e.getValue());
        return text;
    }

    /** An absolute path of two or more parts that no placeholder covers (not inside a URL or a relative path). */
    private static final java.util.regex.Pattern OTHER_PATH =
            java.util.regex.Pattern.compile("(?<![\\w.~:/])/(?:[^\\s/`'\"|<>()\\[\\]]+/)+([^\\s/`'\"|<>()\\[\\]]+)");

    /**
     * {@link #unpath}, then every other absolute path shortened to "…/" and its last part: for text whose paths the page
     * cannot know (e.g. a tune command's {@code --measured-in /somewhere/tune-aot} becomes {@code --measured-in …/tune-aot}).
     */
    static String unpathAll(String text, Map<String, String> paths) {
        String t = unpath(text, paths);
        return t == null ? null : OTHER_PATH.matcher(t).replaceAll(m -> java.util.regex.Matcher.quoteReplacement("…/" + m.group(1)));
    }

    /** HTML-escapes text for element content and double-quoted attribute values. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
