package org.tailbench.nativ;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether this machine can run the native backend: Linux, x86-64, and the CPU features the generated
 * code uses (SSE4.1 for roundss/roundsd, POPCNT, TZCNT (bmi1)), read from /proc/cpuinfo's flags. {@code clz} uses
 * baseline {@code bsr}, not LZCNT: some hypervisors hide the "abm" flag (AMD EPYC guests).
 */
public final class Platform {
    /** null when supported, else why not */
    public static final String UNAVAILABLE = check();

    private Platform() {}

    private static String check() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux")) return "the native backend needs Linux (this is " + System.getProperty("os.name") + ")";
        if (!arch.equals("amd64") && !arch.equals("x86_64")) return "the native backend needs x86-64 (this is " + arch + ")";
        try {
            String flags = "";
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) { flags = " " + line.substring(line.indexOf(':') + 1) + " "; break; }
            }
            for (String need : new String[] {"sse4_1", "popcnt", "bmi1"}) {
                if (!flags.contains(" " + need + " ")) return "the native backend needs the CPU feature " + need + " (not in /proc/cpuinfo flags)";
            }
        } catch (Exception e) {
            return "cannot read /proc/cpuinfo: " + e.getMessage();
        }
        String mem = org.tailbench.runtime.Memory.mappedUnavailableReason();
        if (mem != null) return "off-heap memories are unavailable: " + mem;
        return null;
    }
}
