package org.tailbench.interp.tailcall;

import static org.tailbench.runtime.Memory.I8;
import static org.tailbench.runtime.Memory.LE_I16;
import static org.tailbench.runtime.Memory.LE_I32;
import static org.tailbench.runtime.Memory.LE_I64;

import java.lang.foreign.MemorySegment;
import org.tailbench.interp.rt.TableMemoryOps;
import org.tailbench.runtime.Global;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * Variable, constant, memory and table instructions of the {@code tailcall} engine. Handlers are
 * bound to their instance's objects ({@link Global}, {@link Memory}) at decode time; a memory's segment
 * view is read from the {@link Memory} at every access, so {@code memory.grow} (here or in another
 * instance sharing the memory) needs no reload. Accesses are bounds-checked against the effective
 * address {@code (addr & 0xFFFFFFFF) + offset} (spec 2.0 §4.4.7), little-endian.
 */
final class MemoryInstrs {
    private MemoryInstrs() {}

    private static final long M32 = 0xFFFFFFFFL;

    static final class LocalGet extends Instr {
        final int index;
        LocalGet(int index) { this.index = index; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { s[sp] = s[fp + index]; return next.exec(m, s, sp + 1, fp); }
    }

    static final class LocalSet extends Instr {
        final int index;
        LocalSet(int index) { this.index = index; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { s[fp + index] = s[sp - 1]; return next.exec(m, s, sp - 1, fp); }
    }

    static final class LocalTee extends Instr {
        final int index;
        LocalTee(int index) { this.index = index; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { s[fp + index] = s[sp - 1]; return next.exec(m, s, sp, fp); }
    }

    static final class GlobalGet extends Instr {
        final Global global;
        GlobalGet(Global global) { this.global = global; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { s[sp] = global.value; return next.exec(m, s, sp + 1, fp); }
    }

    static final class GlobalSet extends Instr {
        final Global global;
        GlobalSet(Global global) { this.global = global; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { global.value = s[sp - 1]; return next.exec(m, s, sp - 1, fp); }
    }

    /** Any constant, already encoded. */
    static final class Const extends Instr {
        final long value;
        Const(long value) { this.value = value; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { s[sp] = value; return next.exec(m, s, sp + 1, fp); }
    }

    /** A load or store: the memory and the static offset (u32). */
    abstract static class Access extends Instr {
        final Memory memory;
        final long offset;
        Access(Memory memory, int offset) { this.memory = memory; this.offset = offset & M32; }
    }

    /** {@code i32.load}, {@code f32.load}, {@code i64.load32_s} (all sign-extend 32 bits into the slot). */
    static final class Load32 extends Access {
        Load32(Memory mem, int off) { super(mem, off); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            MemorySegment b = memory.segment();
            long ea = (s[sp - 1] & M32) + offset;
            if (ea > b.byteSize() - 4) throw trap(m, TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
            s[sp - 1] = b.get(LE_I32, ea);
            return next.exec(m, s, sp, fp);
        }
    }

    static final class Load32U extends Access {
        Load32U(Memory mem, int off) { super(mem, off); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            MemorySegment b = memory.segment();
            long ea = (s[sp - 1] & M32) + offset;
            if (ea > b.byteSize() - 4) throw trap(m, TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
            s[sp - 1] = b.get(LE_I32, ea) & M32;
            return next.exec(m, s, sp, fp);
        }
    }

    /** {@code i64.load}, {@code f64.load}. */
    static final class Load64 extends Access {
        Load64(Memory mem, int off) { super(mem, off); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            MemorySegment b = memory.segment();
            long ea = (s[sp - 1] & M32) + offset;
            if (ea > b.byteSize() - 8) throw trap(m, TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
            s[sp - 1] = b.get(LE_I64, ea);
            return next.exec(m, s, sp, fp);
        }
    }

    /** {@code i32.load8_s}, {@code i64.load8_s}. */
    static final class Load8S extends Access {
        Load8S(Memory mem, int off) { super(mem, off); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            MemorySegment b = memory.segment();
            long ea = (s[sp - 1] & M32) + offset;
            if (ea >= b.byteSize()) throw trap(m, TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
            s[sp - 1] = b.get(I8, ea);
            return next.exec(m, s, sp, fp);
        }
    }

