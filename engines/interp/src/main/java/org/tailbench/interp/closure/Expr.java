package org.tailbench.interp.closure;

/**
 * A node of the tree that produces one value: {@link #eval} evaluates the children (left to right, the
 * order the Wasm operand stack had them in) and returns the result, encoded as
 * {@link org.tailbench.wasm.ValType} says (i32 and f32 bits sign-extended from an int, i64 and f64 as
 * the long, references as store addresses or {@link org.tailbench.wasm.ValType#NULL_REF}).
 */
abstract class Expr {
    /**
     * @return the value
     * @throws org.tailbench.runtime.Trap when the instruction (or a call inside it) traps
     */
    abstract long eval(Frame f);

    /** @return true when evaluating has no effect and cannot trap, so the value may be dropped unevaluated */
    boolean isPure() { return false; }
}
