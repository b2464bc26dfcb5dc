package org.tailbench.interp.sw;

import java.util.function.BiConsumer;

/**
 * Counts by non-negative {@code long} key (open addressing; a key is stored as key + 1, 0 = empty), for the
 * opcode-profile mode's pairs, triples and indirect-call targets. Not thread-safe.
 */
final class LongCounts {
    private long[] keys = new long[16];
    private long[] values = new long[16];
    private int size;

    /** Adds one to the count of {@code key} (≥ 0). */
    void add(long key) {
        long k1 = key + 1;
        int mask = keys.length - 1;
        int h = (int) (Long.hashCode(k1 * 0x9E3779B97F4A7C15L) & mask);
        for (;;) {
            long k = keys[h];
            if (k == k1) { values[h]++; return; }
            if (k == 0) break;
            h = (h + 1) & mask;
        }
        keys[h] = k1;
        values[h] = 1;
        if (++size * 2 > keys.length) grow();
    }

    /** Calls {@code each} with every key and its count (no order). */
    void forEach(BiConsumer<Long, Long> each) {
        for (int j = 0; j < keys.length; j++) if (keys[j] != 0) each.accept(keys[j] - 1, values[j]);
    }

    private void grow() {
        long[] ok = keys, ov = values;
        keys = new long[ok.length * 2];
        values = new long[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] == 0) continue;
            int h = (int) (Long.hashCode(ok[j] * 0x9E3779B97F4A7C15L) & mask);
            while (keys[h] != 0) h = (h + 1) & mask;
            keys[h] = ok[j];
            values[h] = ov[j];
        }
    }
}
