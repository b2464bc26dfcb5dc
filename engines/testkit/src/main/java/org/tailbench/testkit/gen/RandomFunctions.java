package org.tailbench.testkit.gen;

import static org.tailbench.wasm.ModuleBuilder.F64;
import static org.tailbench.wasm.ModuleBuilder.I32;
import static org.tailbench.wasm.ModuleBuilder.I64;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Trap;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;

/**
 * Seeded random structured Wasm functions for differential tests (valid by construction, always
 * terminating): nested {@code block}/{@code loop}/{@code if}, branches carrying values ({@code br_if},
 * {@code br_table}), multi-value blocks and blocks with params, values kept on the operand stack across
 * statements, early {@code return}, {@code return_call} / {@code return_call_indirect} to a leaf function,
 * calls, memory loads/stores, and operations that can trap (division, out-of-bounds access, {@code unreachable}).
 *
 * <p>The module exports {@code main(x: i32) -> i32} (the random function), its memory as "mem" is not exported;
 * callers compare results, trap kinds and memory contents between engines. Function 0 is the leaf
 * {@code callee(a: i32, b: i32) -> i32 = a * 3 + b}, also the only entry of the table. Loops run a bounded
 * number of times (a fresh counter local each). Same seed and size, same module.
 */
public final class RandomFunctions {
    private final Random rnd;
    private final Body out = new Body();
    private int fuel;
    /** label types of the enclosing labels, innermost last (null entry = no values) */
    private final List<int[]> labels = new ArrayList<>();
    private int nextCounter;
    /** the label entry of a loop: never a branch target here (a branch back would skip the counter) */
    private static final int[] LOOP = new int[0];
    private int multiType, paramType, calleeType;

    // locals of main: 0 = x (param), 1..4 i32, 5..6 i64, 7 f64, 8.. loop counters
    private static final int[] I32_LOCALS = {0, 1, 2, 3, 4}, I64_LOCALS = {5, 6}, F64_LOCALS = {7};
    private static final int COUNTERS = 8, MAX_LOOPS = 24;

    private RandomFunctions(long seed, int size) {
        rnd = new Random(seed);
        fuel = size;
    }

    /**
     * @param seed seed of the random choices
     * @param size rough number of instructions of {@code main}
     * @return module bytes
     */
    public static byte[] module(long seed, int size) {
        return new RandomFunctions(seed, size).build();
    }

    /**
     * What one call of {@code main} did, as differential tests compare it between engines.
     * @param inst an instance of a {@link #module} (or of any module with a memory and {@code main(x: i32) -> i32})
     * @param x    the argument of {@code main}
     * @return {@code "= R"} (the i32 result as a signed decimal) or {@code "trap KIND"} ({@link Trap#kind()}), then
     *         {@code " mem#H"}, H the {@link Arrays#hashCode(byte[])} of the whole memory after the call
     */
    public static String outcome(Instance inst, int x) {
        String outcome;
        try {
            outcome = "= " + inst.exportedFunction("main").invoke(x)[0];
        } catch (Trap t) {
            outcome = "trap " + t.kind();
        }
        return outcome + " mem#" + Arrays.hashCode(inst.memory().segment().toArray(ValueLayout.JAVA_BYTE));
    }

    private byte[] build() {
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        calleeType = mb.type(new int[] {I32, I32}, I32);
        int mainType = mb.type(new int[] {I32}, I32);
        multiType = mb.type(new int[0], I32, I64);
        paramType = mb.type(new int[] {I32}, I32);
        int callee = mb.func(calleeType, 0, new Body().localGet(0).i32Const(3).op(Op.I32_MUL).localGet(1).op(Op.I32_ADD));
        labels.add(new int[] {I32});
        while (fuel > 0) stmt(0);
        expr(I32, 0);
        int main = mb.func(mainType, new int[] {4, I32, 2, I64, 1, F64, MAX_LOOPS, I32}, out);
        return mb.table(callee).export("main", main).build();
    }

    private int pick(int[] a) { return a[rnd.nextInt(a.length)]; }

    private int[] localsOf(int t) { return t == I32 ? I32_LOCALS : t == I64 ? I64_LOCALS : F64_LOCALS; }

