package org.tailbench.wasm.split;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.InvalidModuleException;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;
import org.tailbench.wasm.validate.Validator;

/**
 * Splits functions that are too large for a JVM method into several Wasm functions: a Wasm→Wasm pass on a
 * validated module (like a wasm-opt pass) whose result behaves exactly like its input, so that any engine
 * can use it — issue 5: the AOT compiler never sends a function back to an interpreter; the JVM rejects
 * methods over 64 KB of bytecode, and C2 does not compile methods over {@code HugeMethodLimit} (8000 bytes).
 *
 * <h2>What is outlined</h2>
 * A <em>region</em> is a contiguous run of whole <em>items</em> of one block body (a function body, a
 * {@code block}/{@code loop} body, or one arm of an {@code if}); an item is one instruction or a whole nested
 * {@code block ... end}. The region becomes a new function, called from where it was (its <em>stub</em>).
 * Dead code (validator height -1) is dropped first, so every instruction has exact operand-stack types
 * ({@link FunctionAnalysis}). Regions nest: an outlined function contains stubs of the regions inside it.
 *
 * <h2>Interface and exit-code protocol ({@link Region})</h2>
 * Params are the operand-stack values the region pops below its entry height (a region may start or end
 * anywhere in a body, with a non-empty stack), then the current values of the locals it uses. Results are
 * the slots (values carried by the exits, shared by type), then the locals it writes, then an i32 exit code
 * when it has more than one exit. Exits: falling through (code 0, carrying what the region leaves on the
 * stack), each label outside the region a branch in it targets (carrying the label's values; the outlined
 * body wraps the region in one block per exit, so {@code br}/{@code br_if}/{@code br_table} keep their
 * typing and just target the exit's block), {@code return} (the function results), and each
 * {@code return_call f} / {@code return_call_indirect t x} (carrying the arguments, plus the table index):
 * the outlined function returns them and the stub performs the tail call, so tail calls stay tail calls of
 * the original function and never grow the stack. The stub passes the locals, calls, writes back the
 * written locals, and dispatches on the code with a {@code br_table} over one block per exit, each pushing
 * the exit's values and making the original branch (which, inside an outlined function, is again an exit).
 *
 * <h2>Wide {@code br_table}s and shared frames (issue 14)</h2>
 * A value-less {@code br_table} with at least {@value Region#WIDE_TABLE} distinct targets leaves a region through
 * one exit carrying its index ({@code Region.Exit.BRT}) for all its targets outside the region; the stub replays
 * the table in the caller (targets inside the called region are never taken there). With
 * {@link Options#sharedFrame} no locals are passed or returned: every piece declares the original function's
 * locals after its stack params, and {@link Result#frameLocals} says so. Such a result is only correct on an
 * engine that runs the pieces of one activation on one frame of those locals (aot's frame strategy); on any other
 * engine the pieces would see zeroed locals.
 * With a shared frame, the block nest of such a {@code br_table} in the shape of a C {@code switch} (value-less blocks
 * opened one after the other, the table last in the innermost) is flattened instead of cut ({@link Nest}): the
 * dispatch stays in the function holding the nest and calls the piece (segment) holding the target's level directly,
 * with the table index as its one param; if no such plan fits the budget, the nest is cut as above.
 *
 * <h2>Why it is correct</h2>
 * The region runs the same instructions on the same values: its stack inputs and locals arrive as params,
 * memory, tables, globals and traps are shared state the call does not change, and every way control leaves
 * the region is an exit the stub replays with the same values in the caller, where the label, return or
 * tail call means what it meant before. Locals it does not write keep their values in the caller; a written
 * local is returned on every exit. Function, table, export and start indices are untouched (new functions
 * are appended); the result is re-validated with {@link Validator}.
 *
 * <h2>Cost model and algorithm ({@link Planner})</h2>
 * Sizes are estimated JVM bytecode bytes per instruction ({@link SizeModel}). One linear pass with an explicit
 * stack of open bodies: when a body closes, if its items (nested blocks counted at their already reduced
 * size) exceed the target, items are packed left to right into runs whose outlined function (with prologue
 * and exit trampolines) fits the budget, and the runs that save the most (size minus stub) are outlined until
 * the body fits; further rounds group the stubs. Items with more than {@value Planner#MAX_EXITS} exits that
 * need a handler in the stub (exits carrying values, {@code return}, tail calls) are never outlined; value-less
 * label exits are only priced (a dispatch entry in the caller, a trampoline in the callee), and the target of
 * a body leaves room for its block's trampolines, so the block nest around a dense {@code br_table} is
 * outlined in chunks of about the budget each. The pieces are then measured with the model; if one is over budget the plan is redone
 * with a smaller target (up to 5 attempts), keeping the best. With {@code cheapOnly} no body inside a loop is
 * cut (whole loops may move), so each added call runs at most once per invocation; if that is not enough the
 * function is left as it is. Cost: O(instructions × rounds) to plan, plus one scan per region and nesting
 * level to compute interfaces.
 *
 * <p>Not handled, and reported as "still over budget": a single instruction larger than the budget (e.g. a
 * huge {@code br_table}) stays in its piece; budgets below what a call stub with its exit dispatch costs
 * (a few hundred bytes under {@link Options#DEFAULT_MODEL} for regions with several exits and many locals)
 * leave the root piece over budget, although every outlined piece fits; items with more than
 * {@value Planner#MAX_EXITS} exits that carry values are never outlined. A {@code br_table} whose targets carry
 * values, or with fewer than {@value Region#WIDE_TABLE} distinct targets, costs one trampoline per target outside
 * a piece. A region never takes more
 * than {@value Planner#MAX_LOCALS} params. There is no liveness analysis: a region passes in every local
 * it uses and returns every local it writes.
 */
