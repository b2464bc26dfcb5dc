package org.tailbench.interp.sw;

import static org.tailbench.runtime.Memory.I8;
import static org.tailbench.runtime.Memory.LE_I16;
import static org.tailbench.runtime.Memory.LE_I32;
import static org.tailbench.runtime.Memory.LE_I64;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.tailbench.interp.lower.LOp;
import org.tailbench.interp.lower.Lowerer;
import org.tailbench.interp.rt.Calls;
import org.tailbench.interp.rt.LOpNumeric;
import org.tailbench.interp.rt.TableMemoryOps;
import org.tailbench.jfr.WasmJfr;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.NumericOps;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * The {@code switch} engine's execution loop: one {@code switch} over {@link LOp} code per executed
 * instruction, with the machine registers in Java locals ({@code pc}, {@code sp} the first free value
 * slot, {@code fp} the current frame base where local 0 lives). Wasm-to-Wasm calls push a frame on the
 * {@link Machine} and continue in the same loop; tail calls replace the current frame, so they run in
 * constant Java stack and constant frame depth. Calls to host functions (or other engines' functions)
 * go through Java.
 *
 * <p>The loop method must stay below HotSpot's 8000-bytecode limit for JIT compilation; rare
 * instructions are therefore delegated to {@link LOpNumeric} and {@link TableMemoryOps}.
 */
final class SwitchInterpreter {
    private static final long M32 = 0xFFFFFFFFL;
    private static final ThreadLocal<Machine> MACHINE = ThreadLocal.withInitial(Machine::new);

    private SwitchInterpreter() {}

    /** Runs {@code f} from the host on this thread's machine; restores the machine however it ends. */
    static long[] invoke(SwitchFunction f, long[] args) {
        Machine m = MACHINE.get();
        int sp0 = m.sp, depth0 = m.depth;
        SwitchFunction cur0 = m.cur;
        boolean jfr = WasmJfr.enter("switch", m);
        if (jfr) m.track = true;
        try {
            return run(m, f, args);
        } catch (StackOverflowError e) {
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        } finally {
            m.sp = sp0;
            m.depth = depth0;
            m.cur = cur0;
            if (jfr) {
                m.track = false;
                m.cur = null;
                WasmJfr.exit(m);
            }
            f.ctx.tailCalls.invocationEnded();
        }
    }

    private static MemorySegment bytes(Memory memory) { return memory == null ? Memory.EMPTY : memory.segment(); }

    private static Trap oob() { return new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS); }

    private static float f(long bits) { return Float.intBitsToFloat((int) bits); }

    private static double d(long bits) { return Double.longBitsToDouble(bits); }

    private static long b(float v) { return Float.floatToRawIntBits(v); }

    private static long b(double v) { return Double.doubleToRawLongBits(v); }

    @SuppressWarnings("fallthrough")
    private static long[] run(Machine m, SwitchFunction entry, long[] args) {
        long[] s = m.stack;
        int sp = m.sp;
        int depth = m.depth;
        final int maxDepth = entry.ctx.store.maxCallDepth();
        if (depth >= maxDepth) throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        if (depth >= m.fns.length) m.growFrames(maxDepth);
        m.fns[depth] = null;   // marks the return to the host
        depth++;
        int fp = sp;
        if ((long) fp + entry.frameSize > s.length) s = m.growStack((long) fp + entry.frameSize);
        System.arraycopy(args, 0, s, fp, args.length);
        sp = fp + args.length;
        long[] init = entry.localInit;
        System.arraycopy(init, 0, s, sp, init.length);
        sp += init.length;

        SwitchFunction cur = entry;
        SwitchContext ctx = cur.ctx;
        int[] code = cur.code;
        long[] consts = cur.consts;
        Memory memory = ctx.memory();
        MemorySegment mem = bytes(memory);
        int pc = 0;
        final boolean track = m.track;   // JFR call-depth sampling: publish depth and cur (see Machine#track)
        if (track) { m.depth = depth; m.cur = cur; }
        try {
            for (;;) {
                int op = code[pc++];
                SwitchFunction callee;
                boolean tail;
                switch (op) {
                    case LOp.UNREACHABLE: throw new Trap(TrapKind.UNREACHABLE);
                    case LOp.JMP: pc = code[pc]; continue;
                    case LOp.BR_IF: pc = (int) s[--sp] != 0 ? code[pc] : pc + 1; continue;
                    case LOp.BR_UNLESS: pc = (int) s[--sp] == 0 ? code[pc] : pc + 1; continue;
                    case LOp.BR_IF_I32_EQ: sp -= 2; pc = (int) s[sp] == (int) s[sp + 1] ? code[pc] : pc + 1; continue;
                    case LOp.BR_IF_I32_NE: sp -= 2; pc = (int) s[sp] != (int) s[sp + 1] ? code[pc] : pc + 1; continue;
                    case LOp.BR_IF_I32_LT_S: sp -= 2; pc = (int) s[sp] < (int) s[sp + 1] ? code[pc] : pc + 1; continue;
                    case LOp.BR_IF_I32_GT_S: sp -= 2; pc = (int) s[sp] > (int) s[sp + 1] ? code[pc] : pc + 1; continue;
                    case LOp.BR_IF_I32_LE_S: sp -= 2; pc = (int) s[sp] <= (int) s[sp + 1] ? code[pc] : pc + 1; continue;
                    case LOp.BR_IF_I32_GE_S: sp -= 2; pc = (int) s[sp] >= (int) s[sp + 1] ? code[pc] : pc + 1; continue;
                    case LOp.BR_IF_I32_LT_U: sp -= 2; pc = Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) < 0 ? code[pc] : pc + 1; continue;
                    case LOp.BR_IF_I32_GT_U: sp -= 2; pc = Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) > 0 ? code[pc] : pc + 1; continue;
                    case LOp.BR_IF_I32_LE_U: sp -= 2; pc = Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) <= 0 ? code[pc] : pc + 1; continue;
                    case LOp.BR_IF_I32_GE_U: sp -= 2; pc = Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) >= 0 ? code[pc] : pc + 1; continue;
                    case LOp.BR_IF_DROP:
                        if ((int) s[--sp] == 0) { pc += 3; continue; }
                        // fall through
                    case LOp.BR_DROP: {
                        int keep = code[pc + 1], drop = code[pc + 2];
                        for (int k = sp - keep; k < sp; k++) s[k - drop] = s[k];
                        sp -= drop;
                        pc = code[pc];
                        continue;
                    }
                    case LOp.BR_TABLE: {
                        long i = s[--sp] & M32;
                        int n = code[pc];
                        int e = pc + 1 + 3 * (i < n ? (int) i : n);
                        int keep = code[e + 1], drop = code[e + 2];
                        for (int k = sp - keep; k < sp; k++) s[k - drop] = s[k];
                        sp -= drop;
                        pc = code[e];
                        continue;
                    }
                    case LOp.RETURN: {
                        int n = cur.resultCount;
                        for (int k = 0; k < n; k++) s[fp + k] = s[sp - n + k];
                        sp = fp + n;
                        cur = m.fns[--depth];
                        if (cur == null) {
                            m.depth = depth;
                            return Arrays.copyOfRange(s, fp, fp + n);
                        }
                        pc = m.retPc[depth];
                        fp = m.fps[depth];
                        if (track) { m.depth = depth; m.cur = cur; }
                        code = cur.code;
                        consts = cur.consts;
                        if (cur.ctx != ctx) { ctx = cur.ctx; memory = ctx.memory(); }
                        mem = bytes(memory);
                        continue;
                    }
                    case LOp.CALL_LOCAL: callee = ctx.defined[code[pc++]]; tail = false; break;
                    case LOp.RETURN_CALL_LOCAL: callee = ctx.defined[code[pc++]]; tail = true; break;
                    case LOp.CALL_IMPORT:
                    case LOp.RETURN_CALL_IMPORT:
                    case LOp.CALL_INDIRECT:
                    case LOp.RETURN_CALL_INDIRECT: {
                        FunctionInstance f;
                        if (op == LOp.CALL_IMPORT || op == LOp.RETURN_CALL_IMPORT) {
                            f = ctx.functions[code[pc++]];
                        } else {
                            f = resolveIndirect(ctx, code[pc], code[pc + 1], s[--sp]);
                            pc += 2;
                        }
                        tail = op == LOp.RETURN_CALL_IMPORT || op == LOp.RETURN_CALL_INDIRECT;
                        if (f instanceof SwitchFunction sf) { callee = sf; break; }
                        m.depth = depth;
                        sp = callForeign(m, f, ctx, s, sp);
                        s = m.stack;
                        mem = bytes(memory);
                        if (tail) {
                            if (WasmJfr.countTailCalls()) ctx.tailCalls.count(cur.fn.functionIndex());
                            pc = cur.returnPc;
                        }
                        continue;
                    }
                    case LOp.DROP: sp--; continue;
                    case LOp.PROBE: ctx.opcodes.hit(cur.fn.functionIndex(), code[pc], s, fp + code[pc + 1], sp, ctx); pc += 2; continue;
                    case LOp.SELECT: {
                        int c = (int) s[--sp];
                        sp--;
                        if (c == 0) s[sp - 1] = s[sp];
                        continue;
                    }
                    case LOp.LOCAL_GET: s[sp++] = s[fp + code[pc++]]; continue;
                    case LOp.LOCAL_SET: s[fp + code[pc++]] = s[--sp]; continue;
                    case LOp.LOCAL_TEE: s[fp + code[pc++]] = s[sp - 1]; continue;
                    case LOp.GLOBAL_GET: s[sp++] = ctx.globals[code[pc++]].value; continue;
                    case LOp.GLOBAL_SET: ctx.globals[code[pc++]].value = s[--sp]; continue;

                    case LOp.I32_LOAD: case LOp.F32_LOAD: {
                        long ea = (s[sp - 1] & M32) + (code[pc++] & M32);
                        if (ea > mem.byteSize() - 4) throw oob();
                        s[sp - 1] = mem.get(LE_I32, ea);
                        continue;
                    }
                    case LOp.I64_LOAD: case LOp.F64_LOAD: {
                        long ea = (s[sp - 1] & M32) + (code[pc++] & M32);
                        if (ea > mem.byteSize() - 8) throw oob();
                        s[sp - 1] = mem.get(LE_I64, ea);
                        continue;
                    }
                    case LOp.I32_LOAD8_S: case LOp.I64_LOAD8_S: case LOp.I32_LOAD8_U: case LOp.I64_LOAD8_U: {
                        long ea = (s[sp - 1] & M32) + (code[pc++] & M32);
                        if (ea >= mem.byteSize()) throw oob();
                        byte v = mem.get(I8, ea);
                        s[sp - 1] = op == LOp.I32_LOAD8_S || op == LOp.I64_LOAD8_S ? v : v & 0xFF;
                        continue;
                    }
                    case LOp.I32_LOAD16_S: case LOp.I64_LOAD16_S: case LOp.I32_LOAD16_U: case LOp.I64_LOAD16_U: {
                        long ea = (s[sp - 1] & M32) + (code[pc++] & M32);
                        if (ea > mem.byteSize() - 2) throw oob();
                        short v = mem.get(LE_I16, ea);
                        s[sp - 1] = op == LOp.I32_LOAD16_S || op == LOp.I64_LOAD16_S ? v : v & 0xFFFF;
                        continue;
                    }
                    case LOp.I64_LOAD32_S: case LOp.I64_LOAD32_U: {
                        long ea = (s[sp - 1] & M32) + (code[pc++] & M32);
                        if (ea > mem.byteSize() - 4) throw oob();
                        int v = mem.get(LE_I32, ea);
                        s[sp - 1] = op == LOp.I64_LOAD32_S ? v : v & M32;
                        continue;
                    }
                    case LOp.I32_STORE: case LOp.F32_STORE: case LOp.I64_STORE32: {
                        long v = s[--sp];
                        long ea = (s[--sp] & M32) + (code[pc++] & M32);
                        if (ea > mem.byteSize() - 4) throw oob();
                        mem.set(LE_I32, ea, (int) v);
                        continue;
                    }
                    case LOp.I64_STORE: case LOp.F64_STORE: {
                        long v = s[--sp];
                        long ea = (s[--sp] & M32) + (code[pc++] & M32);
                        if (ea > mem.byteSize() - 8) throw oob();
                        mem.set(LE_I64, ea, v);
                        continue;
                    }
                    case LOp.I32_STORE8: case LOp.I64_STORE8: {
                        long v = s[--sp];
                        long ea = (s[--sp] & M32) + (code[pc++] & M32);
                        if (ea >= mem.byteSize()) throw oob();
                        mem.set(I8, ea, (byte) v);
                        continue;
                    }
                    case LOp.I32_STORE16: case LOp.I64_STORE16: {
                        long v = s[--sp];
                        long ea = (s[--sp] & M32) + (code[pc++] & M32);
                        if (ea > mem.byteSize() - 2) throw oob();
                        mem.set(LE_I16, ea, (short) v);
                        continue;
                    }
                    case LOp.MEMORY_SIZE: s[sp++] = memory.pages(); continue;
                    case LOp.MEMORY_GROW: s[sp - 1] = memory.grow(s[sp - 1]); mem = memory.segment(); continue;

                    case LOp.I32_CONST: case LOp.F32_CONST: s[sp++] = code[pc++]; continue;
                    case LOp.I64_CONST: case LOp.F64_CONST: s[sp++] = consts[code[pc++]]; continue;

                    case LOp.I32_EQZ: s[sp - 1] = (int) s[sp - 1] == 0 ? 1 : 0; continue;
                    case LOp.I32_EQ: sp--; s[sp - 1] = (int) s[sp - 1] == (int) s[sp] ? 1 : 0; continue;
                    case LOp.I32_NE: sp--; s[sp - 1] = (int) s[sp - 1] != (int) s[sp] ? 1 : 0; continue;
                    case LOp.I32_LT_S: sp--; s[sp - 1] = (int) s[sp - 1] < (int) s[sp] ? 1 : 0; continue;
                    case LOp.I32_LT_U: sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) < 0 ? 1 : 0; continue;
                    case LOp.I32_GT_S: sp--; s[sp - 1] = (int) s[sp - 1] > (int) s[sp] ? 1 : 0; continue;
                    case LOp.I32_GT_U: sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) > 0 ? 1 : 0; continue;
                    case LOp.I32_LE_S: sp--; s[sp - 1] = (int) s[sp - 1] <= (int) s[sp] ? 1 : 0; continue;
                    case LOp.I32_LE_U: sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) <= 0 ? 1 : 0; continue;
                    case LOp.I32_GE_S: sp--; s[sp - 1] = (int) s[sp - 1] >= (int) s[sp] ? 1 : 0; continue;
                    case LOp.I32_GE_U: sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) >= 0 ? 1 : 0; continue;
                    case LOp.I64_EQZ: s[sp - 1] = s[sp - 1] == 0 ? 1 : 0; continue;
                    case LOp.I64_EQ: sp--; s[sp - 1] = s[sp - 1] == s[sp] ? 1 : 0; continue;
                    case LOp.I64_NE: sp--; s[sp - 1] = s[sp - 1] != s[sp] ? 1 : 0; continue;
                    case LOp.I64_LT_S: sp--; s[sp - 1] = s[sp - 1] < s[sp] ? 1 : 0; continue;
                    case LOp.I64_LT_U: sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) < 0 ? 1 : 0; continue;
                    case LOp.I64_GT_S: sp--; s[sp - 1] = s[sp - 1] > s[sp] ? 1 : 0; continue;
                    case LOp.I64_GT_U: sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) > 0 ? 1 : 0; continue;
                    case LOp.I64_LE_S: sp--; s[sp - 1] = s[sp - 1] <= s[sp] ? 1 : 0; continue;
                    case LOp.I64_LE_U: sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) <= 0 ? 1 : 0; continue;
                    case LOp.I64_GE_S: sp--; s[sp - 1] = s[sp - 1] >= s[sp] ? 1 : 0; continue;
                    case LOp.I64_GE_U: sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) >= 0 ? 1 : 0; continue;
                    case LOp.F32_EQ: sp--; s[sp - 1] = f(s[sp - 1]) == f(s[sp]) ? 1 : 0; continue;
                    case LOp.F32_NE: sp--; s[sp - 1] = f(s[sp - 1]) != f(s[sp]) ? 1 : 0; continue;
                    case LOp.F32_LT: sp--; s[sp - 1] = f(s[sp - 1]) < f(s[sp]) ? 1 : 0; continue;
                    case LOp.F32_GT: sp--; s[sp - 1] = f(s[sp - 1]) > f(s[sp]) ? 1 : 0; continue;
                    case LOp.F32_LE: sp--; s[sp - 1] = f(s[sp - 1]) <= f(s[sp]) ? 1 : 0; continue;
                    case LOp.F32_GE: sp--; s[sp - 1] = f(s[sp - 1]) >= f(s[sp]) ? 1 : 0; continue;
                    case LOp.F64_EQ: sp--; s[sp - 1] = d(s[sp - 1]) == d(s[sp]) ? 1 : 0; continue;
                    case LOp.F64_NE: sp--; s[sp - 1] = d(s[sp - 1]) != d(s[sp]) ? 1 : 0; continue;
                    case LOp.F64_LT: sp--; s[sp - 1] = d(s[sp - 1]) < d(s[sp]) ? 1 : 0; continue;
                    case LOp.F64_GT: sp--; s[sp - 1] = d(s[sp - 1]) > d(s[sp]) ? 1 : 0; continue;
                    case LOp.F64_LE: sp--; s[sp - 1] = d(s[sp - 1]) <= d(s[sp]) ? 1 : 0; continue;
                    case LOp.F64_GE: sp--; s[sp - 1] = d(s[sp - 1]) >= d(s[sp]) ? 1 : 0; continue;

                    case LOp.I32_ADD: sp--; s[sp - 1] = (int) s[sp - 1] + (int) s[sp]; continue;
                    case LOp.I32_SUB: sp--; s[sp - 1] = (int) s[sp - 1] - (int) s[sp]; continue;
                    case LOp.I32_MUL: sp--; s[sp - 1] = (int) s[sp - 1] * (int) s[sp]; continue;
                    case LOp.I32_DIV_S: sp--; s[sp - 1] = NumericOps.i32DivS((int) s[sp - 1], (int) s[sp]); continue;
                    case LOp.I32_DIV_U: sp--; s[sp - 1] = NumericOps.i32DivU((int) s[sp - 1], (int) s[sp]); continue;
                    case LOp.I32_REM_S: sp--; s[sp - 1] = NumericOps.i32RemS((int) s[sp - 1], (int) s[sp]); continue;
                    case LOp.I32_REM_U: sp--; s[sp - 1] = NumericOps.i32RemU((int) s[sp - 1], (int) s[sp]); continue;
                    case LOp.I32_AND: sp--; s[sp - 1] = (int) s[sp - 1] & (int) s[sp]; continue;
                    case LOp.I32_OR: sp--; s[sp - 1] = (int) s[sp - 1] | (int) s[sp]; continue;
                    case LOp.I32_XOR: sp--; s[sp - 1] = (int) s[sp - 1] ^ (int) s[sp]; continue;
                    case LOp.I32_SHL: sp--; s[sp - 1] = (int) s[sp - 1] << (int) s[sp]; continue;
                    case LOp.I32_SHR_S: sp--; s[sp - 1] = (int) s[sp - 1] >> (int) s[sp]; continue;
                    case LOp.I32_SHR_U: sp--; s[sp - 1] = (int) s[sp - 1] >>> (int) s[sp]; continue;
                    case LOp.I64_ADD: sp--; s[sp - 1] += s[sp]; continue;
                    case LOp.I64_SUB: sp--; s[sp - 1] -= s[sp]; continue;
                    case LOp.I64_MUL: sp--; s[sp - 1] *= s[sp]; continue;
                    case LOp.I64_DIV_S: sp--; s[sp - 1] = NumericOps.i64DivS(s[sp - 1], s[sp]); continue;
                    case LOp.I64_DIV_U: sp--; s[sp - 1] = NumericOps.i64DivU(s[sp - 1], s[sp]); continue;
                    case LOp.I64_REM_S: sp--; s[sp - 1] = NumericOps.i64RemS(s[sp - 1], s[sp]); continue;
                    case LOp.I64_REM_U: sp--; s[sp - 1] = NumericOps.i64RemU(s[sp - 1], s[sp]); continue;
                    case LOp.I64_AND: sp--; s[sp - 1] &= s[sp]; continue;
                    case LOp.I64_OR: sp--; s[sp - 1] |= s[sp]; continue;
                    case LOp.I64_XOR: sp--; s[sp - 1] ^= s[sp]; continue;
                    case LOp.I64_SHL: sp--; s[sp - 1] <<= s[sp]; continue;
                    case LOp.I64_SHR_S: sp--; s[sp - 1] >>= s[sp]; continue;
                    case LOp.I64_SHR_U: sp--; s[sp - 1] >>>= s[sp]; continue;

                    case LOp.F32_ABS: s[sp - 1] = (int) s[sp - 1] & 0x7FFFFFFF; continue;
                    case LOp.F32_NEG: s[sp - 1] = (int) s[sp - 1] ^ 0x80000000; continue;
                    case LOp.F32_SQRT: s[sp - 1] = b((float) Math.sqrt(f(s[sp - 1]))); continue;
                    case LOp.F32_ADD: sp--; s[sp - 1] = b(f(s[sp - 1]) + f(s[sp])); continue;
                    case LOp.F32_SUB: sp--; s[sp - 1] = b(f(s[sp - 1]) - f(s[sp])); continue;
                    case LOp.F32_MUL: sp--; s[sp - 1] = b(f(s[sp - 1]) * f(s[sp])); continue;
                    case LOp.F32_DIV: sp--; s[sp - 1] = b(f(s[sp - 1]) / f(s[sp])); continue;
                    case LOp.F64_ABS: s[sp - 1] &= Long.MAX_VALUE; continue;
                    case LOp.F64_NEG: s[sp - 1] ^= Long.MIN_VALUE; continue;
                    case LOp.F64_SQRT: s[sp - 1] = b(Math.sqrt(d(s[sp - 1]))); continue;
                    case LOp.F64_ADD: sp--; s[sp - 1] = b(d(s[sp - 1]) + d(s[sp])); continue;
                    case LOp.F64_SUB: sp--; s[sp - 1] = b(d(s[sp - 1]) - d(s[sp])); continue;
                    case LOp.F64_MUL: sp--; s[sp - 1] = b(d(s[sp - 1]) * d(s[sp])); continue;
                    case LOp.F64_DIV: sp--; s[sp - 1] = b(d(s[sp - 1]) / d(s[sp])); continue;

                    case LOp.I32_WRAP_I64: case LOp.I64_EXTEND_I32_S: s[sp - 1] = (int) s[sp - 1]; continue;
                    case LOp.I64_EXTEND_I32_U: s[sp - 1] &= M32; continue;
                    case LOp.F64_CONVERT_I32_S: s[sp - 1] = b((double) (int) s[sp - 1]); continue;
                    case LOp.F64_PROMOTE_F32: s[sp - 1] = b((double) f(s[sp - 1])); continue;

                    case LOp.F32_CEIL: case LOp.F32_FLOOR: case LOp.F32_TRUNC: case LOp.F32_NEAREST:
                    case LOp.F64_CEIL: case LOp.F64_FLOOR: case LOp.F64_TRUNC: case LOp.F64_NEAREST:
                    case LOp.I32_TRUNC_F32_S: case LOp.I32_TRUNC_F32_U: case LOp.I32_TRUNC_F64_S: case LOp.I32_TRUNC_F64_U:
                    case LOp.I64_TRUNC_F32_S: case LOp.I64_TRUNC_F32_U: case LOp.I64_TRUNC_F64_S: case LOp.I64_TRUNC_F64_U:
                    case LOp.I32_TRUNC_SAT_F32_S: case LOp.I32_TRUNC_SAT_F32_U: case LOp.I32_TRUNC_SAT_F64_S: case LOp.I32_TRUNC_SAT_F64_U:
                    case LOp.I64_TRUNC_SAT_F32_S: case LOp.I64_TRUNC_SAT_F32_U: case LOp.I64_TRUNC_SAT_F64_S: case LOp.I64_TRUNC_SAT_F64_U:
                    case LOp.F32_CONVERT_I32_S: case LOp.F32_CONVERT_I32_U: case LOp.F32_CONVERT_I64_S: case LOp.F32_CONVERT_I64_U:
                    case LOp.F64_CONVERT_I32_U: case LOp.F64_CONVERT_I64_S: case LOp.F64_CONVERT_I64_U: case LOp.F32_DEMOTE_F64:
                    case LOp.I32_EXTEND8_S: case LOp.I32_EXTEND16_S: case LOp.I64_EXTEND8_S: case LOp.I64_EXTEND16_S:
                    case LOp.I64_EXTEND32_S: case LOp.I32_CLZ: case LOp.I32_CTZ: case LOp.I32_POPCNT:
                    case LOp.I64_CLZ: case LOp.I64_CTZ: case LOp.I64_POPCNT:
                        s[sp - 1] = LOpNumeric.unary(op, s[sp - 1]);
                        continue;
                    case LOp.F32_MIN: case LOp.F32_MAX: case LOp.F32_COPYSIGN:
                    case LOp.F64_MIN: case LOp.F64_MAX: case LOp.F64_COPYSIGN:
                    case LOp.I32_ROTL: case LOp.I32_ROTR: case LOp.I64_ROTL: case LOp.I64_ROTR:
                        sp--;
                        s[sp - 1] = LOpNumeric.binary(op, s[sp - 1], s[sp]);
                        continue;

                    // superinstructions (Superinstructions; only in code lowered with a selection): the components' effects
                    // in order; a trapping component leaves pc just past its own operand, so the trap names its offset
                    case LOp.LOCAL_GET_LOCAL_GET: s[sp] = s[fp + code[pc]]; s[sp + 1] = s[fp + code[pc + 1]]; sp += 2; pc += 2; continue;
                    case LOp.LOCAL_GET_I32_CONST: s[sp] = s[fp + code[pc]]; s[sp + 1] = code[pc + 1]; sp += 2; pc += 2; continue;
                    case LOp.LOCAL_GET_I32_LOAD: {
                        long ea = (s[fp + code[pc]] & M32) + (code[pc + 1] & M32);
                        pc += 2;
                        if (ea > mem.byteSize() - 4) throw oob();
                        s[sp++] = mem.get(LE_I32, ea);
                        continue;
                    }
                    case LOp.LOCAL_GET_I32_LOAD8_U: {
                        long ea = (s[fp + code[pc]] & M32) + (code[pc + 1] & M32);
                        pc += 2;
                        if (ea >= mem.byteSize()) throw oob();
                        s[sp++] = mem.get(I8, ea) & 0xFF;
                        continue;
                    }
                    case LOp.LOCAL_GET_I32_STORE: {
                        long v = s[fp + code[pc]];
                        long ea = (s[--sp] & M32) + (code[pc + 1] & M32);
                        pc += 2;
                        if (ea > mem.byteSize() - 4) throw oob();
                        mem.set(LE_I32, ea, (int) v);
                        continue;
                    }
                    case LOp.LOCAL_GET_BR_IF: pc = (int) s[fp + code[pc]] != 0 ? code[pc + 1] : pc + 2; continue;
                    case LOp.LOCAL_GET_LOCAL_SET: s[fp + code[pc + 1]] = s[fp + code[pc]]; pc += 2; continue;
                    case LOp.LOCAL_SET_LOCAL_GET: s[fp + code[pc]] = s[sp - 1]; s[sp - 1] = s[fp + code[pc + 1]]; pc += 2; continue;
                    case LOp.LOCAL_TEE_LOCAL_GET: s[fp + code[pc]] = s[sp - 1]; s[sp++] = s[fp + code[pc + 1]]; pc += 2; continue;
                    case LOp.I32_CONST_I32_ADD: s[sp - 1] = (int) s[sp - 1] + code[pc++]; continue;
                    case LOp.I32_CONST_I32_AND: s[sp - 1] = (int) s[sp - 1] & code[pc++]; continue;
                    case LOp.I32_CONST_I32_SHL: s[sp - 1] = (int) s[sp - 1] << code[pc++]; continue;
                    case LOp.I32_CONST_I32_SHR_U: s[sp - 1] = (int) s[sp - 1] >>> code[pc++]; continue;
                    case LOp.I32_CONST_LOCAL_SET: s[fp + code[pc + 1]] = code[pc]; pc += 2; continue;
                    case LOp.I32_ADD_LOCAL_SET: sp -= 2; s[fp + code[pc++]] = (int) s[sp] + (int) s[sp + 1]; continue;
                    case LOp.I32_LOAD_LOCAL_SET: {
                        long ea = (s[sp - 1] & M32) + (code[pc++] & M32);
                        if (ea > mem.byteSize() - 4) throw oob();
                        s[fp + code[pc++]] = mem.get(LE_I32, ea);
                        sp--;
                        continue;
                    }
                    case LOp.I32_ADD_LOCAL_TEE: sp--; s[fp + code[pc++]] = s[sp - 1] = (int) s[sp - 1] + (int) s[sp]; continue;
                    case LOp.I32_LOAD_LOCAL_TEE: {
                        long ea = (s[sp - 1] & M32) + (code[pc++] & M32);
                        if (ea > mem.byteSize() - 4) throw oob();
                        s[fp + code[pc++]] = s[sp - 1] = mem.get(LE_I32, ea);
                        continue;
                    }
                    case LOp.LOCAL_TEE_I32_CONST: s[fp + code[pc]] = s[sp - 1]; s[sp++] = code[pc + 1]; pc += 2; continue;
                    case LOp.I32_CONST_I32_LOAD: {
                        long ea = (code[pc] & M32) + (code[pc + 1] & M32);
                        pc += 2;
                        if (ea > mem.byteSize() - 4) throw oob();
                        s[sp++] = mem.get(LE_I32, ea);
                        continue;
                    }
                    case LOp.LOCAL_GET_I32_CONST_I32_ADD: s[sp++] = (int) s[fp + code[pc]] + code[pc + 1]; pc += 2; continue;
                    case LOp.LOCAL_GET_LOCAL_GET_I32_ADD: s[sp++] = (int) s[fp + code[pc]] + (int) s[fp + code[pc + 1]]; pc += 2; continue;
                    case LOp.LOCAL_GET_I32_CONST_I32_AND: s[sp++] = (int) s[fp + code[pc]] & code[pc + 1]; pc += 2; continue;
                    case LOp.LOCAL_GET_I32_CONST_I32_SHL: s[sp++] = (int) s[fp + code[pc]] << code[pc + 1]; pc += 2; continue;
                    case LOp.LOCAL_GET_LOCAL_GET_I32_STORE: {
                        long v = s[fp + code[pc + 1]];
                        long ea = (s[fp + code[pc]] & M32) + (code[pc + 2] & M32);
                        pc += 3;
                        if (ea > mem.byteSize() - 4) throw oob();
                        mem.set(LE_I32, ea, (int) v);
                        continue;
                    }
                    case LOp.LOCAL_GET_I32_LOAD_LOCAL_SET: {
                        long ea = (s[fp + code[pc]] & M32) + (code[pc + 1] & M32);
                        pc += 2;
                        if (ea > mem.byteSize() - 4) throw oob();
                        s[fp + code[pc++]] = mem.get(LE_I32, ea);
                        continue;
                    }
                    case LOp.LOCAL_GET_I32_EQZ_BR_IF: pc = (int) s[fp + code[pc]] == 0 ? code[pc + 1] : pc + 2; continue;
                    case LOp.I32_CONST_I32_EQ_BR_IF: pc = (int) s[--sp] == code[pc] ? code[pc + 1] : pc + 2; continue;
                    case LOp.I32_CONST_I32_NE_BR_IF: pc = (int) s[--sp] != code[pc] ? code[pc + 1] : pc + 2; continue;
                    case LOp.I32_CONST_I32_LT_S_BR_IF: pc = (int) s[--sp] < code[pc] ? code[pc + 1] : pc + 2; continue;
                    case LOp.I32_CONST_I32_LT_U_BR_IF: pc = Integer.compareUnsigned((int) s[--sp], code[pc]) < 0 ? code[pc + 1] : pc + 2; continue;
                    case LOp.I32_CONST_I32_GT_S_BR_IF: pc = (int) s[--sp] > code[pc] ? code[pc + 1] : pc + 2; continue;
                    case LOp.I32_CONST_I32_GT_U_BR_IF: pc = Integer.compareUnsigned((int) s[--sp], code[pc]) > 0 ? code[pc + 1] : pc + 2; continue;

                    case LOp.TABLE_GET: case LOp.TABLE_SET: case LOp.TABLE_SIZE: case LOp.TABLE_GROW:
                    case LOp.TABLE_FILL: case LOp.TABLE_COPY: case LOp.TABLE_INIT: case LOp.ELEM_DROP:
                    case LOp.MEMORY_INIT: case LOp.DATA_DROP: case LOp.MEMORY_COPY: case LOp.MEMORY_FILL:
                    case LOp.REF_FUNC: case LOp.REF_NULL: case LOp.REF_IS_NULL:
                        sp = TableMemoryOps.exec(op, code, pc, s, sp, ctx.inst);
                        pc += Lowerer.operandCount(code, pc - 1);
                        continue;
                    default:
                        throw new IllegalStateException("bad lowered opcode " + op + " at " + (pc - 1) + " in " + cur.name());
                }

                // A call to a switch function (callee, tail): enter it in this loop.
                int np = callee.paramCount;
                if (tail) {
                    if (WasmJfr.countTailCalls()) ctx.tailCalls.count(cur.fn.functionIndex());
                    int src = sp - np;
                    for (int k = 0; k < np; k++) s[fp + k] = s[src + k];
                    sp = fp + np;
                } else {
                    if (depth >= maxDepth) throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
                    if (depth >= m.fns.length) m.growFrames(maxDepth);
                    m.retPc[depth] = pc;
                    m.fps[depth] = fp;
                    m.fns[depth] = cur;
                    depth++;
                    fp = sp - np;
                }
                if ((long) fp + callee.frameSize > s.length) s = m.growStack((long) fp + callee.frameSize);
                init = callee.localInit;
                for (int k = 0; k < init.length; k++) s[sp++] = init[k];
                cur = callee;
                if (track) { m.depth = depth; m.cur = cur; }
                code = callee.code;
                consts = callee.consts;
                pc = 0;
                if (callee.ctx != ctx) { ctx = callee.ctx; memory = ctx.memory(); mem = bytes(memory); }
            }
        } catch (Trap t) {
            addFrames(t, m, cur, pc, depth);
            throw t;
        }
    }

    /** Appends the active frames of this loop to {@code t}, innermost first. */
    private static void addFrames(Trap t, Machine m, SwitchFunction cur, int pc, int depth) {
        t.addFrame(Calls.frame(cur.fn, pc - 1));
        for (int d = depth - 1; d >= 0 && m.fns[d] != null; d--) {
            t.addFrame(Calls.frame(m.fns[d].fn, m.retPc[d] - 1));
        }
    }

    /** {@code call_indirect}'s checks ({@link Calls#resolveIndirect}) against this instance's table and types. */
    private static FunctionInstance resolveIndirect(SwitchContext ctx, int typeIndex, int tableIndex, long index) {
        return Calls.resolveIndirect(ctx.tables[tableIndex], ctx.store, ctx.types[typeIndex], index);
    }

    /**
     * Calls a host function (or another engine's function) with the top parameters of the stack.
     * {@code m.depth} must be current; {@code m.sp} is set here so that re-entrant calls run above.
     * @return the new stack pointer, results pushed on {@code m.stack} (which the callee may have replaced)
     */
    private static int callForeign(Machine m, FunctionInstance f, SwitchContext ctx, long[] s, int sp) {
        int np = f.type().params().length;
        long[] args = Arrays.copyOfRange(s, sp - np, sp);
        sp -= np;
        m.sp = sp;
        long[] r = Calls.callForeign(f, ctx.inst, args);
        long[] st = m.stack;
        if ((long) sp + r.length > st.length) st = m.growStack((long) sp + r.length);
        System.arraycopy(r, 0, st, sp, r.length);
        return sp + r.length;
    }
}
