package org.tailbench.interp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads which {@code int} cases a compiled {@code switch} handles, from the class file (JDK ClassFile API): the
 * dispatch tables of the interpreters are Java {@code switch} statements over {@code LOp} constants, so their
 * completeness is checked on what javac emitted, at test time.
 */
public final class SwitchKeys {
    private SwitchKeys() {}

    /**
     * @return the case values of the largest {@code tableswitch} / {@code lookupswitch} in method {@code method} of
     *         {@code c} whose target is not the default (the keys the switch handles)
     * @throws AssertionError when the method has no switch
     */
    public static Set<Integer> handled(Class<?> c, String method) {
        ClassModel cm;
        try (InputStream in = c.getClassLoader().getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            cm = ClassFile.of().parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Integer> best = null;
        for (MethodModel m : cm.methods()) {
            if (!m.methodName().equalsString(method) || m.code().isEmpty()) continue;
            for (CodeElement e : m.code().get()) {
                Set<Integer> keys = switch (e) {
                    case TableSwitchInstruction t -> keys(t.cases(), t.defaultTarget());
                    case LookupSwitchInstruction l -> keys(l.cases(), l.defaultTarget());
                    default -> null;
                };
                if (keys != null && (best == null || keys.size() > best.size())) best = keys;
            }
        }
        if (best == null) throw new AssertionError(c.getName() + "." + method + " has no switch");
        return best;
    }

    private static Set<Integer> keys(List<SwitchCase> cases, Label dflt) {
        Set<Integer> keys = new TreeSet<>();
        for (SwitchCase sc : cases) if (!sc.target().equals(dflt)) keys.add(sc.caseValue());
        return keys;
    }
}
