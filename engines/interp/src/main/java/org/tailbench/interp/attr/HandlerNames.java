package org.tailbench.interp.attr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.wasm.Op;

/**
 * Wasm instruction labels for the interpreters' handler names ({@code LOp} constants such as
 * {@code I32_ADD} or {@code BR_IF_I32_EQ}, handler/node class names such as {@code I32Add},
 * {@code BrIfI32Eq} or {@code I32EqLC}). The name is matched, ignoring case and underscores, against
 * the spec text names of {@link Op} (dots and underscores removed), longest first, from the left:
 * <ul>
 *   <li>one whole match gives that instruction ({@code I32DivS} → {@code i32.div_s});</li>
 *   <li>several give the fused instruction, names joined by {@code +} ({@code BrIfI32Eq} → {@code br_if+i32.eq});</li>
 *   <li>a match followed by an unmatched rest gives a specialised variant, the rest in brackets
 *       ({@code I32EqLC} → {@code i32.eq[LC]}: the closure engine's node with a local and a constant operand);</li>
 *   <li>no match at the start gives the name itself in parentheses ({@code (Bounce)}).</li>
 * </ul>
 * Names that spell no Wasm instruction are named explicitly: lowered control ({@code JMP} → {@code br}),
 * handlers shared by several instructions ({@code Load64} → {@code i64.load/f64.load}), grouped rare ops.
 */
public final class HandlerNames {
    private static final Map<String, String> TEXT_BY_KEY = new HashMap<>();
    /** Lowered opcodes and handler/node classes whose names do not spell a Wasm instruction. */
    private static final Map<String, String> LOWERED = Map.ofEntries(
            Map.entry("JMP", "br"), Map.entry("Jmp", "br"), Map.entry("BR_UNLESS", "if"), Map.entry("BrUnless", "if"),
            Map.entry("BR_DROP", "br"), Map.entry("BrMove", "br"), Map.entry("BrValue", "br"),
            Map.entry("BR_IF_DROP", "br_if"), Map.entry("CALL_LOCAL", "call"), Map.entry("CALL_IMPORT", "call"),
            Map.entry("CallStmt", "call"), Map.entry("CallValue", "call"), Map.entry("CallForeign", "call (host or other engine)"),
            Map.entry("RETURN_CALL_LOCAL", "return_call"), Map.entry("RETURN_CALL_IMPORT", "return_call"),
            Map.entry("TailCall", "return_call/return_call_indirect"),
            Map.entry("Load8S", "i32.load8_s/i64.load8_s"), Map.entry("Load8U", "i32.load8_u/i64.load8_u"),
            Map.entry("Load16S", "i32.load16_s/i64.load16_s"), Map.entry("Load16U", "i32.load16_u/i64.load16_u"),
            Map.entry("Load32", "i32.load/f32.load/i64.load32_s"), Map.entry("Load32U", "i64.load32_u"),
            Map.entry("Load64", "i64.load/f64.load"), Map.entry("Store8", "i32.store8/i64.store8"),
            Map.entry("Store16", "i32.store16/i64.store16"), Map.entry("Store32", "i32.store/f32.store/i64.store32"),
            Map.entry("Store64", "i64.store/f64.store"), Map.entry("Const", "i32/i64/f32/f64.const"),
            Map.entry("WrapOrExtendS", "i32.wrap_i64/i64.extend_i32_s"),
            Map.entry("TableMemory", "(table/memory bulk op)"), Map.entry("TableOrMemoryOp", "(table/memory bulk op)"),
            Map.entry("Unary", "(rare numeric op)"), Map.entry("Binary", "(rare numeric op)"),
            Map.entry("PROBE", "(opcode-profile probe)"));
    private static final int MAX_KEY;

    static {
        int max = 0;
        for (Op op : Op.values()) {
            String key = key(op.text);
            TEXT_BY_KEY.putIfAbsent(key, op.text);
            max = Math.max(max, key.length());
        }
        MAX_KEY = max;
    }

    private HandlerNames() {}

    private static String key(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '.' && c != '_') b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    /** @return the label of handler/opcode name {@code name} (never null) */
    public static String label(String name) {
        String lowered = LOWERED.get(name);
        if (lowered != null) return lowered;
        // normalized characters with their index in name
        StringBuilder norm = new StringBuilder();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_') continue;
            norm.append(Character.toLowerCase(c));
            at.add(i);
        }
        String n = norm.toString();
        List<String> ops = new ArrayList<>();
        int p = 0;
        while (p < n.length()) {
            String hit = null;
            for (int len = Math.min(MAX_KEY, n.length() - p); len > 0 && hit == null; len--) {
                hit = TEXT_BY_KEY.get(n.substring(p, p + len));
                if (hit != null) p += len;
            }
            if (hit == null) break;
            ops.add(hit);
        }
        if (ops.isEmpty()) return "(" + name + ")";
        String joined = String.join("+", ops);
        return p == n.length() ? joined : joined + "[" + name.substring(at.get(p)) + "]";
    }

    /** @return the simple name of a nested class ({@code a.b.Outer$Inner} → {@code Inner}), or null when not nested/anonymous */
    public static String nestedSimpleName(String className) {
        int d = className.lastIndexOf('$');
        if (d < 0 || d == className.length() - 1) return null;
        String s = className.substring(d + 1);
        return Character.isDigit(s.charAt(0)) ? null : s;
    }
}
