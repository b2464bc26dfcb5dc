package org.tailbench.charts.workbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCMethod;
import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.JfrAttributes;
import org.openjdk.jmc.flightrecorder.jdk.JdkTypeIDs;
import org.tailbench.runtime.FrameAttribution;
import org.tailbench.runtime.FrameAttribution.Attribution;

/**
 * The one place that parses JFR recordings, with JDK Mission Control's parser
 * ({@link JfrLoaderToolkit#loadEvents}, {@code org.openjdk.jmc:flightrecorder}): execution samples
 * ({@link JdkTypeIDs#EXECUTION_SAMPLE}, frames attributed through the engine's {@link FrameAttribution})
 * and tailbench's own events {@code tailbench.WasmCallDepth}, {@code tailbench.TailCalls} and
 * {@code tailbench.Compile} (read by name and field name; see {@code org.tailbench.jfr}).
 */
public final class JfrReader {
    static final String WASM_CALL_DEPTH = "tailbench.WasmCallDepth";
    static final String TAIL_CALLS = "tailbench.TailCalls";
    static final String COMPILE = "tailbench.Compile";

    /** JMC's parser logs a warning per recording for event fields it does not know (e.g. newer JDKs' thread.virtual). */
    private static final java.util.logging.Logger JMC_LOG = java.util.logging.Logger.getLogger("org.openjdk.jmc.flightrecorder");

