package org.tailbench.testkit.gen;

import static org.tailbench.wasm.ModuleBuilder.I32;

import java.util.List;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;

/**
 * Valid but pathological modules (reliability issue): deep nesting, deep operand stacks, many locals, huge
 * {@code br_table}s, huge functions and huge tables. Each module exports {@code run: [] -> [i32]}, whose result
 * is given by construction in {@link Case#expected}, so tests need no engine to know the right answer.
 * An engine must either return it or refuse the module with a clear message naming the limit it hit.
 */
public final class PathologicalModules {
    private PathologicalModules() {}

    /** A generated module and the value its export {@code run} returns. */
    public record Case(String name, byte[] wasm, int expected) {
        @Override public String toString() { return name; }
    }

    /** The cases at the sizes of the reliability issue (100,000 nesting, 50,000 locals, 10,000,000 table elements, ...). */
    public static List<Case> all() {
        return List.of(nestedBlocks(100_000), nestedLoops(100_000), tailCallIntoNestedLoops(100_000), nestedIfs(100_000), deepStack(100_000),
                manyLocals(50_000, 1_000), manyLocals(50_000, 7), manyLocals(2_000, 1), manyParams(1_000), bigBrTable(100_000), longFunction(1_000_000),
                bigTableDeclared(10_000_000), bigTableGrown(10_000_000));
    }

