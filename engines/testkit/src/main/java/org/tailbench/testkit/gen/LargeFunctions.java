package org.tailbench.testkit.gen;

import static org.tailbench.wasm.ModuleBuilder.F64;
import static org.tailbench.wasm.ModuleBuilder.I32;
import static org.tailbench.wasm.ModuleBuilder.I64;

import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;

/**
 * Generators of large functions for testing function splitting (issue 5): a long straight-line chain,
 * a dense {@code br_table} interpreter loop, and (in {@link RandomFunctions}) seeded random structured code.
 * The semantics of the first two are specified here precisely so that tests can compute the expected
 * results in plain Java, independently of any engine.
 */
public final class LargeFunctions {
    private LargeFunctions() {}

    /** Step kinds of {@link #chain}; {@code k} is the step number. */
    public static final int CHAIN_KINDS = 8;

    /** The i32 constant of chain step {@code k}. */
    public static int chainConst(int k) { return (int) (k * 0x9E3779B1L) ^ (k >>> 3); }

    /** The i64 constant of chain step {@code k}. */
    public static long chainConst64(int k) { return k * 0x9E3779B97F4A7C15L + 12345; }

    /** The byte address chain step {@code k} stores to or loads from (within one 64 KiB page). */
    public static int chainAddress(int k) { return ((k * 7) % 4096) * 4; }

    /**
     * {@code chain(x: i32) -> i64}, exported as "chain", with locals {@code a: i32 = x}, {@code b: i64 = x}
     * (sign-extended), {@code c: f64 = x}, memory of 1 page (zeros), and a running i64 {@code s = 0} kept on the
     * operand stack for the whole body (so the stack is never empty between steps). Step {@code k} (k = 0 ..
     * steps-1), with {@code C = chainConst(k)}, {@code L = chainConst64(k)}, {@code A = chainAddress(k)}:
     * <ol start="0">
     *   <li>{@code a = a * 31 + C}</li>
     *   <li>{@code b = rotl64(b ^ (long) a, L & 63)}</li>
     *   <li>{@code mem32[A] = a ^ C}</li>
     *   <li>{@code a = a + mem32[A]}</li>
     *   <li>{@code c = c * 0.5 + (double) (a & 0xFFFF)}</li>
     *   <li>{@code if ((a & 1) != 0) b = b + L else a = a - 7}</li>
     *   <li>{@code a = (a & 2) != 0 ? a + 5 : (a + 5) * 3} (a block whose {@code br_if} carries the value)</li>
     *   <li>{@code s = s + b}</li>
     * </ol>
     * (kind = k % 8). Result: {@code s ^ b ^ (long) a ^ doubleToRawLongBits(c)}. All i32/i64 arithmetic wraps.
     * Each step is 2 to 14 instructions (7.5 on average; 27,000 steps give over 200,000).
     */
    public static byte[] chain(int steps) {
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int t = mb.type(new int[] {I32}, I64);
        final int a = 0, b = 1, c = 2;
        Body body = new Body()
                .localGet(a).op(Op.I64_EXTEND_I32_S).localSet(b)
                .localGet(a).op(Op.F64_CONVERT_I32_S).localSet(c)
                .i64Const(0);
        for (int k = 0; k < steps; k++) {
            int C = chainConst(k), A = chainAddress(k);
            long L = chainConst64(k);
            switch (k % CHAIN_KINDS) {
                case 0 -> body.localGet(a).i32Const(31).op(Op.I32_MUL).i32Const(C).op(Op.I32_ADD).localSet(a);
                case 1 -> body.localGet(b).localGet(a).op(Op.I64_EXTEND_I32_S).op(Op.I64_XOR).i64Const(L)
                        .op(Op.I64_ROTL).localSet(b);
                case 2 -> body.i32Const(A).localGet(a).i32Const(C).op(Op.I32_XOR).mem(Op.I32_STORE, 2, 0);
                case 3 -> body.localGet(a).i32Const(A).mem(Op.I32_LOAD, 2, 0).op(Op.I32_ADD).localSet(a);
                case 4 -> body.localGet(c).op(Op.F64_CONST).raw(f64(0.5)).op(Op.F64_MUL).localGet(a).i32Const(0xFFFF)
                        .op(Op.I32_AND).op(Op.F64_CONVERT_I32_S).op(Op.F64_ADD).localSet(c);
                case 5 -> body.localGet(a).i32Const(1).op(Op.I32_AND).u8(0x04).u8(0x40)
                        .localGet(b).i64Const(L).op(Op.I64_ADD).localSet(b)
                        .op(Op.ELSE).localGet(a).i32Const(7).op(Op.I32_SUB).localSet(a).end();
                case 6 -> body.u8(0x02).u8(I32).localGet(a).i32Const(5).op(Op.I32_ADD)
                        .localGet(a).i32Const(2).op(Op.I32_AND).brIf(0).i32Const(3).op(Op.I32_MUL).end().localSet(a);
                default -> body.localGet(b).op(Op.I64_ADD);
            }
        }
        body.localGet(b).op(Op.I64_XOR).localGet(a).op(Op.I64_EXTEND_I32_S).op(Op.I64_XOR)
                .localGet(c).op(Op.I64_REINTERPRET_F64).op(Op.I64_XOR);
        int f = mb.func(t, new int[] {1, I64, 1, F64}, body);
        return mb.export("chain", f).build();
    }

