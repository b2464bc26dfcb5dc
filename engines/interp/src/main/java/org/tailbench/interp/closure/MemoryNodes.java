package org.tailbench.interp.closure;

import static org.tailbench.runtime.Memory.I8;
import static org.tailbench.runtime.Memory.LE_I16;
import static org.tailbench.runtime.Memory.LE_I32;
import static org.tailbench.runtime.Memory.LE_I64;

import java.lang.foreign.MemorySegment;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * Loads and stores on memory 0 (spec 2.0 §4.4.7): the effective address is the unsigned i32 operand
 * plus the unsigned offset immediate, computed in 64 bits, and must leave the whole access inside the
 * memory, else the out-of-bounds trap. Loads of the same width share a node whatever the result type
 * (values are encoded as longs, so {@code i32.load8_s} and {@code i64.load8_s} agree).
 */
final class MemoryNodes {
    private static final long M32 = 0xFFFFFFFFL;

    private MemoryNodes() {}

    static Trap oob() { return new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS); }

    abstract static class Load extends Expr {
        final Expr addr;
        final long offset;
        Load(Expr addr, long offset) { this.addr = addr; this.offset = offset; }
    }

    abstract static class Store extends Stmt {
        final Expr addr, value;
        final long offset;
        Store(Expr addr, Expr value, long offset) { this.addr = addr; this.value = value; this.offset = offset; }
    }

    /** i32.load, f32.load */
    static final class Load32 extends Load {
        Load32(Expr addr, long offset) { super(addr, offset); }
        @Override long eval(Frame f) {
            long ea = (addr.eval(f) & M32) + offset;
            MemorySegment mem = f.mem;
            if (ea > mem.byteSize() - 4) throw oob();
            return mem.get(LE_I32, ea);
        }
    }

    /** i64.load, f64.load */
    static final class Load64 extends Load {
        Load64(Expr addr, long offset) { super(addr, offset); }
        @Override long eval(Frame f) {
            long ea = (addr.eval(f) & M32) + offset;
            MemorySegment mem = f.mem;
            if (ea > mem.byteSize() - 8) throw oob();
            return mem.get(LE_I64, ea);
        }
    }

    static final class Load8S extends Load {
        Load8S(Expr addr, long offset) { super(addr, offset); }
        @Override long eval(Frame f) {
            long ea = (addr.eval(f) & M32) + offset;
            MemorySegment mem = f.mem;
            if (ea >= mem.byteSize()) throw oob();
            return mem.get(I8, ea);
        }
    }

    static final class Load8U extends Load {
        Load8U(Expr addr, long offset) { super(addr, offset); }
        @Override long eval(Frame f) {
            long ea = (addr.eval(f) & M32) + offset;
            MemorySegment mem = f.mem;
            if (ea >= mem.byteSize()) throw oob();
            return mem.get(I8, ea) & 0xFF;
        }
    }

    static final class Load16S extends Load {
        Load16S(Expr addr, long offset) { super(addr, offset); }
        @Override long eval(Frame f) {
            long ea = (addr.eval(f) & M32) + offset;
            MemorySegment mem = f.mem;
            if (ea > mem.byteSize() - 2) throw oob();
            return mem.get(LE_I16, ea);
        }
    }

    static final class Load16U extends Load {
        Load16U(Expr addr, long offset) { super(addr, offset); }
        @Override long eval(Frame f) {
            long ea = (addr.eval(f) & M32) + offset;
            MemorySegment mem = f.mem;
            if (ea > mem.byteSize() - 2) throw oob();
            return mem.get(LE_I16, ea) & 0xFFFF;
        }
    }

    /** i64.load32_u */
    static final class Load32U extends Load {
        Load32U(Expr addr, long offset) { super(addr, offset); }
        @Override long eval(Frame f) {
            long ea = (addr.eval(f) & M32) + offset;
            MemorySegment mem = f.mem;
            if (ea > mem.byteSize() - 4) throw oob();
            return mem.get(LE_I32, ea) & M32;
        }
    }

    /** i32.store, f32.store, i64.store32 */
    static final class Store32 extends Store {
        Store32(Expr addr, Expr value, long offset) { super(addr, value, offset); }
        @Override int exec(Frame f) {
            long a = addr.eval(f);
            long v = value.eval(f);
            long ea = (a & M32) + offset;
            MemorySegment mem = f.mem;
            if (ea > mem.byteSize() - 4) throw oob();
            mem.set(LE_I32, ea, (int) v);
            return 0;
        }
    }

    /** i64.store, f64.store */
    static final class Store64 extends Store {
        Store64(Expr addr, Expr value, long offset) { super(addr, value, offset); }
        @Override int exec(Frame f) {
            long a = addr.eval(f);
            long v = value.eval(f);
            long ea = (a & M32) + offset;
            MemorySegment mem = f.mem;
            if (ea > mem.byteSize() - 8) throw oob();
            mem.set(LE_I64, ea, v);
            return 0;
        }
    }

    static final class Store8 extends Store {
        Store8(Expr addr, Expr value, long offset) { super(addr, value, offset); }
        @Override int exec(Frame f) {
            long a = addr.eval(f);
            long v = value.eval(f);
            long ea = (a & M32) + offset;
            MemorySegment mem = f.mem;
            if (ea >= mem.byteSize()) throw oob();
            mem.set(I8, ea, (byte) v);
            return 0;
        }
    }

    static final class Store16 extends Store {
        Store16(Expr addr, Expr value, long offset) { super(addr, value, offset); }
        @Override int exec(Frame f) {
            long a = addr.eval(f);
            long v = value.eval(f);
            long ea = (a & M32) + offset;
            MemorySegment mem = f.mem;
            if (ea > mem.byteSize() - 2) throw oob();
            mem.set(LE_I16, ea, (short) v);
            return 0;
        }
    }
}
