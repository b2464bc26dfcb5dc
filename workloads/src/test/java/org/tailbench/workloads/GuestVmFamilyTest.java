package org.tailbench.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasi.Wasi;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.Decoder;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The guest-interpreter family (workloads/src/guestvm, see workloads/README.md): the three dispatch
 * variants agree on their arguments and outputs, the tail-calling one really uses Wasm tail calls,
 * and the expected outputs hold answers computed independently here.
 */
class GuestVmFamilyTest {
    private static final WorkloadCatalog CATALOG = WorkloadCatalog.load();
    private static final List<String> VARIANTS = List.of("pyvm_switch", "pyvm_goto", "pyvm_tailcall");
    /** Opcodes of the guest VM: PYVM_OPS in workloads/src/guestvm/pyvm.h. */
    private static final int GUEST_OPCODES = 33;

    @Test
    void variantsShareSizesArgumentsAndExpectedOutputs() {
        Workload first = CATALOG.get(VARIANTS.get(0));
        assertThat(first.sizes()).containsExactly("smoke", "default", "long");
        for (String name : VARIANTS.subList(1, VARIANTS.size())) {
            Workload w = CATALOG.get(name);
            assertThat(w.args()).as("args of %s", name).isEqualTo(first.args());
            assertThat(w.expectedSha256()).as("expectedSha256 of %s", name).isEqualTo(first.expectedSha256());
            for (String size : w.sizes()) {
                assertThat(w.expectedStdout(size)).as("%s.%s.out", name, size).isEqualTo(first.expectedStdout(size));
            }
        }
    }

