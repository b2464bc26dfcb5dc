package org.tailbench.wasm.split;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tailbench.wasm.Op;

/**
 * Chooses the regions of one function (see {@link FunctionSplitter} for the algorithm): one pass over the
 * clean code with an explicit stack of open block bodies; when a body closes, its items (instructions and
 * whole nested blocks, with their residual sizes after their own bodies were reduced) are packed greedily
 * into runs, and the runs that save the most are outlined until the body fits its target. Later rounds
 * group the stubs left by earlier ones. Each item carries the set of exits and locals it uses (capped;
 * an item over the cap is never outlined), so packing costs O(items) per round.
 */
final class Planner {
    /**
     * Items with more distinct exits than this that need a handler in the caller's dispatch (exits carrying
     * values, {@code return}, tail calls) are not outlined: each costs a handler block in the stub.
     */
    static final int MAX_EXITS = 64;
    /**
     * Items with more distinct exits than this in all are not outlined. Value-less label exits (e.g. the
     * targets of a dense {@code br_table} outside the item) are cheap: one entry of the stub's dispatch
     * {@code br_table} aimed at the label itself, and one trampoline (exit code, branch) in the callee; the
     * cost model prices both, so this only bounds the planner's work.
     */
    static final int MAX_ALL_EXITS = 16_384;
    /**
     * A run stops growing before it needs more parameters than this: a JVM method has at most 255 parameter
     * slots, i64/f64 take two, and the compiled method may need one for its instance.
     */
    static final int MAX_LOCALS = 120;

    private final FunctionAnalysis fa;
    private final Costs costs;
    private final int cap, rootTarget, innerTarget;
    private final boolean cheapOnly, shared;
    final List<Region> regions = new ArrayList<>();
    /** the flattened dispatch nest (shared frame only), or null */
    final Nest nest;

    /** An item of a body: an instruction, a whole block, or a stub of an outlined region. */
    private static final class Item {
        int start, endExcl, size, low;
        Set<Region.Exit> exits;         // null: too many
        Set<Integer> uses, writes;      // null: too many
        boolean falls;
        /** holds a wide {@code br_table} (the dispatch of an interpreter loop; shared frame only, see {@link #closeBody}) */
        boolean dispatch;
    }

    private static final class Frame {
        final List<Item> items = new ArrayList<>();
        final Item block;
        final boolean inLoop;
        Frame(Item block, boolean inLoop) { this.block = block; this.inLoop = inLoop; }
    }

    Planner(FunctionAnalysis fa, Costs costs, int budget, double factor, boolean cheapOnly, boolean shared) {
        this(fa, costs, budget, factor, cheapOnly, shared, true);
    }

    /** @param flatten flatten the block nest of a wide {@code br_table} ({@link Nest}) when it has that shape */
    Planner(FunctionAnalysis fa, Costs costs, int budget, double factor, boolean cheapOnly, boolean shared, boolean flatten) {
        this.fa = fa;
        this.shared = shared;
        this.costs = costs;
        this.cheapOnly = cheapOnly;
        this.cap = (int) (budget * factor);
        this.rootTarget = (int) (budget * factor);
        this.innerTarget = (int) (cap * 0.9);
        this.nest = shared && !cheapOnly && flatten ? Nest.find(fa) : null;
    }

    /** @return the estimated size of what stays in the function */
    int plan() {
        List<Frame> stack = new ArrayList<>();
        stack.add(new Frame(null, false));
        int[] cost = costs.of(fa.code);
        spreadWideTables(cost);
        List<Integer> wide = new ArrayList<>();
        if (shared) for (int i = 0; i < fa.n; i++) if (fa.code.opAt(i) == Op.BR_TABLE && Region.passThrough(fa, i)) wide.add(i);
        for (int i = 0; i < fa.n; i++) {
            Op op = fa.code.opAt(i);
            Frame f = stack.get(stack.size() - 1);
            switch (op) {
                case BLOCK, LOOP, IF -> {
                    Item b = new Item();
                    b.start = i;
                    b.endExcl = fa.end[i] + 1;
                    b.size = cost[i];
                    b.low = fa.low[i];
                    b.exits = new HashSet<>();
                    b.uses = new HashSet<>();
                    b.writes = new HashSet<>();
                    b.falls = fa.live[fa.end[i]];
                    for (int w : wide) b.dispatch |= i < w && w < fa.end[i];
                    stack.add(new Frame(b, f.inLoop || op == Op.LOOP));
                }
                case ELSE -> {
                    closeBody(f);
                    f.block.size += cost[i];
                    stack.set(stack.size() - 1, new Frame(f.block, f.inLoop));
                }
                case END -> {
                    if (f.block == null) return closeBody(f) + cost[i];
                    closeBody(f);
                    Item b = f.block;
                    b.size += cost[i];
                    if (b.exits != null) b.exits.remove(new Region.Exit(Region.Exit.LABEL, b.start, 0));
                    if (nest != null && b.start == nest.start[nest.n]) b.size = flattenNest();
                    stack.remove(stack.size() - 1);
                    stack.get(stack.size() - 1).items.add(b);
                }
                default -> {
                    Item it = plain(i, op, cost[i]);
                    it.dispatch = wide.contains(i);
                    // the flattened nest's dispatch stays in the function holding the nest, and so does every block around it
                    if (nest != null && i == nest.table) it.exits = null;
                    f.items.add(it);
                }
            }
        }
        throw new IllegalStateException("function body without final end");
    }

