package org.tailbench.interp.lower;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tailbench.wasm.Op;

/**
 * Writes {@code LOp.java}, the interpreters' lowered opcodes, from the one opcode table {@link Op}: the internal
 * control opcodes that replace structured control flow and calls ({@link #INTERNAL}), then every {@link Op} that
 * lowers one-to-one, in {@link Op}'s order and under its name, then one fused compare-and-branch per i32
 * comparison, then one superinstruction per entry of {@link Superinstructions#CATALOG} (its input, like {@link Op}),
 * then the profiling probe. A new numeric instruction in {@link Op} therefore gets its {@code LOp}
 * here, by regenerating, not by hand. {@code LOpTableTest} fails when the committed file differs from this
 * output; regenerate with
 * {@code ./mvn25 -B -ntp -o test -pl engines/interp -am -Dtest=LOpTableTest -Dsurefire.failIfNoSpecifiedTests=false -Dtailbench.regenerate=true}
 * (or run {@link #main} from the module folder).
 */
public final class LOpGenerator {
    /** Where the generated file lives, relative to the interp module's folder. */
    public static final Path FILE = Path.of("src/main/java/org/tailbench/interp/lower/LOp.java");

    /** Internal opcodes first (name → operand documentation). */
    static final Map<String, String> INTERNAL = new LinkedHashMap<>();
    static {
        INTERNAL.put("JMP", "target: unconditional jump");
        INTERNAL.put("BR_IF", "target: pops an i32, jumps when it is not zero");
        INTERNAL.put("BR_UNLESS", "target: pops an i32, jumps when it is zero (lowered {@code if})");
        INTERNAL.put("BR_DROP", "target keep drop: moves the top {@code keep} values down by {@code drop} slots, then jumps");
        INTERNAL.put("BR_IF_DROP", "target keep drop: pops an i32; when not zero, as BR_DROP");
        INTERNAL.put("BR_TABLE", "n, then n+1 triples (target keep drop): pops an index, picks entry min(index, n) (unsigned)");
        INTERNAL.put("CALL_LOCAL", "definedIndex: calls a function defined in this module (same instance)");
        INTERNAL.put("CALL_IMPORT", "funcIndex: calls an imported function (index in the function index space)");
        INTERNAL.put("RETURN_CALL_LOCAL", "definedIndex: tail call, replacing the current frame");
        INTERNAL.put("RETURN_CALL_IMPORT", "funcIndex: tail call of an imported function");
    }

    /**
     * {@link Op}s with no {@code LOp} of their own: structured control flow and branches (become the internal
     * jumps), {@code call}/{@code return_call} (become the LOCAL/IMPORT variants), {@code select t} (lowers to
     * {@code SELECT}), and the reinterpretations (no-ops on raw bits).
     */
    public static final Set<Op> NOT_LOWERED_ONE_TO_ONE = EnumSet.of(Op.NOP, Op.BLOCK, Op.LOOP, Op.IF, Op.ELSE, Op.END, Op.BR,
            Op.BR_IF, Op.BR_TABLE, Op.CALL, Op.RETURN_CALL, Op.SELECT_T, Op.I32_REINTERPRET_F32, Op.I64_REINTERPRET_F64,
            Op.F32_REINTERPRET_I32, Op.F64_REINTERPRET_I64);

    /** the i32 comparisons that fuse with a following {@code br_if} (or an {@code if}, negated) */
    static final List<Op> FUSED = List.of(Op.I32_EQ, Op.I32_NE, Op.I32_LT_S, Op.I32_LT_U, Op.I32_GT_S, Op.I32_GT_U,
            Op.I32_LE_S, Op.I32_LE_U, Op.I32_GE_S, Op.I32_GE_U);

    private LOpGenerator() {}

    /** @return the operand documentation of the {@code LOp} of {@code op}, or null when it has no operands */
    static String operands(Op op) {
        return switch (op) {
            case UNREACHABLE -> "traps";
            case RETURN -> "returns the top (result count) values to the caller";
            case CALL_INDIRECT -> "typeIndex tableIndex";
            case RETURN_CALL_INDIRECT -> "typeIndex tableIndex: tail call";
            case SELECT -> "also lowers {@code select t}";
            case LOCAL_GET -> "localIndex (params first)";
            case REF_FUNC -> "funcIndex";
            case MEMORY_INIT -> "dataIndex";
            default -> switch (op.imm) {
                case LOCAL -> "localIndex";
                case GLOBAL -> "globalIndex";
                case TABLE -> "tableIndex";
                case MEMARG -> "offset (u32 bits)";
                case I32 -> "value";
                case I64, F64 -> "index into the constant pool";
                case F32 -> "raw bits";
                case ELEM -> "elemIndex";
                case DATA -> "dataIndex";
                case TABLE_INIT -> "elemIndex tableIndex";
                case TABLE_COPY -> "dstTable srcTable";
                default -> null;
            };
        };
    }

