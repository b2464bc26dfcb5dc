package org.tailbench.wasm;

/**
 * A decoded instruction sequence (a function body or a constant expression), stored as parallel
 * arrays indexed by instruction number {@code 0 .. length-1}. The final {@code end} is included.
 *
 * <ul>
 *   <li>{@link #op}: {@link Op#ordinal()} of each instruction;</li>
 *   <li>{@link #pos}: the byte offset of the instruction's opcode within the module bytes;</li>
 *   <li>{@link #a}, {@link #b}: the immediates, laid out as {@link Op.Imm} documents
 *       (unsigned 32-bit values are kept zero-extended in the long);</li>
 *   <li>{@link #brTables}: label vectors of {@code br_table} (labels, then the default label).</li>
 * </ul>
 * Instances are immutable after decoding; engines lower from them and must not change them.
 */
public final class Code {
    public final int length;
    public final int[] op;
    public final int[] pos;
    public final long[] a;
    public final long[] b;
    public final int[][] brTables;

    public Code(int length, int[] op, int[] pos, long[] a, long[] b, int[][] brTables) {
        this.length = length; this.op = op; this.pos = pos; this.a = a; this.b = b; this.brTables = brTables;
    }

    public Op opAt(int i) { return Op.of(op[i]); }

    /** Block type immediate meaning "no params, no results". */
    public static final long BLOCK_EMPTY = -0x40;

    /**
     * Resolves a block type immediate (see {@link Op.Imm#BLOCK}) to a function type.
     * @throws IndexOutOfBoundsException never for validated code; the validator checks type indices first
     */
    public static FuncType blockType(Module m, long bt) {
        if (bt >= 0) return m.types.get((int) bt);
        if (bt == BLOCK_EMPTY) return FuncType.EMPTY;
        return new FuncType(new ValType[0], new ValType[] {ValType.fromCode((int) -bt)});
    }

    /** Growable builder used by the decoder. */
    public static final class Builder {
        private int n;
        private int[] op = new int[16], pos = new int[16];
        private long[] a = new long[16], b = new long[16];
        private int[][] tables = new int[0][];
        private int tableCount;

        public int add(Op o, int position, long immA, long immB) {
            if (n == op.length) {
                int cap = n * 2;
                op = java.util.Arrays.copyOf(op, cap); pos = java.util.Arrays.copyOf(pos, cap);
                a = java.util.Arrays.copyOf(a, cap); b = java.util.Arrays.copyOf(b, cap);
            }
            op[n] = o.ordinal(); pos[n] = position; a[n] = immA; b[n] = immB;
            return n++;
        }

        /** Adds a br_table label vector and returns its index for {@link Op.Imm#BR_TABLE}. */
        public int addBrTable(int[] labelsThenDefault) {
            if (tableCount == tables.length) tables = java.util.Arrays.copyOf(tables, Math.max(4, tableCount * 2));
            tables[tableCount] = labelsThenDefault;
            return tableCount++;
        }

        public int size() { return n; }

        public Code build() {
            return new Code(n, java.util.Arrays.copyOf(op, n), java.util.Arrays.copyOf(pos, n),
                    java.util.Arrays.copyOf(a, n), java.util.Arrays.copyOf(b, n), java.util.Arrays.copyOf(tables, tableCount));
        }
    }
}
