package org.tailbench.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import org.junit.jupiter.api.Test;

/**
 * HotSpot never JIT-compiles a method of more than 8000 bytecodes (-XX:-DontCompileHugeMethods is
 * off by default), so an interpreter loop that grows past it silently runs 10-50x slower.
 */
class LoopSizeTest {
    private static final int HUGE_METHOD_LIMIT = 8000;

    @Test
    void theSwitchLoopStaysCompilable() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/org/tailbench/interp/sw/SwitchInterpreter.class")) {
            assertThat(in).as("SwitchInterpreter.class on the class path").isNotNull();
            bytes = in.readAllBytes();
        }
        ClassModel cm = ClassFile.of().parse(bytes);
        MethodModel run = cm.methods().stream().filter(m -> m.methodName().equalsString("run")).findFirst().orElseThrow();
        CodeModel code = run.code().orElseThrow();
        int length = ((CodeAttribute) code).codeLength();
        assertThat(length).as("bytecode size of SwitchInterpreter.run").isBetween(1000, HUGE_METHOD_LIMIT);
    }
}
