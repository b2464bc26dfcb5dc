package org.tailbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The small steps the kit's suites and the engine modules' own tests share: instantiate a built module on an
 * engine, call an export and take its result, read a {@code .wasm} test resource, run a check on a thread with a
 * small Java stack (the "constant Java stack" premise of tail calls and trampolines).
 */
public final class TestSupport {
    private TestSupport() {}

    /** Java stack for "constant Java stack" checks, in bytes: far too small for one Java frame per Wasm call or instruction. */
    public static final long SMALL_JAVA_STACK = 256 * 1024;

    /**
     * @return {@code mb}'s module compiled by {@code engine} and instantiated in {@code store}, without imports
     * @throws org.tailbench.wasm.InvalidModuleException when the built module is invalid
     */
    public static Instance instantiate(Engine engine, ModuleBuilder mb, Store store) {
        return engine.compile(ValidatedModule.of(mb.build())).instantiate(store, Imports.NONE);
    }

    /**
     * Calls export {@code name} of {@code inst}.
     * @param args one value per parameter, encoded as {@link org.tailbench.wasm.ValType} says
     * @return its first result, or 0 when it has none
     * @throws org.tailbench.runtime.Trap when the call traps
     */
    public static long call(Instance inst, String name, long... args) {
        long[] r = inst.exportedFunction(name).invoke(args);
        return r.length == 0 ? 0 : r[0];
    }

    /**
     * @param path an absolute class-path resource, e.g. {@code /memory4g/heap.wasm} (the kit's, or the calling module's test resources)
     * @return its bytes
     * @throws AssertionError naming the resource when it is missing or unreadable
     */
    public static byte[] resource(String path) {
        try (InputStream in = TestSupport.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(path, e);
        }
    }

    /** Runs {@code r} on a fresh thread with a {@link #SMALL_JAVA_STACK} and rethrows what it threw. */
    public static void onSmallStack(Runnable r) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try { r.run(); } catch (Throwable e) { failure.set(e); }
        }, "small-stack", SMALL_JAVA_STACK);
        t.start();
        t.join();
        if (failure.get() != null) throw failure.get();
    }
}
