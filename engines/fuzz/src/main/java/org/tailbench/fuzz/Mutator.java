package org.tailbench.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tailbench.wasm.Op;

/**
 * The mutations the fuzzer applies to a seed module. Byte-level ones (bit flips, interesting bytes,
 * truncation, section size corruption) probe the decoder; structural ones re-encode the section and
 * function body sizes afterwards ({@link WasmBinary#encode}) so the decoder accepts the framing and the
 * mutation reaches the validator and the engines. Deterministic for a given {@link Random}.
 */
public final class Mutator {
    /** The mutation kinds, in the order {@link #mutate} draws them from. */
    public enum Kind {
        BIT_FLIP, INTERESTING_BYTE, LEB_LENGTHEN, TRUNCATE, SECTION_SIZE, SECTION_DUPLICATE, SECTION_REMOVE,
        OPCODE_SWAP, INSERT_INSTRUCTION, DELETE_INSTRUCTION, IMMEDIATE
    }

    /** Relative weights of {@link Kind}: code-level mutations dominate, they reach the engines most often. */
    private static final int[] WEIGHTS = {6, 4, 4, 2, 2, 2, 3, 12, 10, 8, 12};
    private static final int[] INTERESTING_BYTES = {0x00, 0x7F, 0x80, 0xFF};
    private static final long[] INTERESTING_INTS = {0, 1, -1, 2, 0x7F, 0x80, 0xFF, 0xFFFF, 0x10000, Integer.MAX_VALUE,
            Integer.MIN_VALUE, 0xFFFF_FFFFL, Long.MAX_VALUE, Long.MIN_VALUE, 65536L * 65536L, 31, 32, 63, 64};
    private static final long[] INTERESTING_F32 = {0x7FC0_0000L, 0xFFC0_0000L, 0x7FA0_0000L, 0x7F80_0000L, 0xFF80_0000L,
            0x8000_0000L, 0x0000_0001L, 0x4F00_0000L, 0xCF00_0001L, 0x3F00_0000L};
    private static final long[] INTERESTING_F64 = {0x7FF8_0000_0000_0000L, 0xFFF8_0000_0000_0000L, 0x7FF4_0000_0000_0000L,
            0x7FF0_0000_0000_0000L, 0x8000_0000_0000_0000L, 1L, 0x43E0_0000_0000_0000L, 0xC3E0_0000_0000_0001L, 0x3FE0_0000_0000_0000L};
    /** Single-byte plain instructions grouped by signature, for swaps and insertions. */
    private static final List<List<Op>> SAME_SIGNATURE = sameSignature();

    private Mutator() {}

    /** One mutation's result: the kind applied and the new bytes. */
    public record Mutation(Kind kind, byte[] bytes) {}

    /**
     * Applies one mutation drawn from {@code r}; falls back to a bit flip when the drawn kind does not
     * apply (no code section, nothing to swap, ...).
     */
    public static Mutation mutate(byte[] in, Random r) {
        Kind k = draw(r);
        byte[] out = apply(k, in, r);
        if (out == null) {
            k = Kind.BIT_FLIP;
            out = apply(k, in, r);
        }
        return new Mutation(k, out);
    }

