package org.tailbench.wasm.validate;

/**
 * What validation learned about one defined function, for engines to lower from
 * (all arrays are indexed by instruction number in the function's {@link org.tailbench.wasm.Code}).
 *
 * <p>Reachability: {@code stackHeight[i] == -1} exactly when no execution reaches instruction {@code i}:
 * code after {@code unreachable}, {@code br}, {@code br_table}, {@code return}, {@code return_call*} up to
 * the enclosing {@code end} (blocks nested in it included); an {@code else} whose then-branch cannot fall
 * through. An {@code end} is live when execution falls through to it, a live branch targets its block
 * (not for loops), or it closes a live {@code if} without {@code else}; its height is then the block's
 * entry height plus its result count. Block parameters stay on the stack inside the block. See
 * {@link CodeValidator} for the full rules.
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