    private static Case single(String name, int locals, Body body, int expected) {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[0], I32);
        int f = mb.func(t, locals, body);
        return new Case(name, mb.export("run", f).build(), expected);
    }

    /** {@code n} nested empty blocks; the innermost sets local 0 to 42 and branches out of the outermost: 42. */
    public static Case nestedBlocks(int n) {
        Body b = new Body();
        for (int k = 0; k < n; k++) b.block();
        b.i32Const(42).localSet(0).br(n - 1);
        for (int k = 0; k < n; k++) b.end();
        return single(n + " nested blocks", 1, b.localGet(0), 42);
    }

    /** {@code run} tail-calls ({@code return_call}) a function holding {@link #nestedLoops}{@code (n)}'s body: 3. */
    public static Case tailCallIntoNestedLoops(int n) {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[0], I32);
        int deep = mb.func(t, 1, nestedLoopsBody(n));
        int run = mb.func(t, 0, new Body().returnCall(deep));
        return new Case("return_call into " + n + " nested loops", mb.export("run", run).build(), 3);
    }

    /** {@code n} nested loops; the innermost increments local 0 and restarts the outermost while it is below 3: 3. */
    public static Case nestedLoops(int n) {
        return single(n + " nested loops", 1, nestedLoopsBody(n), 3);
    }

    private static Body nestedLoopsBody(int n) {
        Body b = new Body();
        for (int k = 0; k < n; k++) b.loop();
        b.localGet(0).i32Const(1).op(Op.I32_ADD).localTee(0).i32Const(3).op(Op.I32_LT_U).brIf(n - 1);
        for (int k = 0; k < n; k++) b.end();
        return b.localGet(0);
    }

    /** {@code n} nested {@code if}s on {@code i32.const 1}, each adding 1 to local 0 before its inner if: {@code n}. */
    public static Case nestedIfs(int n) {
        Body b = new Body();
        for (int k = 0; k < n; k++) {
            b.localGet(0).i32Const(1).op(Op.I32_ADD).localSet(0);
            b.i32Const(1).u8(0x04).u8(0x40);
        }
        for (int k = 0; k < n; k++) b.end();
        return single(n + " nested ifs", 1, b.localGet(0), n);
    }

    /**
     * A {@code n}-deep expression {@code 1 + (2 + (3 + ... n))}: {@code i32.const k} for k = 1..n, then {@code n - 1}
     * {@code i32.add}s (the operand stack is n deep): n(n+1)/2 mod 2^32.
     */
    public static Case deepStack(int n) {
        Body b = new Body();
        for (int k = 1; k <= n; k++) b.i32Const(k);
        for (int k = 1; k < n; k++) b.op(Op.I32_ADD);
        return single(n + "-deep operand stack", 0, b, (int) ((long) n * (n + 1) / 2));
    }

    /**
     * {@code n} i32 locals of which every {@code stride}-th (k = 0, stride, 2·stride, ... below n) is set to
     * k + 1; then the sum of those and of local n - 1 (still 0 unless it was set): Σ (k + 1) mod 2^32.
     * {@code stride} 1 touches every local.
     */
    public static Case manyLocals(int n, int stride) {
        Body b = new Body();
        int sum = 0;
        for (int k = 0; k < n; k += stride) {
            b.i32Const(k + 1).localSet(k);
            sum += k + 1;
        }
        b.localGet(n - 1);
        for (int k = 0; k < n; k += stride) b.localGet(k).op(Op.I32_ADD);
        if ((n - 1) % stride == 0) sum += n;   // local n - 1 was set to n, and is counted twice
        return single(n + " locals" + (stride > 1 ? " (every " + stride + "th used)" : ""), n, b, sum);
    }

    /**
     * {@code run} calls a function of {@code n} i32 parameters (JVM methods take at most 255 parameter slots) with
     * arguments 1..n; it returns their sum: n(n+1)/2 mod 2^32.
     */
    public static Case manyParams(int n) {
        ModuleBuilder mb = new ModuleBuilder();
        int[] params = new int[n];
        java.util.Arrays.fill(params, I32);
        int wide = mb.type(params, I32), t = mb.type(new int[0], I32);
        Body sum = new Body().localGet(0);
        for (int k = 1; k < n; k++) sum.localGet(k).op(Op.I32_ADD);
        int callee = mb.func(wide, 0, sum);
        Body b = new Body();
        for (int k = 1; k <= n; k++) b.i32Const(k);
        int run = mb.func(t, 0, b.call(callee));
        return new Case("call with " + n + " parameters", mb.export("run", run).build(), (int) ((long) n * (n + 1) / 2));
    }

    /**
     * A {@code br_table} of {@code n} targets (label k % 2 for entry k, default 0) indexed by {@code n - 1},
     * inside two blocks; label 0 returns 10, label 1 returns 20: 20 for even n, else 10.
     */
    public static Case bigBrTable(int n) {
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) labels[k] = k % 2;
        Body b = new Body().block().block().i32Const(n - 1).brTable(labels, 0).end()
                .i32Const(10).u8(0x0F).end().i32Const(20);
        return single("br_table of " + n + " targets", 0, b, (n - 1) % 2 == 0 ? 10 : 20);
    }

    /** {@code n / 4} times {@code local.set 0 (i32.add (local.get 0) (i32.const k))} (n instructions): the wrapped sum of k. */
    public static Case longFunction(int n) {
        Body b = new Body();
        int sum = 0;
        for (int k = 0; k < n / 4; k++) {
            b.localGet(0).i32Const(k).op(Op.I32_ADD).localSet(0);
            sum += k;
        }
        return single(n + "-instruction function", 1, b.localGet(0), sum);
    }

    /** A funcref table declared with {@code min} elements; {@code run} returns {@code table.size}: min. */
    public static Case bigTableDeclared(int min) {
        ModuleBuilder mb = new ModuleBuilder().emptyTable(min, -1);
        int t = mb.type(new int[0], I32);
        int f = mb.func(t, 0, new Body().op(Op.TABLE_SIZE).u8(0));
        return new Case("table of " + min + " elements", mb.export("run", f).build(), min);
    }

    /**
     * An empty funcref table grown by {@code delta} null elements in {@code run}; returns the old size plus the
     * new size (0 + delta) when the grow succeeds.
     */
    public static Case bigTableGrown(int delta) {
        ModuleBuilder mb = new ModuleBuilder().emptyTable(0, -1);
        int t = mb.type(new int[0], I32);
        Body b = new Body().u8(0xD0).u8(0x70).i32Const(delta).op(Op.TABLE_GROW).u8(0)
                .op(Op.TABLE_SIZE).u8(0).op(Op.I32_ADD);
        return new Case("table grown by " + delta + " elements", mb.export("run", mb.func(t, 0, b)).build(), delta);
    }
}
