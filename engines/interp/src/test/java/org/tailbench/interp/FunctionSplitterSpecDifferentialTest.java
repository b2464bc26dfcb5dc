package org.tailbench.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.wasm.ValType;
import org.tailbench.wasm.split.FunctionSplitter;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Differential test of {@link FunctionSplitter} over the spec testsuite on the {@code switch} engine: every
 * module without imports is split with a tiny budget under a model where the splitter's glue is free (so
 * nearly every function is cut into single-instruction pieces), with and without {@code cheapOnly}; then
 * every action of the json file (assert_return, assert_trap, assert_exhaustion, action) runs on the original
 * and on each split instance in order, and the outcomes (result bits, or trap kind) must be identical.
 * Expected values are the original's, i.e. the reference engine's. Skipped when the testsuite is missing.
 */
class FunctionSplitterSpecDifferentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Engine SWITCH = Engines.byName("switch");
    /** The splitter's own glue is free, every other instruction 10 bytes: cuts nearly everywhere. */
    private static final FunctionSplitter.SizeModel STRESS = (code, i) -> switch (code.opAt(i)) {
        case LOCAL_GET, LOCAL_SET, LOCAL_TEE, CALL, BR, BR_IF, BR_TABLE, BLOCK, LOOP, IF, ELSE, END, I32_CONST, RETURN -> 0;
        default -> 10;
    };
    private static final List<FunctionSplitter.Options> VARIANTS = List.of(
            new FunctionSplitter.Options(12, STRESS, false),
            new FunctionSplitter.Options(12, STRESS, true));

    private static Path jsonDir() {
        String p = System.getProperty("tailbench.testsuite");
        Path dir = (p != null && !p.isBlank() ? Paths.get(p) : Paths.get("../../../shared/wasm-testsuite")).resolve("json");
        assumeTrue(Files.isDirectory(dir), "spec testsuite not found at " + dir);
        return dir;
    }

    static Stream<String> files() throws IOException {
        try (Stream<Path> s = Files.list(jsonDir())) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.startsWith("simd_"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void splitModulesBehaveLikeTheOriginals(String file) throws IOException {
        JsonNode root = JSON.readTree(jsonDir().resolve(file).toFile());
        Map<String, Instance[]> named = new HashMap<>();
        Instance[] current = null;
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (JsonNode c : root.get("commands")) {
            if (failures.size() >= 5) break;     // enough to diagnose; a hanging split costs 20 s per action
            String type = c.get("type").asText();
            if (type.equals("module")) {
                current = load(c.get("filename").asText());
                if (current != null && c.hasNonNull("name")) named.put(c.get("name").asText(), current);
                continue;
            }
            JsonNode action = c.get("action");
            if (action == null || !action.path("type").asText().equals("invoke")) continue;
            Instance[] target = action.hasNonNull("module") ? named.get(action.get("module").asText()) : current;
            if (target == null) continue;
            long[] args = args(action.get("args"));
            if (args == null) continue;
            String field = action.get("field").asText();
            String want = outcome(target[0], field, args);
            for (int v = 1; v < target.length; v++) {
                String got = guarded(target[v], field, args);
                if (!got.equals(want)) failures.add(file + ":" + c.path("line").asInt() + " " + field + " " + VARIANTS.get(v - 1) + ": " + got + " != " + want);
            }
            compared++;
        }
        assertThat(failures).as("%d actions compared", compared).isEmpty();
    }

    /** @return original then one instance per variant, or null when the module imports, is invalid or fails to start */
    private static Instance[] load(String wasm) throws IOException {
        ValidatedModule vm;
        try {
            vm = ValidatedModule.of(Files.readAllBytes(jsonDir().resolve(wasm)));
        } catch (RuntimeException e) {
            return null;
        }
        if (!vm.module().imports.isEmpty()) return null;
        Instance[] out = new Instance[1 + VARIANTS.size()];
        try {
            out[0] = SWITCH.compile(vm).instantiate(store(), Imports.NONE);
        } catch (RuntimeException e) {
            return null;
        }
        for (int v = 0; v < VARIANTS.size(); v++) {
            ValidatedModule split = FunctionSplitter.split(vm, VARIANTS.get(v)).module();
            out[v + 1] = SWITCH.compile(split).instantiate(store(), Imports.NONE);
        }
        return out;
    }

    /** @return the arguments in the runtime encoding ({@link ValType}), or null for v128 */
    private static long[] args(JsonNode args) {
        long[] out = new long[args.size()];
        for (int k = 0; k < out.length; k++) {
            JsonNode a = args.get(k);
            String t = a.get("type").asText(), v = a.path("value").asText();
            switch (t) {
                case "i32" -> out[k] = (int) Long.parseLong(v);
                case "f32" -> out[k] = Long.parseLong(v) & 0xFFFFFFFFL;
                case "i64", "f64" -> out[k] = Long.parseUnsignedLong(v);
                case "externref", "funcref" -> out[k] = v.equals("null") ? ValType.NULL_REF : Long.parseLong(v);
                default -> { return null; }
            }
        }
        return out;
    }

    /**
     * The same frame limit for the original and the split modules, lower than the default so that the runaway
     * recursions of the testsuite (e.g. skip-stack-guard-page) reach "call stack exhausted" quickly on a loaded
     * machine; no spec action needs more than a few hundred non-tail frames.
     */
    private static Store store() { return new Store().maxCallDepth(20_000); }

    /**
     * {@link #outcome} on a daemon thread, "timeout" after 20 s: a broken split must fail the test, not hang it
     * (an abandoned thread keeps spinning until the test JVM exits; that only happens when the test fails).
     */
    private static String guarded(Instance inst, String field, long[] args) {
        String[] result = new String[1];
        Thread t = new Thread(null, () -> result[0] = outcome(inst, field, args), "split-action", 64L << 20);
        t.setDaemon(true);
        t.start();
        try {
            t.join(20_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return t.isAlive() ? "timeout" : result[0];
    }

    private static String outcome(Instance inst, String field, long[] args) {
        try {
            return "= " + Arrays.toString(inst.exportedFunction(field).invoke(args)) + " mem#"
                    + (inst.memory() == null ? 0 : Arrays.hashCode(inst.memory().segment().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE)));
        } catch (Trap t) {
            return "trap " + t.kind();
        }
    }
}