    private void stmt(int depth) {
        fuel--;
        boolean leaf = depth > 6 || fuel <= 0;
        int choice = rnd.nextInt(leaf ? 4 : 15);
        switch (choice) {
            case 0, 1 -> { int t = randomType(); expr(t, depth); out.localSet(setTarget(t)); }
            case 2 -> { address(depth); expr(I32, depth); out.mem(Op.I32_STORE, 2, 0); }
            case 3 -> { address(depth); expr(I64, depth); out.mem(Op.I64_STORE, 3, 0); }
            case 4 -> {           // if / else
                expr(I32, depth);
                out.u8(0x04).u8(0x40);
                labels.add(new int[0]);
                stmts(depth + 1);
                if (rnd.nextBoolean()) { out.op(Op.ELSE); stmts(depth + 1); }
                out.end();
                labels.remove(labels.size() - 1);
            }
            case 5 -> {           // block with a conditional exit to any enclosing label
                out.block();
                labels.add(new int[0]);
                stmts(depth + 1);
                branchOut(depth + 1, false);
                stmts(depth + 1);
                out.end();
                labels.remove(labels.size() - 1);
            }
            case 6 -> {           // bounded loop
                if (nextCounter >= MAX_LOOPS) { stmt(depth); return; }
                int cnt = COUNTERS + nextCounter++;
                out.i32Const(1 + rnd.nextInt(3)).localSet(cnt).loop();
                labels.add(LOOP);
                stmts(depth + 1);
                out.localGet(cnt).i32Const(1).op(Op.I32_SUB).localTee(cnt).brIf(0);
                out.end();
                labels.remove(labels.size() - 1);
            }
            case 7 -> {           // early exit: return / return_call / return_call_indirect / unreachable / br out
                expr(I32, depth);
                out.u8(0x04).u8(0x40);
                labels.add(new int[0]);
                switch (rnd.nextInt(5)) {
                    case 0 -> { expr(I32, depth + 1); out.op(Op.RETURN); }
                    case 1 -> { expr(I32, depth + 1); expr(I32, depth + 1); out.returnCall(0); }
                    case 2 -> { expr(I32, depth + 1); expr(I32, depth + 1); out.i32Const(rnd.nextInt(8) == 0 ? 1 : 0)
                            .returnCallIndirect(calleeType); }
                    case 3 -> out.op(Op.UNREACHABLE);
                    default -> branchOut(depth + 1, true);
                }
                out.end();
                labels.remove(labels.size() - 1);
            }
            case 8 -> {           // br_table over three nested blocks
                out.block().block().block();
                for (int k = 0; k < 3; k++) labels.add(new int[0]);
                expr(I32, depth + 3);
                out.brTable(new int[] {0, 1, 2, target(true)}, rnd.nextInt(3));
                for (int k = 0; k < 3; k++) {
                    out.end();
                    labels.remove(labels.size() - 1);
                    stmts(depth + 1);
                }
            }
            case 9 -> {           // a value carried on the operand stack across statements
                int t = randomType();
                expr(t, depth);
                stmts(depth + 1);
                out.localSet(setTarget(t));
            }
            case 10 -> { expr(I32, depth); out.op(Op.DROP); }
            default -> { int t = randomType(); expr(t, depth); out.localSet(setTarget(t)); }
        }
    }

