package org.tailbench.interp.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.wasm.ModuleBuilder.I32;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Seeded random stack programs (locals, tee/set, drop, select, direct and indirect calls with a memory side effect,
 * nested result blocks with {@code br_if} carrying a value) run on {@code closure} and on the
 * {@code switch} engine, which keeps the operand stack as it is: results and memory must agree.
 * This checks the tree builder's ordering of pending values and its spills.
 */
class DifferentialTest {
    private static final int[] BINARY = {0x6A, 0x6B, 0x6C, 0x71, 0x72, 0x73, 0x74, 0x76, 0x77, 0x46, 0x49};

    /** Appends random instructions leaving exactly one i32 more on the stack. */
    private static void program(Random r, Body b, int length, int nesting) {
        int d = 0;
        for (int n = 0; n < length; n++) {
            int choice = r.nextInt(12);
            if (d < 2 || choice < 3) {
                if (r.nextBoolean()) b.localGet(r.nextInt(4)); else b.i32Const(r.nextInt(200) - 100);
                d++;
            } else if (choice < 6) {
                b.op(BINARY[r.nextInt(BINARY.length)]);
                d--;
            } else if (choice == 6) {
                b.localTee(r.nextInt(4));
            } else if (choice == 7) {
                b.localSet(r.nextInt(4));
                d--;
            } else if (choice == 8) {            // g: memory side effect, returns the new state
                if (r.nextBoolean()) b.call(1); else b.i32Const(0).callIndirect(1);   // table[0] = g, type 1
            } else if (choice == 9 && d >= 3) {
                b.op(0x1B);                      // select
                d -= 2;
            } else if (choice == 10 && nesting < 3) {
                b.u8(0x02).u8(I32);              // block (result i32)
                program(r, b, length / 2, nesting + 1);
                if (r.nextBoolean()) {           // ... value, cond, br_if 0 (keeps value when not taken)
                    b.localGet(r.nextInt(4)).i32Const(3).op(0x71).brIf(0);
                }
                b.end();
                d++;
            } else {
                b.op(0x1A);                      // drop
                d--;
            }
        }
        if (d == 0) { b.i32Const(1); d++; }
        for (; d > 1; d--) b.op(0x6A);
    }

    private static byte[] module(long seed) {
        Random r = new Random(seed);
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int t4 = mb.type(new int[] {I32, I32, I32, I32}, I32);
        int t1 = mb.type(new int[] {I32}, I32);
        int t0 = mb.type(new int[0], I32);
        Body f = new Body();
        program(r, f, 40, 0);
        mb.func(t4, 0, f);
        // g(x): mem[0] = mem[0] * 31 + x; return mem[0]
        mb.func(t1, 0, new Body().i32Const(0).i32Const(0).mem(Op.I32_LOAD, 2, 0).i32Const(31).op(0x6C)
                .localGet(0).op(0x6A).mem(Op.I32_STORE, 2, 0).i32Const(0).mem(Op.I32_LOAD, 2, 0));
        mb.func(t0, 0, new Body().i32Const(0).mem(Op.I32_LOAD, 2, 0));
        return mb.table(1).export("f", 0).export("state", 2).build();
    }

    private static long[] run(Engine e, byte[] bytes, long... args) {
        Instance inst = e.compile(ValidatedModule.of(bytes)).instantiate(new Store(), Imports.NONE);
        long result = inst.exportedFunction("f").invoke(args)[0];
        return new long[] {result, inst.exportedFunction("state").invoke()[0]};
    }

    /** 25 batches of 20 seeds each: 500 random programs. */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24})
    void closureAgreesWithSwitch(long batch) {
        for (long seed = batch * 20; seed < batch * 20 + 20; seed++) agree(seed);
    }

    private static void agree(long seed) {
        byte[] bytes = module(seed);
        Random r = new Random(~seed);
        for (int k = 0; k < 5; k++) {
            long[] args = {r.nextInt(), r.nextInt(100), r.nextInt(7) - 3, r.nextInt()};
            assertThat(run(new ClosureEngine(), bytes, args)).as("seed %d args %s", seed, java.util.Arrays.toString(args))
                    .containsExactly(run(Engines.byName("switch"), bytes, args));
        }
    }
}
