package org.tailbench.interp.closure;

/**
 * A node of the tree that produces no value (a local/global/memory write, a branch, a structured
 * block). {@link #exec} returns a branch signal instead of throwing: 0 means "continue with the next
 * statement"; {@code k > 0} means "leave {@code k} enclosing labels", i.e. a branch to relative label
 * depth {@code k - 1}. Each {@link ControlNodes.Block}, {@link ControlNodes.Loop} and
 * {@link ControlNodes.If} consumes one level (a loop restarts on 1), a {@link ControlNodes.Cascade}
 * one per block it stands for; the function body is the outermost level, so {@code return} is the
 * signal that leaves it. {@link #run} notes the offset of the statement a trap passes through, for
 * the backtrace.
 */
abstract class Stmt {
    /** byte offset (in the module) of the instruction this statement was built from, for backtraces */
    int pos = -1;

    /**
     * @return the branch signal (0 = fall through)
     * @throws org.tailbench.runtime.Trap when execution traps
     */
    abstract int exec(Frame f);

    /** Runs {@code body} in order; @return the first non-zero signal, or 0 */
    static int run(Stmt[] body, Frame f) {
        int k = 0;
        try {
            for (; k < body.length; k++) {
                int sig = body[k].exec(f);
                if (sig != 0) return sig;
            }
            return 0;
        } catch (org.tailbench.runtime.Trap t) {
            f.m.noteTrapOffset(body[k].pos);
            throw t;
        }
    }
}