    private void stmts(int depth) {
        int n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n; k++) stmt(depth);
    }

    private int setTarget(int t) {
        int[] l = localsOf(t);
        return t == I32 ? l[1 + rnd.nextInt(l.length - 1)] : pick(l);   // keep the param x unchanged
    }

    private int randomType() { int r = rnd.nextInt(6); return r < 3 ? I32 : r < 5 ? I64 : F64; }

    /**
     * A branch to a random enclosing label: its values are pushed first; a {@code br_if} then drops them when not
     * taken. {@code unconditional} gives {@code br} (the caller puts it last in its block).
     */
    private void branchOut(int depth, boolean unconditional) {
        int d = target(false);
        int[] types = labels.get(labels.size() - 1 - d);
        for (int t : types) expr(t, depth);
        if (unconditional) { out.br(d); return; }
        expr(I32, depth);
        out.i32Const(3).op(Op.I32_AND).op(Op.I32_EQZ).brIf(d);
        for (int k = 0; k < types.length; k++) out.op(Op.DROP);
    }

    /** @return the depth of a random enclosing label that is no loop (and carries no values if {@code empty}) */
    private int target(boolean empty) {
        for (int tries = 0; ; tries++) {
            int d = tries < 8 ? rnd.nextInt(labels.size()) : tries - 8;
            int[] l = labels.get(labels.size() - 1 - d);
            if (l != LOOP && (!empty || l.length == 0)) return d;
        }
    }

    /** An in-bounds i32 address (rarely out of bounds, to trap). */
    private void address(int depth) {
        expr(I32, depth);
        out.i32Const(rnd.nextInt(64) == 0 ? 0x7FFFFFF8 : 0xFFF8).op(Op.I32_AND);
    }

    private void expr(int t, int depth) {
        fuel--;
        boolean leaf = depth > 8 || fuel <= 0 || rnd.nextInt(3) == 0;
        if (leaf) {
            if (rnd.nextBoolean()) { out.localGet(pick(localsOf(t))); return; }
            if (t == I32) out.i32Const(rnd.nextInt(200) - 50);
            else if (t == I64) out.i64Const(rnd.nextLong() >> rnd.nextInt(60));
            else out.op(Op.F64_CONST).raw(LargeFunctions.f64(rnd.nextInt(1000) / 8.0));
            return;
        }
        if (t == I64) {
            switch (rnd.nextInt(5)) {
                case 0 -> { expr(I64, depth + 1); expr(I64, depth + 1); out.op(pickOp(Op.I64_ADD, Op.I64_MUL, Op.I64_XOR, Op.I64_ROTL)); }
                case 1 -> { expr(I32, depth + 1); out.op(Op.I64_EXTEND_I32_S); }
                case 2 -> { address(depth + 1); out.mem(Op.I64_LOAD, 3, 0); }
                case 3 -> { expr(F64, depth + 1); out.op(Op.I64_TRUNC_SAT_F64_S); }
                default -> { multiValue(depth + 1); out.op(Op.DROP).op(Op.DROP); expr(I64, depth + 1); }
            }
            return;
        }
        if (t == F64) {
            switch (rnd.nextInt(3)) {
                case 0 -> { expr(F64, depth + 1); expr(F64, depth + 1); out.op(pickOp(Op.F64_ADD, Op.F64_MUL, Op.F64_MIN)); }
                case 1 -> { expr(I32, depth + 1); out.op(Op.F64_CONVERT_I32_S); }
                default -> { expr(I64, depth + 1); out.op(Op.F64_CONVERT_I64_S); }
            }
            return;
        }
        switch (rnd.nextInt(14)) {
            case 0, 1 -> { expr(I32, depth + 1); expr(I32, depth + 1);
                out.op(pickOp(Op.I32_ADD, Op.I32_SUB, Op.I32_MUL, Op.I32_XOR, Op.I32_SHL, Op.I32_ROTL, Op.I32_LT_S)); }
            case 2 -> { expr(I32, depth + 1); expr(I32, depth + 1); out.op(pickOp(Op.I32_DIV_S, Op.I32_REM_U)); }
            case 3 -> { expr(I64, depth + 1); out.op(Op.I32_WRAP_I64); }
            case 4 -> { address(depth + 1); out.mem(Op.I32_LOAD, 2, 0); }
            case 5 -> { expr(I32, depth + 1); expr(I32, depth + 1); out.call(0); }
            case 6 -> { expr(I32, depth + 1); expr(I32, depth + 1); out.i32Const(0).callIndirect(calleeType); }
            case 7 -> {           // if with a result
                expr(I32, depth + 1);
                out.ifResult(I32);
                labels.add(new int[] {I32});
                body(depth + 1);
                out.op(Op.ELSE);
                body(depth + 1);
                out.end();
                labels.remove(labels.size() - 1);
            }
            case 8 -> {           // block with a result, exits with the value from inside
                out.u8(0x02).u8(I32);
                labels.add(new int[] {I32});
                stmts(depth + 1);
                branchOut(depth + 1, false);
                body(depth + 1);
                out.end();
                labels.remove(labels.size() - 1);
            }
            case 9 -> { multiValue(depth + 1); out.op(Op.I32_WRAP_I64).op(Op.I32_ADD); }
            case 10 -> {          // block with a param
                expr(I32, depth + 1);
                out.u8(0x02).s64(paramType);
                labels.add(new int[] {I32});
                expr(I32, depth + 1);
                out.op(Op.I32_XOR);
                out.end();
                labels.remove(labels.size() - 1);
            }
            case 11 -> {          // br_table carrying a value
                out.u8(0x02).u8(I32).u8(0x02).u8(I32);
                labels.add(new int[] {I32});
                labels.add(new int[] {I32});
                expr(I32, depth + 1);
                expr(I32, depth + 1);
                out.brTable(new int[] {0, 1, 0}, 1);
                out.end();
                labels.remove(labels.size() - 1);
                out.i32Const(5).op(Op.I32_ADD).end();
                labels.remove(labels.size() - 1);
            }
            case 12 -> { expr(I32, depth + 1); expr(I32, depth + 1); expr(I32, depth + 1); out.op(Op.SELECT); }
            default -> { expr(I32, depth + 1); out.localTee(setTarget(I32)); }
        }
    }

    /** Statements then an i32 value: the body of a block or if arm with result i32. */
    private void body(int depth) {
        if (rnd.nextBoolean()) stmts(depth);
        expr(I32, depth);
    }

    /** A multi-value block {@code [] -> [i32 i64]} that may leave through its label from inside. */
    private void multiValue(int depth) {
        out.u8(0x02).s64(multiType);
        labels.add(new int[] {I32, I64});
        if (rnd.nextBoolean()) branchOut(depth, false);
        expr(I32, depth);
        expr(I64, depth);
        out.end();
        labels.remove(labels.size() - 1);
    }

    private Op pickOp(Op... ops) { return ops[rnd.nextInt(ops.length)]; }
}