public final class FunctionSplitter {
    private FunctionSplitter() {}

    /**
     * A shared-frame split is kept when its largest piece is estimated at most this many budgets: aot's frame
     * estimate leans high (the 1000-handler br_table loop: largest piece estimated 12,542 B, 7,724 B real).
     */
    static final double SHARED_SLACK = 1.6;

    /** Estimated JVM bytecode bytes of instruction {@code instr} of {@code code}. */
    public interface SizeModel { int bytecodeBytes(Code code, int instr); }

    /**
     * @param budgetBytes largest estimated size of any function after splitting (e.g. 48 KB for the JVM's 64 KB
     *                    method limit, 8000 for C2's HugeMethodLimit)
     * @param model       per-instruction size estimate
     * @param cheapOnly   outline only code outside every loop of the function, or leave the function as is
     */
    public record Options(int budgetBytes, SizeModel model, boolean cheapOnly, java.util.function.IntPredicate select,
                          boolean sharedFrame) {
        /** A rough model of the bytes an ahead-of-time Wasm→JVM compiler emits per instruction. */
        public static final SizeModel DEFAULT_MODEL = FunctionSplitter::defaultBytes;

        /**
         * @param select      which function indices are considered at all (null: every defined function)
         * @param sharedFrame outlined regions do not pass or return locals: every piece declares the original
         *                    function's locals (params first) after its own stack params, and an engine runs the
         *                    pieces of one activation on one shared frame of those locals ({@link Result#frameLocals})
         */
        public Options {
            if (budgetBytes <= 0) throw new IllegalArgumentException("budgetBytes must be positive, got " + budgetBytes);
            if (model == null) throw new IllegalArgumentException("model is null");
        }

        public Options(int budgetBytes, SizeModel model, boolean cheapOnly) {
            this(budgetBytes, model, cheapOnly, null, false);
        }
    }

    /**
     * One function that was over budget.
     * @param functionIndex  its index (imports first), unchanged by the split
     * @param estimatedBytes its size before splitting, per the model
     * @param pieces         number of functions it became (1 when it was left as it is)
     * @param reason         why and how it was split, or why it was not
     */
    public record Report(int functionIndex, String name, int estimatedBytes, int pieces, String reason) {}

    /**
     * @param module           the split module (validated); the first functions are the input's, same indices
     * @param originalFunction for each function index of {@code module}, the input function it came from
     * @param reports          one per function over budget, in index order
     * @param frameLocals      per function index of {@code module}: 0, or (shared-frame split) the number of
     *                         locals (params included) of the original function whose frame it shares: the root
     *                         (same index as its original) holds them as its locals {@code 0..n-1}, a piece as its
     *                         locals {@code p..p+n-1} where {@code p} is its own param count; locals after those
     *                         are the function's own scratch locals
     */
    public record Result(ValidatedModule module, int[] originalFunction, List<Report> reports, int[] frameLocals) {}