    private static Kind draw(Random r) {
        int total = Arrays.stream(WEIGHTS).sum();
        int x = r.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            if ((x -= WEIGHTS[i]) < 0) return Kind.values()[i];
        }
        throw new AssertionError();
    }

    /** @return {@code in} mutated by {@code k}, or null when {@code k} does not apply to it */
    public static byte[] apply(Kind k, byte[] in, Random r) {
        return switch (k) {
            case BIT_FLIP -> {
                if (in.length == 0) yield new byte[] {0};
                byte[] b = in.clone();
                int p = b.length > 8 && r.nextInt(20) != 0 ? 8 + r.nextInt(b.length - 8) : r.nextInt(b.length); // spare the preamble mostly
                b[p] ^= (byte) (1 << r.nextInt(8));
                yield b;
            }
            case INTERESTING_BYTE -> {
                if (in.length == 0) yield null;
                byte[] b = in.clone();
                b[b.length > 8 ? 8 + r.nextInt(b.length - 8) : r.nextInt(b.length)] = (byte) INTERESTING_BYTES[r.nextInt(INTERESTING_BYTES.length)];
                yield b;
            }
            case TRUNCATE -> in.length == 0 ? null : Arrays.copyOf(in, r.nextInt(in.length));
            case SECTION_SIZE -> sectionSize(in, r);
            case SECTION_DUPLICATE, SECTION_REMOVE -> {
                WasmBinary m = WasmBinary.parse(in);
                if (m == null || m.sections.isEmpty()) yield null;
                int i = r.nextInt(m.sections.size());
                if (k == Kind.SECTION_REMOVE) m.sections.remove(i); else m.sections.add(i + 1, m.sections.get(i));
                yield m.encode();
            }
            case LEB_LENGTHEN -> r.nextInt(3) == 0 ? lengthenCount(in, r) : inBody(in, r, Mutator::lengthenImmediate);
            case OPCODE_SWAP -> inBody(in, r, Mutator::swap);
            case INSERT_INSTRUCTION -> inBody(in, r, Mutator::insert);
            case DELETE_INSTRUCTION -> inBody(in, r, (body, is, rr) -> {
                if (is.isEmpty()) return null;
                Instructions.Instr x = is.get(rr.nextInt(is.size()));
                return splice(body, x.start(), x.end(), new byte[0]);
            });
            case IMMEDIATE -> inBody(in, r, Mutator::immediate);
        };
    }

    // ---- byte-level ----------------------------------------------------------------------------

    /** Overwrites one section's size field with a nearby or random value (no fix-up: a framing error). */
    private static byte[] sectionSize(byte[] in, Random r) {
        List<Integer> sizeAt = new ArrayList<>();
        int[] pos = {8};
        while (pos[0] < in.length) {
            pos[0]++;
            int at = pos[0];
            long size = WasmBinary.readU32(in, pos);
            if (size < 0) break;
            sizeAt.add(at);
            pos[0] += (int) size;
        }
        if (sizeAt.isEmpty()) return null;
        int at = sizeAt.get(r.nextInt(sizeAt.size()));
        int[] p = {at};
        long old = WasmBinary.readU32(in, p);
        long v = switch (r.nextInt(4)) {
            case 0 -> old + 1;
            case 1 -> Math.max(0, old - 1);
            case 2 -> 0;
            default -> r.nextInt(1 << 16);
        };
        ByteArrayOutputStream leb = new ByteArrayOutputStream();
        WasmBinary.writeU32(leb, v);
        return splice(in, at, p[0], leb.toByteArray());
    }

    /** Lengthens the element count LEB at the start of a random section's payload. */
    private static byte[] lengthenCount(byte[] in, Random r) {
        WasmBinary m = WasmBinary.parse(in);
        if (m == null || m.sections.isEmpty()) return null;
        int i = r.nextInt(m.sections.size());
        WasmBinary.Section s = m.sections.get(i);
        int len = WasmBinary.lebLength(s.payload(), 0);
        if (s.id() == WasmBinary.CUSTOM || len < 0) return null;
        byte[] longer = WasmBinary.lengthened(Arrays.copyOf(s.payload(), len), false, 1 + r.nextInt(5));
        m.sections.set(i, new WasmBinary.Section(s.id(), splice(s.payload(), 0, len, longer)));
        return m.encode();
    }

    // ---- inside function bodies ----------------------------------------------------------------

    @FunctionalInterface
    interface BodyMutation {
        /** @return the new body, or null when nothing applies */
        byte[] apply(byte[] body, List<Instructions.Instr> instrs, Random r);
    }

    /** Applies {@code f} to a random function body and re-encodes the body and section sizes. */
    static byte[] inBody(byte[] in, Random r, BodyMutation f) {
        WasmBinary m = WasmBinary.parse(in);
        if (m == null) return null;
        int ci = m.indexOf(WasmBinary.CODE);
        if (ci < 0) return null;
        List<byte[]> bodies = WasmBinary.codeBodies(m.sections.get(ci).payload());
        if (bodies == null || bodies.isEmpty()) return null;
        for (int attempt = 0; attempt < 4; attempt++) {
            int bi = r.nextInt(bodies.size());
            byte[] body = bodies.get(bi);
            byte[] nb = f.apply(body, Instructions.scan(body), r);
            if (nb != null) {
                bodies.set(bi, nb);
                m.sections.set(ci, new WasmBinary.Section(WasmBinary.CODE, WasmBinary.codePayload(bodies)));
                return m.encode();
            }
        }
        return null;
    }

    private static byte[] swap(byte[] body, List<Instructions.Instr> is, Random r) {
        List<Instructions.Instr> swappable = is.stream().filter(x -> group(x.op()) != null).toList();
        if (swappable.isEmpty()) return null;
        Instructions.Instr x = swappable.get(r.nextInt(swappable.size()));
        List<Op> g = group(x.op());
        Op to = g.get(r.nextInt(g.size()));
        if (to == x.op()) to = g.get((g.indexOf(to) + 1) % g.size());
        return splice(body, x.start(), x.start() + 1, new byte[] {(byte) to.code});
    }

    private static List<Op> group(Op op) {
        for (List<Op> g : SAME_SIGNATURE) if (g.contains(op)) return g;
        return null;
    }

    /** Inserts a random plain instruction, a stack-neutral snippet or a control instruction at an instruction boundary. */
    private static byte[] insert(byte[] body, List<Instructions.Instr> is, Random r) {
        if (is.isEmpty()) return null;
        int at = is.get(r.nextInt(is.size())).start();
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        switch (r.nextInt(8)) {
            case 0 -> s.write(Op.NOP.code);
            case 1 -> { s.write(Op.I32_CONST.code); WasmBinary.writeS64(s, pick(r)); s.write(Op.DROP.code); }
            case 2 -> s.write(Op.UNREACHABLE.code);
            case 3 -> { s.write(Op.I32_CONST.code); WasmBinary.writeS64(s, (int) pick(r)); s.write(Op.BR_IF.code); s.write(r.nextInt(3)); }
            case 4 -> { s.write(Op.RETURN.code); }
            case 5 -> { // a plain numeric instruction (i32.add, f64.sqrt, ...), applied to whatever is on the stack
                List<Op> g = SAME_SIGNATURE.get(r.nextInt(SAME_SIGNATURE.size()));
                s.write(g.get(r.nextInt(g.size())).code);
            }
            case 6 -> { s.write(Op.LOCAL_GET.code); s.write(r.nextInt(4)); s.write(Op.DROP.code); }
            default -> { // any plain single-byte op with small immediates
                Op op;
                do op = Op.of(r.nextInt(Op.count())); while (op.prefix != 0 || op.imm == Op.Imm.BR_TABLE);
                s.write(op.code);
                switch (op.imm) {
                    case F32 -> s.writeBytes(new byte[4]);
                    case F64 -> s.writeBytes(new byte[8]);
                    case CALL_INDIRECT, MEMARG -> { s.write(r.nextInt(3)); s.write(r.nextInt(3)); }
                    case BLOCK -> s.write(0x40);
                    case REFTYPE -> s.write(0x70);
                    case SELECT_T -> { s.write(1); s.write(0x7F); }
                    case NONE -> { }
                    default -> s.write(r.nextInt(3));
                }
            }
        }
        return splice(body, at, at, s.toByteArray());
    }

    /** Replaces a constant or index immediate by an interesting value. */
    private static byte[] immediate(byte[] body, List<Instructions.Instr> is, Random r) {
        List<Instructions.Instr> cands = is.stream().filter(x -> x.op().prefix == 0 && switch (x.op().imm) {
            case I32, I64, F32, F64, MEMARG, LABEL, LOCAL, GLOBAL, FUNC -> true;
            default -> false;
        }).toList();
        if (cands.isEmpty()) return null;
        Instructions.Instr x = cands.get(r.nextInt(cands.size()));
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.write(x.op().code);
        switch (x.op().imm) {
            case I32 -> WasmBinary.writeS64(s, (int) pick(r));
            case I64 -> WasmBinary.writeS64(s, pick(r));
            case F32 -> { long v = INTERESTING_F32[r.nextInt(INTERESTING_F32.length)]; for (int i = 0; i < 4; i++) s.write((int) (v >>> (8 * i))); }
            case F64 -> { long v = INTERESTING_F64[r.nextInt(INTERESTING_F64.length)]; for (int i = 0; i < 8; i++) s.write((int) (v >>> (8 * i))); }
            case MEMARG -> { // keep the alignment, change the offset
                int[] p = {x.start() + 1};
                long align = WasmBinary.readU32(body, p);
                WasmBinary.writeU32(s, Math.max(0, align));
                WasmBinary.writeU32(s, pick(r) & 0xFFFF_FFFFL);
            }
            default -> {
                int[] p = {x.start() + 1};
                long v = WasmBinary.readU32(body, p);
                WasmBinary.writeU32(s, Math.max(0, v + (r.nextBoolean() ? 1 : -1)));
            }
        }
        return splice(body, x.start(), x.end(), s.toByteArray());
    }

    /** Re-encodes one LEB immediate of an instruction with 1 to 5 redundant bytes. */
    private static byte[] lengthenImmediate(byte[] body, List<Instructions.Instr> is, Random r) {
        List<Instructions.Instr> cands = is.stream().filter(x -> x.op().prefix == 0 && switch (x.op().imm) {
            case I32, I64, MEMARG, LABEL, LOCAL, GLOBAL, FUNC -> true;
            default -> false;
        }).toList();
        if (cands.isEmpty()) return null;
        Instructions.Instr x = cands.get(r.nextInt(cands.size()));
        int at = x.start() + 1;
        int len = WasmBinary.lebLength(body, at);
        if (len < 0) return null;
        boolean signed = x.op().imm == Op.Imm.I32 || x.op().imm == Op.Imm.I64;
        byte[] longer = WasmBinary.lengthened(Arrays.copyOfRange(body, at, at + len), signed, 1 + r.nextInt(5));
        return splice(body, at, at + len, longer);
    }

    private static long pick(Random r) { return INTERESTING_INTS[r.nextInt(INTERESTING_INTS.length)]; }

    static byte[] splice(byte[] b, int from, int to, byte[] with) {
        byte[] out = new byte[b.length - (to - from) + with.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(with, 0, out, from, with.length);
        System.arraycopy(b, to, out, from + with.length, b.length - to);
        return out;
    }

    private static List<List<Op>> sameSignature() {
        java.util.Map<String, List<Op>> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < Op.count(); i++) {
            Op op = Op.of(i);
            if (op.prefix == 0 && op.imm == Op.Imm.NONE && op.signature != null && !op.signature.equals(":")) {
                m.computeIfAbsent(op.signature, s -> new ArrayList<>()).add(op);
            }
        }
        return m.values().stream().filter(g -> g.size() > 1).map(List::copyOf).toList();
    }
}
