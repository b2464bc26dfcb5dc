package org.tailbench.bench.micro;

import static org.tailbench.wasm.ModuleBuilder.I32;

import java.util.List;
import java.util.Random;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.Op;

/**
 * The dispatch kernels of {@link DispatchBenchmark}, each assembled with {@link ModuleBuilder} and paired
 * with an independent Java computation of its result. Constants come from fixed seeds, so the modules are
 * the same in every run.
 *
 * <p>Every loop kernel counts {@code n} down to 0 with the same 5-instruction tail
 * ({@code local.get n; i32.const 1; i32.sub; local.tee n; br_if 0}), so its share is the same everywhere.
 */
final class Kernels {
    private Kernels() {}

    /** Kernel names, in report order; each is the name of a {@link DispatchBenchmark} method. */
    static final List<String> NAMES = List.of("i32Add", "brTable", "locals", "memory",
            "call", "returnCall", "callIndirect", "returnCallIndirect");

    /**
     * @return the kernel called {@code name}
     * @throws IllegalArgumentException naming the kernels, for another name
     */
    static Kernel byName(String name) {
        return switch (name) {
            case "i32Add" -> i32Add();
            case "brTable" -> brTable(32);
            case "locals" -> locals(16, 12);
            case "memory" -> memory();
            case "call" -> pingPong(false, false);
            case "returnCall" -> pingPong(true, false);
            case "callIndirect" -> pingPong(false, true);
            case "returnCallIndirect" -> pingPong(true, true);
            default -> throw new IllegalArgumentException("unknown kernel \"" + name + "\"; kernels are " + NAMES);
        };
    }

    /** Emits the common loop tail: {@code n -= 1; br_if 0 (n != 0)} (5 instructions). */
    private static void countDown(CountingBody b, int nLocal) {
        b.localGet(nLocal).i32Const(1).op(Op.I32_SUB).localTee(nLocal).brIf(0);
    }

    private static Kernel loopKernel(String name, String what, ModuleBuilder mb, int[] locals, CountingBody prologue,
                                     CountingBody loopBody, CountingBody epilogue, java.util.function.IntUnaryOperator expected) {
        int t = mb.type(new int[] {I32}, I32);
        ModuleBuilder.Body body = new ModuleBuilder.Body().append(prologue.body).loop().append(loopBody.body).end()
                .append(epilogue.body);
        mb.export(Kernel.EXPORT, mb.func(t, locals, body));
        return new Kernel(name, what, mb.build(), 1, loopBody.count(), prologue.count() + epilogue.count(), 0, expected);
    }

    private static final int[] ADD_CONSTANTS = {0x9E3779B9, 0x7F4A7C15, 0x6C62272E, 0x1B873593, 0x85EBCA6B, 0x27D4EB2F, 0x165667B1};

    /** {@code acc = acc + n + C1 + ... + C7} per iteration: 8 {@code i32.add}s among 23 instructions. */
    static Kernel i32Add() {
        CountingBody loop = new CountingBody().localGet(1).localGet(0).op(Op.I32_ADD);
        for (int c : ADD_CONSTANTS) loop.i32Const(c).op(Op.I32_ADD);
        loop.localSet(1);
        countDown(loop, 0);
        return loopKernel("i32Add", "acc = acc + n + 7 constants (8 i32.add)", new ModuleBuilder(), new int[] {1, I32},
                new CountingBody(), loop, new CountingBody().localGet(1), n -> {
                    int acc = 0;
                    for (int i = n; i != 0; i--) {
                        acc += i;
                        for (int c : ADD_CONSTANTS) acc += c;
                    }
                    return acc;
                });
    }

