package org.tailbench.interp.sw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.wasm.ModuleBuilder.I32;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import org.tailbench.interp.lower.LOp;
import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.lower.Lowerer;
import org.tailbench.interp.lower.Superinstructions;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The switch engine's superinstructions ({@link Superinstructions}) on hand-made functions that contain every catalog
 * pattern: with each pattern selected alone (so that no longer pattern hides it), and with all of them, the lowered code
 * holds the fused opcode, every function computes what a Java model of it computes (edge values: 0, ±1, the i32 limits,
 * shift counts above 31), an out-of-bounds access inside a fused opcode traps with the same kind and at the byte offset of
 * the memory instruction itself (read from the decoded body, and equal to the untuned engine's), and a {@code br_if} that
 * moves values is left unfused.
 */
class SuperinstructionExecutionTest {
    private static final int[] EDGE = {0, 1, -1, 2, 7, 100, 255, 256, 65531, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x12345678, -16};

    /** name → (body, Java model of (a, b) → result) */
    private record Fn(String name, Body body, int extraLocals, IntBinaryOperator model) {}

    private static List<Fn> functions() {
        List<Fn> fs = new ArrayList<>();
        fs.add(new Fn("add", new Body().localGet(0).localGet(1).op(Op.I32_ADD), 0, (a, b) -> a + b));
        fs.add(new Fn("constOps", new Body().localGet(0).i32Const(7).op(Op.I32_ADD).i32Const(0xF0F0).op(Op.I32_AND)
                .i32Const(35).op(Op.I32_SHL).i32Const(2).op(Op.I32_SHR_U), 0, (a, b) -> (((a + 7) & 0xF0F0) << 3) >>> 2));
        fs.add(new Fn("localConstOps", new Body().localGet(0).i32Const(-16).op(Op.I32_AND).localGet(1).i32Const(37).op(Op.I32_SHL)
                .op(Op.I32_XOR), 0, (a, b) -> (a & -16) ^ (b << 5)));
        // x = a; y = 9; y = b + x; x = y - b (via tee / get); push x, y; x * y  →  a * (a + b)
        fs.add(new Fn("locals", new Body().localGet(0).localSet(2).i32Const(9).localSet(3).localGet(1).localGet(2).op(Op.I32_ADD)
                .localSet(3).localGet(3).localTee(2).localGet(1).op(Op.I32_SUB).localSet(2).localGet(2).localGet(3).op(Op.I32_MUL)
                .localGet(3).op(Op.I32_ADD), 2, (a, b) -> a * (a + b) + (a + b)));
        // mem[a+4] = b; x = mem[a+4]; x + mem8[a+5]  (addresses masked to the page: a & 0x7FF0)
        fs.add(new Fn("memory", new Body().localGet(0).i32Const(0x7FF0).op(Op.I32_AND).localSet(0)
                .localGet(0).localGet(1).mem(Op.I32_STORE, 2, 4)
                .localGet(0).mem(Op.I32_LOAD, 2, 4).localSet(2)
                .localGet(0).mem(Op.I32_LOAD8_U, 0, 5).localGet(2).op(Op.I32_ADD), 1, (a, b) -> b + ((b >>> 8) & 0xFF)));
        // mem[a & 0x7FF0] = a ^ b (address on the stack first, value from a local); x = mem[addr via add]
        fs.add(new Fn("storeLoad", new Body().localGet(0).i32Const(0x7FF0).op(Op.I32_AND).localTee(0).localGet(1).localGet(0)
                .op(Op.I32_XOR).localSet(2).localGet(2).mem(Op.I32_STORE, 2, 0)
                .localGet(0).i32Const(0).op(Op.I32_ADD).mem(Op.I32_LOAD, 2, 0).localSet(3).localGet(3), 2, (a, b) -> (a & 0x7FF0) ^ b));
        // y = (a + b) tee x; z = mem[(x & 0x7FF0) + 0] tee y ... : (a + b) + mem[16] + 3 after mem[16] = b
        fs.add(new Fn("tees", new Body().i32Const(16).localGet(1).mem(Op.I32_STORE, 2, 0)
                .localGet(0).localGet(1).op(Op.I32_ADD).localTee(2).i32Const(3).op(Op.I32_ADD).localSet(2)
                .i32Const(16).mem(Op.I32_LOAD, 2, 0).localTee(3).localGet(2).op(Op.I32_ADD)
                .i32Const(0).mem(Op.I32_LOAD, 2, 16).op(Op.I32_ADD), 2, (a, b) -> b + (a + b + 3) + b));
        fs.add(new Fn("brIf", new Body().block().localGet(0).brIf(0).i32Const(0).op(Op.RETURN).end().i32Const(1), 0, (a, b) -> a != 0 ? 1 : 0));
        fs.add(new Fn("brIfEqz", new Body().block().localGet(0).op(Op.I32_EQZ).brIf(0).i32Const(0).op(Op.RETURN).end().i32Const(1), 0,
                (a, b) -> a == 0 ? 1 : 0));
        // to the function's label, carrying the result: 3 when a != 0, else 4
        fs.add(new Fn("brIfFunction", new Body().i32Const(3).localGet(0).brIf(0).op(Op.DROP).i32Const(4), 0, (a, b) -> a != 0 ? 3 : 4));
        int[] cmp = {0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B};   // i32.eq ne lt_s lt_u gt_s gt_u
        String[] names = {"eq", "ne", "ltS", "ltU", "gtS", "gtU"};
        IntBinaryOperator[] models = {
            (a, c) -> a == c ? 1 : 0, (a, c) -> a != c ? 1 : 0, (a, c) -> a < c ? 1 : 0,
            (a, c) -> Integer.compareUnsigned(a, c) < 0 ? 1 : 0, (a, c) -> a > c ? 1 : 0, (a, c) -> Integer.compareUnsigned(a, c) > 0 ? 1 : 0,
        };
        for (int k = 0; k < cmp.length; k++) {
            IntBinaryOperator m = models[k];
            // (a + 0) so that the constant follows an add, not a local.get (which could take it first)
            fs.add(new Fn("cmp_" + names[k], new Body().block().localGet(0).localGet(1).op(Op.I32_ADD).i32Const(-16).op(cmp[k]).brIf(0)
                    .i32Const(0).op(Op.RETURN).end().i32Const(1), 0, (a, b) -> m.applyAsInt(a + b, -16)));
        }
        // sum of 1..n by a loop whose back-edge is a fused br_if (n masked to 1..128)
        fs.add(new Fn("loop", new Body().localGet(0).i32Const(127).op(Op.I32_AND).i32Const(1).op(Op.I32_ADD).localSet(0).loop()
                .localGet(2).localGet(0).op(Op.I32_ADD).localSet(2).localGet(0).i32Const(-1).op(Op.I32_ADD).localSet(0).localGet(0).brIf(0)
                .end().localGet(2), 1, (a, b) -> { int n = (a & 127) + 1; return n * (n + 1) / 2; }));
        // br_if leaving a block with a value and one value to drop: not fused (BR_IF_DROP), 5 when a != 0, else 12
        fs.add(new Fn("brIfDrop", new Body().op(0x02, I32).i32Const(7).i32Const(5).localGet(0).brIf(0).op(Op.I32_ADD).end(), 0,
                (a, b) -> a != 0 ? 5 : 12));
        return fs;
    }

    private static ValidatedModule module(List<Fn> fs) {
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int t = mb.type(new int[] {I32, I32}, I32);
        for (int k = 0; k < fs.size(); k++) {
            mb.func(t, fs.get(k).extraLocals(), fs.get(k).body());
            mb.export(fs.get(k).name(), k);
        }
        return ValidatedModule.of(mb.build());
    }

    private static Instance instance(ValidatedModule vm, String selection) {
        EngineOptions o = EngineOptions.NONE.with(EngineOptions.SWITCH_SUPERINSTRUCTIONS, selection);
        return new SwitchEngine().compile(vm, o).instantiate(new Store(), Imports.NONE);
    }

    @Test
    void eachPatternAloneAndAllTogetherComputeTheModelsResults() {
        List<Fn> fs = functions();
        ValidatedModule vm = module(fs);
        List<String> selections = new ArrayList<>();
        for (List<Op> p : Superinstructions.CATALOG) selections.add(Superinstructions.text(p));
        selections.add(Superinstructions.ALL);
        for (String sel : selections) {
            boolean[] on = Superinstructions.parse(sel);
            LoweredFunction[] lowered = Lowerer.lowerAll(vm, "switch", on);
            if (!sel.equals(Superinstructions.ALL)) {
                int lop = Lowerer.superinstruction(Superinstructions.indexOf(sel));
                assertThat(Arrays.stream(lowered).anyMatch(f -> contains(f, lop))).as("%s is fused somewhere", sel).isTrue();
            }
            Instance inst = instance(vm, sel);
            for (Fn f : fs) {
                for (int a : EDGE) {
                    for (int b : EDGE) {
                        long got = inst.exportedFunction(f.name()).invoke(new long[] {a, b})[0];
                        assertThat((int) got).as("%s(%d, %d) with %s", f.name(), a, b, sel).isEqualTo(f.model().applyAsInt(a, b));
                    }
                }
            }
        }
    }

    @Test
    void noSelectionLowersExactlyAsBefore() {
        ValidatedModule vm = module(functions());
        LoweredFunction[] plain = Lowerer.lowerAll(vm, "switch");
        LoweredFunction[] none = Lowerer.lowerAll(vm, "switch", Superinstructions.parse(""));
        for (int k = 0; k < plain.length; k++) {
            assertThat(none[k].code()).isEqualTo(plain[k].code());
            assertThat(none[k].offsets()).isEqualTo(plain[k].offsets());
        }
    }

    @Test
    void aBrIfThatMovesValuesStaysUnfused() {
        List<Fn> fs = functions();
        ValidatedModule vm = module(fs);
        int d = fs.indexOf(fs.stream().filter(f -> f.name().equals("brIfDrop")).findFirst().orElseThrow());
        LoweredFunction f = Lowerer.lowerAll(vm, "switch", Superinstructions.parse(Superinstructions.ALL))[d];
        assertThat(contains(f, LOp.BR_IF_DROP)).as(f.disassemble()).isTrue();
        assertThat(contains(f, Lowerer.superinstruction(Superinstructions.indexOf("local.get>br_if")))).as(f.disassemble()).isFalse();
    }

    /** Each memory superinstruction alone, on a function whose only memory access is out of bounds for the argument. */
    @Test
    void trapsInsideAFusedOpcodeHaveTheKindAndOffsetOfTheMemoryInstruction() {
        Map<String, Body> bodies = new LinkedHashMap<>();
        bodies.put("local.get>i32.load", new Body().localGet(0).mem(Op.I32_LOAD, 2, 0));
        bodies.put("local.get>i32.load8_u", new Body().localGet(0).mem(Op.I32_LOAD8_U, 0, 0));
        bodies.put("local.get>i32.store", new Body().localGet(0).localGet(1).mem(Op.I32_STORE, 2, 0).i32Const(0));
        bodies.put("local.get>local.get>i32.store", new Body().localGet(0).localGet(1).mem(Op.I32_STORE, 2, 0).i32Const(0));
        bodies.put("local.get>i32.load>local.set", new Body().localGet(0).mem(Op.I32_LOAD, 2, 0).localSet(1).localGet(1));
        bodies.put("i32.load>local.set", new Body().localGet(0).mem(Op.I32_LOAD, 2, 0).localSet(1).localGet(1));
        bodies.put("i32.load>local.tee", new Body().localGet(0).mem(Op.I32_LOAD, 2, 0).localTee(1));
        bodies.put("i32.const>i32.load", new Body().localGet(0).localSet(1).i32Const(-4).mem(Op.I32_LOAD, 2, 0).localGet(0).op(Op.I32_ADD));
        for (Map.Entry<String, Body> e : bodies.entrySet()) {
            ModuleBuilder mb = new ModuleBuilder().memory(1);
            int t = mb.type(new int[] {I32, I32}, I32);
            mb.func(t, 0, new Body().i32Const(0));   // function 0: so that the trapping one is not index 0
            mb.func(t, 0, e.getValue());
            ValidatedModule vm = ValidatedModule.of(mb.export("f", 1).build());
            Code body = vm.module().functions.get(1).body();
            int memInstr = -1;
            for (int i = 0; i < body.length; i++) if (body.opAt(i).isMemoryAccess()) memInstr = i;
            long expectedOffset = body.pos[memInstr];
            assertThat(contains(Lowerer.lowerAll(vm, "switch", Superinstructions.parse(e.getKey()))[1],
                    Lowerer.superinstruction(Superinstructions.indexOf(e.getKey())))).as(e.getKey()).isTrue();
            for (long a : new long[] {65533, 65536, -1, 0xFFFFFFFFL}) {
                if (e.getKey().contains("load8") && a == 65533) continue;   // in bounds for one byte
                Trap tuned = trap(instance(vm, e.getKey()), a), untuned = trap(instance(vm, ""), a);
                assertThat(tuned.kind()).as(e.getKey()).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
                assertThat(tuned.wasmBacktrace().get(0).offset()).as("%s at %d", e.getKey(), a).isEqualTo(expectedOffset);
                assertThat(tuned.wasmBacktrace()).as(e.getKey()).isEqualTo(untuned.wasmBacktrace());
            }
        }
    }

    @Test
    void anUnknownPatternIsRefusedWithTheCatalog() {
        ValidatedModule vm = module(functions());
        assertThatThrownBy(() -> instance(vm, "local.get>i64.add"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown superinstruction \"local.get>i64.add\"")
                .hasMessageContaining("local.get>i32.const>i32.add");
    }

    private static Trap trap(Instance inst, long a) {
        try {
            inst.exportedFunction("f").invoke(new long[] {a, 0x01020304});
        } catch (Trap t) {
            return t;
        }
        throw new AssertionError("no trap for " + a);
    }

    /** @return whether opcode {@code lop} occurs in {@code f}'s code (walking instruction by instruction) */
    private static boolean contains(LoweredFunction f, int lop) {
        int[] c = f.code();
        for (int pc = 0; pc < c.length; pc += 1 + Lowerer.operandCount(c, pc)) if (c[pc] == lop) return true;
        return false;
    }
}
