package org.tailbench.runtime;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * {@link FrameAttribution} for compiling engines that emit one JVM method (or several split parts) per
 * Wasm function, named {@code f<index>} optionally followed by {@code _} or {@code $} and anything
 * (e.g. {@code f12_main}, {@code f12$part2}), in classes whose name starts with a given prefix, and whose
 * LineNumberTable gives as line number the byte offset of the Wasm instruction in the module
 * ({@link Code#pos}). A frame's line is mapped to the instruction starting at the greatest
 * {@code pos <= line} within that function's body; the function index comes from the method name.
 */
public final class LineNumberAttribution implements FrameAttribution {
    private static final Pattern METHOD = Pattern.compile("f(\\d+)(?:[_$].*)?");

    private final Module module;
    private final String classPrefix;
    private final String engine;

    /**
     * @param module      the module the engine compiled
     * @param classPrefix prefix of the generated classes' binary names (dots), e.g. {@code org.tailbench.aot.gen.}
     * @param engine      the engine's name, for {@link #method()}
     */
    public LineNumberAttribution(ValidatedModule module, String classPrefix, String engine) {
        this.module = module.module();
        this.classPrefix = classPrefix;
        this.engine = engine;
    }

    @Override
    public Attribution attribute(String className, String methodName, int bci, int line) {
        if (className == null || methodName == null || !className.startsWith(classPrefix)) return Attribution.UNKNOWN;
        Matcher m = METHOD.matcher(methodName);
        if (!m.matches() || m.group(1).length() > 9) return Attribution.UNKNOWN;
        int index = Integer.parseInt(m.group(1));
        int defined = index - module.importedFunctions();
        if (defined < 0 || defined >= module.functions.size()) return Attribution.UNKNOWN;
        return new Attribution(opcodeAt(module.functions.get(defined).body(), line), index);
    }

    /** @return the text name of the instruction of {@code code} at byte offset {@code offset}, or null */
    static String opcodeAt(Code code, int offset) {
        if (offset < 0 || code.length == 0 || offset < code.pos[0]) return null;
        int i = Arrays.binarySearch(code.pos, 0, code.length, offset);
        if (i < 0) i = -i - 2;   // the instruction starting before offset
        return code.opAt(i).text;
    }

    @Override
    public String method() {
        return engine + ": JVM line number = Wasm byte offset of the instruction (LineNumberTable of the generated"
                + " methods f<index>…), mapped to the decoded instruction at that offset";
    }
}
