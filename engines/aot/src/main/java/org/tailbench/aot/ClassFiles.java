package org.tailbench.aot;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/** Reads the bytecode size of each method out of a class file (JVMS §4: the Code attribute's code_length). */
final class ClassFiles {
    private ClassFiles() {}

    /** @return method name → code_length in bytes, for every method with code */
    static Map<String, Integer> codeSizes(byte[] classFile) {
        ByteBuffer b = ByteBuffer.wrap(classFile);
        b.position(8);
        int cpCount = b.getShort() & 0xFFFF;
        String[] utf8 = new String[cpCount];
        for (int i = 1; i < cpCount; i++) {
            int tag = b.get() & 0xFF;
            switch (tag) {
                case 1 -> {
                    int len = b.getShort() & 0xFFFF;
                    byte[] s = new byte[len];
                    b.get(s);
                    utf8[i] = new String(s, java.nio.charset.StandardCharsets.UTF_8);   // names here are ASCII
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> b.position(b.position() + 4);
                case 5, 6 -> { b.position(b.position() + 8); i++; }
                case 7, 8, 16, 19, 20 -> b.position(b.position() + 2);
                case 15 -> b.position(b.position() + 3);
                default -> throw new IllegalStateException("constant pool tag " + tag);
            }
        }
        b.position(b.position() + 6);
        int interfaces = b.getShort() & 0xFFFF;
        b.position(b.position() + 2 * interfaces);
        skipMembers(b);
        Map<String, Integer> sizes = new HashMap<>();
        int methods = b.getShort() & 0xFFFF;
        for (int m = 0; m < methods; m++) {
            b.getShort();
            String name = utf8[b.getShort() & 0xFFFF];
            b.getShort();
            int attrs = b.getShort() & 0xFFFF;
            for (int k = 0; k < attrs; k++) {
                String an = utf8[b.getShort() & 0xFFFF];
                int len = b.getInt();
                if ("Code".equals(an)) sizes.put(name, b.getInt(b.position() + 4));
                b.position(b.position() + len);
            }
        }
        return sizes;
    }

    private static void skipMembers(ByteBuffer b) {
        int n = b.getShort() & 0xFFFF;
        for (int i = 0; i < n; i++) {
            b.position(b.position() + 6);
            int attrs = b.getShort() & 0xFFFF;
            for (int k = 0; k < attrs; k++) {
                b.getShort();
                int len = b.getInt();
                b.position(b.position() + len);
            }
        }
    }
}
