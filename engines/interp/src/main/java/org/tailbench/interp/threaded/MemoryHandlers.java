package org.tailbench.interp.threaded;

import static org.tailbench.runtime.Memory.I8;
import static org.tailbench.runtime.Memory.LE_I16;
import static org.tailbench.runtime.Memory.LE_I32;
import static org.tailbench.runtime.Memory.LE_I64;

import java.lang.foreign.MemorySegment;
import org.tailbench.interp.lower.LOp;
import org.tailbench.interp.lower.Lowerer;
import org.tailbench.interp.rt.TableMemoryOps;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * Handlers for loads, stores, {@code memory.size} and {@code memory.grow} (spec 2.0 §4.4.7) on the
 * machine's cached memory bytes, plus one shared handler for the table, reference and bulk-memory
 * instructions ({@link TableMemoryOps}). Effective addresses are unsigned 33-bit sums of the i32
 * address and the u32 offset operand, checked against the memory's length before every access.
 * Nested classes are named after the {@link LOp} they execute; {@code F32_*}/{@code F64_*} loads and
 * stores share the integer handlers of the same width ({@link Handlers} registers the aliases).
 */
final class MemoryHandlers {
    private static final long M32 = 0xFFFFFFFFL;

    private MemoryHandlers() {}

    private static Trap oob() { return new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS); }

    /** @return the effective address of an access of {@code width} bytes, checked against {@code mem} */
    private static long ea(MemorySegment mem, long addr, int offset, int width) {
        // toUnsignedLong: 2 bytecodes fewer than "& M32", keeping this method at HotSpot's MaxInlineSize (35)
        long ea = (addr & M32) + Integer.toUnsignedLong(offset);
        if (ea > mem.byteSize() - width) throw oob();
        return ea;
    }

    static final class I32_LOAD extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1; MemorySegment mem = m.mem;
            s[sp] = mem.get(LE_I32, ea(mem, s[sp], c[pc + 1], 4));
            return pc + 2;
        }
    }
    static final class I64_LOAD extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1; MemorySegment mem = m.mem;
            s[sp] = mem.get(LE_I64, ea(mem, s[sp], c[pc + 1], 8));
            return pc + 2;
        }
    }
    static final class I32_LOAD8_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1; MemorySegment mem = m.mem;
            s[sp] = mem.get(I8, ea(mem, s[sp], c[pc + 1], 1));
            return pc + 2;
        }
    }
    static final class I32_LOAD8_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1; MemorySegment mem = m.mem;
            s[sp] = mem.get(I8, ea(mem, s[sp], c[pc + 1], 1)) & 0xFF;
            return pc + 2;
        }
    }
    static final class I32_LOAD16_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1; MemorySegment mem = m.mem;
            s[sp] = mem.get(LE_I16, ea(mem, s[sp], c[pc + 1], 2));
            return pc + 2;
        }
    }
    static final class I32_LOAD16_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1; MemorySegment mem = m.mem;
            s[sp] = mem.get(LE_I16, ea(mem, s[sp], c[pc + 1], 2)) & 0xFFFF;
            return pc + 2;
        }
    }
    static final class I64_LOAD32_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1; MemorySegment mem = m.mem;
            s[sp] = mem.get(LE_I32, ea(mem, s[sp], c[pc + 1], 4)) & M32;
            return pc + 2;
        }
    }
    static final class I32_STORE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2; MemorySegment mem = m.mem;
            mem.set(LE_I32, ea(mem, s[sp], c[pc + 1], 4), (int) s[sp + 1]);
            return pc + 2;
        }
    }
    static final class I64_STORE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2; MemorySegment mem = m.mem;
            mem.set(LE_I64, ea(mem, s[sp], c[pc + 1], 8), s[sp + 1]);
            return pc + 2;
        }
    }
    static final class I32_STORE8 extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2; MemorySegment mem = m.mem;
            mem.set(I8, ea(mem, s[sp], c[pc + 1], 1), (byte) s[sp + 1]);
            return pc + 2;
        }
    }
    static final class I32_STORE16 extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2; MemorySegment mem = m.mem;
            mem.set(LE_I16, ea(mem, s[sp], c[pc + 1], 2), (short) s[sp + 1]);
            return pc + 2;
        }
    }
    static final class MEMORY_SIZE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { s[m.sp++] = m.memory.pages(); return pc + 1; }
    }
    static final class MEMORY_GROW extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1;
            Memory memory = m.memory;
            s[sp] = memory.grow(s[sp]);
            m.mem = memory.segment();
            return pc + 1;
        }
    }

    /** The table, reference and bulk-memory instructions (one handler object per opcode, sharing this class). */
    static final class TableOrMemoryOp extends Handler {
        private final int op;

        TableOrMemoryOp(int op) { this.op = op; }

        int exec(Machine m, long[] s, int[] c, int pc) {
            m.sp = TableMemoryOps.exec(op, c, pc + 1, s, m.sp, m.ctx.inst);
            return pc + 1 + Lowerer.operandCount(c, pc);
        }
    }
}