    static {
        JMC_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private JfrReader() {}

    /**
     * @throws IOException when the file cannot be read or is not a JFR recording (message names the file)
     */
    public static JfrProfile read(Path file, FrameAttribution attribution) throws IOException {
        IItemCollection all;
        try {
            all = JfrLoaderToolkit.loadEvents(file.toFile());
        } catch (CouldNotLoadRecordingException | RuntimeException e) {
            throw new IOException(file + ": not a readable JFR recording (" + e.getMessage() + ")", e);
        }
        Acc a = new Acc();
        readSamples(all.apply(ItemFilters.type(JdkTypeIDs.EXECUTION_SAMPLE)), attribution, a);
        readCallDepth(all.apply(ItemFilters.type(WASM_CALL_DEPTH)), a);
        readTailCalls(all.apply(ItemFilters.type(TAIL_CALLS)), a);
        readCompile(all.apply(ItemFilters.type(COMPILE)), a);
        double seconds = 0;
        var range = all.getUnfilteredTimeRanges();
        if (range != null) {
            for (var r : range) {
                seconds += r.getEnd().subtract(r.getStart()).doubleValueIn(UnitLookup.SECOND);
            }
        }
        return new JfrProfile(a.samples, a.jvmDepths, a.truncated, a.opcodeSelf, a.attributedOpcodes,
                a.jvmFunctionSelf, a.jvmFunctionTotal, a.wasmEvents, a.wasmDepths, a.wasmSelf, a.wasmTotal,
                a.tailCalls, a.names, seconds);
    }

    private static final class Acc {
        long samples, truncated, attributedOpcodes, wasmEvents;
        final List<Integer> jvmDepths = new ArrayList<>(), wasmDepths = new ArrayList<>();
        final Map<String, Long> opcodeSelf = new HashMap<>();
        final Map<Integer, Long> jvmFunctionSelf = new HashMap<>(), jvmFunctionTotal = new HashMap<>();
        final Map<Integer, Long> wasmSelf = new HashMap<>(), wasmTotal = new HashMap<>(), tailCalls = new HashMap<>();
        final Map<Integer, String> names = new HashMap<>();
    }

    private static void readSamples(IItemCollection samples, FrameAttribution attribution, Acc a) {
        Map<IMCFrame, Attribution> cache = new HashMap<>();
        for (IItemIterable it : samples) {
            IMemberAccessor<IMCStackTrace, IItem> stacks = JfrAttributes.EVENT_STACKTRACE.getAccessor(it.getType());
            if (stacks == null) continue;
            for (IItem item : it) {
                IMCStackTrace st = stacks.getMember(item);
                if (st == null) continue;
                List<? extends IMCFrame> frames = st.getFrames();
                if (frames.stream().noneMatch(JfrReader::isTailbench)) continue;
                a.samples++;
                a.jvmDepths.add(frames.size());
                if (st.getTruncationState() != null && st.getTruncationState().isTruncated()) a.truncated++;
                String opcode = null;
                int selfFunction = -1;
                Set<Integer> onStack = new HashSet<>();
                for (IMCFrame f : frames) {
                    Attribution at = cache.computeIfAbsent(f, k -> attribute(attribution, k));
                    if (opcode == null && at.opcode() != null) opcode = at.opcode();
                    if (at.functionIndex() >= 0) {
                        if (selfFunction < 0) selfFunction = at.functionIndex();
                        onStack.add(at.functionIndex());
                    }
                }
                if (opcode != null) {
                    a.opcodeSelf.merge(opcode, 1L, Long::sum);
                    a.attributedOpcodes++;
                }
                if (selfFunction >= 0) a.jvmFunctionSelf.merge(selfFunction, 1L, Long::sum);
                for (int fn : onStack) a.jvmFunctionTotal.merge(fn, 1L, Long::sum);
            }
        }
    }

    private static boolean isTailbench(IMCFrame f) {
        IMCMethod m = f.getMethod();
        return m != null && m.getType() != null && m.getType().getFullName() != null
                && m.getType().getFullName().startsWith("org.tailbench.");
    }

    private static Attribution attribute(FrameAttribution attribution, IMCFrame f) {
        IMCMethod m = f.getMethod();
        if (m == null || m.getType() == null) return Attribution.UNKNOWN;
        Integer bci = f.getBCI();
        Integer line = f.getFrameLineNumber();
        try {
            return attribution.attribute(m.getType().getFullName(), m.getMethodName(), bci == null ? -1 : bci, line == null ? -1 : line);
        } catch (RuntimeException e) {
            return Attribution.UNKNOWN;   // an engine's attribution must not break a report
        }
    }

    private static void readCallDepth(IItemCollection events, Acc a) {
        for (IItemIterable it : events) {
            IType<IItem> type = it.getType();
            IMemberAccessor<?, IItem> depth = field(type, "depth"), fn = field(type, "functionIndex"), stack = field(type, "stack");
            if (depth == null) continue;
            for (IItem item : it) {
                a.wasmEvents++;
                int d = asInt(depth.getMember(item), 0);
                a.wasmDepths.add(d);
                int f = fn == null ? -1 : asInt(fn.getMember(item), -1);
                if (f >= 0) a.wasmSelf.merge(f, 1L, Long::sum);
                Object s = stack == null ? null : stack.getMember(item);
                if (s instanceof String str && !str.isBlank()) {
                    Set<Integer> seen = new HashSet<>();
                    for (String part : str.split(",")) {
                        try {
                            int idx = Integer.parseInt(part.strip());
                            if (idx >= 0 && seen.add(idx)) a.wasmTotal.merge(idx, 1L, Long::sum);
                        } catch (NumberFormatException e) {
                            // not a function index: skipped
                        }
                    }
                } else if (f >= 0) {
                    a.wasmTotal.merge(f, 1L, Long::sum);
                }
            }
        }
    }

    private static void readTailCalls(IItemCollection events, Acc a) {
        for (IItemIterable it : events) {
            IType<IItem> type = it.getType();
            IMemberAccessor<?, IItem> fn = field(type, "functionIndex"), name = field(type, "functionName"), count = field(type, "count");
            if (fn == null || count == null) continue;
            for (IItem item : it) {
                int f = asInt(fn.getMember(item), -1);
                if (f < 0) continue;
                a.tailCalls.merge(f, asLong(count.getMember(item)), Long::sum);
                if (name != null && name.getMember(item) instanceof String n && !n.isBlank()) a.names.putIfAbsent(f, n);
            }
        }
    }

    private static void readCompile(IItemCollection events, Acc a) {
        for (IItemIterable it : events) {
            IType<IItem> type = it.getType();
            IMemberAccessor<?, IItem> fn = field(type, "functionIndex"), name = field(type, "functionName");
            if (fn == null || name == null) continue;
            for (IItem item : it) {
                int f = asInt(fn.getMember(item), -1);
                if (f >= 0 && name.getMember(item) instanceof String n && !n.isBlank()) a.names.putIfAbsent(f, n);
            }
        }
    }

    /** @return the accessor of the event field with identifier {@code id}, or null when the event type has none */
    private static IMemberAccessor<?, IItem> field(IType<IItem> type, String id) {
        for (IAccessorKey<?> key : type.getAccessorKeys().keySet()) {
            if (key.getIdentifier().equals(id)) return type.getAccessor(key);
        }
        return null;
    }

    private static long asLong(Object v) {
        if (v instanceof IQuantity q) return q.longValue();
        if (v instanceof Number n) return n.longValue();
        return 0;
    }

    private static int asInt(Object v, int dflt) {
        if (v instanceof IQuantity q) return (int) Math.min(Integer.MAX_VALUE, q.longValue());
        if (v instanceof Number n) return n.intValue();
        return dflt;
    }
}
