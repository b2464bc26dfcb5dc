package org.tailbench.runtime;

import java.util.Arrays;
import org.tailbench.wasm.Limits;
import org.tailbench.wasm.ValType;

/**
 * A table instance (spec §4.2.7) of references encoded as {@code long} (a store function address
 * for funcref, a host handle for externref, {@link ValType#NULL_REF} for null). Accesses out of
 * range trap with {@link TrapKind#OUT_OF_BOUNDS_TABLE_ACCESS}. Size is limited by the declared max
 * and by {@link #MAX_ELEMENTS}.
 */
public final class Table implements Extern {
    /** Implementation limit on table size (the same as the JS API's). */
    public static final int MAX_ELEMENTS = 10_000_000;

    private final ValType elemType;
    private final long declaredMax;
    private long[] elements;

    public Table(ValType elemType, Limits limits) {
        this(elemType, limits, ValType.NULL_REF);
    }

    public Table(ValType elemType, Limits limits, long init) {
        if (limits.min() > MAX_ELEMENTS) {
            throw new Trap(TrapKind.HOST, "table of " + limits.min() + " elements exceeds the limit of " + MAX_ELEMENTS, null);
        }
        this.elemType = elemType;
        this.declaredMax = limits.max();
        this.elements = new long[(int) limits.min()];
        Arrays.fill(elements, init);
    }

    public ValType elemType() { return elemType; }
    public Limits limits() { return new Limits(size(), declaredMax); }
    public int size() { return elements.length; }

    /** Direct access for engines; replaced by {@link #grow}. */
    public long[] elements() { return elements; }

    /** @throws Trap out of bounds table access, when {@code index} (unsigned) is not below the size */
    public long get(long index) {
        if (index < 0 || index >= elements.length) throw new Trap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        return elements[(int) index];
    }

    /** @throws Trap out of bounds table access */
    public void set(long index, long ref) {
        if (index < 0 || index >= elements.length) throw new Trap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        elements[(int) index] = ref;
    }

    /** {@code table.grow}: @return the old size, or -1 when over the declared max or the limit */
    public int grow(long delta, long init) {
        int old = elements.length;
        long target = old + (delta & 0xFFFFFFFFL);
        if (target > MAX_ELEMENTS || (declaredMax >= 0 && target > declaredMax)) return -1;
        elements = Arrays.copyOf(elements, (int) target);
        Arrays.fill(elements, old, (int) target, init);
        return old;
    }

    /** {@code table.fill} (spec §4.4.6). */
    public void fill(long dst, long ref, long len) {
        if (dst < 0 || len < 0 || dst + len > elements.length) throw new Trap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        Arrays.fill(elements, (int) dst, (int) (dst + len), ref);
    }

    /** {@code table.copy} from {@code src} (may be this table), overlap-safe. */
    public void copyFrom(Table src, long dst, long s, long len) {
        if (len < 0 || dst < 0 || s < 0 || dst + len > elements.length || s + len > src.elements.length) {
            throw new Trap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        }
        System.arraycopy(src.elements, (int) s, elements, (int) dst, (int) len);
    }

    /** {@code table.init} from an element segment's references; a dropped segment is empty. */
    public void init(long dst, long[] segment, long s, long len) {
        if (len < 0 || dst < 0 || s < 0 || s + len > segment.length || dst + len > elements.length) {
            throw new Trap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        }
        System.arraycopy(segment, (int) s, elements, (int) dst, (int) len);
    }
}
