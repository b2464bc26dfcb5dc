package org.tailbench.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.wasm.ModuleBuilder.I32;

import java.util.Arrays;
import java.util.List;
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
 * Calls between the groups of a module with more than {@link ModulePlan#MAX_FUNCTIONS_PER_CLASS} functions (issue 14,
 * start-up: small classes and one dispatch class per group). {@code call_indirect} of a function in another group goes
 * to that group's {@code $cx<T>}, a pending tail call to a function of another group runs through that group's
 * {@code $invoke}; with hidden classes both take the boxed path. Expected values come from the {@code switch}
 * interpreter.
 */
class AotClassGroupsTest {
    /** 2500 functions: groups 0..999, 1000..1999, 2000..2499 */
    private static final int N = 2500;
    /** the table: a (i32)->i32 function in each group, one that tail-calls into another group, a (i32)->(i32,i32), one that return_call_indirects */
    private static final int[] TABLE = {10, 1200, 2400, 1500, 2100, 2300};

    /**
     * f0 ci(x, e) = call_indirect (i32)->i32 of element e; f1 rci(x, e) = the same as return_call_indirect;
     * f2 ciPair(x, e) = a - b of the (i32)->(i32, i32) call_indirect of element e; function k otherwise returns
     * x * k + 1, except 1500 (return_call 2200 with x + 5), 2100 ((i32)->(x + 1, 3x)) and 2300 (return_call_indirect
     * of element 0 with x - 1).
     */
    static byte[] module() {
        ModuleBuilder mb = new ModuleBuilder();
        int unary = mb.type(new int[] {I32}, I32);
        int pair = mb.type(new int[] {I32}, I32, I32);
        int caller = mb.type(new int[] {I32, I32}, I32);
        mb.func(caller, 0, new Body().localGet(0).localGet(1).callIndirect(unary));
        mb.func(caller, 0, new Body().localGet(0).localGet(1).returnCallIndirect(unary));
        mb.func(caller, 0, new Body().localGet(0).localGet(1).callIndirect(pair).op(Op.I32_SUB));
        for (int k = 3; k < N; k++) {
            Body b = switch (k) {
                case 1500 -> new Body().localGet(0).i32Const(5).op(Op.I32_ADD).returnCall(2200);
                case 2100 -> new Body().localGet(0).i32Const(1).op(Op.I32_ADD).localGet(0).i32Const(3).op(Op.I32_MUL);
                case 2300 -> new Body().localGet(0).i32Const(1).op(Op.I32_SUB).i32Const(0).returnCallIndirect(unary);
                default -> new Body().localGet(0).i32Const(k).op(Op.I32_MUL).i32Const(1).op(Op.I32_ADD);
            };
            int f = mb.func(k == 2100 ? pair : unary, 0, b);
            assertThat(f).isEqualTo(k);
        }
        return mb.table(TABLE).export("ci", 0).export("rci", 1).export("ciPair", 2).build();
    }

    @Test
    void indirectCallsAndTailCallsAcrossGroupsBehaveAsOnSwitch() {
        byte[] wasm = module();
        Instance ref = Engines.byName("switch").compile(ValidatedModule.of(wasm)).instantiate(new Store(), Imports.NONE);
        for (String engine : new String[] {"aot", "aot-naive"}) {
            for (boolean hidden : new boolean[] {false, true}) {
                EngineOptions o = EngineOptions.parse(List.of("aot.hiddenClasses=" + hidden));
                AotModule m = (AotModule) Engines.byName(engine).compile(ValidatedModule.of(wasm), o);
                assertThat(m.classes().namedCalls()).isEqualTo(!hidden);
                assertThat(m.classes().classNames()).hasSizeGreaterThan(hidden ? 2 : N / ModulePlan.MAX_FUNCTIONS_PER_SMALL_CLASS);
                Instance inst = m.instantiate(new Store(), Imports.NONE);
                int checked = 0;
                for (long x : new long[] {0, 3, -7, 100_000}) {
                    for (long e = 0; e <= TABLE.length; e++) {   // the last one is past the table: undefined element
                        for (String f : new String[] {"ci", "rci", "ciPair"}) {
                            String want = outcome(ref, f, x, e);
                            assertThat(outcome(inst, f, x, e)).as("%s hidden=%s %s(%d, %d)", engine, hidden, f, x, e).isEqualTo(want);
                            if (!want.startsWith("trap")) checked++;
                        }
                    }
                }
                assertThat(checked).as("calls that returned a value").isEqualTo(4 * (2 * (TABLE.length - 1) + 1));   // per x: ci and rci of 5 elements, ciPair of 1
            }
        }
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
