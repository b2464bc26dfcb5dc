package org.tailbench.testkit.gen;

import static org.tailbench.wasm.ModuleBuilder.I32;

import org.tailbench.wasm.Code;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;

/**
 * A module of indirect calls with known targets, for the opcode-profile mode's site counters and aot's tuning tests
 * (issue 17). Types: t0 = (i32) → i32, t1 = (i32, i32) → i32. Table (7 elements): [f0, f0, f0, f1, f4, f5, f2].
 * <ul>
 *   <li>f0(x) = x + 1, f1(x) = x &lt;&lt; 1, f2(x) = x − 3 (t0; f2 sits in the table but {@code run} never selects it);</li>
 *   <li>f3 {@code run}(n): acc = 0; for i in 0 .. n−1: acc = call_indirect t0 (acc) through element i % 4
 *       (f0 three times in four, f1 once); returns acc ({@link #run});</li>
 *   <li>f4 {@code stepA}(k, acc), f5 {@code stepB}(k, acc), same body: k = 0 → acc; else
 *       return_call_indirect t1 (k − 1, acc + k) through element 4 + ((k − 1) &amp; 1): even k runs in f4, odd k
 *       in f5, so f4's site always calls f5 and f5's always f4; stepA(k, 0) = k(k+1)/2 mod 2^32;</li>
 *   <li>f6 {@code callAt}(idx, x) = call_indirect t0 (x) through element idx (idx 7: out of range; 4, 5: type t1);</li>
 *   <li>f7 {@code sel}(x): br_table [0, 1] default 2 → 10, 20, 30.</li>
 * </ul>
 */
public final class IndirectCallModule {
    private IndirectCallModule() {}

    public static final int RUN = 3, STEP_A = 4, STEP_B = 5, CALL_AT = 6, SEL = 7;

    public static byte[] bytes() {
        ModuleBuilder mb = new ModuleBuilder();
        int t0 = mb.type(new int[] {I32}, I32);
        int t1 = mb.type(new int[] {I32, I32}, I32);
        mb.func(t0, 0, new Body().localGet(0).i32Const(1).op(Op.I32_ADD));
        mb.func(t0, 0, new Body().localGet(0).i32Const(1).op(Op.I32_SHL));
        mb.func(t0, 0, new Body().localGet(0).i32Const(3).op(Op.I32_SUB));
        // run(n): locals 1 = acc, 2 = i
        mb.func(t0, 2, new Body().block().loop()
                .localGet(2).localGet(0).op(Op.I32_GE_U).brIf(1)
                .localGet(1).localGet(2).i32Const(4).op(Op.I32_REM_U).callIndirect(t0).localSet(1)
                .localGet(2).i32Const(1).op(Op.I32_ADD).localSet(2).br(0).end().end().localGet(1));
        Body step = new Body().localGet(0).op(Op.I32_EQZ).op(0x04, 0x40).localGet(1).op(Op.RETURN).end()
                .localGet(0).i32Const(1).op(Op.I32_SUB)
                .localGet(1).localGet(0).op(Op.I32_ADD)
                .localGet(0).i32Const(1).op(Op.I32_SUB).i32Const(1).op(Op.I32_AND).i32Const(4).op(Op.I32_ADD)
                .returnCallIndirect(t1);
        mb.func(t1, 0, step);
        mb.func(t1, 0, step);
        mb.func(t1, 0, new Body().localGet(1).localGet(0).callIndirect(t0));
        mb.func(t0, 0, new Body().block().block().block().localGet(0).brTable(new int[] {0, 1}, 2).end()
                .i32Const(10).op(Op.RETURN).end().i32Const(20).op(Op.RETURN).end().i32Const(30));
        mb.table(0, 0, 0, 1, 4, 5, 2);
        return mb.export("run", RUN).export("stepA", STEP_A).export("callAt", CALL_AT).export("sel", SEL).build();
    }

    /** The Java model of {@code run(n)}. */
    public static int run(int n) {
        int acc = 0;
        for (int i = 0; i < n; i++) acc = i % 4 == 3 ? acc << 1 : acc + 1;
        return acc;
    }

    /** The Java model of {@code stepA(k, 0)}. */
    public static int step(int k) { return (int) ((long) k * (k + 1) / 2); }

    /** @return the body offset of the first instruction {@code op} in function {@code f} (as the profile and tuning name sites) */
    public static int offsetOf(Module m, int f, Op op) {
        Module.Function fn = m.functions.get(f - m.importedFunctions());
        Code c = fn.body();
        for (int i = 0; i < c.length; i++) if (c.opAt(i) == op) return c.pos[i] - fn.bodyOffset();
        throw new IllegalArgumentException("no " + op.text + " in function " + f);
    }
}
