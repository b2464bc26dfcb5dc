package org.tailbench.wasm;

/** Limits {@code {min, max?}} of a table (elements) or memory (64 KiB pages), spec §2.3.7; {@code max < 0} means none. */
public record Limits(long min, long max) {
    public boolean hasMax() { return max >= 0; }

    /** Import matching of limits (spec §4.5.1 "Limits"): this (actual) matches {@code expected}. */
    public boolean matches(Limits expected) {
        if (min < expected.min) return false;
        if (!expected.hasMax()) return true;
        return hasMax() && max <= expected.max;
    }
}
