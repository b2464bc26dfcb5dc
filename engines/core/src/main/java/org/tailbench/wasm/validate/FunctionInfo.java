package org.tailbench.wasm.validate;

/**
 * What validation learned about one defined function, for engines to lower from
 * (all arrays are indexed by instruction number in the function's {@link org.tailbench.wasm.Code}).
 *
 * @param maxStackHeight the largest operand-stack height (in values, locals excluded) reached
 * @param stackHeight    operand-stack height before each instruction, counted from the function's
 *                       empty stack; -1 where the instruction is unreachable (after br, return,
 *                       unreachable, ... until the enclosing block's end)
 * @param end            for {@code block}, {@code loop}, {@code if} and {@code else}: the index of
 *                       the matching {@code end}; -1 elsewhere
 * @param elseIndex      for {@code if}: the index of its {@code else}, or -1 when it has none; -1 elsewhere
 */
public record FunctionInfo(int maxStackHeight, int[] stackHeight, int[] end, int[] elseIndex) {}
