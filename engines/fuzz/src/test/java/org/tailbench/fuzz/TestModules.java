package org.tailbench.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Seed modules for the tests: the repository's workloads (always there) and hand-assembled modules. */
final class TestModules {
    private TestModules() {}

    /** @return workloads/wasm/NAME.wasm of the repository */
    static byte[] workload(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("workloads/wasm/" + name + ".wasm");
            if (Files.isRegularFile(f)) {
                try {
                    return Files.readAllBytes(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("workloads/wasm/" + name + ".wasm not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * (module (func (export "f") (result i32) i32.const 7 i32.const 5 i32.add)), assembled by hand
     * (spec §5.5): f returns 12.
     */
    static byte[] addModule() {
        return new byte[] {
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F,             // type section: [] -> [i32]
            0x03, 0x02, 0x01, 0x00,                               // function section: func 0 has type 0
            0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00,             // export "f" = func 0
            0x0A, 0x09, 0x01, 0x07, 0x00, 0x41, 0x07, 0x41, 0x05, 0x6A, 0x0B // code: i32.const 7, i32.const 5, i32.add, end
        };
    }
}
