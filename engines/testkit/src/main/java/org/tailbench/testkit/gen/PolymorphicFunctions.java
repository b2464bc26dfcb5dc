package org.tailbench.testkit.gen;

import static org.tailbench.wasm.ModuleBuilder.I32;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;

/**
 * Seeded random functions that dwell on stack-polymorphic code (spec 2.0 §3.3.8, appendix "Validation
 * Algorithm": after {@code unreachable}, {@code br}, {@code br_table}, {@code return} the operand stack is
 * polymorphic until the end of the block) in every combination with {@code block}/{@code loop}/{@code if}/
 * {@code else}, {@code br_if} and {@code br_table}: code after such instructions, values popped from the
 * polymorphic stack, blocks nested inside unreachable code, branches out of both arms of an {@code if},
 * block types with params and results.
 *
 * <p>The module exports {@code f(x: i32) -> i32}. Every value is an i32; the block types are {@code []},
 * {@code [] -> [i32]} and {@code [i32] -> [i32]}. Execution always terminates: each loop body starts by
 * decrementing a fuel local (local 1, set to 64 at entry) and executes {@code unreachable} when it is 0.
 *
 * <p>With {@code faultRate > 0}, that fraction of the instructions ignores the typing rules (pops values that
 * are not there, leaves extra values, branches with the wrong arity), so some modules are invalid. The
 * generator does <em>not</em> know which: tests take the verdict from an independent validator.
 * Same seed, same module.
 */
public final class PolymorphicFunctions {
    private static final int FUEL = 1, FUEL_START = 64;
    private final Random rnd;
    private final double faultRate;
    private final Body out = new Body();
    private int budget;
    private int paramType;
    /** enclosing frames, innermost last */
    private final List<Frame> frames = new ArrayList<>();

    /** One control frame as the generator models it: label arity, result count, known values, reachability. */
    private static final class Frame {
        final int labelArity, results;
        int known;
        boolean unreachable;
        Frame(int labelArity, int results, int known) { this.labelArity = labelArity; this.results = results; this.known = known; }
    }

    private PolymorphicFunctions(long seed, int size, double faultRate) {
        this.rnd = new Random(seed);
        this.budget = size;
        this.faultRate = faultRate;
    }

    /**
     * @param seed      seed of the random choices
     * @param size      rough number of instructions of {@code f} (≥ 1)
     * @param faultRate fraction of instructions emitted without regard to typing, in [0, 1)
     * @return module bytes
     */
    public static byte[] module(long seed, int size, double faultRate) {
        return new PolymorphicFunctions(seed, size, faultRate).build();
    }

    private byte[] build() {
        ModuleBuilder mb = new ModuleBuilder();
        int fType = mb.type(new int[] {I32}, I32);
        paramType = mb.type(new int[] {I32}, I32);
        out.i32Const(FUEL_START).localSet(FUEL);
        frames.add(new Frame(1, 1, 0));
        while (budget > 0) sequence();
        finish(frames.get(0));
        return mb.export("f", mb.func(fType, 1, out)).build();
    }

    private Frame top() { return frames.get(frames.size() - 1); }
    private boolean fault() { return faultRate > 0 && rnd.nextDouble() < faultRate; }

    /** Whether {@code n} values can be popped here (the polymorphic stack provides any number). */
    private boolean has(int n) { Frame f = top(); return f.unreachable || f.known >= n; }

    private void pop(int n) { Frame f = top(); f.known = Math.max(0, f.known - n); }
    private void push(int n) { top().known += n; }

    private void sequence() {
        int length = 1 + rnd.nextInt(6);
        for (int k = 0; k < length && budget > 0; k++) instruction();
    }

