package org.tailbench.aot;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingStream;
import org.tailbench.aot.rt.Linkage;

/**
 * With the compile log on ({@code -Dtailbench.aot.log=true}), reports at JVM exit whether C2 compiled the methods
 * of each large function (issue 14): the methods of every Wasm function above {@link BytecodeSize#HUGE_METHOD_LIMIT}
 * bytes of bytecode in all (split or not), from the JDK's {@code jdk.Compilation} JFR events (an in-process
 * {@link RecordingStream}; {@code compileLevel} 4 = C2, OSR compilations count too). One line per function on
 * stderr: {@code aot: C2 func[N] name: k of n methods compiled by C2 (largest compiled B), not: …}. A function
 * whose code never ran hot shows 0 of n: C2 compiles what runs long enough, not what exists.
 */
final class C2Report {
    private C2Report() {}

    private static final Set<String> C2 = ConcurrentHashMap.newKeySet();
    /** class name (dots) → per original function: method name → bytecode bytes */
    private static final List<Watched> WATCHED = new ArrayList<>();
    private static RecordingStream stream;

    private record Watched(String engine, Map<Integer, Map<String, Integer>> large, Set<String> classes) {}

    /** Starts watching the large functions of {@code classes} (once per JVM; prints at exit). */
    static synchronized void watch(AotClasses classes, String[] functionNames) {
        Map<Integer, Map<String, Integer>> large = new TreeMap<>();
        Set<String> names = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> total = new TreeMap<>();
        Map<Integer, Map<String, Integer>> all = new TreeMap<>();
        for (int k = 0; k < classes.classFiles().length; k++) {
            String cls = classes.classNames()[k].replace('/', '.');
            names.add(cls);
            for (var e : ClassFiles.codeSizes(classes.classFiles()[k]).entrySet()) {
                int f = Linkage.functionOfMethod(e.getKey());
                if (f < 0) continue;
                all.computeIfAbsent(f, x -> new TreeMap<>()).put(cls + "." + e.getKey(), e.getValue());
                total.merge(f, e.getValue(), Integer::sum);
            }
        }
        for (var e : total.entrySet()) if (e.getValue() > BytecodeSize.HUGE_METHOD_LIMIT) large.put(e.getKey(), all.get(e.getKey()));
        if (large.isEmpty()) return;
        WATCHED.add(new Watched(classes.engine(), large, names));
        if (stream != null) return;
        try {
            stream = new RecordingStream();
            stream.enable("jdk.Compilation").withThreshold(Duration.ZERO);
            stream.onEvent("jdk.Compilation", C2Report::onCompilation);
            stream.startAsync();
        } catch (RuntimeException | Error e) {   // JFR unavailable: say so instead of failing the run
            System.err.println("aot: C2 report unavailable (" + e.getMessage() + ")");
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> print(System.err, functionNames), "aot-c2-report"));
    }

    private static void onCompilation(RecordedEvent e) {
        if (e.getInt("compileLevel") != 4 || !e.getBoolean("succeded")) return;
        RecordedMethod m = e.getValue("method");
        if (m == null || !m.getType().getName().startsWith("org.tailbench.aot.rt.Wasm$")) return;
        C2.add(m.getType().getName() + "." + m.getName());
    }

    private static synchronized void print(PrintStream out, String[] functionNames) {
        try {
            stream.stop();   // delivers the events recorded so far
        } catch (RuntimeException ignored) {
            // already closed
        }
        for (Watched w : WATCHED) {
            for (var f : w.large().entrySet()) {
                int compiled = 0, largest = 0;
                List<String> not = new ArrayList<>();
                for (var m : f.getValue().entrySet()) {
                    if (C2.contains(m.getKey())) { compiled++; largest = Math.max(largest, m.getValue()); }
                    else not.add(m.getKey().substring(m.getKey().lastIndexOf('.') + 1) + " (" + m.getValue() + " B)");
                }
                int n = f.getValue().size();
                String name = f.getKey() < functionNames.length ? functionNames[f.getKey()] : "?";
                out.printf("%s: C2 func[%d] %s: %d of %d method%s compiled by C2%s%s%n", w.engine(), f.getKey(), name, compiled, n,
                        n == 1 ? "" : "s", compiled > 0 ? " (largest compiled " + largest + " B)" : "",
                        !not.isEmpty() ? "; not: " + String.join(", ", not.subList(0, Math.min(5, not.size())))
                                + (not.size() > 5 ? " and " + (not.size() - 5) + " more" : "") : "");
            }
        }
    }
}
