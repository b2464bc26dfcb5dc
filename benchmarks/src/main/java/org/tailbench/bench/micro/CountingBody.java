package org.tailbench.bench.micro;

import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;

/**
 * A {@link Body} writer that counts the instructions it emits, so that a kernel's "Wasm instructions
 * per iteration" is exact by construction rather than counted by hand.
 *
 * <p>What counts as one instruction: every instruction except the structural {@code block},
 * {@code loop}, {@code else} and {@code end}, which the engines here resolve at lowering time and which
 * do nothing at run time on their own. {@code if}, {@code br}, {@code br_if} and {@code br_table} do count.
 */
final class CountingBody {
    final Body body = new Body();
    private int count;

    /** @return instructions emitted so far (structural ones excluded) */
    int count() { return count; }

    /** Sets the counter back to 0, e.g. at the start of a loop body. */
    CountingBody resetCount() { count = 0; return this; }

    private CountingBody one() { count++; return this; }

    CountingBody localGet(int i) { body.localGet(i); return one(); }
    CountingBody localSet(int i) { body.localSet(i); return one(); }
    CountingBody localTee(int i) { body.localTee(i); return one(); }
    CountingBody i32Const(int v) { body.i32Const(v); return one(); }
    /** An instruction without immediates (e.g. {@link Op#I32_ADD}). */
    CountingBody op(Op o) {
        if (o.imm != Op.Imm.NONE || o == Op.ELSE || o == Op.END) {
            throw new IllegalArgumentException(o + " needs its own method (immediates or structure)");
        }
        body.op(o);
        return one();
    }
    /** A 4-byte-aligned load or store. */
    CountingBody mem(Op o, int offset) {
        if (!o.isMemoryAccess()) throw new IllegalArgumentException(o + " is not a load or store");
        body.mem(o, Integer.numberOfTrailingZeros(o.width), offset);
        return one();
    }
    CountingBody br(int depth) { body.br(depth); return one(); }
    CountingBody brIf(int depth) { body.brIf(depth); return one(); }
    CountingBody brTable(int[] labels, int defaultLabel) { body.brTable(labels, defaultLabel); return one(); }
    CountingBody call(int f) { body.call(f); return one(); }
    CountingBody returnCall(int f) { body.returnCall(f); return one(); }
    CountingBody callIndirect(int type) { body.callIndirect(type); return one(); }
    CountingBody returnCallIndirect(int type) { body.returnCallIndirect(type); return one(); }
    CountingBody ifResult(int valType) { body.ifResult(valType); return one(); }

    CountingBody block() { body.block(); return this; }
    CountingBody loop() { body.loop(); return this; }
    CountingBody elseBranch() { body.op(Op.ELSE.code); return this; }
    CountingBody end() { body.end(); return this; }
}
