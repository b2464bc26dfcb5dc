package org.tailbench.interp.tailcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.wasm.ModuleBuilder.I32;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/** The bounce policy as decoded: which handoffs are direct, and how long a chain of them can get. */
class DecoderTest {
    /**
     * A function of seeded random structure: nested blocks, loops and ifs with branches out of them
     * and straight-line arithmetic, all on one i32 local; returns it.
     */
    private static TailCallFunction randomFunction(long seed) {
        Random r = new Random(seed);
        Body b = new Body();
        int[] depth = {0};
        emit(b, r, depth, 4);
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        mb.func(t, 0, b.localGet(0));
        Instance inst = new TailCallEngine().compile(ValidatedModule.of(mb.export("f", 0).build()))
                .instantiate(new Store(), Imports.NONE);
        return (TailCallFunction) inst.exportedFunction("f");
    }

    private static void emit(Body b, Random r, int[] depth, int nesting) {
        for (int i = 0, n = 1 + r.nextInt(12); i < n; i++) {
            switch (nesting > 0 ? r.nextInt(5) : 0) {
                case 0 -> b.localGet(0).i32Const(r.nextInt(100)).op(Op.I32_ADD).localSet(0);
                case 1 -> { b.block(); depth[0]++; emit(b, r, depth, nesting - 1); b.localGet(0).brIf(r.nextInt(depth[0])); depth[0]--; b.end(); }
                case 2 -> { b.loop(); depth[0]++; emit(b, r, depth, nesting - 1); b.localGet(0).i32Const(0).op(Op.I32_LT_S).brIf(0); depth[0]--; b.end(); }
                case 3 -> { b.localGet(0).u8(0x04).u8(0x40); depth[0]++; emit(b, r, depth, nesting - 1); b.op(Op.ELSE); emit(b, r, depth, nesting - 1); depth[0]--; b.end(); }
                default -> { b.block(); depth[0]++; emit(b, r, depth, nesting - 1); depth[0]--; b.end(); }
            }
        }
    }

    /** Every instruction of {@code f} decoded with {@code interval}, in code order. */
    private static List<Instr> decoded(TailCallFunction f, int interval) {
        Instr entry = Decoder.decode(f, interval);
        int[] code = f.fn.code();
        List<Instr> all = new ArrayList<>();
        Map<Instr, Boolean> seen = new IdentityHashMap<>();
        List<Instr> todo = new ArrayList<>(List.of(entry));
        while (!todo.isEmpty()) {
            Instr i = todo.removeLast();
            if (i instanceof Bounce bn) i = bn.to;
            if (i == null || seen.put(i, true) != null) continue;
            all.add(i);
            todo.addAll(successors(i));
        }
        all.sort((x, y) -> Integer.compare(x.pc, y.pc));
        assertThat(all).first().extracting(i -> i.pc).isEqualTo(0);
        assertThat(all.getLast().pc).isLessThan(code.length);
        return all;
    }

    /** The handoff targets of {@code i} (fall-through and branches), as linked: instructions or bounces. */
    private static List<Instr> successors(Instr i) {
        List<Instr> out = new ArrayList<>();
        if (i.next != null) out.add(i.next);
        if (i instanceof ControlInstrs.Branch br) out.add(br.target);
        if (i instanceof ControlInstrs.BrTable bt) out.addAll(List.of(bt.targets));
        return out;
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 4", "3, 16", "4, 7", "5, 64", "6, 3"})
    void directHandoffsGoForwardWithinOneSegment(long seed, int interval) {
        List<Instr> all = decoded(randomFunction(seed), interval);
        Map<Instr, Integer> ordinal = new IdentityHashMap<>();
        for (int k = 0; k < all.size(); k++) ordinal.put(all.get(k), k);
        int bounces = 0, longest = 0;
        Map<Instr, Integer> chain = new IdentityHashMap<>();   // longest direct chain starting at an instruction
        for (int k = all.size() - 1; k >= 0; k--) {
            Instr i = all.get(k);
            int best = 1;
            for (Instr s : successors(i)) {
                if (s instanceof Bounce) { bounces++; continue; }
                int a = k, b = ordinal.get(s);
                assertThat(b).as("direct handoff from %d goes forward", a).isGreaterThan(a);
                assertThat(b / interval).as("direct handoff from %d stays in its segment", a).isEqualTo(a / interval);
                best = Math.max(best, 1 + chain.get(s));
            }
            chain.put(i, best);
            longest = Math.max(longest, best);
        }
        assertThat(longest).isLessThanOrEqualTo(interval);
        if (all.size() > interval) assertThat(bounces).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "65537", "many", ""})
    void badIntervalsAreRejectedWithTheirName(String value) {
        assertThatThrownBy(() -> Decoder.interval(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Decoder.INTERVAL_PROPERTY).hasMessageContaining("\"" + value + "\"");
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "16, 16", " 300 , 300", "65536, 65536"})
    void goodIntervalsAreAccepted(String value, int expected) {
        assertThat(Decoder.interval(value)).isEqualTo(expected);
        assertThat(Decoder.interval(null)).isEqualTo(Decoder.DEFAULT_INTERVAL);
    }
}