    private void instruction() {
        budget--;
        boolean any = fault();
        int choice = rnd.nextInt(100);
        if (choice < 14) { out.i32Const(rnd.nextInt(7) - 3); push(1); }
        else if (choice < 22) { out.localGet(0); push(1); }
        else if (choice < 30 && (any || has(2))) { out.op(Op.I32_ADD); pop(2); push(1); }
        else if (choice < 35 && (any || has(1))) { out.op(Op.I32_EQZ); pop(1); push(1); }
        else if (choice < 40 && (any || has(1))) { out.op(Op.DROP); pop(1); }
        else if (choice < 43 && (any || has(3))) { out.op(Op.SELECT); pop(3); push(1); }
        else if (choice < 58 && budget > 0) structured(any);
        else if (choice < 66) branch(Op.BR, any);
        else if (choice < 74) branch(Op.BR_IF, any);
        else if (choice < 79) branch(Op.BR_TABLE, any);
        else if (choice < 84 && (any || has(1))) { out.op(Op.RETURN); polymorphic(); }
        else if (choice < 88) { out.op(Op.UNREACHABLE); polymorphic(); }
        else if (choice < 91) out.op(Op.NOP);
        else { out.i32Const(rnd.nextInt(5)); push(1); }
    }

    private void polymorphic() { Frame f = top(); f.unreachable = true; f.known = 0; }

    /** {@code block}, {@code loop} or {@code if} with a random block type, its body, maybe an else, its end. */
    private void structured(boolean any) {
        int kind = rnd.nextInt(3); // 0 block, 1 loop, 2 if
        int bt = rnd.nextInt(3);   // 0 [], 1 []->[i32], 2 [i32]->[i32]
        int params = bt == 2 ? 1 : 0, results = bt == 0 ? 0 : 1;
        int cond = kind == 2 ? 1 : 0;
        if (!any && !has(params + cond)) { out.i32Const(rnd.nextInt(3)); push(1); return; }
        out.u8(kind == 0 ? 0x02 : kind == 1 ? 0x03 : 0x04);
        if (bt == 0) out.u8(0x40); else if (bt == 1) out.u8(0x7F); else out.u32(paramType);
        pop(params + cond);
        Frame body = new Frame(kind == 1 ? params : results, results, params);
        frames.add(body);
        if (kind == 1) fuelCheck();
        sequence();
        finish(body);
        if (kind == 2 && (bt == 1 || rnd.nextBoolean())) { // [] -> [i32] needs its else
            out.u8(0x05); // else
            body.unreachable = false;
            body.known = params;
            sequence();
            finish(body);
        }
        out.end();
        frames.remove(frames.size() - 1);
        push(results);
    }

    /** Loop bodies start with {@code if (fuel == 0) unreachable; fuel -= 1} so every loop terminates. */
    private void fuelCheck() {
        out.localGet(FUEL).op(Op.I32_EQZ).u8(0x04).u8(0x40).op(Op.UNREACHABLE).end();
        out.localGet(FUEL).i32Const(1).op(Op.I32_SUB).localSet(FUEL);
    }

    /** Brings the frame to its end condition: exactly {@code results} known values when reachable, at most that many when not. */
    private void finish(Frame f) {
        if (fault()) return;
        while (f.known > f.results) { out.op(Op.DROP); f.known--; }
        if (!f.unreachable) while (f.known < f.results) { out.i32Const(rnd.nextInt(9) - 4); f.known++; }
        else if (f.known < f.results && rnd.nextBoolean()) { out.localGet(0); f.known++; }
    }

    /** {@code br}, {@code br_if} or {@code br_table} to random enclosing labels, with the values they carry. */
    private void branch(Op op, boolean any) {
        int depth = rnd.nextInt(frames.size());
        int arity = frames.get(frames.size() - 1 - depth).labelArity;
        int cond = op == Op.BR ? 0 : 1;
        if (!any) while (!has(arity + cond)) { out.localGet(0); push(1); }
        switch (op) {
            case BR -> out.br(depth);
            case BR_IF -> out.brIf(depth);
            default -> {
                int n = rnd.nextInt(4);
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    int d = rnd.nextInt(frames.size());
                    boolean same = frames.get(frames.size() - 1 - d).labelArity == arity;
                    labels[i] = same || any ? d : depth;
                }
                out.brTable(labels, depth);
            }
        }
        if (op == Op.BR_IF) { pop(cond + arity); push(arity); } else polymorphic();
    }
}
