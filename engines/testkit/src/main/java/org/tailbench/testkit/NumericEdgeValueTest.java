package org.tailbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Every numeric instruction (spec 2.0 §4.3: unary, binary, test, comparison, conversion, trapping and
 * saturating truncation, reinterpretation, sign extension) on the engines a subclass names ({@link EngineSuite}),
 * on edge values — NaNs with canonical, arithmetic and signalling payloads of both signs, ±0, ±inf, subnormals, min/max integers, -1, overflow pairs,
 * the floats around 2^31, 2^32, 2^63 and 2^64, rounding ties — against node (V8), an independent runtime running
 * the same modules. Each instruction gets a tiny module: export {@code f} applies it to its parameters, export
 * {@code g} to the results of identity calls (so engines that specialise local operands run their general path
 * too); f32 / f64 operands and results cross the boundary as i32 / i64 bits (reinterpreted in Wasm), so NaN
 * payloads reach the instruction unchanged. Results compare bit for bit, except where the spec lets NaN results
 * vary (§4.3.3 nans: sign and payload free): there both sides must be NaNs of the class the spec requires —
 * canonical when every NaN operand was canonical, else arithmetic (quiet bit set). Traps compare by kind (V8's
 * message mapped to the spec's), and the trap's message must be the spec testsuite's.
 */
public abstract class NumericEdgeValueTest extends EngineSuite {
    static final int[] I32 = {0, 1, -1, 2, 3, 7, 31, 32, 33, 0x7F, 0x80, 0xFF, 0x8000, 0xFFFF, 0x10000, 0x12345678,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -2, 0xAAAAAAAA, 0x01000001, 0x7FFFFFC0, 0xFFFFFF80};
    static final long[] I64 = {0, 1, -1, 2, 3, 7, 63, 64, 65, 0x80, 0xFFFF, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL,
        0x100000000L, Integer.MIN_VALUE, 0x123456789ABCDEF0L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -2,
        0x0020000000000001L, 0x7FFFFFFFFFFFFC00L, 0x8000000000000401L, 0xFFFFFFFFFFFFF800L, 0x0000000001000001L,
        0x8000008000000001L, 0xAAAAAAAAAAAAAAAAL};
    /** f32 bit patterns */
    static final int[] F32 = {0, 0x80000000, 0x3F800000, 0xBF800000, 0x3F000000, 0xBF000000, 0x3FC00000, 0x40200000,
        0xC0200000, 0x3F7FFFFF, 0xBF7FFFFF, 0x3EFFFFFF, 0x7F800000, 0xFF800000,
        0x7FC00000, 0xFFC00000, 0x7FC00001, 0x7FA00000, 0xFFA00001, 0x7F800001,            // NaNs
        0x00000001, 0x007FFFFF, 0x80000001, 0x00800000, 0x7F7FFFFF, 0xFF7FFFFF,            // subnormals, min/max normal
        0x4EFFFFFF, 0x4F000000, 0xCF000000, 0xCF000001, 0x4F7FFFFF, 0x4F800000,            // 2^31, 2^32
        0x5EFFFFFF, 0x5F000000, 0xDF000000, 0xDF000001, 0x5F7FFFFF, 0x5F800000,            // 2^63, 2^64
        0x4B000001, 0x4B7FFFFF};
    /** f64 bit patterns */
    static final long[] F64 = {0, 0x8000000000000000L, 0x3FF0000000000000L, 0xBFF0000000000000L, 0x3FE0000000000000L,
        0xBFE0000000000000L, 0x3FF8000000000000L, 0x4004000000000000L, 0xC004000000000000L, 0x3FDFFFFFFFFFFFFFL,
        0x3FEFFFFFFFFFFFFFL, 0xBFEFFFFFFFFFFFFFL, 0x7FF0000000000000L, 0xFFF0000000000000L,
        0x7FF8000000000000L, 0xFFF8000000000000L, 0x7FF8000000000001L, 0x7FF4000000000000L, 0xFFF0000000000001L,
        0x7FF0000000000001L,                                                                  // NaNs
        0x0000000000000001L, 0x000FFFFFFFFFFFFFL, 0x8000000000000001L, 0x0010000000000000L, 0x7FEFFFFFFFFFFFFFL,
        0xFFEFFFFFFFFFFFFFL,
        0x41DFFFFFFFC00000L, 0x41DFFFFFFFFFFFFFL, 0x41E0000000000000L, 0xC1E0000000000000L, 0xC1E00000001FFFFFL,
        0xC1E0000000200000L, 0x41EFFFFFFFE00000L, 0x41EFFFFFFFFFFFFFL, 0x41F0000000000000L,   // 2^31, 2^32
        0x43DFFFFFFFFFFFFFL, 0x43E0000000000000L, 0xC3E0000000000000L, 0xC3E0000000000001L, 0x43EFFFFFFFFFFFFFL,
        0x43F0000000000000L,                                                                  // 2^63, 2^64
        0x432FFFFFFFFFFFFFL, 0x4330000000000001L, 0x3FF0000010000000L, 0x3FF0000010000001L,  // ties
        0x47EFFFFFE0000000L, 0x47EFFFFFDFFFFFFFL, 0x36A0000000000000L, 0x3690000000000000L, 0x7E37E43C8800759CL};

    /** Float-result instructions whose result is the operand's bits, changed exactly (no NaN freedom). */
    private static final Set<Op> BITWISE = Set.of(Op.F32_ABS, Op.F32_NEG, Op.F32_COPYSIGN, Op.F64_ABS, Op.F64_NEG,
            Op.F64_COPYSIGN, Op.F32_REINTERPRET_I32, Op.F64_REINTERPRET_I64);

    private static final String NODE_SCRIPT = """
            const fs = require('fs');
            const [dir, n] = [process.argv[2], +process.argv[3]];
            const out = [];
            for (let i = 0; i < n; i++) {
              const inst = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(dir + '/m' + i + '.wasm')));
              const [types, ...rows] = fs.readFileSync(dir + '/a' + i + '.txt', 'utf8').trim().split('\\n');
              for (const name of ['f', 'g']) {
                for (const row of rows) {
                  const args = row.split(' ').map((s, k) => types[k] === 'l' ? BigInt(s) : Number(s));
                  try { out.push(String(inst.exports[name](...args))); }
                  catch (e) { out.push(e instanceof WebAssembly.RuntimeError ? 'trap:' + e.message : 'other:' + e); }
                }
              }
            }
            fs.writeFileSync(dir + '/expected.txt', out.join('\\n') + '\\n');
            """;

    /** One instruction's module and operand rows (wire values: i32 / i64, floats as their bits). */
    record Case(Op op, byte[] wasm, List<long[]> rows) {}

    @TempDir static Path dir;
    static List<Case> cases;
    static List<String> expected;

    /** @return the numeric instructions: a fixed signature with operands and one result, no immediate */
    public static List<Op> numericOps() {
        return Arrays.stream(Op.values()).filter(op -> op.imm == Op.Imm.NONE && op.signature != null
                && op.signature.indexOf(':') > 0 && op.signature.indexOf(':') == op.signature.length() - 2).toList();
    }

    @BeforeAll
    static void runNode() throws IOException, InterruptedException {
        cases = new ArrayList<>();
        for (Op op : numericOps()) cases.add(new Case(op, module(op), rows(op.signature.substring(0, op.signature.indexOf(':')))));
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Files.write(dir.resolve("m" + i + ".wasm"), c.wasm());
            StringBuilder b = new StringBuilder(wire(c.op()) + "\n");
            for (long[] row : c.rows()) {
                for (int k = 0; k < row.length; k++) b.append(k == 0 ? "" : " ").append(row[k]);
                b.append('\n');
            }
            Files.writeString(dir.resolve("a" + i + ".txt"), b);
        }
        Path script = Files.writeString(dir.resolve("run.js"), NODE_SCRIPT);
        Process p;
        try {
            p = new ProcessBuilder("node", script.toString(), dir.toString(), String.valueOf(cases.size()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            expected = null; // node missing: each test is reported as skipped, and .ci/run installs node
            return;
        }
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(p.exitValue()).as("node's exit status").isZero();
        expected = Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8);
        int calls = cases.stream().mapToInt(c -> 2 * c.rows().size()).sum();
        assertThat(expected).hasSize(calls).noneMatch(s -> s.startsWith("other:"));
    }

    @Test
    void everyNumericInstructionIsCovered() {
        // 0x45-0xC4 (comparisons, arithmetic, conversions, reinterpretations, sign extensions) and 0xFC 0-7
        assertThat(numericOps()).hasSize(136).contains(Op.I32_EQZ, Op.I64_EXTEND32_S, Op.I64_TRUNC_SAT_F64_U, Op.F64_PROMOTE_F32);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void resultsEqualNodesUpToTheSpecsNaNFreedom(Engine engine) {
        assumeThat(expected).as("node (apt-get install nodejs)").isNotNull();
        List<String> failures = new ArrayList<>();
        int line = 0, traps = 0, nanResults = 0;
        for (Case c : cases) {
            Instance inst = engine.compile(ValidatedModule.of(c.wasm())).instantiate(new Store(), Imports.NONE);
            String wire = wire(c.op());
            for (String name : new String[] {"f", "g"}) {
                FunctionInstance fn = inst.exportedFunction(name);
                for (long[] row : c.rows()) {
                    String want = expected.get(line++);
                    String got;
                    try {
                        long r = fn.invoke(row.clone())[0];
                        got = wire.charAt(wire.length() - 1) == 'i' ? String.valueOf((int) r) : String.valueOf(r);
                    } catch (Trap t) {
                        got = "trap:" + t.kind().name() + (t.getMessage().equals(t.kind().message) ? "" : " message " + t.getMessage());
                    }
                    if (want.startsWith("trap:")) traps++;
                    if (isNaN(c.op(), want)) nanResults++;
                    String why = mismatch(c.op(), row, want, got);
                    if (why == null) continue;
                    if (failures.size() < 30) failures.add(c.op().text + " " + name + Arrays.toString(hex(c.op(), row)) + ": " + why);
                }
            }
        }
        assertThat(failures).as("%s: instruction export[operands]: node vs engine", engine.name()).isEmpty();
        assertThat(line).isEqualTo(expected.size());
        // both special outcomes occur, or the comparison says little about them
        assertThat(traps).as("trapping cases").isGreaterThan(500);
        assertThat(nanResults).as("NaN results").isGreaterThan(1000);
    }

    /** @return null when {@code got} is what the spec allows given node's {@code want}, else why not */
    static String mismatch(Op op, long[] row, String want, String got) {
        if (want.startsWith("trap:")) {
            String kind = "trap:" + v8Trap(op, row, want.substring(5)).name();
            return got.equals(kind) ? null : "node " + want + " (" + kind + "), engine " + got;
        }
        if (got.equals(want)) return null;
        char result = op.signature.charAt(op.signature.length() - 1);
        if ((result == 'f' || result == 'd') && !BITWISE.contains(op) && !got.startsWith("trap:")) {
            long w = Long.parseLong(want), g = Long.parseLong(got);
            String required = nanClass(op, row);
            if (isNaN(result, w) && isNaN(result, g) && required != null
                    && inClass(result, w, required) && inClass(result, g, required)) return null;
        }
        return "node " + want + ", engine " + got;
    }

    /**
     * §4.3.3 nans{z*}: the result of an operation that yields a NaN is a canonical NaN when every NaN operand is
     * canonical (or there is none), else any arithmetic NaN. @return "canonical" or "arithmetic"
     */
    static String nanClass(Op op, long[] row) {
        String params = op.signature.substring(0, op.signature.indexOf(':'));
        for (int k = 0; k < params.length(); k++) {
            char t = params.charAt(k);
            if ((t == 'f' || t == 'd') && isNaN(t, row[k]) && !inClass(t, row[k], "canonical")) return "arithmetic";
        }
        return "canonical";
    }

    static boolean isNaN(char type, long bits) {
        return type == 'f' ? Float.isNaN(Float.intBitsToFloat((int) bits)) : Double.isNaN(Double.longBitsToDouble(bits));
    }

    private static boolean isNaN(Op op, String want) {
        char result = op.signature.charAt(op.signature.length() - 1);
        return !want.startsWith("trap:") && (result == 'f' || result == 'd') && isNaN(result, Long.parseLong(want));
    }

    /** canonical: payload exactly the quiet bit; arithmetic: quiet bit set (any sign) */
    static boolean inClass(char type, long bits, String nanClass) {
        long payload = type == 'f' ? bits & 0x7FFFFF : bits & 0xFFFFFFFFFFFFFL;
        long quiet = type == 'f' ? 0x400000 : 0x8000000000000L;
        return nanClass.equals("canonical") ? payload == quiet : (payload & quiet) != 0;
    }

    /**
     * V8's trap messages mapped to the spec's kinds; V8 says "float unrepresentable in integer range" for both
     * truncation traps, which the spec tells apart by the operand: NaN is an invalid conversion, anything else
     * an overflow.
     */
    static TrapKind v8Trap(Op op, long[] row, String message) {
        return switch (message) {
            case "divide by zero", "remainder by zero" -> TrapKind.INTEGER_DIVIDE_BY_ZERO;
            case "divide result unrepresentable" -> TrapKind.INTEGER_OVERFLOW;
            case "float unrepresentable in integer range" ->
                    isNaN(op.signature.charAt(0), row[0]) ? TrapKind.INVALID_CONVERSION_TO_INTEGER : TrapKind.INTEGER_OVERFLOW;
            default -> throw new AssertionError("unknown V8 trap message: " + message);
        };
    }

    /** @return the wire types of the module's exports: params then the result, f32 as i, f64 as l */
    static String wire(Op op) {
        return op.signature.replace(":", "").replace('f', 'i').replace('d', 'l');
    }

    /** {@code f(x, y) = op(x, y)} and {@code g(x, y) = op(id(x), id(y))}, floats reinterpreted from / to bits. */
    public static byte[] module(Op op) {
        String params = op.signature.substring(0, op.signature.indexOf(':'));
        char result = op.signature.charAt(op.signature.length() - 1);
        String w = wire(op);
        ModuleBuilder mb = new ModuleBuilder();
        int idI = mb.func(mb.type(new int[] {ModuleBuilder.I32}, ModuleBuilder.I32), 0, new Body().localGet(0));
        int idL = mb.func(mb.type(new int[] {ModuleBuilder.I64}, ModuleBuilder.I64), 0, new Body().localGet(0));
        int[] wireParams = new int[params.length()];
        for (int k = 0; k < wireParams.length; k++) wireParams[k] = code(w.charAt(k));
        int t = mb.type(wireParams, code(w.charAt(w.length() - 1)));
        Body f = new Body(), g = new Body();
        for (int k = 0; k < params.length(); k++) {
            char p = params.charAt(k);
            f.localGet(k);
            g.localGet(k).call(p == 'i' || p == 'f' ? idI : idL);
            if (p == 'f') { f.op(Op.F32_REINTERPRET_I32); g.op(Op.F32_REINTERPRET_I32); }
            if (p == 'd') { f.op(Op.F64_REINTERPRET_I64); g.op(Op.F64_REINTERPRET_I64); }
        }
        f.op(op);
        g.op(op);
        if (result == 'f') { f.op(Op.I32_REINTERPRET_F32); g.op(Op.I32_REINTERPRET_F32); }
        if (result == 'd') { f.op(Op.I64_REINTERPRET_F64); g.op(Op.I64_REINTERPRET_F64); }
        mb.export("f", mb.func(t, 0, f));
        mb.export("g", mb.func(t, 0, g));
        return mb.build();
    }

    private static int code(char wireType) { return wireType == 'i' ? ModuleBuilder.I32 : ModuleBuilder.I64; }

    /** every combination of the edge values of the operand types, as wire values (sign-extended i32) */
    static List<long[]> rows(String params) {
        List<long[]> rows = new ArrayList<>();
        rows.add(new long[0]);
        for (int k = 0; k < params.length(); k++) {
            long[] values = values(params.charAt(k));
            List<long[]> next = new ArrayList<>();
            for (long[] r : rows) {
                for (long v : values) {
                    long[] n = Arrays.copyOf(r, r.length + 1);
                    n[r.length] = v;
                    next.add(n);
                }
            }
            rows = next;
        }
        return rows;
    }

    private static long[] values(char type) {
        return switch (type) {
            case 'i' -> Arrays.stream(I32).asLongStream().toArray();
            case 'l' -> I64.clone();
            case 'f' -> Arrays.stream(F32).asLongStream().toArray();
            case 'd' -> F64.clone();
            default -> throw new IllegalArgumentException("type " + type);
        };
    }

    private static String[] hex(Op op, long[] row) {
        String[] s = new String[row.length];
        for (int k = 0; k < row.length; k++) {
            char t = op.signature.charAt(k);
            s[k] = t == 'i' || t == 'f' ? "0x" + Integer.toHexString((int) row[k]) : "0x" + Long.toHexString(row[k]);
        }
        return s;
    }
}
