package org.tailbench.interp.attr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tailbench.interp.lower.LOp;
import org.tailbench.runtime.FrameAttribution;

/**
 * {@link FrameAttribution} for a switch-dispatch loop: reads the loop method's own class bytes (JDK
 * class-file API, {@code java.lang.classfile}), takes its largest {@code tableswitch} (the dispatch over
 * {@link LOp}), and gives each case the bytecode-index range from its target up to the next case's
 * target (in bytecode order). A frame of that method is attributed to the lowered opcode(s) whose range
 * holds its bci, named with {@link HandlerNames#label}; cases sharing one target are joined with
 * {@code /}; the loop head (from the last branch target before the {@code tableswitch} to its end: fetching
 * the opcode and the jump) is {@value #DISPATCH}. Code that the cases share after their own range (e.g. a common call sequence reached by
 * a jump) is attributed to the case laid out just before it, so read the result as approximate.
 */
public final class SwitchCaseAttribution implements FrameAttribution {
    /** Label of the loop head (opcode fetch and the tableswitch jump). */
    public static final String DISPATCH = "(dispatch)";
    private final String className;
    private final String methodName;
    /** case target bci → label (null: not attributed); ranges end at the next key */
    private final TreeMap<Integer, String> ranges;
    private final int end;
    private final String engine;

    private SwitchCaseAttribution(String className, String methodName, TreeMap<Integer, String> ranges, int end, String engine) {
        this.className = className;
        this.methodName = methodName;
        this.ranges = ranges;
        this.end = end;
        this.engine = engine;
    }

    /**
     * @param loopClass  the class holding the loop (its bytes are read from its class loader)
     * @param methodName the loop method
     * @param engine     the engine name for {@link #method()}
     * @throws IllegalStateException when the class bytes cannot be read or the method has no tableswitch
     */
    public static SwitchCaseAttribution of(Class<?> loopClass, String methodName, String engine) {
        byte[] bytes;
        String res = loopClass.getName().substring(loopClass.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = loopClass.getResourceAsStream(res)) {
            if (in == null) throw new IllegalStateException("cannot read the class bytes of " + loopClass.getName());
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClassModel cm = ClassFile.of().parse(bytes);
        TableSwitchInstruction best = null;
        CodeAttribute bestCode = null;
        int dispatchStart = -1, dispatchEnd = -1;
        for (MethodModel mm : cm.methods()) {
            if (!mm.methodName().equalsString(methodName)) continue;
            CodeModel code = mm.code().orElse(null);
            if (!(code instanceof CodeAttribute attr)) continue;
            int bci = 0, lastLabel = 0;
            for (var e : code) {
                if (e instanceof LabelTarget) lastLabel = bci;
                if (e instanceof TableSwitchInstruction ts && (best == null || ts.cases().size() > best.cases().size())) {
                    best = ts;
                    bestCode = attr;
                    dispatchStart = lastLabel;
                    dispatchEnd = bci + ts.sizeInBytes();
                }
                if (e instanceof Instruction i) bci += i.sizeInBytes();
            }
        }
        if (best == null) throw new IllegalStateException(loopClass.getName() + "." + methodName + " has no tableswitch");
        Map<Integer, List<String>> byTarget = new LinkedHashMap<>();
        for (SwitchCase c : best.cases()) {
            int v = c.caseValue();
            if (v < 0 || v >= LOp.COUNT) continue;
            byTarget.computeIfAbsent(bestCode.labelToBci(c.target()), k -> new ArrayList<>()).add(HandlerNames.label(LOp.NAMES[v]));
        }
        TreeMap<Integer, String> ranges = new TreeMap<>();
        // the loop head: from the last branch target before the tableswitch to its end (fetch opcode, jump)
        ranges.put(dispatchStart, DISPATCH);
        ranges.put(dispatchEnd, null);   // null: not attributed
        byTarget.forEach((bci, names) -> ranges.put(bci, String.join("/", names.stream().distinct().toList())));
        // the default target ends the last case's range when it follows it
        int defaultBci = bestCode.labelToBci(best.defaultTarget());
        int end = defaultBci > ranges.lastKey() ? defaultBci : bestCode.codeLength();
        return new SwitchCaseAttribution(loopClass.getName(), methodName, ranges, end, engine);
    }

    /** @return the case ranges as {@code [startBci, endBci) label}, in bytecode order (for tests and docs) */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        Integer[] keys = ranges.keySet().toArray(Integer[]::new);
        Arrays.sort(keys, Comparator.naturalOrder());
        for (int i = 0; i < keys.length; i++) {
            out.add("[" + keys[i] + ", " + (i + 1 < keys.length ? keys[i + 1] : end) + ") " + ranges.get(keys[i]));
        }
        return out;
    }

    @Override
    public Attribution attribute(String cls, String method, int bci, int line) {
        if (bci < 0 || bci >= end || !className.equals(cls) || !methodName.equals(method)) return Attribution.UNKNOWN;
        var e = ranges.floorEntry(bci);
        return e == null || e.getValue() == null ? Attribution.UNKNOWN : new Attribution(e.getValue(), -1);
    }

    @Override
    public String method() {
        return engine + ": bytecode-index ranges of the dispatch loop's tableswitch cases (" + className.substring(className.lastIndexOf('.') + 1)
                + "." + methodName + ", read from its class bytes); a case's range ends where the next case starts; (dispatch) = opcode fetch + tableswitch";
    }
}
