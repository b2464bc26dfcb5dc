package org.tailbench.interp.threaded;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.tailbench.interp.lower.LOp;
import org.tailbench.interp.lower.Lowerer;
import org.tailbench.interp.lower.Superinstructions;
import org.tailbench.interp.rt.LOpNumeric;

/**
 * The handler table of the {@code threaded} engine: {@link #TABLE}{@code [op]} executes {@link LOp}
 * {@code op}. Built once from the nested {@link Handler} classes of the handler holders, each named
 * exactly like the opcode it executes, plus the aliases (opcodes whose semantics on the shared value
 * encoding equal another's) and the grouped rare opcodes. Building fails when an opcode has no handler or a
 * handler class names no opcode (a renamed class or opcode); {@code HandlersTest} builds the table at test time.
 */
final class Handlers {
    private static final Class<?>[] HOLDERS = {
        ControlHandlers.class, I32Handlers.class, I64Handlers.class, FloatHandlers.class, MemoryHandlers.class,
    };

    /** {alias, opcode whose handler it shares} */
    private static final int[][] ALIASES = {
        {LOp.F32_CONST, LOp.I32_CONST}, {LOp.F64_CONST, LOp.I64_CONST}, {LOp.I64_EXTEND_I32_S, LOp.I32_WRAP_I64},
        {LOp.F32_LOAD, LOp.I32_LOAD}, {LOp.F64_LOAD, LOp.I64_LOAD}, {LOp.I64_LOAD32_S, LOp.I32_LOAD},
        {LOp.I64_LOAD8_S, LOp.I32_LOAD8_S}, {LOp.I64_LOAD8_U, LOp.I32_LOAD8_U},
        {LOp.I64_LOAD16_S, LOp.I32_LOAD16_S}, {LOp.I64_LOAD16_U, LOp.I32_LOAD16_U},
        {LOp.F32_STORE, LOp.I32_STORE}, {LOp.I64_STORE32, LOp.I32_STORE}, {LOp.F64_STORE, LOp.I64_STORE},
        {LOp.I64_STORE8, LOp.I32_STORE8}, {LOp.I64_STORE16, LOp.I32_STORE16},
    };

    private static final int[] TABLE_OR_MEMORY = {
        LOp.TABLE_GET, LOp.TABLE_SET, LOp.TABLE_SIZE, LOp.TABLE_GROW, LOp.TABLE_FILL, LOp.TABLE_COPY, LOp.TABLE_INIT,
        LOp.ELEM_DROP, LOp.MEMORY_INIT, LOp.DATA_DROP, LOp.MEMORY_COPY, LOp.MEMORY_FILL,
        LOp.REF_FUNC, LOp.REF_NULL, LOp.REF_IS_NULL,
    };

    /** the handler classes that serve several opcodes (constructed with the opcode), not named after one */
    private static final java.util.Set<Class<?>> GROUPED =
            java.util.Set.of(FloatHandlers.Unary.class, FloatHandlers.Binary.class, MemoryHandlers.TableOrMemoryOp.class,
                    ControlHandlers.SwitchOnly.class);

    /** One handler per {@link LOp}, indexed by opcode; length {@link LOp#COUNT}. */
    static final Handler[] TABLE = build();

    private Handlers() {}

    private static Handler[] build() {
        Handler[] t = new Handler[LOp.COUNT];
        for (Class<?> holder : HOLDERS) {
            for (Class<?> k : holder.getDeclaredClasses()) {
                if (!Handler.class.isAssignableFrom(k) || Modifier.isAbstract(k.getModifiers())) continue;
                int op = opcode(k.getSimpleName());
                if (op < 0 && GROUPED.contains(k)) continue;   // registered below, one object per opcode
                if (op < 0) throw new IllegalStateException("threaded engine: handler class " + k.getName() + " names no LOp");
                put(t, op, instantiate(k));
            }
        }
        for (int[] a : ALIASES) put(t, a[0], t[a[1]]);
        for (int op = 0; op < t.length; op++) {
            if (LOpNumeric.isGroupedUnary(op)) put(t, op, new FloatHandlers.Unary(op));
            else if (LOpNumeric.isGroupedBinary(op)) put(t, op, new FloatHandlers.Binary(op));
        }
        for (int op : TABLE_OR_MEMORY) put(t, op, new MemoryHandlers.TableOrMemoryOp(op));
        for (int k = 0; k < Superinstructions.CATALOG.size(); k++) {
            int op = Lowerer.superinstruction(k);
            put(t, op, new ControlHandlers.SwitchOnly(op));
        }
        List<String> missing = new ArrayList<>();
        for (int op = 0; op < t.length; op++) if (t[op] == null) missing.add(LOp.NAMES[op]);
        if (!missing.isEmpty()) throw new IllegalStateException("threaded engine: no handler for " + missing);
        return t;
    }

    private static void put(Handler[] t, int op, Handler h) {
        if (h == null) throw new IllegalStateException("threaded engine: " + LOp.NAMES[op] + " aliases an opcode without handler");
        if (t[op] != null) throw new IllegalStateException("threaded engine: two handlers for " + LOp.NAMES[op]);
        t[op] = h;
    }

    private static int opcode(String name) {
        try {
            return LOp.class.getField(name).getInt(null);
        } catch (NoSuchFieldException e) {
            return -1;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Handler instantiate(Class<?> k) {
        try {
            return (Handler) k.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("threaded engine: cannot create handler " + k.getName(), e);
        }
    }
}
