package org.tailbench.interp.closure;

import org.tailbench.wasm.FuncType;

/**
 * One defined function compiled to a tree ({@link TreeBuilder}); shared by every instance of the module.
 * Frame layout: see {@link Frame}.
 */
final class FunctionCode {
    final int functionIndex;
    final String name;
    final FuncType type;
    final Stmt[] body;
    final int paramCount, localCount, resultCount;
    /** locals + operand-stack slots + 1 */
    final int frameSize;
    /** initial values of the non-parameter locals, or null when they are all 0 */
    final long[] localInit;
    /**
     * Structured instructions nest deeper than {@link #DEEP_NESTING}: its tree recurses that deep on the Java
     * stack, so {@link Trampoline#run} runs it on a large-stack worker ({@link Invoker}) like deep recursion.
     */
    final boolean deep;

    /** Nesting depth of blocks, loops and ifs above which a function counts as {@link #deep}. */
    static final int DEEP_NESTING = 256;

    FunctionCode(int functionIndex, String name, FuncType type, Stmt[] body, int localCount, int maxStack, long[] localInit,
                 boolean deep) {
        this.deep = deep;
        this.functionIndex = functionIndex;
        this.name = name;
        this.type = type;
        this.body = body;
        this.paramCount = type.params().length;
        this.localCount = localCount;
        this.resultCount = type.results().length;
        this.frameSize = localCount + Math.max(maxStack, resultCount) + 1;
        this.localInit = localInit;
    }
}
