package org.tailbench.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.wasm.ModuleBuilder.I32;
import static org.tailbench.wasm.ModuleBuilder.I64;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.MethodModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Issue 14, why aot was slow on CPython: a group's dispatch helpers ({@code $invoke}, {@code $ci<T>}, {@code $cx<T>})
 * switch over every function of the group (of one type), and CPython has groups with 660 functions of type
 * (i32, i32) → i32: one such helper was above C2's HugeMethodLimit and ran interpreted on every indirect call. They are
 * now cut into window methods ({@link SwitchChunks}). This module has thousands of functions of one type in three
 * groups, called through {@code call_indirect} and {@code return_call_indirect} from each group: every generated method
 * must be below HugeMethodLimit and every call behave as on the {@code switch} interpreter (results and trap kinds).
 */
class AotDispatchWindowsTest {
    /** 2600 functions: groups 0..999, 1000..1999, 2000..2599 */
    private static final int N = 2600;
    /** caller functions (type (i32, i32) → i32: x, element), not in the table */
    private static final int CI = 0, RCI = 1, CI_WIDE = 2, CI_GROUP1 = 1001, CI_GROUP2 = 2002;
    private static final int FIRST = 3;

    private static boolean caller(int k) { return k < FIRST || k == CI_GROUP1 || k == CI_GROUP2; }

    /**
     * Function k (not a caller): if k % 7 == 0, type (i32, i64) → i32 returning x + k; if k % 50 == 1, x + k then
     * {@code return_call} of function 4; else (i32) → i32 returning x * k + 1. The table holds every non-caller in
     * order. Callers: ci(x, e) = call_indirect (i32) → i32 of element e with x (from groups 0, 1 and 2), rci(x, e) the
     * same as return_call_indirect, ciWide(x, e) = call_indirect (i32, i64) → i32 with (x, 5).
     */
    static byte[] module() {
        ModuleBuilder mb = new ModuleBuilder();
        int unary = mb.type(new int[] {I32}, I32);
        int wide = mb.type(new int[] {I32, I64}, I32);
        int call = mb.type(new int[] {I32, I32}, I32);
        List<Integer> table = new ArrayList<>();
        for (int k = 0; k < N; k++) {
            Body b;
            int type = unary;
            if (k == RCI) {
                b = new Body().localGet(0).localGet(1).returnCallIndirect(unary);
                type = call;
            } else if (k == CI_WIDE) {
                b = new Body().localGet(0).i64Const(5).localGet(1).callIndirect(wide);
                type = call;
            } else if (caller(k)) {
                b = new Body().localGet(0).localGet(1).callIndirect(unary);
                type = call;
            } else if (k % 7 == 0) {
                b = new Body().localGet(0).i32Const(k).op(Op.I32_ADD);
                type = wide;
            } else if (k % 50 == 1) {
                b = new Body().localGet(0).i32Const(k).op(Op.I32_ADD).returnCall(4);
            } else {
                b = new Body().localGet(0).i32Const(k).op(Op.I32_MUL).i32Const(1).op(Op.I32_ADD);
            }
            assertThat(mb.func(type, 0, b)).isEqualTo(k);
            if (!caller(k)) table.add(k);
        }
        return mb.table(table.stream().mapToInt(Integer::intValue).toArray())
                .export("ci", CI).export("rci", RCI).export("ciWide", CI_WIDE).export("ci1", CI_GROUP1).export("ci2", CI_GROUP2)
                .build();
    }

    @Test
    void everyMethodIsBelowHugeMethodLimitAndIndirectCallsBehaveAsOnSwitch() {
        byte[] wasm = module();
        int elements = N - 5;
        Instance ref = Engines.byName("switch").compile(ValidatedModule.of(wasm)).instantiate(new Store(), Imports.NONE);
        for (String engine : new String[] {"aot", "aot-naive"}) {
            for (boolean hidden : new boolean[] {false, true}) {
                EngineOptions o = EngineOptions.parse(List.of("aot.hiddenClasses=" + hidden));
                AotModule m = (AotModule) Engines.byName(engine).compile(ValidatedModule.of(wasm), o);
                Map<String, Integer> sizes = methodSizes(m.classes());
                assertThat(sizes).as("%s hidden=%s: every method", engine, hidden)
                        .allSatisfy((name, size) -> assertThat(size).as(name).isLessThanOrEqualTo(BytecodeSize.HUGE_METHOD_LIMIT));
                assertThat(sizes.keySet()).as("window methods of $ci/$cx and $invoke")
                        .anyMatch(n -> n.contains(".$dc")).anyMatch(n -> n.contains(".$invoke$"));
                Instance inst = m.instantiate(new Store(), Imports.NONE);
                int values = 0, traps = 0;
                for (long x : new long[] {3, -7}) {
                    for (long e = 0; e <= elements; e++) {   // the last one is past the table: undefined element
                        for (String f : new String[] {"ci", "rci", "ciWide", "ci1", "ci2"}) {
                            String want = outcome(ref, f, x, e);
                            assertThat(outcome(inst, f, x, e)).as("%s hidden=%s %s(%d, %d)", engine, hidden, f, x, e).isEqualTo(want);
                            if (want.startsWith("trap")) traps++; else values++;
                        }
                    }
                }
                int wideFunctions = (int) java.util.stream.IntStream.range(FIRST, N).filter(k -> !caller(k) && k % 7 == 0).count();
                // per x: 4 unary callers × unary elements, ciWide × wide elements; the rest trap (type mismatch, undefined)
                assertThat(values).isEqualTo(2 * (4 * (elements - wideFunctions) + wideFunctions));
                assertThat(traps).isEqualTo(2 * 5 * (elements + 1) - values);
            }
        }
    }

    @Test
    void aUnaryElementComputesTheJavaModel() {
        Instance inst = Engines.byName("aot").compile(ValidatedModule.of(module())).instantiate(new Store(), Imports.NONE);
        // element e holds function e + 3 below 998, e + 4 below 1998, e + 5 above (callers 1001, 2002 are not in the table)
        assertThat((int) inst.exportedFunction("ci").invoke(10, 5)[0]).isEqualTo(10 * 8 + 1);            // f8: x * 8 + 1
        assertThat((int) inst.exportedFunction("ci2").invoke(10, 48)[0]).isEqualTo((10 + 51) * 4 + 1);   // f51: x + 51, then f4
        assertThat((int) inst.exportedFunction("rci").invoke(-2, 1500)[0]).isEqualTo(-2 * 1504 + 1);     // element 1500: f1504
        assertThat((int) inst.exportedFunction("ciWide").invoke(10, 4)[0]).isEqualTo(10 + 7);            // f7: x + 7
    }

    /** @return class.method → code_length, for every method with code */
    private static Map<String, Integer> methodSizes(AotClasses classes) {
        Map<String, Integer> out = new TreeMap<>();
        for (byte[] file : classes.classFiles()) {
            var cm = ClassFile.of().parse(file);
            for (MethodModel mm : cm.methods()) {
                mm.findAttribute(Attributes.code()).ifPresent(c ->
                        out.put(cm.thisClass().asInternalName() + "." + mm.methodName().stringValue(), c.codeLength()));
            }
        }
        return out;
    }

    /** @return the results of export {@code f}, or {@code trap: <kind>} */
    private static String outcome(Instance inst, String f, long... args) {
        try {
            return Arrays.toString(inst.exportedFunction(f).invoke(args));
        } catch (Trap t) {
            return "trap: " + t.kind();
        }
    }
}
