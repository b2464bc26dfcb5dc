package org.tailbench.nativ;

import org.tailbench.runtime.EngineOptions;
import org.tailbench.tune.TuningFile;

/**
 * Compiler options of {@code native} and {@code native-naive}, made from {@link EngineOptions} ({@link #of}); the option
 * names and system properties are in {@link EngineOptions}' table.
 *
 * @param dump    a file to write the module's machine code to (option {@code native.dump}), or "" for none
 * @param perfMap append the functions to perf's {@code /tmp/perf-PID.map} (option {@code native.perfMap})
 * @param tuning  profile-guided decisions (issue 17; README "Tuning"): the file's {@code native} section, or
 *                {@link TuningFile#EVERY_SITE}, or null: none, machine code exactly as without tuning. Option
 *                {@code native.tuning=FILE} ({@code -Dtailbench.native.tuning=FILE}), {@code run --tuning FILE}; decisions
 *                for other modules than the one compiled are ignored
 */
public record NativeOptions(String dump, boolean perfMap, TuningFile tuning) {
    /** No dump, no perf map, no tuning. */
    public static final NativeOptions NONE = new NativeOptions("", false, null);

    public NativeOptions {
        if (dump == null) throw new IllegalArgumentException("dump is null (\"\" for none)");
    }

    /**
     * @return the options {@code native.dump}, {@code native.perfMap} and {@code native.tuning} of {@code options}
     * @throws IllegalArgumentException when {@code native.tuning} names a missing or invalid file
     */
    public static NativeOptions of(EngineOptions options) {
        return new NativeOptions(options.get(EngineOptions.NATIVE_DUMP), options.get(EngineOptions.NATIVE_PERF_MAP),
                TuningFile.of(options.get(EngineOptions.NATIVE_TUNING)));
    }

    /** @return these options with tuning {@code t} (null: none) */
    public NativeOptions withTuning(TuningFile t) { return new NativeOptions(dump, perfMap, t); }
}
