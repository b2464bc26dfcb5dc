/*
 * bytecode_vm: a small stack-machine bytecode interpreter, the kind of
 * dispatch loop a guest-language interpreter runs (the role CPython's eval
 * loop plays under every pyperformance benchmark; the nearest single one is
 * "coroutines", a recursive Fibonacci). The guest program, assembled at start-up:
 *
 *   main:     for i in 1..LIMIT: s = collatz(i); total += s; track the longest
 *             then prints total, longest, its start, and fib(FIB)
 *   collatz:  steps until x reaches 1 (x even: x/2, odd: 3x+1)
 *   fib:      naive doubly-recursive Fibonacci
 *
 * Values are 64-bit signed integers. Each call frame has NLOCALS locals; the
 * arguments arrive in the first locals.
 *
 * usage: bytecode_vm LIMIT FIB     (LIMIT >= 1, 0 <= FIB <= 40)
 * prints four lines: total steps, longest chain, its start, fib(FIB).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum Op {
    OP_HALT,  /* stop */
    OP_PUSH,  /* imm: push imm */
    OP_LOAD,  /* n: push local n */
    OP_STORE, /* n: pop into local n */
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, /* pop b, pop a, push a op b */
    OP_LT, OP_EQ,                           /* pop b, pop a, push a<b / a==b (1 or 0) */
    OP_JMP,   /* target: jump */
    OP_JZ,    /* target: pop, jump when 0 */
    OP_CALL,  /* target nargs: pop nargs arguments into a new frame's locals */
    OP_RET,   /* pop the result, leave the frame, push the result */
    OP_PRINT, /* pop and print */
};

#define CODE_MAX 256
#define LABEL_MAX 32
#define STACK_MAX 1024
#define FRAMES_MAX 256
#define NLOCALS 8

/* ---- a tiny assembler with forward labels ---- */

static int64_t code[CODE_MAX];
static int code_len;
static int label_at[LABEL_MAX];
static int fixup_pos[CODE_MAX], fixup_label[CODE_MAX], fixups;

enum Label { MAIN_LOOP, MAIN_NOT_LONGER, MAIN_END, COLLATZ, C_LOOP, C_ODD_OR_EVEN, C_EVEN, C_NEXT, FIB, FIB_REC };

static void emit(int64_t word) { code[code_len++] = word; }
static void op0(enum Op op) { emit(op); }
static void op1(enum Op op, int64_t arg) { emit(op); emit(arg); }
static void jump(enum Op op, enum Label target) {
    emit(op);
    fixup_pos[fixups] = code_len;
    fixup_label[fixups++] = target;
    emit(-1);
}
static void call(enum Label target, int nargs) { jump(OP_CALL, target); emit(nargs); }
static void label(enum Label l) { label_at[l] = code_len; }

/* Locals of main: 0 = LIMIT, 1 = FIB, then the loop state. */
enum { M_LIMIT, M_FIB, M_TOTAL, M_BEST, M_BEST_START, M_I, M_STEPS };

static void assemble(void) {
    /* main */
    op1(OP_PUSH, 0); op1(OP_STORE, M_TOTAL);
    op1(OP_PUSH, 0); op1(OP_STORE, M_BEST);
    op1(OP_PUSH, 0); op1(OP_STORE, M_BEST_START);
    op1(OP_PUSH, 1); op1(OP_STORE, M_I);
    label(MAIN_LOOP);
    op1(OP_LOAD, M_LIMIT); op1(OP_LOAD, M_I); op0(OP_LT); /* LIMIT < i: done */
    op1(OP_PUSH, 0); op0(OP_EQ); jump(OP_JZ, MAIN_END);
    op1(OP_LOAD, M_I); call(COLLATZ, 1); op1(OP_STORE, M_STEPS);
    op1(OP_LOAD, M_TOTAL); op1(OP_LOAD, M_STEPS); op0(OP_ADD); op1(OP_STORE, M_TOTAL);
    op1(OP_LOAD, M_BEST); op1(OP_LOAD, M_STEPS); op0(OP_LT); jump(OP_JZ, MAIN_NOT_LONGER);
    op1(OP_LOAD, M_STEPS); op1(OP_STORE, M_BEST);
    op1(OP_LOAD, M_I); op1(OP_STORE, M_BEST_START);
    label(MAIN_NOT_LONGER);
    op1(OP_LOAD, M_I); op1(OP_PUSH, 1); op0(OP_ADD); op1(OP_STORE, M_I);
    jump(OP_JMP, MAIN_LOOP);
    label(MAIN_END);
    op1(OP_LOAD, M_TOTAL); op0(OP_PRINT);
    op1(OP_LOAD, M_BEST); op0(OP_PRINT);
    op1(OP_LOAD, M_BEST_START); op0(OP_PRINT);
    op1(OP_LOAD, M_FIB); call(FIB, 1); op0(OP_PRINT);
    op0(OP_HALT);

    /* collatz(x): local 0 = x, local 1 = steps */
    label(COLLATZ);
    op1(OP_PUSH, 0); op1(OP_STORE, 1);
    label(C_LOOP);
    op1(OP_LOAD, 0); op1(OP_PUSH, 1); op0(OP_EQ); jump(OP_JZ, C_ODD_OR_EVEN);
    op1(OP_LOAD, 1); op0(OP_RET);
    label(C_ODD_OR_EVEN);
    op1(OP_LOAD, 0); op1(OP_PUSH, 2); op0(OP_MOD); jump(OP_JZ, C_EVEN);
    op1(OP_LOAD, 0); op1(OP_PUSH, 3); op0(OP_MUL); op1(OP_PUSH, 1); op0(OP_ADD); op1(OP_STORE, 0);
    jump(OP_JMP, C_NEXT);
    label(C_EVEN);
    op1(OP_LOAD, 0); op1(OP_PUSH, 2); op0(OP_DIV); op1(OP_STORE, 0);
    label(C_NEXT);
    op1(OP_LOAD, 1); op1(OP_PUSH, 1); op0(OP_ADD); op1(OP_STORE, 1);
    jump(OP_JMP, C_LOOP);

    /* fib(n): local 0 = n */
    label(FIB);
    op1(OP_LOAD, 0); op1(OP_PUSH, 2); op0(OP_LT); jump(OP_JZ, FIB_REC);
    op1(OP_LOAD, 0); op0(OP_RET);
    label(FIB_REC);
    op1(OP_LOAD, 0); op1(OP_PUSH, 1); op0(OP_SUB); call(FIB, 1);
    op1(OP_LOAD, 0); op1(OP_PUSH, 2); op0(OP_SUB); call(FIB, 1);
    op0(OP_ADD); op0(OP_RET);

    for (int i = 0; i < fixups; i++) code[fixup_pos[i]] = label_at[fixup_label[i]];
}

