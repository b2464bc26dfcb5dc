package org.tailbench.nativ.x64;

/** x86-64 general-purpose register numbers as encoded (ModRM/REX), and their names for tests and listings. */
public final class Reg {
    public static final int RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7,
            R8 = 8, R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14, R15 = 15;

    private static final String[] N64 = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
    private static final String[] N32 = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"};
    private static final String[] N16 = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di", "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"};
    private static final String[] N8 = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"};

    private Reg() {}

    /** @return the name of register {@code r} at {@code bits} (8, 16, 32, 64) in Intel syntax */
    public static String name(int r, int bits) {
        return switch (bits) { case 8 -> N8[r]; case 16 -> N16[r]; case 32 -> N32[r]; default -> N64[r]; };
    }
}