    /**
     * A wide {@code br_table} ({@link Region#passThrough}) costs, in each function it ends up in, by the distinct
     * targets open there (a piece sends the rest to one exit; the caller replays the table): price the table
     * as one over two labels, and each target block with its share of the rest, so that the block nest around
     * the dispatch can be cut into chunks that each pay for their own labels.
     */
    private void spreadWideTables(int[] cost) {
        for (int i = 0; i < fa.n; i++) {
            if (fa.code.opAt(i) != Op.BR_TABLE || !Region.passThrough(fa, i) || (nest != null && i == nest.table)) continue;
            int[] ids = fa.targets[i];
            Set<Integer> distinct = new HashSet<>();
            for (int id : ids) distinct.add(id);
            int small = costs.brTable(ids.length - 1, 2);
            int per = Math.max(0, (cost[i] - small) / distinct.size());
            cost[i] = small;
            for (int id : distinct) if (id >= 0) cost[id] += per;
        }
    }

    private Item plain(int i, Op op, int size) {
        Item it = new Item();
        it.start = i;
        it.endExcl = i + 1;
        it.size = size;
        it.low = fa.low[i];
        it.falls = !FunctionAnalysis.unconditional(op);
        it.exits = Set.of();
        it.uses = Set.of();
        it.writes = Set.of();
        switch (op) {
            case BR_TABLE -> {
                if (Region.passThrough(fa, i)) { it.exits = Set.of(new Region.Exit(Region.Exit.BRT, i, 0)); break; }
                Set<Region.Exit> e = new HashSet<>();
                for (int id : fa.targets[i]) e.add(new Region.Exit(Region.Exit.LABEL, id, 0));
                it.exits = tooMany(e) ? null : e;
            }
            case BR, BR_IF -> {
                Set<Region.Exit> e = new HashSet<>();
                for (int id : fa.targets[i]) e.add(new Region.Exit(Region.Exit.LABEL, id, 0));
                it.exits = tooMany(e) ? null : e;
            }
            case RETURN -> it.exits = Set.of(Region.Exit.RET);
            case RETURN_CALL -> it.exits = Set.of(new Region.Exit(Region.Exit.RC, (int) fa.code.a[i], 0));
            case RETURN_CALL_INDIRECT -> it.exits = Set.of(new Region.Exit(Region.Exit.RCI, (int) fa.code.a[i], (int) fa.code.b[i]));
            case LOCAL_GET -> { if (!shared) it.uses = Set.of((int) fa.code.a[i]); }
            case LOCAL_SET, LOCAL_TEE -> { if (!shared) { it.uses = Set.of((int) fa.code.a[i]); it.writes = it.uses; } }
            default -> { }
        }
        return it;
    }

