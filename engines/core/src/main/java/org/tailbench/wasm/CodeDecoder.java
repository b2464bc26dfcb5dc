package org.tailbench.wasm;

/**
 * Decodes an instruction sequence {@code instr* end} (spec 2.0 §5.4: function bodies and constant
 * expressions) into a {@link Code}, with immediates laid out as {@link Op.Imm} documents. Opcodes
 * come from {@link Op#single} and {@link Op#fc}; anything else (including the SIMD prefix 0xFD) is
 * "illegal opcode".
 *
 * <p>Decoding is flat (no recursion) with a small stack of open blocks, so deeply nested code cannot
 * overflow the Java stack. Only the binary structure is checked here: {@code else} must close an
 * {@code if} ("END opcode expected" otherwise, as the reference interpreter reports it), reserved
 * bytes must be zero ("zero byte expected"); types and indices are left to the validator.
 */
final class CodeDecoder {
    /** Frame kinds on the block stack. */
    private static final byte OUTER = 0, BLOCK = 1, IF = 2, ELSE = 3;

    /** Block type immediate stored for a multi-byte negative s33, which no module can declare (validator: unknown type). */
    static final long BLOCK_TYPE_OUT_OF_RANGE = 0xFFFFFFFFL;

    private CodeDecoder() {}

    /**
     * Reads instructions up to and including the {@code end} that closes the sequence.
     * @return the decoded code; {@code pos} entries are offsets into the module bytes
     * @throws MalformedModuleException on an unknown opcode, bad immediate, or running out of bytes
     */
    static Code decode(ByteReader r) {
        Code.Builder out = new Code.Builder();
        byte[] stack = new byte[16];
        int depth = 1;
        stack[0] = OUTER;
        while (true) {
            int at = r.pos();
            int b = r.u8();
            Op op;
            if (b == 0xFC) {
                op = Op.fc(r.u32());
            } else {
                op = Op.single(b);
            }
            if (op == null) throw ByteReader.error("illegal opcode", at);
            long a = 0, bImm = 0;
            switch (op.imm) {
                case NONE -> { }
                case BLOCK -> a = blockType(r);
                case LABEL, FUNC, LOCAL, GLOBAL, TABLE, ELEM, DATA -> a = r.u32();
                case BR_TABLE -> a = out.addBrTable(brTable(r));
                case CALL_INDIRECT, TABLE_INIT, TABLE_COPY -> { a = r.u32(); bImm = r.u32(); }
                case MEMARG -> { bImm = r.u32(); a = r.u32(); }
                case MEMIDX, MEMORY_FILL -> zero(r);
                case MEMORY_INIT -> { a = r.u32(); zero(r); }
                case MEMORY_COPY -> { zero(r); zero(r); }
                case I32 -> a = r.s32();
                case I64 -> a = r.s64();
                case F32 -> a = r.fixed32();
                case F64 -> a = r.fixed64();
                case SELECT_T -> {
                    int n = r.len();
                    bImm = n;
                    for (int i = 0; i < n; i++) {
                        int t = valType(r).code;
                        if (i == 0) a = t;
                    }
                }
                case REFTYPE -> a = refType(r).code;
            }
            out.add(op, at, a, bImm);
            switch (op) {
                case BLOCK, LOOP, IF -> {
                    if (depth == stack.length) stack = java.util.Arrays.copyOf(stack, depth * 2);
                    stack[depth++] = op == Op.IF ? IF : BLOCK;
                }
                case ELSE -> {
                    if (stack[depth - 1] != IF) throw ByteReader.error("END opcode expected", at);
                    stack[depth - 1] = ELSE;
                }
                case END -> {
                    if (--depth == 0) return out.build();
                }
                default -> { }
            }
        }
    }

    /** blocktype (§5.4.1): 0x40, a value type, or a non-negative s33 type index. */
    private static long blockType(ByteReader r) {
        int b = r.peek();
        if (b == 0x40) { r.u8(); return Code.BLOCK_EMPTY; }
        if (b >= 0 && (b & 0xC0) == 0x40) return -valType(r).code;
        long x = r.s33();
        return x >= 0 ? x : BLOCK_TYPE_OUT_OF_RANGE;
    }

    private static int[] brTable(ByteReader r) {
        int n = r.len();
        int[] labels = new int[n + 1];
        for (int i = 0; i <= n; i++) labels[i] = clampIndex(r.u32());
        return labels;
    }

    private static void zero(ByteReader r) {
        int at = r.pos();
        if (r.u8() != 0) throw ByteReader.error("zero byte expected", at);
    }

    /** valtype (§5.3.1): i32 i64 f32 f64 v128 funcref externref. */
    static ValType valType(ByteReader r) {
        int at = r.pos();
        ValType t = ValType.fromCode(r.typeCode());
        if (t == null) throw ByteReader.error("malformed value type", at);
        return t;
    }

    /** reftype (§5.3.2): funcref or externref. */
    static ValType refType(ByteReader r) {
        int at = r.pos();
        ValType t = ValType.fromCode(r.typeCode());
        if (t == null || !t.isRef()) throw ByteReader.error("malformed reference type", at);
        return t;
    }

    /** An index that does not fit an int becomes {@link Integer#MAX_VALUE}, which no index space reaches. */
    static int clampIndex(long u32) { return (int) Math.min(u32, Integer.MAX_VALUE); }
}