    /** @return the text of {@code LOp.java} */
    public static String generate() {
        List<String> names = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        b.append("""
                package org.tailbench.interp.lower;

                /**
                 * The dense internal opcodes of lowered code ({@link LoweredFunction#code}), one {@code int} each,
                 * followed inline by their operands (documented per opcode; none when not said). Numeric and memory
                 * opcodes are the {@link org.tailbench.wasm.Op} of the same name (the lowering maps them by name, see
                 * {@link Lowerer}); control flow is replaced by resolved jumps: a {@code target} is an absolute index
                 * into {@code code}, {@code keep} the number of values a branch carries and {@code drop} the number
                 * of operand slots below them that the branch discards. {@code block}, {@code loop}, {@code nop},
                 * {@code end}, {@code else} and the four {@code reinterpret} instructions (no-ops on raw bits) leave
                 * nothing.
                 *
                 * <p>Generated from {@link org.tailbench.wasm.Op} by {@code LOpGenerator} (interp's test sources); do not
                 * edit: {@code LOpTableTest} fails when this file differs from the generator's output.
                 */
                public final class LOp {
                    private LOp() {}

                """);
        INTERNAL.forEach((name, doc) -> constant(b, names, name, doc));
        for (Op op : Op.values()) {
            if (!NOT_LOWERED_ONE_TO_ONE.contains(op)) constant(b, names, op.name(), operands(op));
        }
        b.append('\n');
        for (Op op : FUSED) {
            constant(b, names, "BR_IF_" + op.name(), "target: fused {@code " + op.text + "} + {@code br_if}: pops y then x,"
                    + " jumps when the comparison holds");
        }
        b.append('\n');
        for (List<Op> p : Superinstructions.CATALOG) {
            StringBuilder ops = new StringBuilder();
            for (Op op : p) {
                if (!Superinstructions.hasOperand(op)) continue;
                ops.append(ops.isEmpty() ? "" : " ").append(switch (op.imm) {
                    case LOCAL -> "localIndex";
                    case I32 -> "value";
                    case MEMARG -> "offset";
                    default -> "target";
                });
            }
            constant(b, names, Superinstructions.lopName(p), ops + ": superinstruction {@code "
                    + String.join("; ", p.stream().map(op -> op.text).toList()) + "} (switch only, when selected)");
        }
        b.append("""

                    /**
                     * Opcode-profile mode only ({@link Lowerer#lowerCounting}): operands {@code i, slot}: Wasm
                     * instruction {@code i} of the function's {@link org.tailbench.wasm.Code} is about to execute;
                     * {@code slot} is the frame's hidden local holding the previously executed instruction (-1 at entry).
                     */
                """);
        b.append("    public static final int PROBE = ").append(names.size()).append(";\n");
        names.add("PROBE");
        b.append("\n    /** Number of internal opcodes. */\n");
        b.append("    public static final int COUNT = ").append(names.size()).append(";\n");
        b.append("\n    /** Names by opcode, for disassembly and errors. */\n");
        b.append("    public static final String[] NAMES = {\n");
        for (int k = 0; k < names.size(); k++) {
            b.append("        \"").append(names.get(k)).append('"').append(k + 1 < names.size() ? "," : "").append('\n');
        }
        b.append("    };\n}\n");
        return b.toString();
    }

    private static void constant(StringBuilder b, List<String> names, String name, String doc) {
        if (names.contains(name)) throw new IllegalStateException("LOp " + name + " twice");
        if (doc != null) b.append("    /** ").append(doc).append(" */\n");
        b.append("    public static final int ").append(name).append(" = ").append(names.size()).append(";\n");
        names.add(name);
    }

    /** Rewrites {@link #FILE} (run from engines/interp). */
    public static void main(String[] args) throws IOException {
        Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
        System.out.println("wrote " + FILE.toAbsolutePath());
    }
}