    /** Reduces the body's items to its target, adds them to the enclosing block item, returns the residual size. */
    private int closeBody(Frame f) {
        boolean root = f.block == null;
        int total = sum(f.items);
        // a block item must fit one run as a whole, with its exit trampolines: the else arm gets what the then
        // arm left (exits do not change when items are outlined: a stub keeps the exits of what it replaced)
        if (f.block != null) for (Item it : f.items) f.block.exits = unionExits(f.block.exits, it.exits);
        int trampolines = 0;
        if (!root && f.block.exits != null && f.block.exits.size() > 1) {
            int values = 0;
            for (Region.Exit x : f.block.exits) values += x.values(fa, null).length;
            trampolines = costs.calleeOverhead(0, 0, f.block.exits.size(), values);
        }
        int target = root ? rootTarget : Math.max(innerTarget / 4, innerTarget - f.block.size - trampolines);
        if (shared && !(cheapOnly && f.inLoop) && f.items.stream().anyMatch(it -> it.dispatch)) {
            // shared frame, a body around a wide br_table (the dispatch of an interpreter loop): every run of the code
            // after the block nest (the handlers) that is worth a call moves out first, whatever the body's size, so
            // the nest keeps only stubs and is cut into few levels. A dispatch passes through every level of the nest
            // (a call down, a table replay back up): CPython's eval loop, its handlers left in the nest, went through
            // 20+ levels per opcode (issue 14, "Why aot was slow on CPython").
            List<Item> next = outline(f.items, Integer.MAX_VALUE, true);
            if (next != null) {
                f.items.clear();
                f.items.addAll(next);
                total = sum(f.items);
            }
        }
        Integer level = nest == null || root ? null : nest.levelOf.get(f.block.start);
        if (level != null && level >= 2) {
            // a level of the flattened nest: the code after the inner block (c_(level-1)) goes to a segment, the inner
            // block to the nest's dispatch: nothing more is cut here
            int rest = 0;
            for (int k = 1; k < f.items.size(); k++) rest += f.items.get(k).size;
            nest.rest[level - 1] = rest;
            target = Integer.MAX_VALUE;
        } else if (level != null) {
            nest.pre = Math.max(0, total - costs.brTable(1, 1));
        }
        if (total > target && !(cheapOnly && f.inLoop)) {
            for (int round = 0; round < 8 && total > target; round++) {
                List<Item> next = outline(f.items, total - target, false);
                if (next == null) break;
                f.items.clear();
                f.items.addAll(next);
                total = sum(f.items);
            }
        }
        if (f.block != null) {
            Item b = f.block;
            b.size += total;
            for (Item it : f.items) {
                b.uses = union(b.uses, it.uses, MAX_LOCALS);
                b.writes = union(b.writes, it.writes, MAX_LOCALS);
            }
        }
        return total;
    }

    /**
     * Cuts the levels of the {@link Nest} into segments of about the inner target each, adds them as regions, and
     * returns the estimated size of what stays in the function holding the nest: pre, the two dispatch tables and a
     * call stub per segment.
     */
    private int flattenNest() {
        nest.partition(innerTarget - costs.stub(0, 0, 8, 0, 0, true) - 200, 8);
        for (int[] seg : nest.segments) {
            Region r = new Region(fa.end[nest.start[seg[0]]], fa.end[nest.start[seg[1] + 1]]);
            r.firstLevel = seg[0];
            r.levelIds = new int[seg[1] - seg[0] + 1];
            for (int k = seg[1]; k >= seg[0]; k--) r.levelIds[seg[1] - k] = nest.start[k];
            regions.add(r);
        }
        int m = nest.segments.size();
        int[] ids = fa.targets[nest.table];
        return nest.pre + costs.brTable(ids.length - 1, Math.min(ids.length, m + 2)) + costs.brTable(m + 1, m + 1)
                + m * (costs.stub(0, 0, 8, 4, 0, true) + 16) + 40;
    }

    /** A label exit without values: a direct entry of the caller's dispatch, no handler block. */
    private boolean direct(Region.Exit x) {
        return x.kind() == Region.Exit.LABEL && fa.labelTypes(x.a()).length == 0;
    }

    private boolean tooMany(Set<Region.Exit> exits) {
        if (exits.size() > MAX_ALL_EXITS) return true;
        if (exits.size() <= MAX_EXITS) return false;
        int handlers = 0;
        for (Region.Exit x : exits) if (!direct(x) && ++handlers > MAX_EXITS) return true;
        return false;
    }

    private Set<Region.Exit> unionExits(Set<Region.Exit> into, Set<Region.Exit> add) {
        if (into == null || add == null) return null;
        into.addAll(add);
        return tooMany(into) ? null : into;
    }

    private static <T> Set<T> union(Set<T> into, Set<T> add, int max) {
        if (into == null || add == null) return null;
        into.addAll(add);
        return into.size() > max ? null : into;
    }

    private static int sum(List<Item> items) {
        long s = 0;
        for (Item it : items) s += it.size;
        return (int) Math.min(s, Integer.MAX_VALUE);
    }

    /** A candidate run of items {@code [s, e)}. */
    private record Run(int s, int e, int gain) {}

