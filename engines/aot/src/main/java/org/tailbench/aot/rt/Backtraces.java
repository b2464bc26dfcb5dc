package org.tailbench.aot.rt;

import java.lang.StackWalker.Option;
import java.lang.StackWalker.StackFrame;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Iterator;
import org.tailbench.runtime.Trap;

/**
 * Turns the JVM stack into Wasm backtrace frames. Generated methods are named {@code f<N>_<name>} (N the
 * Wasm function index) and their line numbers follow {@link Linkage#LINE_NUMBERS}, so a
 * {@link StackWalker} (showing hidden frames, for when generated classes are hidden classes) finds every active
 * Wasm frame with the offset of the instruction it is executing.
 *
 * <p>A walk covers one segment: from the innermost generated frame to the nearest {@link Boundary}
 * frame (where Wasm was entered from the host, left for a foreign function, or moved to another
 * thread). Each boundary appends its own segment when a trap passes it, so every frame is listed once.
 */
public final class Backtraces {
    private static final StackWalker WALKER =
            StackWalker.getInstance(EnumSet.of(Option.RETAIN_CLASS_REFERENCE, Option.SHOW_HIDDEN_FRAMES));

    /** the {@link Linkage} of a generated class (its {@code $linkage()}), null for every other class */
    private static final ClassValue<Linkage> LINKAGE = new ClassValue<>() {
        @Override protected Linkage computeValue(Class<?> c) {
            if (!(c.isHidden() || c.getClassLoader() instanceof ModuleClassLoader)
                    || !c.getName().startsWith(Linkage.class.getPackageName() + ".Wasm$")) return null;
            try {
                Method m = c.getDeclaredMethod("$linkage");
                return (Linkage) m.invoke(null);
            } catch (ReflectiveOperationException | ClassCastException e) {
                return null;
            }
        }
    };

    private Backtraces() {}

    /**
     * Appends to {@code t} the Wasm frames of the current thread's segment, innermost first.
     * @param skip innermost Wasm frames to leave out (a frame whose call did not happen, or that is listed elsewhere)
     * @return {@code t}
     */
    public static Trap fill(Trap t, int skip) {
        try {
            WALKER.walk(frames -> {
                boolean started = false;
                int toSkip = skip;
                for (Iterator<StackFrame> it = frames.iterator(); it.hasNext(); ) {
                    StackFrame f = it.next();
                    Class<?> c = f.getDeclaringClass();
                    if (c == Boundary.class) {
                        if (started) break;
                        continue;
                    }
                    Linkage l = LINKAGE.get(c);
                    if (l == null) continue;
                    int fn = functionOf(f.getMethodName());
                    if (fn < 0) continue;
                    started = true;
                    if (toSkip > 0) { toSkip--; continue; }
                    int line = f.getLineNumber();
                    t.addFrame(new Trap.Frame(fn, l.names[fn], line >= 0 ? l.moduleOffset(fn, line) : -1));
                }
                return null;
            });
        } catch (StackOverflowError e) {
            // no room to walk: the trap keeps the frames it has
        }
        return t;
    }

    /** @return N of a generated method name {@code f<N>_...}, or -1 for helpers ({@code $...}) */
    static int functionOf(String method) {
        if (method.length() < 2 || method.charAt(0) != 'f') return -1;
        int n = 0, i = 1;
        for (; i < method.length(); i++) {
            char ch = method.charAt(i);
            if (ch == '_') break;
            if (ch < '0' || ch > '9') return -1;
            n = n * 10 + (ch - '0');
        }
        return i > 1 && i < method.length() ? n : -1;
    }
}