    /**
     * A {@code states}-way {@code br_table} state machine: per iteration, dispatch on {@code state} to one of
     * {@code states} cases; case k does {@code acc = (acc + C[k]) * 0x9E3779B1; state = acc >>> (32 - log2 states)}
     * and branches back, so the next state is data dependent (hard to predict, like a bytecode stream).
     */
    static Kernel brTable(int states) {
        if (Integer.bitCount(states) != 1 || states < 2) throw new IllegalArgumentException("states must be a power of 2 ≥ 2");
        int shift = 32 - Integer.numberOfTrailingZeros(states);
        int[] c = new Random(0xB7AB1EL).ints(states).toArray();
        final int mul = 0x9E3779B1;
        // locals: 0 = n, 1 = acc, 2 = state. Labels inside case k's code: blocks k+1 .. states-1, the loop, the exit block.
        CountingBody b = new CountingBody().block().loop();
        b.resetCount();
        b.localGet(0).op(Op.I32_EQZ).brIf(1);
        int exitTest = b.count();
        b.localGet(0).i32Const(1).op(Op.I32_SUB).localSet(0);
        for (int k = 0; k < states; k++) b.block();
        int[] labels = new int[states];
        for (int k = 0; k < states; k++) labels[k] = k;
        b.localGet(2).brTable(labels, 0);
        int caseStart = b.count();
        for (int k = 0; k < states; k++) {
            b.end();
            int before = b.count();
            b.localGet(1).i32Const(c[k]).op(Op.I32_ADD).i32Const(mul).op(Op.I32_MUL).localTee(1)
                    .i32Const(shift).op(Op.I32_SHR_U).localSet(2).br(states - 1 - k);
            if (b.count() - before != 10) throw new AssertionError("case size");
        }
        int perIteration = caseStart + 10;
        b.end().end().localGet(1);
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        mb.export(Kernel.EXPORT, mb.func(t, 2, b.body));
        return new Kernel("brTable", states + "-state br_table machine, data-dependent next state", mb.build(), 1,
                perIteration, exitTest + 1, 0, n -> {
                    int acc = 0, state = 0;
                    for (int i = n; i != 0; i--) {
                        acc = (acc + c[state]) * mul;
                        state = acc >>> shift;
                    }
                    return acc;
                });
    }

    /**
     * {@code groups} statements over {@code count} i32 locals per iteration, each
     * {@code local.get x; local.get y; (add|sub|xor); local.tee z; local.set w} (x, y may be n); the result is
     * the xor of all locals. 4 of every 5 instructions are local accesses.
     */
    static Kernel locals(int count, int groups) {
        Random r = new Random(0x10CA15L);
        int[][] g = new int[groups][5];       // x, y, op, z, w
        Op[] ops = {Op.I32_ADD, Op.I32_SUB, Op.I32_XOR};
        for (int[] s : g) {
            s[0] = r.nextInt(count + 1);
            s[1] = r.nextInt(count + 1);
            s[2] = r.nextInt(ops.length);
            s[3] = 1 + r.nextInt(count);
            do s[4] = 1 + r.nextInt(count); while (s[4] == s[3]);
        }
        int[] init = new int[count + 1];
        for (int i = 1; i <= count; i++) init[i] = r.nextInt();
        CountingBody pro = new CountingBody();
        for (int i = 1; i <= count; i++) pro.i32Const(init[i]).localSet(i);
        CountingBody loop = new CountingBody();
        for (int[] s : g) loop.localGet(s[0]).localGet(s[1]).op(ops[s[2]]).localTee(s[3]).localSet(s[4]);
        countDown(loop, 0);
        CountingBody epi = new CountingBody().localGet(1);
        for (int i = 2; i <= count; i++) epi.localGet(i).op(Op.I32_XOR);
        return loopKernel("locals", groups + " × (get, get, add|sub|xor, tee, set) over " + count + " locals",
                new ModuleBuilder(), new int[] {count, I32}, pro, loop, epi, n -> {
                    int[] l = init.clone();
                    for (int i = n; i != 0; i--) {
                        l[0] = i;
                        for (int[] s : g) {
                            int x = l[s[0]], y = l[s[1]];
                            int v = switch (s[2]) { case 0 -> x + y; case 1 -> x - y; default -> x ^ y; };
                            l[s[3]] = v;
                            l[s[4]] = v;
                        }
                    }
                    int x = 0;
                    for (int i = 1; i <= count; i++) x ^= l[i];
                    return x;
                });
    }

    /** Ints in the read-only region [0, 4096) of the memory kernel, set by its data segment. */
    private static final int WORDS = 1024;