    /**
     * One round: pack runs, outline the best until {@code excess} is saved; null when nothing helps.
     * @param avoidDispatch runs start after the first item containing a wide {@code br_table} ({@link Item#dispatch}) and
     *                      hold no such item
     */
    private List<Item> outline(List<Item> items, int excess, boolean avoidDispatch) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        if (avoidDispatch) {   // only the code after the nest: what runs before the dispatch stays in line
            while (i < items.size() && !items.get(i).dispatch) i++;
            i++;
        }
        while (i < items.size()) {
            Item first = items.get(i);
            if (first.exits == null || first.uses == null || (avoidDispatch && first.dispatch)) { i++; continue; }
            Set<Region.Exit> exits = new HashSet<>();
            Set<Integer> uses = new HashSet<>(), writes = new HashSet<>();
            int size = 0, j = i, minLow = fa.height(first.start), exitValues = 0, directs = 0;
            int bestJ = -1, bestGain = 0;
            while (j < items.size()) {
                Item it = items.get(j);
                if (it.exits == null || it.uses == null || (avoidDispatch && it.dispatch)) break;
                int newExits = 0, newValues = 0, newUses = 0, newWrites = 0, newDirects = 0;
                for (Region.Exit x : it.exits) {
                    if (!exits.contains(x)) {
                        newExits++;
                        newValues += x.values(fa, null).length;
                        if (direct(x)) newDirects++;
                    }
                }
                for (int x : it.uses) if (!uses.contains(x)) newUses++;
                for (int x : it.writes) if (!writes.contains(x)) newWrites++;
                int low2 = Math.min(minLow, it.low);
                int in = fa.height(first.start) - low2;
                int handlers = exits.size() + newExits - directs - newDirects;
                if (handlers > MAX_EXITS || exits.size() + newExits > MAX_ALL_EXITS
                        || uses.size() + newUses + in > MAX_LOCALS) break;
                int out = it.falls ? fa.height(it.endExcl) - low2 : 0;
                int exitCount = exits.size() + newExits + (it.falls ? 1 : 0);
                int values = exitValues + newValues + out;
                int w = writes.size() + newWrites;
                int callee = size + it.size + costs.calleeOverhead(in, w, exitCount, values);
                if (callee > cap) break;
                exits.addAll(it.exits);
                uses.addAll(it.uses);
                writes.addAll(it.writes);
                minLow = low2;
                exitValues += newValues;
                directs += newDirects;
                size += it.size;
                j++;
                int stub = costs.stub(uses.size(), w, exitCount, directs, values, !it.falls || exitCount > 1);
                if (size - stub > bestGain) { bestGain = size - stub; bestJ = j; }
            }
            if (bestJ > i) {
                runs.add(new Run(i, bestJ, bestGain));
                i = bestJ;
            } else {
                i++;
            }
        }
        if (runs.isEmpty()) return null;
        List<Run> byGain = new ArrayList<>(runs);
        byGain.sort(Comparator.comparingInt(Run::gain).reversed());
        Set<Run> chosen = new HashSet<>();
        long saved = 0;
        for (Run r : byGain) {
            if (saved >= excess) break;
            if (r.e - r.s == 1 && items.get(r.s).exits != null && isStub(items.get(r.s))) continue;
            chosen.add(r);
            saved += r.gain;
        }
        if (chosen.isEmpty()) return null;
        List<Item> next = new ArrayList<>();
        int k = 0;
        for (Run r : runs) {
            while (k < r.s) next.add(items.get(k++));
            if (!chosen.contains(r)) continue;
            next.add(stubItem(items, r));
            k = r.e;
        }
        while (k < items.size()) next.add(items.get(k++));
        return next;
    }

    private final Set<Item> stubs = new HashSet<>();

    private boolean isStub(Item it) { return stubs.contains(it); }

    private Item stubItem(List<Item> items, Run r) {
        Item first = items.get(r.s), last = items.get(r.e - 1);
        Region region = new Region(first.start, last.endExcl);
        regions.add(region);
        Item stub = new Item();
        stub.start = region.from;
        stub.endExcl = region.to;
        stub.falls = last.falls;
        stub.exits = new HashSet<>();
        stub.uses = new HashSet<>();
        stub.writes = new HashSet<>();
        int size = 0;
        stub.low = Integer.MAX_VALUE;
        for (int k = r.s; k < r.e; k++) {
            Item it = items.get(k);
            size += it.size;
            stub.low = Math.min(stub.low, it.low);
            stub.dispatch |= it.dispatch;
            stub.exits = union(stub.exits, it.exits, Integer.MAX_VALUE);
            stub.uses = union(stub.uses, it.uses, Integer.MAX_VALUE);
            stub.writes = union(stub.writes, it.writes, Integer.MAX_VALUE);
        }
        stub.size = size - r.gain;
        stubs.add(stub);
        return stub;
    }
}
