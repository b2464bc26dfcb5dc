package org.tailbench.interp.tailcall;

import static org.tailbench.interp.tailcall.ControlInstrs.*;
import static org.tailbench.interp.tailcall.MemoryInstrs.*;

import org.tailbench.interp.lower.LOp;
import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.lower.Lowerer;
import org.tailbench.interp.rt.InstanceContext;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Memory;

/**
 * Turns one function's lowered code ({@link LoweredFunction#code()}, the same code the {@code switch}
 * engine runs) into linked {@link Instr} objects bound to the function's instance, and applies the
 * bounce policy of {@link TailCallEngine}: instructions are numbered 0, 1, 2 ... in code order and cut
 * into segments of {@link #INTERVAL} consecutive instructions; a handoff from instruction {@code a}
 * to instruction {@code b} (fall-through or taken branch) is direct only when {@code b > a} and both
 * lie in the same segment, and goes through a {@link Bounce} otherwise.
 */
final class Decoder {
    /** Name of the system property that sets {@link #INTERVAL} (engine option {@code tailcall.bounce}). */
    static final String INTERVAL_PROPERTY = "tailbench.tailcall.bounce";
    /** Default {@link #INTERVAL}: {@link EngineOptions#TAILCALL_BOUNCE}'s default. */
    static final int DEFAULT_INTERVAL = 16;
    /**
     * Segment length N: the most handlers one chain can run before it bounces. Engine option
     * {@code tailcall.bounce} of {@link EngineOptions#process()} (a per-JVM option), read once.
     */
    static final int INTERVAL = EngineOptions.process().get(EngineOptions.TAILCALL_BOUNCE);

    private Decoder() {}

