package org.tailbench.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.tailbench.runtime.Global;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.ValType;

/**
 * The text of outcome steps, so engines' runs compare as lists of strings: {@code malformed @OFFSET: …},
 * {@code invalid func F @OFFSET: …}, {@code link error: …}, {@code instantiate: trap KIND},
 * {@code invoke NAME: [i32:1, f64:nan]} or {@code invoke NAME: trap KIND}, each invoke followed by
 * {@value #STATE_SEPARATOR} and a hash of memory 0 and the globals; {@code PHASE: timeout}; and
 * {@value #CRASH}… for anything that is not a Wasm outcome (a raw JVM exception: always a finding).
 *
 * <p>NaNs compare by class (spec §4.3.3: an arithmetic result NaN may have any payload and sign, so
 * only "quiet NaN" vs "signalling NaN" is fixed); other floats compare by their exact bits.
 */
public final class Outcomes {
    public static final String CRASH = "crash: ";
    public static final String STATE_SEPARATOR = " | ";
    public static final String NO_STATE = "state ? (after call stack exhausted)";

    private Outcomes() {}

    /** @return the step for a raw {@code Throwable} in {@code phase}: class and message */
    public static String crash(String phase, Throwable t) {
        String cls = t instanceof Trap ? "Trap" : t.getClass().getName();
        StackTraceElement[] st = t.getStackTrace();
        String where = st.length > 0 ? " at " + st[0].getClassName() + "." + st[0].getMethodName() : "";
        return CRASH + phase + ": " + cls + ": " + clip(String.valueOf(t.getMessage())) + where;
    }

    /** @return the trap kind's spec message (with the detail for host traps) */
    public static String trapText(Trap t) {
        return t.kind() == TrapKind.HOST ? "host (" + clip(t.getMessage()) + ")" : t.kind().message;
    }

    /** @return {@code values} typed by {@code types}, e.g. {@code [i32:7, f32:nan]} */
    public static String results(ValType[] types, long[] values) {
        if (values == null || values.length != types.length) {
            return "results arity " + (values == null ? "null" : values.length) + " for type " + types.length;
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < types.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(value(types[i], values[i]));
        }
        return sb.append(']').toString();
    }

    /** @return one value as {@code type:text}: ints in decimal, floats as bits or their NaN class, refs as null/non-null */
    public static String value(ValType t, long v) {
        return t.text + ":" + switch (t) {
            case I32 -> Integer.toString((int) v);
            case I64 -> Long.toString(v);
            case F32 -> {
                int bits = (int) v;
                yield Float.isNaN(Float.intBitsToFloat(bits)) ? ((bits & 0x0040_0000) != 0 ? "nan" : "snan")
                        : "0x" + Integer.toHexString(bits);
            }
            case F64 -> Double.isNaN(Double.longBitsToDouble(v)) ? ((v & 0x0008_0000_0000_0000L) != 0 ? "nan" : "snan")
                    : "0x" + Long.toHexString(v);
            case FUNCREF, EXTERNREF -> v == ValType.NULL_REF ? "null" : "ref";
            case V128 -> "v128";
        };
    }

    /** @return a hash of memory 0 (size and bytes) and of every global's value, after an invocation */
    public static String state(Instance inst) {
        StringBuilder sb = new StringBuilder();
        Memory mem = inst.memory();
        if (mem != null) {
            CRC32 crc = new CRC32();
            var view = mem.segment(); // chunks: a ByteBuffer holds at most 2 GiB - 1
            for (long off = 0; off < view.byteSize(); off += 1L << 30) {
                crc.update(view.asSlice(off, Math.min(1L << 30, view.byteSize() - off)).asByteBuffer());
            }
            sb.append("mem ").append(mem.pages()).append("p ").append(Long.toHexString(crc.getValue()));
        } else {
            sb.append("mem -");
        }
        CRC32 g = new CRC32();
        for (Global gl : inst.globals) {
            g.update(value(gl.type().type(), gl.value).getBytes(StandardCharsets.UTF_8));
            g.update(0);
        }
        return sb.append(" globals ").append(inst.globals.length).append(' ').append(Long.toHexString(g.getValue())).toString();
    }

    /** @return {@code step} without its state hash (for comparisons with peers, whose state is not visible) */
    public static String withoutState(String step) {
        int i = step.indexOf(STATE_SEPARATOR);
        return i < 0 ? step : step.substring(0, i);
    }

    /** @return {@code s} cut to 200 characters, one line */
    public static String clip(String s) {
        if (s == null) return "null";
        s = s.replace('\n', ' ');
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
