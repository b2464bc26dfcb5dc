package org.tailbench.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.wasm.ModuleBuilder.I32;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tailbench.jfr.CompileEvent;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * {@code tailbench.Compile} events of aot, read back from a recording: one per defined function, with the
 * body size read from the module's code section (spec §5.5.13) and the bytecode size read from the class
 * files with the JDK's class-file API, not from the compiler.
 */
class AotCompileEventTest {
    /** Function 0: add(a, b); 1: fac(n) recursive; 2: a bigger body (a chain of i32.add). */
    private static byte[] module() {
        ModuleBuilder mb = new ModuleBuilder();
        int t2 = mb.type(new int[] {I32, I32}, I32);
        int t1 = mb.type(new int[] {I32}, I32);
        mb.func(t2, 0, new Body().localGet(0).localGet(1).op(Op.I32_ADD));
        mb.func(t1, 0, new Body().localGet(0).op(Op.I32_EQZ).ifResult(I32).i32Const(1).op(Op.ELSE)
                .localGet(0).localGet(0).i32Const(1).op(Op.I32_SUB).call(1).op(Op.I32_MUL).end());
        Body big = new Body().localGet(0);
        for (int k = 0; k < 50; k++) big.i32Const(k).op(Op.I32_ADD);
        mb.func(t1, 1, big);
        return mb.export("add", 0).export("fac", 1).export("big", 2).build();
    }

    /** @return the size of each function body of the code section (section id 10), in order */
    private static List<Integer> bodySizes(byte[] wasm) {
        int[] at = {8};
        List<Integer> sizes = new ArrayList<>();
        while (at[0] < wasm.length) {
            int id = wasm[at[0]++];
            int size = (int) leb(wasm, at);
            int end = at[0] + size;
            if (id == 10) {
                long n = leb(wasm, at);
                for (int k = 0; k < n; k++) {
                    int body = (int) leb(wasm, at);
                    sizes.add(body);
                    at[0] += body;
                }
            }
            at[0] = end;
        }
        return sizes;
    }

    private static long leb(byte[] b, int[] at) {
        long v = 0;
        for (int shift = 0;; shift += 7) {
            int x = b[at[0]++] & 0xFF;
            v |= (long) (x & 0x7F) << shift;
            if (x < 0x80) return v;
        }
    }

    @Test
    void compileEventsCarryWasmAndBytecodeSizes(@TempDir Path dir) throws Exception {
        byte[] wasm = module();
        ValidatedModule vm = ValidatedModule.of(wasm);
        AotEngine aot = new AotEngine();
        Path file = dir.resolve("compile.jfr");
        AotClasses classes;
        try (Recording r = new Recording()) {
            r.enable(CompileEvent.NAME);
            r.start();
            classes = aot.compileClasses(vm, "events.wasm", new AotOptions(true, false, false));
            r.stop();
            r.dump(file);
        }
        Map<Integer, Integer> codeLength = new HashMap<>();
        for (byte[] cf : classes.classFiles()) {
            ClassModel cm = ClassFile.of().parse(cf);
            for (MethodModel mm : cm.methods()) {
                String n = mm.methodName().stringValue();
                if (!n.matches("f\\d+_.*")) continue;
                int f = Integer.parseInt(n.substring(1, n.indexOf('_')));
                codeLength.merge(f, mm.findAttribute(Attributes.code()).orElseThrow().codeLength(), Integer::sum);
            }
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals(CompileEvent.NAME) && "aot".equals(e.getString("engine"))).toList();
        List<Integer> sizes = bodySizes(wasm);
        assertThat(events).extracting(e -> e.getInt("functionIndex")).containsExactlyInAnyOrder(0, 1, 2);
        for (RecordedEvent e : events) {
            int f = e.getInt("functionIndex");
            assertThat(e.getString("functionName")).isEqualTo(vm.module().functionName(f));
            assertThat(e.getInt("wasmBytes")).as("func %d body bytes", f).isEqualTo(sizes.get(f));
            assertThat(e.getInt("bytecodeBytes")).as("func %d bytecode", f).isEqualTo(codeLength.get(f)).isPositive();
            assertThat(e.getInt("methods")).isEqualTo(1);
            assertThat(e.getBoolean("split")).isFalse();
            assertThat(e.getString("reason")).isEmpty();
            assertThat(e.getDuration().toNanos()).isPositive();
        }
        assertThat(sizes.get(2)).isGreaterThan(100);
    }

    /** A function split at a small budget: one event for it, with all its methods, their bytecode and the reason. */
    @Test
    void splitFunctionHasOneEventWithItsMethodsAndReason(@TempDir Path dir) throws Exception {
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int t = mb.type(new int[] {I32}, I32);
        Body b = new Body();
        for (int k = 0; k < 300; k++) b.i32Const(4 * k).localGet(0).i32Const(k).op(Op.I32_ADD).mem(Op.I32_STORE, 2, 0);
        mb.func(t, 0, new Body().localGet(0));
        mb.func(t, 0, b.localGet(0));
        byte[] wasm = mb.export("small", 0).export("big", 1).build();
        ValidatedModule vm = ValidatedModule.of(wasm);
        Path file = dir.resolve("split.jfr");
        AotClasses classes;
        try (Recording r = new Recording()) {
            r.enable(CompileEvent.NAME);
            r.start();
            classes = new AotEngine().compileClasses(vm, "split.wasm",
                    new AotOptions(true, false, false).withSplit(AotOptions.Split.HARD, 1, 500));
            r.stop();
            r.dump(file);
        }
        int methods = 0, bytecode = 0;
        for (byte[] cf : classes.classFiles()) {
            for (MethodModel mm : ClassFile.of().parse(cf).methods()) {
                if (!mm.methodName().stringValue().startsWith("f1_")) continue;
                methods++;
                bytecode += mm.findAttribute(Attributes.code()).orElseThrow().codeLength();
            }
        }
        assertThat(methods).isGreaterThan(1);
        final int nMethods = methods, nBytecode = bytecode;
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals(CompileEvent.NAME) && "aot".equals(e.getString("engine"))).toList();
        assertThat(events).extracting(e -> e.getInt("functionIndex")).containsExactlyInAnyOrder(0, 1);
        RecordedEvent big = events.stream().filter(e -> e.getInt("functionIndex") == 1).findFirst().orElseThrow();
        assertThat(big.getBoolean("split")).isTrue();
        assertThat(big.getInt("methods")).isEqualTo(methods);
        assertThat(big.getInt("bytecodeBytes")).isEqualTo(bytecode);
        assertThat(big.getInt("wasmBytes")).isEqualTo(bodySizes(wasm).get(1));
        assertThat(big.getString("reason")).startsWith("above the JVM method limit 65535 B").contains("hard budget 500 B")
                .contains("split into " + methods + " pieces");
        RecordedEvent small = events.stream().filter(e -> e.getInt("functionIndex") == 0).findFirst().orElseThrow();
        assertThat(small.getBoolean("split")).isFalse();
        assertThat(small.getInt("methods")).isEqualTo(1);
        assertThat(classes.log()).anySatisfy(l -> assertThat(l)
                .startsWith("aot: func[1] func[1]: wasm " + bodySizes(wasm).get(1) + " B, bytecode " + nBytecode + " B, "
                        + nMethods + " methods, split: above the JVM method limit"));
    }
}