    @Test
    void tailcallVariantEndsEveryOpcodeHandlerInReturnCallIndirect() {
        Workload w = CATALOG.get("pyvm_tailcall");
        assertThat(w.features()).contains("tail-call");
        Module m = Decoder.decode(w.wasm());
        Map<String, Integer> handlers = new HashMap<>();
        int imported = (int) m.imports.stream().filter(i -> i.kind() == Module.ExternKind.FUNC).count();
        for (int i = 0; i < m.functions.size(); i++) {
            String name = m.functionName(imported + i);
            if (name != null && name.startsWith("h_")) {
                handlers.put(name, count(m.functions.get(i).body(), Op.RETURN_CALL_INDIRECT));
            }
        }
        assertThat(handlers).as("opcode handler functions h_* (name section)").hasSize(GUEST_OPCODES);
        assertThat(handlers).as("return_call_indirect per handler").allSatisfy((name, n) -> assertThat(n).as(name).isPositive());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pyvm_switch", "pyvm_goto"})
    void otherVariantsUseNoTailCalls(String name) {
        Workload w = CATALOG.get(name);
        assertThat(w.features()).doesNotContain("tail-call");
        Module m = Decoder.decode(w.wasm());
        int n = 0;
        for (Module.Function f : m.functions) n += count(f.body(), Op.RETURN_CALL) + count(f.body(), Op.RETURN_CALL_INDIRECT);
        assertThat(n).as("return_call* in %s", name).isZero();
    }

    /**
     * Millions of return_call_indirect in a thread with a 256 KiB stack: the switch engine must run
     * them in constant host stack (the Wasm tail-call proposal requires it of return_call*).
     */
    @Test
    void switchEngineRunsTheTailcallVariantInASmallHostStack() throws InterruptedException {
        Workload w = CATALOG.get("pyvm_tailcall");
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Wasi wasi = Wasi.builder().args(w.argv(Workload.SMOKE)).stdout(out).stderr(out).build();
                Instance inst = Engines.byName("switch").compile(ValidatedModule.of(w.wasm()))
                        .instantiate(new Store(), wasi.imports());
                int exit = wasi.runStart(inst);
                result.set(exit == 0 ? out.toByteArray() : "exit " + exit + ": " + out);
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertThat(result.get()).as("stdout (or the failure)").isInstanceOf(byte[].class);
        w.verifyStdout(Workload.SMOKE, (byte[]) result.get());
    }

    /** Answers computed independently (published values, or the guest program re-done in Java). */
    @Test
    void defaultOutputHoldsIndependentlyComputedAnswers() {
        String out = new String(CATALOG.get("pyvm_switch").expectedStdout(Workload.DEFAULT), StandardCharsets.UTF_8);
        long n = Long.parseLong(CATALOG.get("pyvm_switch").args().get(Workload.DEFAULT).get(1));
        // pystone: Array1Glob[8] = 7 and Array2Glob[8][7] = loops + 10 (Dhrystone 2.1's published finals)
        long loops = 5 * n;
        assertThat(section(out, "pystone", loops)).contains("\n7 " + (loops + 10) + "\n").startsWith("5 True A B\n");
        // nbody: the Benchmarks Game's initial energy, then the simulation re-done in Java
        assertThat(section(out, "nbody", 2 * n)).startsWith("-0.169075164\n").isEqualTo(nbody(2 * n));
        assertThat(section(out, "richards", 40 * n)).isEqualTo(richards(40 * n));
        assertThat(section(out, "strings", 12 * n)).isEqualTo(strings(12 * n));
    }

    private static int count(Code code, Op op) {
        int n = 0;
        for (int i = 0; i < code.length; i++) if (code.opAt(i) == op) n++;
        return n;
    }

    /** The lines a guest program printed after its "== NAME N" header. */
    private static String section(String out, String program, long n) {
        Matcher m = Pattern.compile("(?s)== " + program + " " + n + "\n(.*?)(?=== |\\z)").matcher(out);
        assertThat(m.find()).as("section == %s %d in:\n%s", program, n, out).isTrue();
        return m.group(1);
    }

    /** programs.c build_richards, in Java. */
    private static String richards(long n) {
        long[] count = new long[4], sum = new long[4];
        List<List<long[]>> queue = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long seed = 42;
        int cur = 0;
        for (long i = 0; i < n; i++) {
            int t = cur;
            seed = (seed * 1103515245L + 12345) % 2147483648L;
            if (t == 0) {
                count[t]++;
                cur = (int) (seed / 65536 % 4);
            } else if (t == 1) {
                long c = count[t]++;
                queue.get((int) (2 + c % 2)).add(new long[] {c % 26, seed % 100});
                cur = (int) (2 + c % 2);
            } else if (!queue.get(t).isEmpty()) {
                long[] pkt = queue.get(t).remove(queue.get(t).size() - 1);
                sum[t] += pkt[0] * pkt[1];
                count[t]++;
                cur = (int) (seed / 8 % 2);
            } else {
                cur = 0;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < 4; t++) sb.append(t).append(' ').append(count[t]).append(' ').append(sum[t]).append(' ').append(queue.get(t).size()).append('\n');
        return sb.toString();
    }

    /** programs.c build_nbody, in Java, with the guest's operation order (so the same doubles). */
    private static String nbody(long steps) {
        final double pi = 3.141592653589793, solarMass = 4 * pi * pi, dpy = 365.24;
        double[][] b = {
            {0, 0, 0, 0, 0, 0, solarMass},
            {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03 * dpy,
                7.69901118419740425e-03 * dpy, -6.90460016972063023e-05 * dpy, 9.54791938424326609e-04 * solarMass},
            {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03 * dpy,
                4.99852801234917238e-03 * dpy, 2.30417297573763929e-05 * dpy, 2.85885980666130812e-04 * solarMass},
            {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03 * dpy,
                2.37847173959480950e-03 * dpy, -2.96589568540237556e-05 * dpy, 4.36624404335156298e-05 * solarMass},
            {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03 * dpy,
                1.62824170038242295e-03 * dpy, -9.51592254519715870e-05 * dpy, 5.15138902046611451e-05 * solarMass},
        };
        double[] p = new double[3];
        for (double[] body : b) for (int k = 0; k < 3; k++) p[k] = p[k] + body[3 + k] * body[6];
        for (int k = 0; k < 3; k++) b[0][3 + k] = -p[k] / solarMass;
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "%.9f%n", energy(b)));
        double dt = 0.01;
        for (long s = 0; s < steps; s++) {
            for (int i = 0; i < 5; i++) {
                for (int j = i + 1; j < 5; j++) {
                    double[] bi = b[i], bj = b[j];
                    double dx = bi[0] - bj[0], dy = bi[1] - bj[1], dz = bi[2] - bj[2];
                    double d2 = dx * dx + dy * dy + dz * dz;
                    double mag = dt / (d2 * Math.sqrt(d2));
                    double bm = bj[6] * mag;
                    bi[3] = bi[3] - dx * bm; bi[4] = bi[4] - dy * bm; bi[5] = bi[5] - dz * bm;
                    bm = bi[6] * mag;
                    bj[3] = bj[3] + dx * bm; bj[4] = bj[4] + dy * bm; bj[5] = bj[5] + dz * bm;
                }
            }
            for (double[] bi : b) for (int k = 0; k < 3; k++) bi[k] = bi[k] + dt * bi[3 + k];
        }
        return sb.append(String.format(java.util.Locale.ROOT, "%.9f%n", energy(b))).toString();
    }

    private static double energy(double[][] b) {
        double e = 0.0;
        for (int i = 0; i < 5; i++) {
            double[] bi = b[i];
            e = e + 0.5 * bi[6] * (bi[3] * bi[3] + bi[4] * bi[4] + bi[5] * bi[5]);
            for (int j = i + 1; j < 5; j++) {
                double[] bj = b[j];
                double dx = bi[0] - bj[0], dy = bi[1] - bj[1], dz = bi[2] - bj[2];
                e = e - bi[6] * bj[6] / Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }

    /** programs.c build_strings, in Java. */
    private static String strings(long n) {
        long total = 0;
        Map<String, Integer> d = new HashMap<>();
        List<String> parts = new ArrayList<>();
        String line = "";
        for (long i = 0; i < n; i++) {
            String s = "k" + (i % 1000);
            d.merge(s, 1, Integer::sum);
            parts.add(s);
            line = line + s + ";";
            if (line.length() > 200) { total += line.length(); line = ""; }
            if (parts.size() == 50) { total += String.join(",", parts).length(); parts.clear(); }
        }
        return total + " " + d.size() + " " + d.getOrDefault("k7", 0) + " " + line.length() + " " + parts.size() + "\n";
    }
}