/* ---- the interpreter ---- */

static void fail(const char *what, int pc) {
    fprintf(stderr, "bytecode_vm: %s at pc %d\n", what, pc);
    exit(1);
}

static int64_t stack[STACK_MAX];
static int64_t locals[FRAMES_MAX * NLOCALS];
static int return_pc[FRAMES_MAX];

/* Runs code from pc 0 with main's first locals set to args[0..nargs). */
static void run(const int64_t *args, int nargs) {
    int pc = 0, sp = 0, frame = 0;
    int64_t *lp = locals, a, b;
    for (int i = 0; i < nargs; i++) lp[i] = args[i];
#define POP() (sp > 0 ? stack[--sp] : (fail("stack underflow", pc), 0))
#define PUSH(v) do { if (sp == STACK_MAX) fail("stack overflow", pc); stack[sp++] = (v); } while (0)
#define BINARY(expr) b = POP(); a = POP(); PUSH(expr); break
    for (;;) {
        int at = pc;
        switch (code[pc++]) {
        case OP_HALT: return;
        case OP_PUSH: PUSH(code[pc]); pc++; break;
        case OP_LOAD: PUSH(lp[code[pc]]); pc++; break;
        case OP_STORE: lp[code[pc]] = POP(); pc++; break;
        case OP_ADD: BINARY(a + b);
        case OP_SUB: BINARY(a - b);
        case OP_MUL: BINARY(a * b);
        case OP_DIV: b = POP(); a = POP(); if (b == 0) fail("division by zero", at); PUSH(a / b); break;
        case OP_MOD: b = POP(); a = POP(); if (b == 0) fail("division by zero", at); PUSH(a % b); break;
        case OP_LT: BINARY(a < b);
        case OP_EQ: BINARY(a == b);
        case OP_JMP: pc = (int) code[pc]; break;
        case OP_JZ: pc = POP() == 0 ? (int) code[pc] : pc + 1; break;
        case OP_CALL: {
            int target = (int) code[pc], n = (int) code[pc + 1];
            if (frame + 1 == FRAMES_MAX) fail("call stack overflow", at);
            return_pc[frame++] = pc + 2;
            lp += NLOCALS;
            for (int i = n - 1; i >= 0; i--) lp[i] = POP();
            pc = target;
            break;
        }
        case OP_RET:
            if (frame == 0) fail("return from main", at);
            pc = return_pc[--frame];
            lp -= NLOCALS;
            break; /* the result stays on top of the operand stack */
        case OP_PRINT: printf("%lld\n", (long long) POP()); break;
        default: fail("bad opcode", at);
        }
    }
}

int main(int argc, char **argv) {
    char *end1 = "", *end2 = "";
    long limit = argc == 3 ? strtol(argv[1], &end1, 10) : -1;
    long fib = argc == 3 ? strtol(argv[2], &end2, 10) : -1;
    if (argc != 3 || *end1 || *end2 || limit < 1 || fib < 0 || fib > 40) {
        fprintf(stderr, "usage: bytecode_vm LIMIT FIB   (LIMIT >= 1, 0 <= FIB <= 40)\n");
        return 2;
    }
    assemble();
    int64_t args[2] = {limit, fib};
    run(args, 2);
    return 0;
}
