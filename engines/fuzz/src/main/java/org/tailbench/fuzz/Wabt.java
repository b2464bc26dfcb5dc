package org.tailbench.fuzz;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * wabt's {@code wasm-validate} (an independent decoder and validator) as a second opinion on whether a
 * module is valid: {@code wasm-validate --enable-tail-call --disable-simd FILE} exits 0 for a valid module
 * (SIMD off: wabt enables it by default, no engine here runs it, and the testsuite's simd_*.wasm are seeds).
 */
final class Wabt {
    private final Path exe;

    private Wabt(Path exe) { this.exe = exe; }

    /** @return wasm-validate from PATH, or null when it is not installed */
    static Wabt find() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d, "wasm-validate");
            if (Files.isExecutable(p)) return new Wabt(p);
        }
        return null;
    }

    /** @return whether wasm-validate accepts {@code bytes}; null when it could not run or took over 10 s */
    Boolean accepts(byte[] bytes) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("tailbench-fuzz", ".wasm");
            Files.write(tmp, bytes);
            Process p = new ProcessBuilder(exe.toString(), "--enable-tail-call", "--disable-simd", tmp.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (tmp != null) try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* temp file */ }
        }
    }
}