    static final class Load8U extends Access {
        Load8U(Memory mem, int off) { super(mem, off); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            MemorySegment b = memory.segment();
            long ea = (s[sp - 1] & M32) + offset;
            if (ea >= b.byteSize()) throw trap(m, TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
            s[sp - 1] = b.get(I8, ea) & 0xFF;
            return next.exec(m, s, sp, fp);
        }
    }

    static final class Load16S extends Access {
        Load16S(Memory mem, int off) { super(mem, off); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            MemorySegment b = memory.segment();
            long ea = (s[sp - 1] & M32) + offset;
            if (ea > b.byteSize() - 2) throw trap(m, TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
            s[sp - 1] = b.get(LE_I16, ea);
            return next.exec(m, s, sp, fp);
        }
    }

    static final class Load16U extends Access {
        Load16U(Memory mem, int off) { super(mem, off); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            MemorySegment b = memory.segment();
            long ea = (s[sp - 1] & M32) + offset;
            if (ea > b.byteSize() - 2) throw trap(m, TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
            s[sp - 1] = b.get(LE_I16, ea) & 0xFFFF;
            return next.exec(m, s, sp, fp);
        }
    }

    /** {@code i32.store}, {@code f32.store}, {@code i64.store32}. */
    static final class Store32 extends Access {
        Store32(Memory mem, int off) { super(mem, off); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            MemorySegment b = memory.segment();
            long ea = (s[sp - 2] & M32) + offset;
            if (ea > b.byteSize() - 4) throw trap(m, TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
            b.set(LE_I32, ea, (int) s[sp - 1]);
            return next.exec(m, s, sp - 2, fp);
        }
    }

    /** {@code i64.store}, {@code f64.store}. */
    static final class Store64 extends Access {
        Store64(Memory mem, int off) { super(mem, off); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            MemorySegment b = memory.segment();
            long ea = (s[sp - 2] & M32) + offset;
            if (ea > b.byteSize() - 8) throw trap(m, TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
            b.set(LE_I64, ea, s[sp - 1]);
            return next.exec(m, s, sp - 2, fp);
        }
    }

    /** {@code i32.store8}, {@code i64.store8}. */
    static final class Store8 extends Access {
        Store8(Memory mem, int off) { super(mem, off); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            MemorySegment b = memory.segment();
            long ea = (s[sp - 2] & M32) + offset;
            if (ea >= b.byteSize()) throw trap(m, TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
            b.set(I8, ea, (byte) s[sp - 1]);
            return next.exec(m, s, sp - 2, fp);
        }
    }

    /** {@code i32.store16}, {@code i64.store16}. */
    static final class Store16 extends Access {
        Store16(Memory mem, int off) { super(mem, off); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            MemorySegment b = memory.segment();
            long ea = (s[sp - 2] & M32) + offset;
            if (ea > b.byteSize() - 2) throw trap(m, TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
            b.set(LE_I16, ea, (short) s[sp - 1]);
            return next.exec(m, s, sp - 2, fp);
        }
    }

    static final class MemorySize extends Instr {
        final Memory memory;
        MemorySize(Memory memory) { this.memory = memory; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { s[sp] = memory.pages(); return next.exec(m, s, sp + 1, fp); }
    }

    static final class MemoryGrow extends Instr {
        final Memory memory;
        MemoryGrow(Memory memory) { this.memory = memory; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { s[sp - 1] = memory.grow(s[sp - 1]); return next.exec(m, s, sp, fp); }
    }

    /** The reference, table and bulk-memory instructions, delegated to {@link TableMemoryOps} as {@code switch} does. */
    static final class TableMemory extends Instr {
        final int op, operandPc;
        final int[] code;
        final Instance inst;
        TableMemory(int op, int[] code, int operandPc, Instance inst) { this.op = op; this.code = code; this.operandPc = operandPc; this.inst = inst; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            try {
                sp = TableMemoryOps.exec(op, code, operandPc, s, sp, inst);
            } catch (Trap t) {
                throw fault(m, t);
            }
            return next.exec(m, s, sp, fp);
        }
    }
}
