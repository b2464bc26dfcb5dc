package org.tailbench.wasm;

import java.util.HashMap;
import java.util.Map;

/**
 * The "name" custom section (spec 2.0 appendix §7.4.1): only the function names subsection (id 1)
 * is kept. Custom sections are not validated by the spec, so a malformed name section is ignored
 * silently: {@link #read} then leaves the map unchanged.
 */
final class NameSection {
    private NameSection() {}

    /**
     * @param c   a reader positioned after the section's name, limited to the section's end
     * @param out receives function index to name
     */
    static void read(ByteReader c, Map<Integer, String> out) {
        Map<Integer, String> names = new HashMap<>();
        try {
            while (!c.atEnd()) {
                int id = c.u8();
                int size = c.len();
                int end = c.pos() + size;
                if (end > c.limit()) return;
                if (id == 1) {
                    ByteReader sub = new ByteReader(c.bytes(), c.pos(), end, ByteReader.EOF_IN_SECTION);
                    int n = sub.len();
                    for (int i = 0; i < n; i++) {
                        long index = sub.u32();
                        String name = sub.name();
                        names.put(CodeDecoder.clampIndex(index), name);
                    }
                }
                c.seek(end);
            }
        } catch (MalformedModuleException e) {
            return; // not validated by the spec: keep no names from a broken section
        }
        out.putAll(names);
    }
}