    /**
     * @param value the property's value, or null for the default
     * @return the bounce interval it sets
     * @throws IllegalArgumentException unless it is an integer in 1..65536
     */
    static int interval(String value) {
        if (value == null) return DEFAULT_INTERVAL;
        try {
            return EngineOptions.TAILCALL_BOUNCE.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + INTERVAL_PROPERTY + " must be an integer in 1..65536, got \"" + value + "\"", e);
        }
    }

    /** @return the entry instruction of {@code f}, whose instructions are created and linked now */
    static Instr decode(TailCallFunction f, int interval) {
        int[] code = f.fn.code();
        Instr[] at = new Instr[code.length];
        int[] ordinal = new int[code.length];
        int n = 0;
        for (int pc = 0; pc < code.length; pc += 1 + Lowerer.operandCount(code, pc)) {
            Instr i = create(f, code, pc);
            i.pc = pc;
            at[pc] = i;
            ordinal[pc] = n++;
        }
        Linker l = new Linker(at, ordinal, interval);
        for (int pc = 0; pc < code.length; ) {
            Instr i = at[pc];
            int nextPc = pc + 1 + Lowerer.operandCount(code, pc);
            if (nextPc < code.length) {
                i.next = l.route(pc, nextPc);
                if (i instanceof CallInstr c) c.after = at[nextPc];
            }
            i.link(l);
            pc = nextPc;
        }
        return at[0];
    }

    /** Routes handoffs between the instructions of one function (see {@link Decoder}). */
    static final class Linker {
        private final Instr[] at;
        private final int[] ordinal;
        private final Bounce[] bounces;
        private final int interval;

        Linker(Instr[] at, int[] ordinal, int interval) {
            this.at = at; this.ordinal = ordinal; this.interval = interval;
            this.bounces = new Bounce[at.length];
        }

        /** @return what the instruction at {@code fromPc} hands control to when it continues at {@code toPc} */
        Instr route(int fromPc, int toPc) {
            if (toPc < 0 || toPc >= at.length || at[toPc] == null) {
                throw new IllegalStateException("branch from " + fromPc + " to " + toPc + ", which is no instruction");
            }
            int a = ordinal[fromPc], b = ordinal[toPc];
            if (b > a && a / interval == b / interval) return at[toPc];
            Bounce bn = bounces[toPc];
            if (bn == null) bounces[toPc] = bn = new Bounce(at[toPc]);
            return bn;
        }
    }

    private static Instr create(TailCallFunction f, int[] code, int pc) {
        int op = code[pc];
        Instr numeric = NumericInstrs.of(op);
        if (numeric != null) return numeric;
        InstanceContext<TailCallFunction> ctx = f.ctx;
        Instance inst = ctx.inst;
        int a = pc + 1 < code.length ? code[pc + 1] : 0, b = pc + 2 < code.length ? code[pc + 2] : 0;
        Memory mem = inst.memories.length > 0 ? inst.memories[0] : null;
        return switch (op) {
            case LOp.JMP -> new Jmp(a);
            case LOp.BR_IF -> new BrIf(a);
            case LOp.BR_UNLESS -> new BrUnless(a);
            case LOp.BR_IF_I32_EQ -> new BrIfI32Eq(a);
            case LOp.BR_IF_I32_NE -> new BrIfI32Ne(a);
            case LOp.BR_IF_I32_LT_S -> new BrIfI32LtS(a);
            case LOp.BR_IF_I32_LT_U -> new BrIfI32LtU(a);
            case LOp.BR_IF_I32_GT_S -> new BrIfI32GtS(a);
            case LOp.BR_IF_I32_GT_U -> new BrIfI32GtU(a);
            case LOp.BR_IF_I32_LE_S -> new BrIfI32LeS(a);
            case LOp.BR_IF_I32_LE_U -> new BrIfI32LeU(a);
            case LOp.BR_IF_I32_GE_S -> new BrIfI32GeS(a);
            case LOp.BR_IF_I32_GE_U -> new BrIfI32GeU(a);
            case LOp.BR_DROP -> new BrDrop(a, b, code[pc + 3]);
            case LOp.BR_IF_DROP -> new BrIfDrop(a, b, code[pc + 3]);
            case LOp.BR_TABLE -> new BrTable(code, pc);
            case LOp.RETURN -> new Return(f.resultCount);
            case LOp.UNREACHABLE -> new Unreachable();
            case LOp.DROP -> new Drop();
            case LOp.SELECT -> new Select();
            case LOp.CALL_LOCAL -> new Call(ctx.defined[a]);
            case LOp.RETURN_CALL_LOCAL -> new ReturnCall(ctx.defined[a]);
            case LOp.CALL_IMPORT, LOp.RETURN_CALL_IMPORT -> {
                FunctionInstance callee = inst.functions[a];
                boolean tail = op == LOp.RETURN_CALL_IMPORT;
                if (callee instanceof TailCallFunction t) yield tail ? new ReturnCall(t) : new Call(t);
                yield new CallForeign(callee, inst, tail);
            }
            case LOp.CALL_INDIRECT, LOp.RETURN_CALL_INDIRECT ->
                    new CallIndirect(inst.tables[b], ctx.store, ctx.types[a], inst, op == LOp.RETURN_CALL_INDIRECT);
            case LOp.LOCAL_GET -> new LocalGet(a);
            case LOp.LOCAL_SET -> new LocalSet(a);
            case LOp.LOCAL_TEE -> new LocalTee(a);
            case LOp.GLOBAL_GET -> new GlobalGet(inst.globals[a]);
            case LOp.GLOBAL_SET -> new GlobalSet(inst.globals[a]);
            case LOp.I32_CONST, LOp.F32_CONST -> new Const(a);
            case LOp.I64_CONST, LOp.F64_CONST -> new Const(f.fn.consts()[a]);
            case LOp.I32_LOAD, LOp.F32_LOAD, LOp.I64_LOAD32_S -> new Load32(mem, a);
            case LOp.I64_LOAD32_U -> new Load32U(mem, a);
            case LOp.I64_LOAD, LOp.F64_LOAD -> new Load64(mem, a);
            case LOp.I32_LOAD8_S, LOp.I64_LOAD8_S -> new Load8S(mem, a);
            case LOp.I32_LOAD8_U, LOp.I64_LOAD8_U -> new Load8U(mem, a);
            case LOp.I32_LOAD16_S, LOp.I64_LOAD16_S -> new Load16S(mem, a);
            case LOp.I32_LOAD16_U, LOp.I64_LOAD16_U -> new Load16U(mem, a);
            case LOp.I32_STORE, LOp.F32_STORE, LOp.I64_STORE32 -> new Store32(mem, a);
            case LOp.I64_STORE, LOp.F64_STORE -> new Store64(mem, a);
            case LOp.I32_STORE8, LOp.I64_STORE8 -> new Store8(mem, a);
            case LOp.I32_STORE16, LOp.I64_STORE16 -> new Store16(mem, a);
            case LOp.MEMORY_SIZE -> new MemorySize(mem);
            case LOp.MEMORY_GROW -> new MemoryGrow(mem);
            case LOp.TABLE_GET, LOp.TABLE_SET, LOp.TABLE_SIZE, LOp.TABLE_GROW, LOp.TABLE_FILL, LOp.TABLE_COPY,
                 LOp.TABLE_INIT, LOp.ELEM_DROP, LOp.MEMORY_INIT, LOp.DATA_DROP, LOp.MEMORY_COPY, LOp.MEMORY_FILL,
                 LOp.REF_FUNC, LOp.REF_NULL, LOp.REF_IS_NULL -> new TableMemory(op, code, pc + 1, inst);
            default -> throw new IllegalStateException("bad lowered opcode " + op + " at " + pc + " in " + f.name());
        };
    }
}
