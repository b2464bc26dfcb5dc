package org.tailbench.nativ;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether this machine can run the native backend: Linux, x86-64, and the CPU features the generated
 * code needs (SSE4.1 for roundss/roundsd, POPCNT), read from /proc/cpuinfo's flags. LZCNT (flag abm) and TZCNT
 * (flag bmi1) are used when present; without them {@code clz}/{@code ctz} compile to BSR/BSF plus a CMOV for a
 * zero input (some virtual machines hide abm: seen on an AMD EPYC guest whose flags list bmi1 but not abm).
 */
public final class Platform {
    /** /proc/cpuinfo's first flags line, read once (null when unreadable) */
    private static final String FLAGS = cpuFlags();
    /** null when supported, else why not */
    public static final String UNAVAILABLE = check();
    /** the CPU has LZCNT ({@code abm} in /proc/cpuinfo's flags) */
    public static final boolean LZCNT = hasFlag("abm");
    /** the CPU has TZCNT ({@code bmi1}) */
    public static final boolean TZCNT = hasFlag("bmi1");

    private Platform() {}

    private static String check() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux")) return "the native backend needs Linux (this is " + System.getProperty("os.name") + ")";
        if (!arch.equals("amd64") && !arch.equals("x86_64")) return "the native backend needs x86-64 (this is " + arch + ")";
        if (FLAGS == null) return "cannot read the flags line of /proc/cpuinfo";
        for (String need : new String[] {"sse4_1", "popcnt"}) {
            if (!hasFlag(need)) return "the native backend needs the CPU feature " + need + " (not in /proc/cpuinfo flags)";
        }
        String mem = org.tailbench.runtime.Memory.mappedUnavailableReason();
        if (mem != null) return "off-heap memories are unavailable: " + mem;
        return null;
    }

    private static boolean hasFlag(String flag) {
        return FLAGS != null && FLAGS.contains(" " + flag + " ");
    }

    /** the first {@code flags} line of /proc/cpuinfo, padded with a space on both sides; null if unreadable */
    private static String cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) return " " + line.substring(line.indexOf(':') + 1).trim() + " ";
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }
}