    /**
     * {@code addr = (n & 1023) * 4; acc = acc * 31 + load(addr); store(4096 + addr, acc)} per iteration:
     * one {@code i32.load} and one {@code i32.store} (bounds-checked) among 21 instructions. The loads read a
     * data segment that is never written, so the result does not depend on earlier runs.
     */
    static Kernel memory() {
        int[] words = new Random(0x3E3L).ints(WORDS).toArray();
        byte[] data = new byte[WORDS * 4];
        for (int i = 0; i < WORDS; i++) {
            for (int k = 0; k < 4; k++) data[4 * i + k] = (byte) (words[i] >>> (8 * k));
        }
        // locals: 0 = n, 1 = acc, 2 = addr
        CountingBody loop = new CountingBody()
                .localGet(0).i32Const(WORDS - 1).op(Op.I32_AND).i32Const(2).op(Op.I32_SHL).localSet(2)
                .localGet(1).i32Const(31).op(Op.I32_MUL).localGet(2).mem(Op.I32_LOAD, 0).op(Op.I32_ADD).localSet(1)
                .localGet(2).localGet(1).mem(Op.I32_STORE, WORDS * 4);
        countDown(loop, 0);
        return loopKernel("memory", "acc = acc*31 + i32.load; i32.store acc (1 load + 1 store)",
                new ModuleBuilder().memory(1).data(0, data), new int[] {2, I32}, new CountingBody(), loop,
                new CountingBody().localGet(1), n -> {
                    int acc = 0;
                    for (int i = n; i != 0; i--) acc = acc * 31 + words[i & (WORDS - 1)];
                    return acc;
                });
    }

    private static final int[] PING_PONG_K = {0x01000193, 0x2545F491};

    /**
     * Two functions {@code f0, f1 : (n, acc) -> i32}, {@code f_j(n, acc) = n == 0 ? acc : f_{1-j}(n - 1, acc * K_j + n)},
     * calling each other with {@code call}, {@code return_call}, or the same through a two-entry table
     * ({@code call_indirect} / {@code return_call_indirect}). {@code run} is {@code f0}, so {@code run(n)} makes
     * {@code n} calls; the bodies differ only in the call opcode, so time per call compares the call
     * instructions, with the same 12 (direct) or 13 (indirect) instructions around each. With {@code call} the
     * frame depth reaches {@code n} and every call is matched by a return.
     */
    static Kernel pingPong(boolean tail, boolean indirect) {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32, I32}, I32);
        int perLevel = 0, fixed = 0;
        for (int j = 0; j < 2; j++) {
            CountingBody b = new CountingBody().localGet(0).op(Op.I32_EQZ).ifResult(I32);
            int test = b.count();
            b.localGet(1).elseBranch();
            fixed = b.count();
            b.resetCount();
            b.localGet(0).i32Const(1).op(Op.I32_SUB)
                    .localGet(1).i32Const(PING_PONG_K[j]).op(Op.I32_MUL).localGet(0).op(Op.I32_ADD);
            int other = 1 - j;
            if (indirect) {
                b.i32Const(other);
                if (tail) b.returnCallIndirect(t); else b.callIndirect(t);
            } else if (tail) {
                b.returnCall(other);
            } else {
                b.call(other);
            }
            b.end();
            perLevel = test + b.count();
            mb.func(t, 0, b.body);
        }
        if (indirect) mb.table(0, 1);
        mb.export(Kernel.EXPORT, 0);
        String name = (tail ? "returnCall" : "call") + (indirect ? "Indirect" : "");
        String instr = (tail ? "return_call" : "call") + (indirect ? "_indirect" : "");
        return new Kernel(indirect ? (tail ? "returnCallIndirect" : "callIndirect") : name,
                "two functions ping-pong with " + instr + (tail ? " (constant depth)" : " (depth n, then n returns)"),
                mb.build(), 2, perLevel, fixed, 1, n -> {
                    int acc = 0, j = 0;
                    for (int i = n; i != 0; i--) {
                        acc = acc * PING_PONG_K[j] + i;
                        j ^= 1;
                    }
                    return acc;
                });
    }
}
