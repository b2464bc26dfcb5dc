package org.tailbench.interp.closure;

import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engine;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The {@code closure} engine: an AST interpreter in the style of Truffle's, without Truffle. Each
 * function is compiled once ({@link TreeBuilder}) into a tree of node objects whose {@code execute}
 * methods return values directly ({@link Expr}) or a small branch signal ({@link Stmt}) instead of
 * using an operand stack or exceptions, so each call site in a node class sees few receiver types
 * and the JIT can specialise and inline it. Values that cross control boundaries (block parameters
 * and results, branch values, multi-value) go through per-frame slots indexed by stack height.
 * Integer operators whose operands are locals or constants read them inline ({@link LeafNodes}), and
 * directly nested blocks (a C {@code switch}) are one node ({@link ControlNodes.Cascade}).
 *
 * <p>Trampoline. Non-tail Wasm calls recurse on the Java stack (choice (a) of issue 4): each one is
 * counted against {@link org.tailbench.runtime.Store#maxCallDepth()} and traps "call stack exhausted"
 * past it. To make the default limit (200,000 frames) reachable, a call that would go past
 * {@link Invoker#INLINE_DEPTH} (128) frames on an ordinary thread continues on a worker thread with
 * {@link Invoker#STACK_BYTES} (1 GiB) of reserved stack, the caller waiting ({@link Invoker}); shallow
 * invocations run on the calling thread with no hand-off. A {@link StackOverflowError} that still
 * happens becomes the same trap. Measured Java stack per
 * non-tail Wasm frame: about 540 bytes (7 Java frames: trampoline, two statement lists, {@code if},
 * {@code local.set}, {@code i32.add}, call node) for {@code count(n) = count(n-1) + 1} once
 * JIT-compiled (3,984,378 frames fit in 2 GiB); more while interpreted or when the call sits deep
 * inside nested blocks and expressions. Deep Java stacks make each garbage collection scan them,
 * so recursion millions deep is slow. Tail calls ({@code return_call},
 * {@code return_call_indirect}) run in constant Java stack: the callee frame is left in the
 * per-thread {@link Machine} and the caller's trampoline loop ({@link Trampoline#run}) re-dispatches.
 */
public final class ClosureEngine implements Engine {
    @Override public String name() { return "closure"; }

    @Override public int order() { return 40; }

    @Override public String description() {
        return "interpreter: per-function node trees (AST interpreter without Truffle), Java-stack calls, trampolined tail calls";
    }

    @Override public CompiledModule compile(ValidatedModule module) { return new ClosureModule(module); }

    @Override public org.tailbench.runtime.FrameAttribution frameAttribution(ValidatedModule module) { return ClosureAttribution.INSTANCE; }
}
