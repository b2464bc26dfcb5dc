package org.tailbench.charts.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.tailbench.charts.AtomicFiles;
import org.tailbench.charts.Estimate;
import org.tailbench.charts.JmhJson;
import org.tailbench.charts.JmhResult;
import org.tailbench.charts.MarkdownReport;
import org.tailbench.charts.Reference;
import org.tailbench.charts.ReferenceReport;
import org.tailbench.charts.ResultTables;
import org.tailbench.charts.Section;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.FrameAttribution;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.validate.ValidatedModule;
import org.tailbench.workloads.WorkloadCatalog;

/**
 * The JFR workbench's report: draws every chart the files of a run folder allow into {@code charts/}
 * (PNG and SVG) and writes {@code index.html} (one self-contained page, see {@link HtmlReport}) and the
 * "Charts" section of {@code results.md}, all atomically. Works on a {@code run-bench.sh} folder
 * (JMH only, or with JFR recordings), on a {@code ./tailbench profile} folder (JFR only) and on
 * anything in between:
 * <ul>
 *   <li>{@code jmh.json} (else {@code jmh-parts/*.json}): per-workload time ratios to the baseline
 *       engine and their geometric means ({@link ResultChart}); where CPython scripts ran on both builds,
 *       tail-call build ÷ normal build per engine ({@link TailCallBuildChart});</li>
 *   <li>{@code jfr/<workload>/<engine>.jfr}: stack depth, per-opcode self time, per-function time
 *       ({@link ProfileCharts}); frames are attributed through {@link Engine#frameAttribution}, for which
 *       the module comes from {@code module/<workload>.wasm} or else the workload catalog, and the engine
 *       from the class path ({@link Engines});</li>
 *   <li>{@code opcodes/<workload>/<engine>.json}: exact opcode and pair counts ({@link OpcodeProfileCharts});</li>
 *   <li>a {@code tailbench tune} output ({@code report.json}) in the folder itself or in a folder directly under it: a
 *       "Tuning" section each, with its gains chart ({@link TunePages}); a folder holding only that gets no
 *       {@code results.md} (it has its {@code report.md}).</li>
 * </ul>
 * Usage: {@code Workbench RUN_DIR} (exit 1 when the folder cannot be read or written, 2 on bad usage).
 */
public final class Workbench {
    private Workbench() {}

