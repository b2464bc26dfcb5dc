package org.tailbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.tailbench.runtime.Trap;

/** The Wasm backtrace of a trap as the CLI prints it: innermost frame first, runs of identical frames folded. */
final class Backtrace {
    private Backtrace() {}

    /**
     * @return one line per frame ({@link Trap.Frame#toString()}); a frame repeated {@code n > 1} times in a row
     *         (runaway recursion) is one line with {@code (× n)}; a last line counts the frames that were not kept
     */
    static List<String> lines(Trap t) {
        List<String> out = new ArrayList<>();
        List<Trap.Frame> frames = t.wasmBacktrace();
        for (int i = 0; i < frames.size(); ) {
            int j = i;
            while (j < frames.size() && frames.get(j).equals(frames.get(i))) j++;
            out.add(frames.get(i) + (j - i > 1 ? " (× " + (j - i) + ")" : ""));
            i = j;
        }
        if (t.omittedFrames() > 0) out.add("... " + t.omittedFrames() + " more frames");
        return out;
    }
}
