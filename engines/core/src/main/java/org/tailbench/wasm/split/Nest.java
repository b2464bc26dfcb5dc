package org.tailbench.wasm.split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.wasm.Op;

/**
 * The block nest around a wide {@code br_table} (an interpreter's dispatch, shared frame only), flattened so that a
 * dispatch costs one call instead of a walk through the nest's pieces (issue 14, "Why aot was slow on CPython").
 *
 * <p>Shape: {@code block B_n { block B_(n-1) { ... block B_1 { pre; br_table } c_1 } c_2 ... } c_(n-1) } } }, the
 * blocks value-less and opened one right after the other, the {@code br_table} the last instruction of {@code B_1}.
 * <em>Level</em> {@code k} is the code {@code c_k} after the {@code end} of {@code B_k} (a branch to {@code B_k}
 * continues there, falling off {@code c_k} continues at level {@code k+1}); level {@code n} is the code after the
 * nest. The levels {@code 1..n-1} are cut into <em>segments</em>, contiguous level ranges {@code [a, b]}, each one
 * function ({@link Region#levelIds}) that takes an i32 <em>entry code</em>: a table index {@code q ≥ 0} (enter at
 * the level the table sends {@code q} to) or {@code -1 - k} (enter at level {@code k}). The piece holding the nest
 * runs {@code pre}, then a loop: one {@code br_table} on the code to the segment's call; a segment's exit to a
 * level {@code m} of another segment sets the code to {@code -1 - m} and loops ({@link Emitter}). So control goes
 * from the dispatch straight to the handler's segment; before, it went down and up through every piece of the
 * cut nest.
 *
 * <p>Conditions ({@link #find}; otherwise the nest is cut as before): {@code n ≥ 2}; {@code pre} branches to no
 * block of the nest and leaves only the index above the nest's base; no other wide {@code br_table} between the end
 * of {@code B_1} and the end of {@code B_n}.
 */
final class Nest {
    /** clean index of the dispatch {@code br_table} */
    final int table;
    /** number of levels (blocks) */
    final int n;
    /** {@code start[k]}: clean index of block {@code B_k}, {@code k = 1..n} (index 0 unused) */
    final int[] start;
    /** label id (block start) → level */
    final Map<Integer, Integer> levelOf = new HashMap<>();
    /** planner: estimated size of {@code c_k} after its handlers were outlined, {@code k = 1..n-1}; and of pre */
    final int[] rest;
    int pre;
    /** the segments, {a, b} level ranges, in level order */
    final List<int[]> segments = new ArrayList<>();

    private Nest(int table, List<Integer> starts) {
        this.table = table;
        this.n = starts.size();
        start = new int[n + 1];
        for (int k = 1; k <= n; k++) {
            start[k] = starts.get(k - 1);
            levelOf.put(start[k], k);
        }
        rest = new int[n + 1];
    }

    /** @return the first wide {@code br_table}'s nest of {@code fa} that meets the conditions, or null */
    static Nest find(FunctionAnalysis fa) {
        for (int t = 0; t < fa.n; t++) {
            if (fa.code.opAt(t) != Op.BR_TABLE || !Region.passThrough(fa, t)) continue;
            Nest x = at(fa, t);
            if (x != null) return x;
        }
        return null;
    }

    private static boolean emptyBlock(FunctionAnalysis fa, int i) {
        return fa.code.opAt(i) == Op.BLOCK && fa.blockType[i].params().length == 0 && fa.blockType[i].results().length == 0;
    }

    private static Nest at(FunctionAnalysis fa, int t) {
        int s1 = -1;
        for (int i = t - 1; i >= 0; i--) {
            Op op = fa.code.opAt(i);
            if ((op == Op.BLOCK || op == Op.LOOP || op == Op.IF) && fa.end[i] > t) { s1 = i; break; }
        }
        if (s1 < 0 || !emptyBlock(fa, s1) || fa.end[s1] != t + 1) return null;
        List<Integer> starts = new ArrayList<>();
        starts.add(s1);
        for (int s = s1 - 1; s >= 0 && emptyBlock(fa, s); s--) starts.add(s);
        if (starts.size() < 2) return null;
        Nest x = new Nest(t, starts);
        if (fa.height(t) != fa.height(x.start[x.n]) + 1) return null;
        for (int i = s1 + 1; i < t; i++) {
            if (fa.targets[i] == null) continue;
            for (int id : fa.targets[i]) if (x.levelOf.containsKey(id)) return null;
        }
        for (int i = fa.end[s1] + 1; i < fa.end[x.start[x.n]]; i++) {
            if (fa.code.opAt(i) == Op.BR_TABLE && Region.passThrough(fa, i)) return null;
        }
        return x;
    }

    /** Cuts levels {@code 1..n-1} into segments of at most {@code target} estimated bytes ({@code perLevel} added each). */
    void partition(int target, int perLevel) {
        segments.clear();
        int a = 1, acc = 0;
        for (int k = 1; k < n; k++) {
            int c = rest[k] + perLevel;
            if (k > a && acc + c > target) {
                segments.add(new int[] {a, k - 1});
                a = k;
                acc = 0;
            }
            acc += c;
        }
        segments.add(new int[] {a, n - 1});
    }

    /** @return the segment holding level {@code k} ({@code 1 ≤ k < n}) */
    int segmentOf(int k) {
        for (int j = 0; j < segments.size(); j++) if (segments.get(j)[1] >= k) return j;
        throw new IllegalArgumentException("level " + k + " outside 1.." + (n - 1));
    }
}