    /** What {@link #draw} made. @param notes what could not be drawn, and why */
    public record Drawn(List<Figure> figures, List<String> notes, Path index) {
        /**
         * @return one console line naming the files written, e.g. "drew 7 charts (PNG + SVG) in results/x/charts/; wrote
         *         results/x/index.html", or for a tune output folder "drew 1 chart (PNG + SVG): tune/gains.png; wrote
         *         tune/index.html": a folder holding up to 2 charts has them named, a larger one is counted
         */
        public String summary() {
            Path dir = index.getParent() == null ? Path.of("") : index.getParent();
            Map<Path, List<Path>> byFolder = new java.util.LinkedHashMap<>();
            for (Figure f : figures) {
                Path png = dir.resolve(f.png());
                byFolder.computeIfAbsent(png.getParent(), k -> new ArrayList<>()).add(png);
            }
            String drew = figures.isEmpty() ? "drew no charts" : "drew " + figures.size() + " chart" + (figures.size() == 1 ? "" : "s") + " (PNG + SVG)";
            List<String> parts = new ArrayList<>();
            for (Map.Entry<Path, List<Path>> e : byFolder.entrySet()) {
                if (e.getValue().size() <= 2) e.getValue().forEach(p -> parts.add(p.toString()));
                else parts.add((byFolder.size() == 1 ? "" : e.getValue().size() + " ") + "in " + e.getKey() + "/");
            }
            String where = parts.isEmpty() ? "" : byFolder.size() == 1 && parts.getFirst().startsWith("in ") ? " " + parts.getFirst()
                    : ": " + String.join(", ", parts);
            return drew + where + "; wrote " + index;
        }
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            System.err.println("usage: Workbench RUN_DIR   (draws RUN_DIR/charts/* and writes RUN_DIR/index.html)");
            System.exit(args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")) ? 0 : 2);
        }
        try {
            Drawn d = draw(Path.of(args[0]));
            System.out.println(d.summary());
            for (String n : d.notes()) System.out.println("note: " + n);
        } catch (IOException | RuntimeException e) {
            System.err.println("Workbench: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Draws whatever {@code runDir} holds and writes {@code index.html}.
     * @throws IOException when the folder does not exist or a file cannot be written; an unreadable input
     *         file (e.g. a cut-off JFR recording) becomes a note on the page instead
     */
    public static Drawn draw(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) throw new IOException("no such run folder: " + runDir);
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");   // charts need no display
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> engineOrder = engineOrder(runDir);

        List<Section> sections = List.of();
        String baseline = null;
        List<Path> jmh = jmhFiles(runDir);
        if (!jmh.isEmpty()) {
            try {
                List<JmhResult> results = JmhJson.parse(JmhJson.readRaw(jmh));
                baseline = ResultTables.chooseBaseline(null, results, engineOrder);
                sections = Section.build(results, baseline, List.of(), List.of());
                summary(runDir, sections, baseline, figures, notes);
                resultCharts(runDir, sections, baseline, figures, notes);
                tailCallBuildCharts(runDir, sections, figures);
            } catch (IOException | RuntimeException e) {
                notes.add("JMH results not charted: " + e.getMessage());
            }
        }
        for (String workload : subfolders(runDir.resolve("jfr"))) {
            try {
                profile(runDir, workload, engineOrder, figures, notes);
            } catch (RuntimeException e) {   // one workload's odd data must not cost the others their charts
                notes.add("jfr/" + workload + ": charts failed: " + e);
            }
        }
        for (String workload : subfolders(runDir.resolve("opcodes"))) {
            for (Path f : files(runDir.resolve("opcodes").resolve(workload), ".json", engineOrder)) {
                String engine = stem(f);
                try {
                    OpcodeProfileCharts.draw(runDir, workload, engine, OpcodeProfile.read(f), figures);
                } catch (IOException | RuntimeException e) {
                    notes.add("opcodes/" + workload + "/" + f.getFileName() + ": " + e.getMessage());
                }
            }
        }
        List<PageSection> tuning = TunePages.sections(runDir, notes);
        JsonNode env = readJson(runDir.resolve("environment.json"), notes);
        String markdown = readOrRender(runDir, sections, baseline, env);
        Path index = runDir.resolve("index.html");
        String command = read(runDir.resolve("command.txt"));
        AtomicFiles.write(index, HtmlReport.render(runDir.toAbsolutePath().normalize().getFileName().toString(), markdown, env,
                command, figures, notes, localPaths(runDir, command, env), tuning));
        List<Figure> all = new ArrayList<>(figures);
        for (PageSection t : tuning) all.addAll(t.figures());
        // a tune output folder alone has its report.md: no results.md is made for it
        if (markdown != null || !figures.isEmpty() || tuning.isEmpty()) ResultsMarkdown.writeChartsSection(runDir, markdown, all, notes);
        return new Drawn(all, notes, index);
    }

    /** The "Summary" figure (first on the page): each engine's geometric mean ÷ native ({@link SummaryChart}). */
    private static void summary(Path runDir, List<Section> sections, String baseline, List<Figure> figures, List<String> notes) throws IOException {
        Section full = sections.stream().filter(s -> s.benchmark().equals(ReferenceReport.FULL_RUN)).findFirst().orElse(null);
        if (full == null) return;
        List<Reference> refs = List.of();
        Path tsv = runDir.resolve("references.tsv");
        if (Files.isRegularFile(tsv)) {
            try {
                refs = Reference.readTsv(tsv);
            } catch (IOException | RuntimeException e) {
                notes.add("references.tsv unreadable, so the summary is relative to " + baseline + ": " + e.getMessage());
            }
        }
        var chart = SummaryChart.create(full, refs, baseline);
        if (chart != null) {
            figures.add(ChartFiles.write(runDir, "summary", SUMMARY, "Each engine's full-run time ÷ native, geometric mean over the workloads.", chart));
        }
    }

    /**
     * @return the local absolute paths a published page should not show, longest first: the run folder (as RUN_DIR),
     *         the repository (from command.txt's first line, as REPO), the JDK (as JAVA_HOME), the home folder (~)
     */
    static Map<String, String> localPaths(Path runDir, String command, JsonNode env) {
        Map<String, String> m = new java.util.TreeMap<>(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        m.put(runDir.toAbsolutePath().normalize().toString(), "RUN_DIR");
        Path parent = runDir.toAbsolutePath().normalize().getParent();
        if (parent != null && parent.getParent() != null) m.put(parent.toString(), "RESULTS_DIR");
        try {
            m.put(runDir.toRealPath().toString(), "RUN_DIR");
        } catch (IOException e) {
            // keep the normalized path only
        }
        if (command != null) {
            var matcher = java.util.regex.Pattern.compile("^# \\S+ in (/.+)$", java.util.regex.Pattern.MULTILINE).matcher(command);
            if (matcher.find()) m.put(matcher.group(1).strip(), "REPO");
        }
        if (env != null && env.path("java").has("home")) m.put(env.path("java").path("home").asText(), "JAVA_HOME");
        String home = System.getProperty("user.home");
        if (home != null && home.length() > 1) m.put(home, "~");
        m.remove("/");
        m.remove("");
        return m;
    }

    /** The figure group drawn at the top of the page, before the tables. */
    static final String SUMMARY = "Summary";

    private static void resultCharts(Path runDir, List<Section> sections, String baseline, List<Figure> figures, List<String> notes) throws IOException {
        if (baseline == null) return;
        for (Section s : sections) {
            Map<String, Map<String, Estimate>> ratios = ResultChart.ratios(s, baseline);
            if (ratios.size() < 2) {
                if (!s.rows().isEmpty()) notes.add(s.title() + ": fewer than two engines with results, so no ratio chart.");
                continue;
            }
            String name = ChartFiles.slug(s.benchmark().substring(s.benchmark().lastIndexOf('.', s.benchmark().lastIndexOf('.') - 1) + 1));
            figures.add(ChartFiles.write(runDir, "results-" + name, "Results", s.measures().replace("`", ""),
                    ResultChart.perWorkload(s, baseline, ratios)));
            figures.add(ChartFiles.write(runDir, "results-" + name + "-geomean", "Results",
                    "Geometric mean over workloads of each engine's time ratio to " + baseline + " (" + ResultChart.plain(s.title()) + ").",
                    ResultChart.geomean(s, baseline, ratios)));
        }
    }

    /** The figure group of the CPython tail-call ÷ normal build charts (results.md's tables of the same name). */
    static final String TAIL_CALL_BUILD = "Tail-call build ÷ normal build (CPython)";

    /** {@link TailCallBuildChart}: whole runs, then start-up subtracted, when the full run has py_X and py_X@tailcall. */
    private static void tailCallBuildCharts(Path runDir, List<Section> sections, List<Figure> figures) throws IOException {
        Section full = sections.stream().filter(s -> s.benchmark().equals(ReferenceReport.FULL_RUN)).findFirst().orElse(null);
        if (full == null) return;
        var whole = TailCallBuildChart.create(full, false);
        if (whole == null) return;
        figures.add(ChartFiles.write(runDir, TailCallBuildChart.NAME, TAIL_CALL_BUILD,
                "Per CPython script and engine: time on python-tailcall.wasm ÷ time on python.wasm, whole runs (start-up included).", whole));
        var compute = TailCallBuildChart.create(full, true);
        if (compute != null) {
            figures.add(ChartFiles.write(runDir, TailCallBuildChart.NAME + "-compute", TAIL_CALL_BUILD,
                    "The same with py_startup (-c pass) subtracted from both times: (t_tailcall − startup_tailcall) ÷ (t − startup).", compute));
        }
    }

    private static void profile(Path runDir, String workload, List<String> engineOrder, List<Figure> figures, List<String> notes) throws IOException {
        Module module = null;
        ValidatedModule validated = null;
        String moduleProblem = null;
        try {
            byte[] bytes = moduleBytes(runDir, workload);
            if (bytes == null) moduleProblem = "module not found (neither module/" + workload + ".wasm nor a catalog workload of that name)";
            else {
                validated = ValidatedModule.of(bytes);
                module = validated.module();
            }
        } catch (RuntimeException e) {
            moduleProblem = "module unreadable: " + e.getMessage();
        }
        List<ProfileCharts.Recording> recs = new ArrayList<>();
        for (Path f : files(runDir.resolve("jfr").resolve(workload), ".jfr", engineOrder)) {
            String engine = stem(f);
            FrameAttribution attribution = FrameAttribution.NONE;
            String method;
            if (validated == null) {
                method = moduleProblem;
            } else {
                try {
                    attribution = Engines.byName(engine).frameAttribution(validated);
                    method = attribution.method();
                } catch (RuntimeException e) {
                    method = "engine " + engine + " not available to the charts (" + e.getMessage() + ")";
                }
            }
            try {
                recs.add(new ProfileCharts.Recording(engine, JfrReader.read(f, attribution), method, attribution.available()));
            } catch (IOException e) {
                notes.add("jfr/" + workload + "/" + f.getFileName() + ": " + e.getMessage());
            }
        }
        if (recs.isEmpty()) return;
        Module m = module;
        IntFunction<String> names = i -> m == null || i >= m.functionCount() ? null : m.functionName(i);
        ProfileCharts.draw(runDir, workload, recs, names, figures, notes);
    }

    /** @return the module bytes of {@code workload}: {@code module/<workload>.wasm}, else the catalog's, else null */
    static byte[] moduleBytes(Path runDir, String workload) {
        Path own = runDir.resolve("module").resolve(workload + ".wasm");
        try {
            if (Files.isRegularFile(own)) return Files.readAllBytes(own);
        } catch (IOException e) {
            throw new IllegalStateException(own + ": " + e.getMessage(), e);
        }
        WorkloadCatalog catalog = WorkloadCatalog.load();
        return catalog.names().contains(workload) ? catalog.get(workload).wasm() : null;
    }

    private static List<Path> jmhFiles(Path runDir) throws IOException {
        Path merged = runDir.resolve("jmh.json");
        if (Files.isRegularFile(merged)) return List.of(merged);
        Path parts = runDir.resolve("jmh-parts");
        if (!Files.isDirectory(parts)) return List.of();
        try (Stream<Path> s = Files.list(parts)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** @return engine names in engines.txt order (empty when absent) */
    private static List<String> engineOrder(Path runDir) throws IOException {
        Path f = runDir.resolve("engines.txt");
        if (!Files.isRegularFile(f)) return List.of();
        return Files.readAllLines(f).stream().filter(l -> l.indexOf('=') > 0 && !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf('=')).strip()).toList();
    }

    private static List<String> subfolders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** @return files of {@code dir} ending in {@code ext}, in engine order (known engines first), then by name */
    private static List<Path> files(Path dir, String ext, List<String> engineOrder) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(ext))
                    .sorted(Comparator.<Path>comparingInt(p -> {
                        int i = engineOrder.indexOf(stem(p));
                        return i < 0 ? Integer.MAX_VALUE : i;
                    }).thenComparing(p -> p.getFileName().toString())).toList();
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    private static String read(Path f) throws IOException {
        return Files.isRegularFile(f) ? Files.readString(f) : null;
    }

    private static JsonNode readJson(Path f, List<String> notes) {
        if (!Files.isRegularFile(f)) return null;
        try {
            return JmhJson.MAPPER.readTree(f.toFile());
        } catch (IOException e) {
            notes.add(f.getFileName() + " unreadable: " + e.getMessage());
            return null;
        }
    }

    /** results.md without its charts section, or (no results.md) the tables rendered from the JMH results, or null. */
    private static String readOrRender(Path runDir, List<Section> sections, String baseline, JsonNode env) throws IOException {
        String md = read(runDir.resolve("results.md"));
        if (md != null) return ResultsMarkdown.withoutChartsSection(md);
        if (!sections.isEmpty()) return MarkdownReport.render("tailbench results — " + runDir.getFileName(), null, sections, baseline, env);
        return null;
    }

}
