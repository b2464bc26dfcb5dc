package org.tailbench.aot;

/** JVM-safe names for generated classes and methods. */
final class Names {
    private Names() {}

    /** Longest name part kept (JVM names may be 65535 bytes; profilers show the start). */
    static final int MAX = 80;

    /**
     * @return {@code s} with every character that is not an ASCII letter, digit, {@code _} or {@code $}
     *         replaced by {@code _}, cut to {@link #MAX} characters
     */
    static String sanitize(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX));
        for (int i = 0; i < s.length() && sb.length() < MAX; i++) {
            char c = s.charAt(i);
            sb.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ? c : '_');
        }
        return sb.toString();
    }
}
