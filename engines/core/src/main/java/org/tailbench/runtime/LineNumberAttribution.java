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
 * LineNumberTable gives the byte offset of the Wasm instruction ({@link Code#pos}) either
 * {@linkplain #absolute absolute} (line = offset in the module) or {@linkplain #relativeToBody relative to
 * the function's body} (line = offset − {@link Module.Function#bodyOffset()}, which keeps lines of large
 * modules within the LineNumberTable's 16 bits). A frame's line is mapped to the instruction starting at
 * the greatest {@code pos <= offset} within that function's body; the function index comes from the
 * method name. Line 65535 (where a generator clamps larger offsets) gives the function only.
 */
public final class LineNumberAttribution implements FrameAttribution {
    private static final Pattern METHOD = Pattern.compile("f(\\d+)(?:[_$].*)?");

    private static final int CLAMPED = 0xFFFF;

    private final Module module;
    private final String classPrefix;
    private final String engine;
    private final boolean bodyRelative;

    private LineNumberAttribution(ValidatedModule module, String classPrefix, String engine, boolean bodyRelative) {
        this.module = module.module();
        this.classPrefix = classPrefix;
        this.engine = engine;
        this.bodyRelative = bodyRelative;
    }

    /**
     * Lines are byte offsets in the module.
     * @param module      the module the engine compiled
     * @param classPrefix prefix of the generated classes' binary names (dots), e.g. {@code org.tailbench.aot.rt.Wasm$}
     * @param engine      the engine's name, for {@link #method()}
     */
    public static LineNumberAttribution absolute(ValidatedModule module, String classPrefix, String engine) {
        return new LineNumberAttribution(module, classPrefix, engine, false);
    }

    /** Lines are byte offsets from the function's {@link Module.Function#bodyOffset()}; parameters as {@link #absolute}. */
    public static LineNumberAttribution relativeToBody(ValidatedModule module, String classPrefix, String engine) {
        return new LineNumberAttribution(module, classPrefix, engine, true);
    }

    @Override
    public Attribution attribute(String className, String methodName, int bci, int line) {
        if (className == null || methodName == null || !className.startsWith(classPrefix)) return Attribution.UNKNOWN;
        Matcher m = METHOD.matcher(methodName);
        if (!m.matches() || m.group(1).length() > 9) return Attribution.UNKNOWN;
        int index = Integer.parseInt(m.group(1));
        int defined = index - module.importedFunctions();
        if (defined < 0 || defined >= module.functions.size()) return Attribution.UNKNOWN;
        Module.Function fn = module.functions.get(defined);
        if (line < 0 || line == CLAMPED) return new Attribution(null, index);
        return new Attribution(opcodeAt(fn.body(), bodyRelative ? fn.bodyOffset() + line : line), index);
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
        return engine + ": JVM line number = Wasm byte offset of the instruction" + (bodyRelative ? " from its function body's start" : "")
                + " (LineNumberTable of the generated methods f<index>…), mapped to the decoded instruction at that offset";
    }
}