    /**
     * Splits every defined function whose estimated size exceeds {@code options.budgetBytes()}.
     * @return the input module itself (with an identity map) when nothing was over budget
     * @throws IllegalStateException if the pass produced an invalid module (a bug; the message says where)
     */
    public static Result split(ValidatedModule vm, Options options) {
        Module m = vm.module();
        Costs costs = new Costs(options.model());
        TypeTable types = new TypeTable(m.types);
        List<Module.Function> functions = new ArrayList<>(m.functions);
        List<Module.Function> appended = new ArrayList<>();
        List<Integer> appendedFrom = new ArrayList<>();
        Map<Integer, String> names = new HashMap<>();
        List<Report> reports = new ArrayList<>();
        List<Integer> frames = new ArrayList<>();
        int[] rootFrame = new int[m.functionCount()];
        int budget = options.budgetBytes();
        boolean shared = options.sharedFrame();
        for (int d = 0; d < m.functions.size(); d++) {
            int fi = m.importedFunctions() + d;
            Module.Function f = m.functions.get(d);
            if (options.select() != null && !options.select().test(fi)) continue;
            long est = costs.total(f.body());
            if (est <= budget) continue;
            String name = m.functionName(fi);
            FunctionAnalysis fa = new FunctionAnalysis(m, fi, vm.functions()[d]);
            int base = m.functionCount() + appended.size();
            Attempt best = null;
            // shared frame: first with the dispatch nest flattened (Nest), then, if no attempt fits, cut as before
            for (int pass = shared ? 0 : 1; pass < 2 && (best == null || best.largest > budget); pass++) {
                for (int attempt = 0; attempt < 5; attempt++) {
                    Attempt a = Attempt.run(fa, costs, types, budget, 0.9 * Math.pow(0.75, attempt), options.cheapOnly(), base,
                            shared, pass == 0);
                    // a flattened plan within the shared slack is kept unless the plain cut fits the budget
                    boolean better = best == null || (pass == 1 && shared && best.flattened
                            ? a.largest <= budget || best.largest > SHARED_SLACK * budget : a.largest < best.largest);
                    if (better && (best == null || a.largest < best.largest)) best = a;
                    if (a.largest <= budget || a.regions.isEmpty()) break;
                }
            }
            int e = (int) Math.min(est, Integer.MAX_VALUE);
            // a shared-frame split is all or nothing too: its pieces cannot be cut again with locals as arguments
            // (with the estimate's slack: a shared-frame piece up to SHARED_SLACK × budget is kept)
            if (best.regions.isEmpty() || (options.cheapOnly() && best.largest > budget)
                    || (shared && best.largest > SHARED_SLACK * budget)) {
                reports.add(new Report(fi, name, e, 1, "not split: estimated " + est + " B > budget " + budget + " B, "
                        + (options.cheapOnly() ? "and outlining code outside loops only gets the largest piece to "
                        + best.largest + " B" : shared && !best.regions.isEmpty() ? "and the shared-frame split only gets"
                        + " the largest piece to " + best.largest + " B" : "and no region could be outlined") + " (" + best.overReason + ")"));
                continue;
            }
            functions.set(d, new Module.Function(f.typeIndex(), best.root.locals(), best.root.code(), f.bodyOffset()));
            for (int k = 0; k < best.regions.size(); k++) {
                Region r = best.regions.get(k);
                Emitter.Emitted p = best.parts.get(k);
                appended.add(new Module.Function(types.intern(p.type()), p.locals(), p.code(), f.bodyOffset()));
                appendedFrom.add(fi);
                frames.add(shared ? fa.localTypes.length : 0);
                names.put(r.funcIndex, name + "$part" + r.part);
            }
            if (shared) rootFrame[fi] = fa.localTypes.length;
            String how = "estimated " + est + " B > budget " + budget + " B: split into " + (best.regions.size() + 1)
                    + " functions, largest " + best.largest + " B" + (best.largest > budget
                    ? " (still over budget: " + best.overReason + ")" : "")
                    + (options.cheapOnly() ? ", regions outside loops only" : "")
                    + (shared ? ", locals in a shared frame" : "") + (best.flattened ? ", dispatch nest flattened" : "");
            reports.add(new Report(fi, name, e, best.regions.size() + 1, how));
        }
        int total = m.functionCount() + appended.size();
        int[] original = new int[total];
        for (int i = 0; i < m.functionCount(); i++) original[i] = i;
        for (int k = 0; k < appended.size(); k++) original[m.functionCount() + k] = appendedFrom.get(k);
        int[] frameLocals = new int[total];
        System.arraycopy(rootFrame, 0, frameLocals, 0, rootFrame.length);
        for (int k = 0; k < frames.size(); k++) frameLocals[m.functionCount() + k] = frames.get(k);
        if (appended.isEmpty()) return new Result(vm, original, reports, frameLocals);
        Module out = new Module();
        out.types.addAll(types.types);
        for (Module.Import imp : m.imports) out.addImport(imp);
        out.functions.addAll(functions);
        out.functions.addAll(appended);
        out.tables.addAll(m.tables);
        out.memories.addAll(m.memories);
        out.globals.addAll(m.globals);
        out.exports.addAll(m.exports);
        out.elements.addAll(m.elements);
        out.datas.addAll(m.datas);
        out.start = m.start;
        out.dataCount = m.dataCount;
        out.functionNames.putAll(m.functionNames);
        out.functionNames.putAll(names);
        out.bytes = m.bytes;
        try {
            return new Result(Validator.validate(out), original, reports, frameLocals);
        } catch (InvalidModuleException ex) {
            int bad = ex.functionIndex();
            throw new IllegalStateException("function splitting produced an invalid module: " + ex.getMessage()
                    + (bad >= 0 ? " — function " + bad + " is " + out.functionName(bad) : ""), ex);
        }
    }

