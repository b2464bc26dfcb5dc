package org.tailbench.testkit.gen;

/**
 * Plain-Java models of what {@link LargeFunctions}' generated functions compute, written from their
 * documented semantics (not from the generated code), so tests of any engine or of the function splitter
 * can check Wasm results against an independent computation.
 */
public final class LargeFunctionModels {
    private LargeFunctionModels() {}

    /** @return what {@code chain(x)} of {@link LargeFunctions#chain}{@code (steps)} returns */
    public static long chain(int x, int steps) {
        int a = x;
        long b = x;
        double c = x;
        long s = 0;
        int[] mem = new int[16384];
        for (int k = 0; k < steps; k++) {
            int C = LargeFunctions.chainConst(k), A = LargeFunctions.chainAddress(k) / 4;
            long L = LargeFunctions.chainConst64(k);
            switch (k % 8) {
                case 0 -> a = a * 31 + C;
                case 1 -> b = Long.rotateLeft(b ^ (long) a, (int) (L & 63));
                case 2 -> mem[A] = a ^ C;
                case 3 -> a = a + mem[A];
                case 4 -> c = c * 0.5 + (double) (a & 0xFFFF);
                case 5 -> { if ((a & 1) != 0) b = b + L; else a = a - 7; }
                case 6 -> a = (a & 2) != 0 ? a + 5 : (a + 5) * 3;
                default -> s = s + b;
            }
        }
        return s ^ b ^ (long) a ^ Double.doubleToRawLongBits(c);
    }

    /**
     * Runs {@code program} as {@link LargeFunctions#interpreter}{@code (handlers, program)} does.
     * @param hist filled like the generated function's histogram in memory (256 i32 slots)
     * @return the accumulator it returns
     */
    public static int interpreter(int handlers, int[] program, int[] hist) { return interpreter(handlers, program, 0, hist); }

    /** The model of {@link LargeFunctions#interpreter(int, int[], int)} with {@code shared} shared locals. */
    public static int interpreter(int handlers, int[] program, int shared, int[] hist) {
        return interpreter(handlers, program, shared, 1, hist);
    }

    /** The model of {@link LargeFunctions#interpreter(int, int[], int, int)}: handlers updating {@code widen} shared locals. */
    public static int interpreter(int handlers, int[] program, int shared, int widen, int[] hist) {
        int acc = 1;
        int[] s = new int[shared];
        for (int pc = 0; program[pc] < handlers; pc++) {
            int k = program[pc], c = LargeFunctions.handlerConst(k);
            acc = switch (k % 4) { case 0 -> acc + c; case 1 -> acc * c; case 2 -> acc ^ c; default -> Integer.rotateLeft(acc, c); };
            for (int j = 0; shared > 0 && j < widen; j++) s[(k + j) % shared] += acc;
            hist[k % 256] += acc;
        }
        for (int v : s) acc ^= v;
        return acc;
    }
}
