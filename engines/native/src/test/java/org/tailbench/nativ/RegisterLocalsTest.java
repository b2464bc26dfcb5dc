package org.tailbench.nativ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.wasm.ModuleBuilder.I32;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.HostFunction;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Register-allocated locals ({@link FunctionCompiler}: the heaviest integer locals live in the callee-saved
 * {@link Abi#LOCAL_REGS}). Every function here keeps five locals busy in a loop, so each one takes all five
 * registers: the values must survive direct calls, upcalls (a host function that re-enters the instance), tail
 * calls, a {@code local.set} while the old value is still on the operand stack, memory accesses addressed by a
 * local, and float reinterpretation of a local. Expected values come from the same arithmetic written in Java.
 */
class RegisterLocalsTest {
    @BeforeAll
    static void platform() { Assumptions.assumeTrue(Platform.UNAVAILABLE == null, String.valueOf(Platform.UNAVAILABLE)); }

    // ---- the Java mirror of the Wasm functions below ----

    static int mix(int a, int b) {
        int l1 = 0, l2 = 0, l3 = 0, l4 = 0, i = 0;
        do { l1 = l1 * 31 + a; l2 ^= l1 >>> 3; l3 = l3 + l2 + b; l4 -= l1; i++; } while (i < 8);
        return l1 ^ l2 ^ l3 ^ l4;
    }

    static int tailer(int x) {
        int p = 0, q = 0, r = 0, s = 0, k = 0;
        do { p = p + x * k; q ^= p << 1; r = r + q; s = s * 7 + r; k++; } while (k < 5);
        return mix(p ^ s, q + r);
    }

    static int host(int x) { return x * 3 + 1 + ((x & 7) == 0 ? mix(x, 5) : 0); }

    static int main(int n) {
        int s = 0, t = 0, u = 0, v = 0, i = 0;
        do {
            s += mix(i, t);
            t ^= host(s);
            u += tailer(i + v);
            v = v * 3 + i;
            int old = i;
            i = i + 1;
            u = old + u;
        } while (i < n);
        return s ^ t ^ u ^ v;
    }

    private static Body loopEnd(Body b, int counter, int limitLocal, int limitConst) {
        b.localGet(counter).i32Const(1).op(Op.I32_ADD).localTee(counter);
        if (limitLocal >= 0) b.localGet(limitLocal); else b.i32Const(limitConst);
        return b.op(Op.I32_LT_S).brIf(0).end();
    }

    private static Instance instantiate(boolean naive) {
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int t1 = mb.type(new int[] {I32}, I32), t2 = mb.type(new int[] {I32, I32}, I32);
        int hostIdx = mb.importFunc("env", "host", t1);
        int mixIdx = hostIdx + 1, tailerIdx = hostIdx + 2;
        // mix(a=0, b=1): l1=2, l2=3, l3=4, l4=5, i=6
        Body mix = new Body().loop()
                .localGet(2).i32Const(31).op(Op.I32_MUL).localGet(0).op(Op.I32_ADD).localSet(2)
                .localGet(3).localGet(2).i32Const(3).op(Op.I32_SHR_U).op(Op.I32_XOR).localSet(3)
                .localGet(4).localGet(3).op(Op.I32_ADD).localGet(1).op(Op.I32_ADD).localSet(4)
                .localGet(5).localGet(2).op(Op.I32_SUB).localSet(5);
        loopEnd(mix, 6, -1, 8).localGet(2).localGet(3).op(Op.I32_XOR).localGet(4).op(Op.I32_XOR).localGet(5).op(Op.I32_XOR);
        assertThat(mb.func(t2, 5, mix)).isEqualTo(mixIdx);
        // tailer(x=0): p=1, q=2, r=3, s=4, k=5; return_call mix(p ^ s, q + r)
        Body tailer = new Body().loop()
                .localGet(1).localGet(0).localGet(5).op(Op.I32_MUL).op(Op.I32_ADD).localSet(1)
                .localGet(2).localGet(1).i32Const(1).op(Op.I32_SHL).op(Op.I32_XOR).localSet(2)
                .localGet(3).localGet(2).op(Op.I32_ADD).localSet(3)
                .localGet(4).i32Const(7).op(Op.I32_MUL).localGet(3).op(Op.I32_ADD).localSet(4);
        loopEnd(tailer, 5, -1, 5).localGet(1).localGet(4).op(Op.I32_XOR).localGet(2).localGet(3).op(Op.I32_ADD).returnCall(mixIdx);
        assertThat(mb.func(t1, 5, tailer)).isEqualTo(tailerIdx);
        // main(n=0): s=1, t=2, u=3, v=4, i=5
        Body main = new Body().loop()
                .localGet(1).localGet(5).localGet(2).call(mixIdx).op(Op.I32_ADD).localSet(1)
                .localGet(2).localGet(1).call(hostIdx).op(Op.I32_XOR).localSet(2)
                .localGet(3).localGet(5).localGet(4).op(Op.I32_ADD).call(tailerIdx).op(Op.I32_ADD).localSet(3)
                .localGet(4).i32Const(3).op(Op.I32_MUL).localGet(5).op(Op.I32_ADD).localSet(4)
                // the old i stays on the operand stack while i is set
                .localGet(5).localGet(5).i32Const(1).op(Op.I32_ADD).localSet(5)
                .localGet(3).op(Op.I32_ADD).localSet(3)
                .localGet(5).localGet(0).op(Op.I32_LT_S).brIf(0).end()
                .localGet(1).localGet(2).op(Op.I32_XOR).localGet(3).op(Op.I32_XOR).localGet(4).op(Op.I32_XOR);
        int mainIdx = mb.func(t1, 5, main);
        // sum(x=0): p=1, q=2, k=3: mem[p] = k; q += mem[p]; p += 4
        Body sum = new Body().loop()
                .localGet(1).localGet(3).mem(Op.I32_STORE, 2, 0)
                .localGet(2).localGet(1).mem(Op.I32_LOAD, 2, 0).op(Op.I32_ADD).localSet(2)
                .localGet(1).i32Const(4).op(Op.I32_ADD).localSet(1);
        loopEnd(sum, 3, 0, 0).localGet(2);
        int sumIdx = mb.func(t1, 3, sum);
        // floats(x=0): a=1, k=2: a = bits(float(a) + 1.0f)
        Body floats = new Body().loop()
                .localGet(1).op(Op.F32_REINTERPRET_I32).u8(0x43).raw(new byte[] {0, 0, (byte) 0x80, 0x3F}).op(Op.F32_ADD)
                .op(Op.I32_REINTERPRET_F32).localSet(1);
        loopEnd(floats, 2, 0, 0).localGet(1);
        int floatsIdx = mb.func(t1, 2, floats);
        byte[] wasm = mb.export("mix", mixIdx).export("main", mainIdx).export("sum", sumIdx).export("floats", floatsIdx).build();

        Instance[] self = new Instance[1];
        FuncType ft = new FuncType(new ValType[] {ValType.I32}, new ValType[] {ValType.I32});
        HostFunction h = new HostFunction("env", "host", ft, (caller, args) -> {
            int x = (int) args[0];
            int reentered = (x & 7) == 0 ? (int) self[0].exportedFunction("mix").invoke(x, 5)[0] : 0;
            return new long[] {x * 3 + 1 + reentered};
        });
        Imports imports = (m, n) -> m.equals("env") && n.equals("host") ? h : null;
        ValidatedModule vm = ValidatedModule.of(wasm);
        CompiledModule cm = naive ? new NativeNaiveEngine().compile(vm) : new NativeEngine().compile(vm);
        self[0] = cm.instantiate(new Store(), imports);
        return self[0];
    }

    @Test
    void localsInRegistersSurviveCallsUpcallsTailCallsAndReassignment() {
        for (boolean naive : new boolean[] {false, true}) {
            Instance inst = instantiate(naive);
            assertThat((int) inst.exportedFunction("mix").invoke(12345, 678)[0]).as("mix").isEqualTo(mix(12345, 678));
            for (int n : new int[] {1, 2, 9, 1000}) {
                assertThat((int) inst.exportedFunction("main").invoke(n)[0]).as("main(%d) naive=%s", n, naive).isEqualTo(main(n));
            }
        }
    }

    @Test
    void localsAddressMemoryAndReinterpretAsFloats() {
        Instance inst = instantiate(false);
        assertThat((int) inst.exportedFunction("sum").invoke(1000)[0]).isEqualTo(999 * 1000 / 2);
        assertThat((int) inst.exportedFunction("floats").invoke(1000)[0]).isEqualTo(Float.floatToRawIntBits(1000f));
    }
}
