package org.tailbench.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.LinkException;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.InvalidModuleException;
import org.tailbench.wasm.MalformedModuleException;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.ValType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Runs one fuzz case in this JVM: decode → validate once, then per engine compile → instantiate (with
 * {@link SyntheticImports}) → invoke every exported function with default arguments, each on a fresh
 * thread with a large stack under a wall-clock limit. Each engine's run becomes a list of outcome steps
 * ({@link Outcomes}). A thread that overruns its limit is abandoned (Java cannot stop it);
 * {@link #stuck()} then tells the worker to exit so the parent restarts it.
 */
public final class CaseRunner {
    /** Frames before "call stack exhausted": low enough for every engine to reach it on its thread's stack. */
    public static final int MAX_CALL_DEPTH = 10_000;
    /** Memory page limit of the store (16 MiB), so memory hashes stay cheap. */
    public static final int MAX_MEMORY_PAGES = 256;
    private static final long STACK_BYTES = 512L << 20;

    private final long invokeLimitMillis;
    private final long compileLimitMillis;
    private volatile boolean stuck;

    /**
     * @param invokeLimitMillis wall-clock limit of one exported function's invocation
     * @param compileLimitMillis wall-clock limit of compile + instantiate on one engine
     */
    public CaseRunner(long invokeLimitMillis, long compileLimitMillis) {
        this.invokeLimitMillis = invokeLimitMillis;
        this.compileLimitMillis = compileLimitMillis;
    }

    /** @return true once a run overran its limit and its thread still runs */
    public boolean stuck() { return stuck; }

    /**
     * @return per engine (in {@code engines}' order) its outcome steps for {@code bytes}; stops after the first
     *         engine whose run overran its limit ({@link #stuck()}), so the list may be shorter than {@code engines}
     */
    public List<List<String>> run(byte[] bytes, List<Engine> engines) { return run(bytes, engines, false); }

    /**
     * @param parallel run the engines at the same time, each on its own thread (all of them, even when some
     *        overrun their limits): after an engine timed out on a case, the rest most likely will too, and one
     *        worker restart for all of them is cheaper than one each. Timings are then shared between engines,
     *        so a disagreement involving a timeout must be re-checked (the fuzzer re-runs it with a longer limit).
     */
    public List<List<String>> run(byte[] bytes, List<Engine> engines, boolean parallel) {
        ValidatedModule vm;
        String rejected;
        try {
            vm = ValidatedModule.of(bytes);
            rejected = null;
        } catch (MalformedModuleException e) {
            vm = null;
            rejected = e.offset() < 0 ? Outcomes.CRASH + "malformed without offset: " + e.getMessage()
                    : "malformed @" + e.offset() + ": " + e.specMessage();
        } catch (InvalidModuleException e) {
            vm = null;
            rejected = e.getMessage().endsWith("()") ? Outcomes.CRASH + "invalid without location: " + e.getMessage()
                    : "invalid" + (e.functionIndex() >= 0 ? " func " + e.functionIndex() + " @" + e.offset() : "") + ": " + e.specMessage();
        } catch (Throwable t) {
            vm = null;
            rejected = Outcomes.crash("decode/validate", t);
        }
        if (parallel && vm != null) {
            ValidatedModule v = vm;
            List<List<String>> results = new ArrayList<>(Collections.nCopies(engines.size(), List.of()));
            List<Thread> watchers = new ArrayList<>();
            for (int i = 0; i < engines.size(); i++) {
                int k = i;
                watchers.add(Thread.startVirtualThread(() -> results.set(k, runEngine(engines.get(k), v))));
            }
            for (Thread w : watchers) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return results;
        }
        List<List<String>> all = new ArrayList<>();
        for (Engine e : engines) {
            if (vm == null) {
                all.add(List.of(rejected));
            } else {
                all.add(runEngine(e, vm));
                if (stuck) break; // the abandoned thread would slow the next engines down: the worker restarts first
            }
        }
        return all;
    }

    /** One engine's steps on a valid module, on its own thread under the limits. */
    private List<String> runEngine(Engine engine, ValidatedModule vm) {
        List<String> steps = Collections.synchronizedList(new ArrayList<>());
        long[] deadline = {System.nanoTime() + compileLimitMillis * 1_000_000L};
        String[] phase = {"compile"};
        Thread t = new Thread(null, () -> execute(engine, vm, steps, deadline, phase), "fuzz-" + engine.name(), STACK_BYTES);
        t.setDaemon(true);
        t.start();
        try {
            while (t.isAlive()) {
                long left;
                synchronized (deadline) { left = deadline[0] - System.nanoTime(); }
                if (left <= 0) {
                    synchronized (deadline) {
                        if (deadline[0] - System.nanoTime() <= 0 && t.isAlive()) {
                            steps.add(phase[0] + ": timeout");
                            deadline[0] = Long.MAX_VALUE; // the thread's later steps are ignored: copied below
                            stuck = true;
                            return List.copyOf(steps);
                        }
                    }
                    continue;
                }
                t.join(Math.max(1, Math.min(20, left / 1_000_000L))); // short waits: the deadline moves per phase
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(steps);
    }

    private void execute(Engine engine, ValidatedModule vm, List<String> steps, long[] deadline, String[] phase) {
        Module m = vm.module();
        Store store = new Store().maxCallDepth(MAX_CALL_DEPTH).maxMemoryPages(MAX_MEMORY_PAGES);
        Instance inst;
        try {
            CompiledModule cm = engine.compile(vm);
            synchronized (deadline) { // the start function runs under the invocation limit
                phase[0] = "instantiate";
                deadline[0] = System.nanoTime() + invokeLimitMillis * 1_000_000L;
            }
            Imports imports;
            try {
                imports = SyntheticImports.of(m, store);
            } catch (Throwable x) {
                add(steps, deadline, "link error: import not made: " + Outcomes.clip(x.getMessage()));
                return;
            }
            inst = cm.instantiate(store, imports);
        } catch (LinkException x) {
            add(steps, deadline, "link error: " + x.specMessage());
            return;
        } catch (Trap x) {
            add(steps, deadline, "instantiate: trap " + Outcomes.trapText(x));
            return;
        } catch (Throwable x) {
            add(steps, deadline, Outcomes.crash(phase[0], x));
            return;
        }
        if (!add(steps, deadline, "instantiated")) return;
        boolean stateReliable = true;
        for (Module.Export ex : m.exports) {
            if (ex.kind() != Module.ExternKind.FUNC) continue;
            String name = "invoke " + Outcomes.clip(ex.name());
            FunctionInstance f;
            long[] args;
            try {
                f = inst.exportedFunction(ex.name());
                ValType[] ps = f.type().params();
                args = new long[ps.length];
                for (int i = 0; i < ps.length; i++) args[i] = SyntheticImports.defaultValue(ps[i]);
            } catch (Throwable x) {
                add(steps, deadline, Outcomes.crash(name, x));
                return;
            }
            synchronized (deadline) {
                if (deadline[0] == Long.MAX_VALUE) return;
                phase[0] = name;
                deadline[0] = System.nanoTime() + invokeLimitMillis * 1_000_000L;
            }
            String step;
            try {
                long[] results = f.invoke(args);
                step = name + ": " + Outcomes.results(f.type().results(), results);
            } catch (Trap x) {
                step = name + ": trap " + Outcomes.trapText(x);
                if (x.kind() == TrapKind.CALL_STACK_EXHAUSTED) stateReliable = false; // how deep is up to the engine
            } catch (Throwable x) {
                add(steps, deadline, Outcomes.crash(name, x));
                return;
            }
            String state = stateReliable ? Outcomes.state(inst) : Outcomes.NO_STATE;
            if (!add(steps, deadline, step + Outcomes.STATE_SEPARATOR + state)) return;
        }
    }

    /** Adds {@code step} unless the run was already cut off by its limit; @return whether it was added */
    private static boolean add(List<String> steps, long[] deadline, String step) {
        synchronized (deadline) {
            if (deadline[0] == Long.MAX_VALUE) return false;
            steps.add(step);
            return true;
        }
    }
}
