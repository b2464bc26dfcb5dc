package org.tailbench.fuzz;

import java.util.ArrayList;
import java.util.List;
import org.tailbench.wasm.Op;

/**
 * Instruction boundaries in a function body (spec §5.4, §5.5.13), found with the shared opcode table
 * {@link Op}: where the locals end and where each instruction starts, with its opcode. Scanning stops at
 * the first byte sequence it cannot delimit (an unknown opcode, a cut-off immediate), so a mutated body
 * yields the instructions before the damage.
 */
public final class Instructions {
    /** One instruction: its byte range {@code [start, end)} in the body and its opcode. */
    public record Instr(int start, int end, Op op) {}

    private Instructions() {}

    /** @return the offset after the locals declarations of {@code body}, or -1 when they do not parse */
    public static int codeStart(byte[] body) {
        int[] pos = {0};
        long groups = WasmBinary.readU32(body, pos);
        if (groups < 0 || groups > body.length) return -1;
        for (long i = 0; i < groups; i++) {
            if (WasmBinary.readU32(body, pos) < 0 || pos[0] >= body.length) return -1;
            pos[0]++; // value type
        }
        return pos[0];
    }

    /** @return the instructions of {@code body} in order, up to the first one that cannot be delimited */
    public static List<Instr> scan(byte[] body) {
        List<Instr> list = new ArrayList<>();
        int pos = codeStart(body);
        if (pos < 0) return list;
        while (pos < body.length) {
            int start = pos;
            int b = body[pos++] & 0xFF;
            Op op;
            if (b == 0xFC) {
                int[] p = {pos};
                long sub = WasmBinary.readU32(body, p);
                op = Op.fc(sub);
                pos = p[0];
            } else {
                op = Op.single(b);
            }
            if (op == null) break;
            int end = skipImmediates(body, pos, op);
            if (end < 0 || end > body.length) break;
            list.add(new Instr(start, end, op));
            pos = end;
        }
        return list;
    }

    /** @return the offset after {@code op}'s immediates starting at {@code pos}, or -1 when cut off */
    static int skipImmediates(byte[] b, int pos, Op op) {
        return switch (op.imm) {
            case NONE -> pos;
            case BLOCK, LABEL, FUNC, LOCAL, GLOBAL, TABLE, I32, I64, ELEM, DATA, MEMIDX, REFTYPE -> leb(b, pos, 1);
            case CALL_INDIRECT, MEMARG, TABLE_INIT, TABLE_COPY, MEMORY_INIT, MEMORY_COPY -> leb(b, pos, 2);
            case MEMORY_FILL -> leb(b, pos, 1);
            case F32 -> pos + 4;
            case F64 -> pos + 8;
            case BR_TABLE -> {
                int[] p = {pos};
                long n = WasmBinary.readU32(b, p);
                if (n < 0 || n > b.length) yield -1;
                yield leb(b, p[0], (int) n + 1);
            }
            case SELECT_T -> {
                int[] p = {pos};
                long n = WasmBinary.readU32(b, p);
                if (n < 0 || n > b.length) yield -1;
                yield p[0] + (int) n;
            }
        };
    }

    private static int leb(byte[] b, int pos, int count) {
        for (int i = 0; i < count; i++) {
            int len = WasmBinary.lebLength(b, pos);
            if (len < 0) return -1;
            pos += len;
        }
        return pos;
    }
}