    /** The i32 constant of interpreter handler {@code k}. */
    public static int handlerConst(int k) { return (int) (k * 0x85EBCA6BL) | 1; }

    /**
     * {@code run() -> i32}, exported as "run": a bytecode interpreter, {@code loop { block $exit { block
     * $h[handlers-1] ... block $h[0] { br_table $h[0] .. $h[handlers-1] $exit (load16_u program[pc]) } handler 0
     * ... } } }}, the usual lowering of a {@code switch} in a loop. The program is the data segment at address
     * {@link #PROGRAM_BASE}: 16-bit little-endian opcodes, ended by any opcode {@code >= handlers}. Locals
     * {@code pc = 0}, {@code acc = 1}. Handler {@code k}, with {@code C = handlerConst(k)}:
     * <ul>
     *   <li>{@code acc = acc OP C} where OP by {@code k % 4} is: 0 add, 1 mul, 2 xor, 3 rotl (rotate by C & 31);</li>
     *   <li>{@code mem32[(k % 256) * 4] += acc} (a histogram at address 0);</li>
     *   <li>{@code pc += 2}, then back to the loop.</li>
     * </ul>
     * Result: {@code acc} after the terminating opcode. 17 instructions per handler.
     */
    public static byte[] interpreter(int handlers, int[] program) { return interpreter(handlers, program, 0); }

    /**
     * {@link #interpreter(int, int[])} with {@code shared} more i32 locals {@code s[0..shared)} (locals 2..), all
     * handlers sharing them (the shape of CPython's eval loop): handler {@code k} also does {@code s[k % shared] +=
     * acc} before its histogram update, and the result is {@code acc ^ s[0] ^ ... ^ s[shared-1]}.
     */
    public static byte[] interpreter(int handlers, int[] program, int shared) { return interpreter(handlers, program, shared, 1); }

    /**
     * {@link #interpreter(int, int[], int)} with larger handlers (CPython's eval loop has ~300 B of Wasm per handler):
     * handler {@code k} does {@code s[(k + j) % shared] += acc} for each {@code j < widen} (one update when
     * {@code widen} is 1, as there).
     * @throws IllegalArgumentException when {@code widen > 1} without shared locals, or {@code widen < 1}
     */
    public static byte[] interpreter(int handlers, int[] program, int shared, int widen) {
        if (widen < 1 || (widen > 1 && shared == 0)) {
            throw new IllegalArgumentException("widen must be 1, or above 1 with shared locals: widen " + widen + ", shared " + shared);
        }
        ModuleBuilder mb = new ModuleBuilder().memory(1 + (PROGRAM_BASE + 2 * program.length + 2) / 65536);
        byte[] prog = new byte[2 * program.length];
        for (int i = 0; i < program.length; i++) {
            prog[2 * i] = (byte) program[i];
            prog[2 * i + 1] = (byte) (program[i] >>> 8);
        }
        mb.data(PROGRAM_BASE, prog);
        int t = mb.type(new int[0], I32);
        final int pc = 0, acc = 1;
        Body body = new Body().i32Const(1).localSet(acc).loop().block();
        for (int k = 0; k < handlers; k++) body.block();
        int[] labels = new int[handlers];
        for (int k = 0; k < handlers; k++) labels[k] = k;
        body.localGet(pc).mem(Op.I32_LOAD16_U, 1, PROGRAM_BASE).brTable(labels, handlers);
        for (int k = 0; k < handlers; k++) {
            body.end();
            int c = handlerConst(k);
            body.localGet(acc).i32Const(c).op(switch (k % 4) {
                case 0 -> Op.I32_ADD; case 1 -> Op.I32_MUL; case 2 -> Op.I32_XOR; default -> Op.I32_ROTL;
            }).localSet(acc);
            for (int j = 0; shared > 0 && j < widen; j++) {
                int x = 2 + (k + j) % shared;
                body.localGet(x).localGet(acc).op(Op.I32_ADD).localSet(x);
            }
            int h = (k % 256) * 4;
            body.i32Const(h).i32Const(h).mem(Op.I32_LOAD, 2, 0).localGet(acc).op(Op.I32_ADD).mem(Op.I32_STORE, 2, 0);
            body.localGet(pc).i32Const(2).op(Op.I32_ADD).localSet(pc).br(handlers - k);
        }
        body.end().end().localGet(acc);
        for (int x = 0; x < shared; x++) body.localGet(2 + x).op(Op.I32_XOR);
        int f = mb.func(t, 2 + shared, body);
        return mb.export("run", f).build();
    }

    /** Byte address of the interpreter's program (after the 1 KiB histogram). */
    public static final int PROGRAM_BASE = 1024;

    static byte[] f64(double v) {
        long bits = Double.doubleToRawLongBits(v);
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (bits >>> (8 * i));
        return b;
    }
}
