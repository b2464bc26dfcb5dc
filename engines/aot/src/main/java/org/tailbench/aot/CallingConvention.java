package org.tailbench.aot;

import org.objectweb.asm.Type;
import org.tailbench.aot.rt.AotContext;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.ValType;

/**
 * The calling convention of generated code, decided here and only here.
 *
 * <ul>
 *   <li>One static method per Wasm function: parameters in Wasm order as JVM values (i32 → int,
 *       i64 → long, f32 → float, f64 → double, funcref/externref → long as {@link ValType} encodes
 *       references), then the {@link AotContext} last, so call sites push it on top of the Wasm arguments.</li>
 *   <li>Results: none → void; one → that JVM type; several → void, with the values encoded as longs in
 *       the preallocated {@link AotContext#results} slots.</li>
 *   <li>Pending tail call (trampoline): {@link AotContext#tcTarget} = callee index, arguments encoded in
 *       {@link AotContext#tcArgs}; the method returns the zero value of its result type.</li>
 *   <li>Locals: parameters in slots from 0 (long/double take two), the context after them, then the
 *       declared locals, then the memory view ({@code byte[]} or {@code MemorySegment}, see {@code MemoryGen}) and scratch slots.</li>
 *   <li>Wide functions ({@link #wide}: parameters above {@link #MAX_PARAM_SLOTS} JVM slots, e.g. a split
 *       pass's outlined function carrying many locals; the JVM allows 255): the method takes only the
 *       context, the caller stores the arguments encoded in {@link AotContext#tcArgs} (the tail-call
 *       slots, free during a call) and the prologue moves them into locals (context in slot 0, parameters
 *       from slot 1). Helpers taking the arguments of a wide type take none ({@link #helperParams}).</li>
 * </ul>
 */
public final class CallingConvention {
    static final String CTX = Type.getInternalName(AotContext.class);
    static final String CTX_DESC = "L" + CTX + ";";

    private CallingConvention() {}

    /** @return the JVM type of a Wasm value type */
    public static Type jvmType(ValType t) {
        return switch (t) {
            case I32 -> Type.INT_TYPE;
            case I64, FUNCREF, EXTERNREF -> Type.LONG_TYPE;
            case F32 -> Type.FLOAT_TYPE;
            case F64 -> Type.DOUBLE_TYPE;
            case V128 -> throw new UnsupportedOperationException("v128 (SIMD) is not supported by the aot engine");
        };
    }

    /** @return JVM slots a value of type {@code t} takes (1 or 2) */
    public static int size(ValType t) { return jvmType(t).getSize(); }

    /** @return true when results travel through {@link AotContext#results} */
    public static boolean multiResult(FuncType t) { return t.results().length > 1; }

    /** @return the JVM return type of a function of type {@code t} */
    public static Type returnType(FuncType t) {
        return t.results().length == 1 ? jvmType(t.results()[0]) : Type.VOID_TYPE;
    }

    /** Most JVM parameter slots a method or helper takes Wasm values in (the JVM limit is 255, with a few kept for extras). */
    public static final int MAX_PARAM_SLOTS = 250;

    /** @return JVM slots of {@code ts} */
    public static int slots(ValType[] ts) {
        int s = 0;
        for (ValType t : ts) s += size(t);
        return s;
    }

    /** @return true when functions of type {@code t} take their arguments in {@link AotContext#tcArgs} */
    public static boolean wide(FuncType t) { return slots(t.params()) > MAX_PARAM_SLOTS; }

    /** @return the Wasm parameters that are JVM parameters of methods and helpers of type {@code t} (none when wide) */
    public static ValType[] helperParams(FuncType t) { return wide(t) ? new ValType[0] : t.params(); }

    /** @return the descriptor of the method of a function of type {@code t}: {@code (params..., AotContext) R} */
    public static String descriptor(FuncType t) { return descriptor(helperParams(t), "", returnType(t)); }

    /** @return {@code (params..., extra..., AotContext) ret} where {@code extra} is raw descriptor text */
    static String descriptor(ValType[] params, String extra, Type ret) {
        StringBuilder sb = new StringBuilder("(");
        for (ValType p : params) sb.append(jvmType(p).getDescriptor());
        return sb.append(extra).append(CTX_DESC).append(')').append(ret.getDescriptor()).toString();
    }

    /** @return the slot of the context: right after the parameters */
    public static int contextSlot(FuncType t) { return slots(helperParams(t)); }

    /** @return slot per Wasm local (parameters first, then declared locals after the context slot) */
    public static int[] localSlots(FuncType t, ValType[] declared) {
        int n = t.params().length;
        int[] slots = new int[n + declared.length];
        boolean wide = wide(t);
        int s = wide ? 1 : 0;   // wide: the context first
        for (int i = 0; i < n; i++) { slots[i] = s; s += size(t.params()[i]); }
        if (!wide) s++;   // the context
        for (int i = 0; i < declared.length; i++) { slots[n + i] = s; s += size(declared[i]); }
        return slots;
    }

    /** @return a short code of a signature's value types (i, l, f, d; references as l) for helper names */
    static String code(ValType[] types) {
        StringBuilder sb = new StringBuilder();
        for (ValType t : types) sb.append(jvmType(t).getDescriptor().toLowerCase().replace('j', 'l'));
        return sb.toString();
    }
}
