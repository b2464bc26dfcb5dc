package org.tailbench.nativ;

import java.util.Optional;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Engine {@code native}: compiles every Wasm function to x86-64 machine code in a single pass (after Winch),
 * runs it through java.lang.foreign; {@code return_call*} replace the frame (callee-pops convention), so tail
 * recursion runs in constant native stack. Linux x86-64 only ({@link Platform}). See the module README.
 */
public class NativeEngine implements Engine {
    @Override public String name() { return "native"; }

    @Override public int order() { return 70; }

    /** @return why this machine cannot run native code ({@link Platform#UNAVAILABLE}), or empty */
    @Override public Optional<String> unavailableReason() { return Optional.ofNullable(Platform.UNAVAILABLE); }

    @Override public boolean constantStackTailCalls() { return tailCalls(); }

    @Override public String description() {
        String d = "compiles to x86-64 machine code (single pass, called through java.lang.foreign); tail calls replace the frame";
        return Platform.UNAVAILABLE == null ? d : d + " [unavailable: " + Platform.UNAVAILABLE + "]";
    }

    boolean tailCalls() { return true; }

    /** Compiles with {@link EngineOptions#process()}. */
    @Override public NativeModule compile(ValidatedModule module) { return compile(module, EngineOptions.process()); }

    /**
     * Reads options {@code native.dump}, {@code native.perfMap} and {@code native.tuning} ({@link NativeOptions#of}).
     * @throws UnsupportedOperationException with the reason when this machine cannot run native code
     * @throws IllegalArgumentException      when {@code native.tuning} names a missing or invalid file
     * @throws org.tailbench.tune.TuningMismatchException when a decision of the tuning file for this module does not fit it
     */
    @Override public NativeModule compile(ValidatedModule module, EngineOptions options) {
        return compile(module, NativeOptions.of(options));
    }

    /**
     * Compiles with {@code options}.
     * @throws UnsupportedOperationException with the reason when this machine cannot run native code
     * @throws org.tailbench.tune.TuningMismatchException when a decision of {@code options.tuning()} for this module does not fit it
     */
    public NativeModule compile(ValidatedModule module, NativeOptions options) {
        if (Platform.UNAVAILABLE != null) throw new UnsupportedOperationException(name() + ": " + Platform.UNAVAILABLE);
        NativeCompileEvent ev = new NativeCompileEvent();
        ev.begin();
        NativeTuning tuning = NativeTuning.of(options.tuning(), module);
        NativeModule m = new NativeModule(module, ModuleCompiler.compile(module, tailCalls(), tuning), name(), options.dump(),
                options.perfMap(), tuning.log());
        ev.end();
        if (ev.shouldCommit()) {
            ev.engine = name();
            ev.functions = module.module().functions.size();
            ev.wasmBytes = module.module().bytes == null ? 0 : module.module().bytes.length;
            ev.codeBytes = m.codeBytes();
            ev.commit();
        }
        return m;
    }
}