    /** One plan with a given target factor, emitted and measured. */
    private record Attempt(List<Region> regions, Emitter.Emitted root, List<Emitter.Emitted> parts, long largest, String overReason,
                           boolean flattened) {
        static Attempt run(FunctionAnalysis fa, Costs costs, TypeTable types, int budget, double factor, boolean cheapOnly,
                           int base, boolean shared, boolean flatten) {
            Planner p = new Planner(fa, costs, budget, factor, cheapOnly, shared, flatten);
            p.plan();
            List<Region> regions = new ArrayList<>(p.regions);
            regions.sort(Comparator.comparingInt((Region r) -> r.from).thenComparing(r -> -r.to));
            for (int k = 0; k < regions.size(); k++) {
                Region r = regions.get(k);
                r.funcIndex = base + k;
                r.part = k + 1;
                r.shared = shared;
                r.analyze(fa);
            }
            Emitter em = new Emitter(fa, types, regions, shared, p.nest);
            Emitter.Emitted root = em.emitRoot();
            long largest = costs.total(root.code());
            List<Emitter.Emitted> parts = new ArrayList<>();
            for (Region r : regions) {
                Emitter.Emitted e = em.emitRegion(r);
                parts.add(e);
                largest = Math.max(largest, costs.total(e.code()));
            }
            String over = "";
            if (largest > budget) {
                int[] c = costs.of(fa.code);
                int biggest = 0;
                for (int i = 1; i < c.length; i++) if (c[i] > c[biggest]) biggest = i;
                over = c[biggest] > budget
                        ? "instruction " + fa.code.opAt(biggest).text + " at 0x" + Integer.toHexString(fa.code.pos[biggest])
                          + " alone is " + c[biggest] + " B"
                        : "items with more than " + Planner.MAX_EXITS + " exits carrying values, with more exit"
                          + " trampolines than fit the budget, or inside loops could not be outlined";
            }
            return new Attempt(regions, root, parts, largest, over, p.nest != null);
        }
    }

    /**
     * Default {@link SizeModel}: bytes of a straightforward stack-to-locals JVM translation (locals in JVM
     * locals, memory through a helper, a trap check per division) — e.g. {@code i32.add} 1, {@code local.get}
     * 2, {@code i32.load} 10, {@code call} 8, {@code br_table} 16 + 4 per label.
     */
    private static int defaultBytes(Code code, int i) {
        Op op = code.opAt(i);
        return switch (op) {
            case NOP, BLOCK, LOOP, END -> 0;
            case ELSE, BR, BR_IF, IF -> 3;
            case BR_TABLE -> 16 + 4 * code.brTables[(int) code.a[i]].length;
            case RETURN, DROP -> 1;
            case UNREACHABLE -> 4;
            case CALL -> 8;
            case CALL_INDIRECT, RETURN_CALL_INDIRECT -> 20;
            case RETURN_CALL -> 12;
            case LOCAL_GET, LOCAL_SET -> 2;
            case LOCAL_TEE -> 3;
            case GLOBAL_GET, GLOBAL_SET -> 6;
            case SELECT, SELECT_T -> 8;
            case I32_CONST, F32_CONST, I64_CONST, F64_CONST -> 3;
            case MEMORY_SIZE, MEMORY_GROW, REF_NULL, REF_IS_NULL, REF_FUNC -> 5;
            default -> {
                if (op.isMemoryAccess()) yield 10;
                if (op.prefix == 0xFC) yield 10;
                String s = op.signature;
                if (s == null) yield 10;                                  // table ops
                String t = op.text;
                if (t.contains("div") || t.contains("rem") || t.contains("trunc")) yield 4;
                if (s.endsWith(":i") && s.length() == 4 && (t.contains(".eq") || t.contains(".ne") || t.contains(".lt")
                        || t.contains(".gt") || t.contains(".le") || t.contains(".ge"))) yield 7;   // compare to 0/1
                yield 1;
            }
        };
    }
}
