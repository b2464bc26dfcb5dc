package org.tailbench.nativ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.wasm.ModuleBuilder.I32;
import static org.tailbench.wasm.ModuleBuilder.I64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * {@code i32.add}/{@code i32.sub} of a constant folded into memory accesses ({@link FunctionCompiler}'s lazy
 * {@code ADDK} entries, one 32-bit {@code lea}): loads and stores addressed by {@code base + k} with offset {@code o},
 * the base a register-allocated local, a value in a register, a chain of two constants, or a register local already
 * checked by an earlier access (the bounds check is then skipped). Bases are chosen so the 32-bit sum wraps around
 * 2^32 (to 0, just below it, and to the memory's last bytes) and so the access straddles the memory's end.
 * Expected outcomes follow the spec (§4.4.7 memory instructions: {@code ea = ((base + k) mod 2^32) + o}, trap when
 * {@code ea + width > 65536}) computed here in Java, and loaded values come from the byte pattern written into the
 * memory beforehand; stores are checked by reading the whole memory back.
 */
class AddressFoldingTest {
    @BeforeAll
    static void platform() { Assumptions.assumeTrue(Platform.UNAVAILABLE == null, String.valueOf(Platform.UNAVAILABLE)); }

    private static final int SIZE = 65536;
    private static final int[] KS = {0, 8, -8, 65532, Integer.MAX_VALUE, Integer.MIN_VALUE, -65536};
    private static final int[] OFFSETS = {0, 4, 65532};
    private static final Op[] LOADS = {Op.I32_LOAD, Op.I32_LOAD8_U, Op.I64_LOAD, Op.F64_LOAD, Op.F32_LOAD};
    private static final Op[] STORES = {Op.I32_STORE, Op.I32_STORE8, Op.I64_STORE, Op.F64_STORE};
    /** the offset of the earlier plain access in shape CHECKED: its extent covers k + o + width for the small k, o */
    private static final int CHECKED_OFFSET = 0x100;

    /** how the address reaches the access */
    enum Shape { LOCAL, VALUE, CHAIN, CHECKED }

    private static final byte[] PATTERN = new byte[SIZE];
    static {
        for (int i = 0; i < SIZE; i++) PATTERN[i] = (byte) (i * 131 + 17 ^ i >> 8);
    }

    private record Fn(String name, Shape shape, int k, int offset, Op op) {}

    private static int width(Op op) {
        return switch (op) {
            case I32_LOAD8_U, I32_STORE8 -> 1;
            case I32_LOAD, F32_LOAD, I32_STORE -> 4;
            default -> 8;
        };
    }

    /** the address computation for {@code shape}, leaving {@code base + k} (as the spec's i32 sum) on the stack */
    private static Body address(Body b, Shape shape, int k) {
        switch (shape) {
            case VALUE -> b.localGet(0).i32Const(k).op(Op.I32_ADD);
            case CHAIN -> b.localGet(0).i32Const(k + 5).op(Op.I32_ADD).i32Const(5).op(Op.I32_SUB);
            case CHECKED -> b.localGet(0).mem(Op.I32_LOAD, 0, CHECKED_OFFSET).op(Op.DROP).localGet(0).i32Const(k).op(Op.I32_ADD);
            default -> b.localGet(0).i32Const(k).op(Op.I32_ADD);
        }
        return b;
    }

    /** VALUE's base is a parameter used once (stays in its slot, loaded into a value register); the others sit in a loop (register locals) */
    private static Body wrap(Shape shape, Body access) {
        if (shape == Shape.VALUE) return access;
        return new Body().loop().append(access).op(Op.RETURN).end();
    }

    private static Instance instance(List<Fn> fns) {
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int load = mb.type(new int[] {I32}, I64), store = mb.type(new int[] {I32, I64});
        for (Fn f : fns) {
            Body b = address(new Body(), f.shape, f.k);
            Op op = f.op;
            boolean isStore = op.signature.endsWith(":");
            if (isStore) {
                b.localGet(1);
                if (op == Op.I32_STORE || op == Op.I32_STORE8) b.op(Op.I32_WRAP_I64);
                if (op == Op.F64_STORE) b.op(Op.F64_REINTERPRET_I64);
                b.mem(op, 0, f.offset);
            } else {
                b.mem(op, 0, f.offset);
                switch (op) {
                    case I32_LOAD, I32_LOAD8_U -> b.op(Op.I64_EXTEND_I32_U);
                    case F64_LOAD -> b.op(Op.I64_REINTERPRET_F64);
                    case F32_LOAD -> b.op(Op.I32_REINTERPRET_F32).op(Op.I64_EXTEND_I32_U);
                    default -> {}
                }
            }
            Body body = wrap(f.shape, b);
            if (f.shape != Shape.VALUE && !isStore) body.i64Const(0);   // after the loop (unreachable)
            mb.export(f.name, mb.func(isStore ? store : load, 0, body));
        }
        Instance inst = new NativeEngine().compile(ValidatedModule.of(mb.build())).instantiate(new Store(), Imports.NONE);
        inst.memory().write(0, PATTERN, 0, SIZE);
        return inst;
    }

    /** bases around every boundary of {@code (base + k) mod 2^32 + o + width} */
    private static long[] bases(int k, int o, int w) {
        long wrapToZero = -k & 0xFFFFFFFFL, lastFit = SIZE - w - o;
        long[] v = {0, 1, 0x7FFFFFFF, 0x80000000L, 0xFFFFFFFFL, 0xFFFFFFF8L, SIZE - 1, SIZE - 4,
            wrapToZero, wrapToZero - 1, wrapToZero + 1,
            lastFit - k, lastFit - k + 1, lastFit - k - 1,
            wrapToZero + lastFit, wrapToZero + lastFit + 1};
        for (int i = 0; i < v.length; i++) v[i] &= 0xFFFFFFFFL;
        return v;
    }

    /** the spec's effective address, or -1 when the access traps */
    private static long ea(long base, int k, int o, int w) {
        long ea = ((base + k) & 0xFFFFFFFFL) + o;
        return ea + w > SIZE ? -1 : ea;
    }

    private static long littleEndian(byte[] mem, long at, int w) {
        long v = 0;
        for (int i = w - 1; i >= 0; i--) v = v << 8 | mem[(int) at + i] & 0xFF;
        return v;
    }

    @Test
    void foldedLoadsWrapAndTrapAsTheSpecSays() {
        List<Fn> fns = new ArrayList<>();
        for (Shape s : Shape.values()) for (int k : KS) for (int o : OFFSETS) for (Op op : LOADS) {
            fns.add(new Fn("f" + fns.size(), s, k, o, op));
        }
        Instance inst = instance(fns);
        List<String> failures = new ArrayList<>();
        int traps = 0, values = 0, elided = 0;
        for (Fn f : fns) {
            int w = width(f.op);
            for (long base : bases(f.k, f.offset, w)) {
                String want;
                long ea = ea(base, f.k, f.offset, w);
                if (f.shape == Shape.CHECKED && base + CHECKED_OFFSET + 4 > SIZE) want = "trap";   // the plain access first
                else want = ea < 0 ? "trap" : Long.toString(littleEndian(PATTERN, ea, w));
                if (f.shape == Shape.CHECKED && f.k >= 0 && f.k + f.offset + w <= CHECKED_OFFSET + 4 && base + CHECKED_OFFSET + 4 <= SIZE) elided++;
                String got;
                try {
                    got = Long.toString(inst.exportedFunction(f.name).invoke(base)[0]);
                } catch (Trap t) {
                    assertThat(t.kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
                    got = "trap";
                }
                if (want.equals("trap")) traps++; else values++;
                if (!want.equals(got) && failures.size() < 20) {
                    failures.add(f + " base 0x" + Long.toHexString(base) + ": want " + want + ", got " + got);
                }
            }
        }
        assertThat(failures).isEmpty();
        // each outcome occurs often, including accesses that only work because the sum wraps to a low address
        assertThat(traps).isGreaterThan(500);
        assertThat(values).isGreaterThan(500);
        assertThat(elided).isGreaterThan(20);
        assertThat(fns.stream().filter(f -> f.k < 0).count()).isGreaterThan(0);
    }

    @Test
    void foldedStoresWriteExactlyTheSpecsBytesOrNothing() {
        List<Fn> fns = new ArrayList<>();
        for (Shape s : new Shape[] {Shape.LOCAL, Shape.VALUE}) for (int k : KS) for (int o : OFFSETS) for (Op op : STORES) {
            fns.add(new Fn("s" + fns.size(), s, k, o, op));
        }
        Instance inst = instance(fns);
        long value = 0x8877665544332211L;
        List<String> failures = new ArrayList<>();
        int wraps = 0;
        for (Fn f : fns) {
            int w = width(f.op);
            for (long base : bases(f.k, f.offset, w)) {
                long ea = ea(base, f.k, f.offset, w);
                byte[] want = PATTERN.clone();
                if (ea >= 0) for (int i = 0; i < w; i++) want[(int) ea + i] = (byte) (value >>> 8 * i);
                if (ea >= 0 && base + f.k != (base + f.k & 0xFFFFFFFFL)) wraps++;
                boolean trapped = false;
                try {
                    inst.exportedFunction(f.name).invoke(base, value);
                } catch (Trap t) {
                    assertThat(t.kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
                    trapped = true;
                }
                byte[] got = inst.memory().read(0, SIZE);
                if ((trapped != (ea < 0) || !Arrays.equals(got, want)) && failures.size() < 20) {
                    failures.add(f + " base 0x" + Long.toHexString(base) + ": trap expected " + (ea < 0) + ", trapped " + trapped
                            + (Arrays.equals(got, want) ? "" : ", memory differs at " + Arrays.mismatch(got, want)));
                }
                inst.memory().write(0, PATTERN, 0, SIZE);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(wraps).as("stores that land only because the 32-bit sum wraps").isGreaterThan(10);
    }

    @Test
    void lazySumsSurviveReassignmentSpillingAndFloatReinterpretation() {
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int t1 = mb.type(new int[] {I32}, I32), t5 = mb.type(new int[] {I32, I32, I32, I32, I32}, I32);
        // x is a register local: A = x + 4 stays lazy while x = x + 100 is set; then A - x + x = old x + 4
        Body reassign = new Body().loop()
                .localGet(0).i32Const(4).op(Op.I32_ADD)
                .localGet(0).i32Const(100).op(Op.I32_ADD).localSet(0)
                .localGet(0).op(Op.I32_SUB).localGet(0).op(Op.I32_ADD).op(Op.RETURN).end().i32Const(0);
        mb.export("reassign", mb.func(t1, 0, reassign));
        // five lazy sums of values in registers: the fifth local.get finds every value register taken (spill)
        Body many = new Body();
        for (int k = 0; k < 5; k++) many.localGet(k).i32Const(k + 1).op(Op.I32_ADD);
        for (int k = 0; k < 4; k++) many.op(Op.I32_ADD);
        mb.export("many", mb.func(t5, 0, many));
        // a lazy sum stored as an f32 (through an xmm register, bit for bit: no arithmetic) and loaded back
        Body bits = new Body().loop().i32Const(16).localGet(0).i32Const(0x7F800000).op(Op.I32_ADD)
                .op(Op.F32_REINTERPRET_I32).mem(Op.F32_STORE, 0, 0).i32Const(16).mem(Op.I32_LOAD, 0, 0)
                .op(Op.RETURN).end().i32Const(0);
        mb.export("bits", mb.func(t1, 0, bits));
        Instance inst = new NativeEngine().compile(ValidatedModule.of(mb.build())).instantiate(new Store(), Imports.NONE);
        for (int x : new int[] {0, 1, -4, -100, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FFFFF9C}) {
            assertThat((int) inst.exportedFunction("reassign").invoke(x)[0]).as("reassign %d", x).isEqualTo(x + 4);
            assertThat((int) inst.exportedFunction("bits").invoke(x)[0]).as("bits %d", x).isEqualTo(x + 0x7F800000);
            assertThat((int) inst.exportedFunction("many").invoke(x, x * 3, -x, 7, Integer.MAX_VALUE)[0]).as("many %d", x)
                    .isEqualTo(x + 1 + x * 3 + 2 + -x + 3 + 7 + 4 + Integer.MAX_VALUE + 5);
        }
    }
}
