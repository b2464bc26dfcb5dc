package org.tailbench.interp.lower;

import org.tailbench.wasm.FuncType;

/**
 * One Wasm function lowered by {@link Lowerer} to compact code that any dispatch strategy can run.
 *
 * <p>Frame layout assumed by the code (register-window style, one {@code long} slot per value): the
 * frame base {@code fp} holds local 0; locals {@code 0 .. localCount-1} (params first) are followed by
 * the operand stack, which never grows past {@code maxStack} slots. A frame therefore needs
 * {@link #frameSize} slots from {@code fp}.
 *
 * @param functionIndex index in the module's function index space (imports first)
 * @param name          printable name (name section or {@code func[i]})
 * @param type          the function's type
 * @param code          opcodes of {@link LOp} with inline operands; entry at 0
 * @param offsets       for every index of {@code code}: byte offset (in the module bytes) of the Wasm
 *                      instruction that slot belongs to; used for trap backtraces
 * @param consts        constant pool for 64-bit immediates ({@code i64.const}, {@code f64.const})
 * @param paramCount    number of parameters (the first locals)
 * @param localCount    number of locals, parameters included
 * @param localInit     initial values of the declared (non-parameter) locals: 0, or
 *                      {@link org.tailbench.wasm.ValType#NULL_REF} for references; length
 *                      {@code localCount - paramCount}
 * @param maxStack      largest operand-stack height
 * @param returnPc      index of the function's final {@link LOp#RETURN}
 */
public record LoweredFunction(int functionIndex, String name, FuncType type, int[] code, int[] offsets,
                              long[] consts, int paramCount, int localCount, long[] localInit,
                              int maxStack, int returnPc) {
    /** @return slots a frame of this function needs from its base (locals + operand stack + 1 spare) */
    public int frameSize() { return localCount + maxStack + 1; }

    /** @return the number of results */
    public int resultCount() { return type.results().length; }

    /** @return the byte offset of the instruction occupying {@code pc}, or -1 when out of range */
    public long byteOffset(int pc) { return pc >= 0 && pc < offsets.length ? offsets[pc] : -1; }

    /** @return a readable listing of {@link #code}, one instruction per line, for debugging */
    public String disassemble() {
        StringBuilder sb = new StringBuilder();
        int pc = 0;
        while (pc < code.length) {
            int op = code[pc];
            int n = Lowerer.operandCount(code, pc);
            sb.append(pc).append(": ").append(op >= 0 && op < LOp.COUNT ? LOp.NAMES[op] : "?" + op);
            for (int k = 1; k <= n; k++) sb.append(' ').append(code[pc + k]);
            sb.append('\n');
            pc += 1 + n;
        }
        return sb.toString();
    }
}
