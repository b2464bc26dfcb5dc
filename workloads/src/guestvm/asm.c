/* The bytecode builder: programs.c writes each guest function opcode by opcode with these
 * calls (a hand-written assembler with labels, no compiler). Functions and constant strings
 * are immortal. */
#include "pyvm.h"

#include <stdlib.h>
#include <string.h>

#define IMMORTAL (1 << 30)

static const int op_arity[OP_COUNT] = {
#define X(name, n) n,
    PYVM_OPS(X)
#undef X
};

static void *grow(void *p, int32_t *cap, int32_t need, size_t elem) {
    if (need <= *cap) return p;
    int32_t c = *cap ? *cap : 16;
    while (c < need) c *= 2;
    p = realloc(p, (size_t) c * elem);
    if (!p) vm_fail("out of memory building bytecode");
    *cap = c;
    return p;
}

Func *fn_new(const char *name, int nparams, int nlocals) {
    Func *f = calloc(1, sizeof(Func));
    if (!f) vm_fail("out of memory");
    f->h.rc = IMMORTAL;
    f->h.tag = T_FUNC;
    f->name = name;
    f->nparams = nparams;
    f->nlocals = nlocals;
    return f;
}

static void word(Func *f, int32_t w) {
    f->code = grow(f->code, &f->cap, f->len + 1, sizeof(int32_t));
    f->code[f->len++] = w;
}

static void check_arity(Func *f, int op, int n) {
    if (op < 0 || op >= OP_COUNT || op_arity[op] != n) vm_fail("%s: opcode %d does not take %d operands", f->name, op, n);
}

void emit(Func *f, int op) { check_arity(f, op, 0); word(f, op); }
void emit1(Func *f, int op, int32_t a) { check_arity(f, op, 1); word(f, op); word(f, a); }
void emit2(Func *f, int op, int32_t a, int32_t b) { check_arity(f, op, 2); word(f, op); word(f, a); word(f, b); }

int label(Func *f) {
    f->labels = grow(f->labels, &f->clabels, f->nlabels + 1, sizeof(int32_t));
    f->labels[f->nlabels] = -1;
    return f->nlabels++;
}

void bind(Func *f, int lab) {
    if (lab < 0 || lab >= f->nlabels || f->labels[lab] >= 0) vm_fail("%s: label %d bound twice or unknown", f->name, lab);
    f->labels[lab] = f->len;
}

/* The operand holds the label number until fn_end turns it into a relative offset. */
void jump(Func *f, int op, int lab) {
    if (op != OP_JUMP && op != OP_JUMP_IF_FALSE && op != OP_JUMP_IF_TRUE) vm_fail("%s: %d is not a jump", f->name, op);
    emit1(f, op, lab);
}

static int konst(Func *f, Value v) {
    f->consts = grow(f->consts, &f->cconsts, f->nconsts + 1, sizeof(Value));
    f->consts[f->nconsts] = v;
    return f->nconsts++;
}

int k_val(Func *f, Value v) { return konst(f, v); }
int k_int(Func *f, int64_t i) { return konst(f, v_int(i)); }
int k_float(Func *f, double d) { return konst(f, v_float(d)); }
int k_func(Func *f, Func *g) { return konst(f, v_obj(g)); }

int k_str(Func *f, const char *s) {
    Str *str = str_new(s, strlen(s));
    str->h.rc = IMMORTAL;
    return konst(f, v_obj(str));
}

void fn_end(Func *f) {
    for (int32_t pc = 0; pc < f->len; pc += 1 + op_arity[f->code[pc]]) {
        int op = f->code[pc];
        if (op == OP_JUMP || op == OP_JUMP_IF_FALSE || op == OP_JUMP_IF_TRUE) {
            int lab = f->code[pc + 1];
            if (lab < 0 || lab >= f->nlabels || f->labels[lab] < 0) vm_fail("%s: jump to unbound label %d", f->name, lab);
            f->code[pc + 1] = f->labels[lab] - (pc + 2);
        }
    }
    disasm_check(f);
}

/* Every operand in range, every jump lands on an opcode, the code ends in RETURN or JUMP. */
void disasm_check(const Func *f) {
    char *starts = calloc((size_t) f->len + 1, 1);
    if (!starts) vm_fail("out of memory");
    int32_t pc = 0, last = -1;
    while (pc < f->len) {
        int op = f->code[pc];
        if (op < 0 || op >= OP_COUNT) vm_fail("%s@%d: bad opcode %d", f->name, pc, op);
        if (pc + op_arity[op] >= f->len + (op_arity[op] ? 0 : 1)) vm_fail("%s@%d: truncated", f->name, pc);
        starts[pc] = 1;
        last = op;
        int32_t a = op_arity[op] ? f->code[pc + 1] : 0;
        if ((op == OP_LOAD_LOCAL || op == OP_STORE_LOCAL) && (a < 0 || a >= f->nlocals)) vm_fail("%s@%d: local %d", f->name, pc, a);
        if ((op == OP_LOAD_GLOBAL || op == OP_STORE_GLOBAL) && (a < 0 || a >= PYVM_GLOBALS)) vm_fail("%s@%d: global %d", f->name, pc, a);
        if ((op == OP_LOAD_CONST || op == OP_LOAD_ATTR || op == OP_STORE_ATTR) && (a < 0 || a >= f->nconsts)) vm_fail("%s@%d: const %d", f->name, pc, a);
        if ((op == OP_LOAD_ATTR || op == OP_STORE_ATTR) && f->consts[a].tag != T_STR) vm_fail("%s@%d: attribute name", f->name, pc);
        pc += 1 + op_arity[op];
    }
    if (last != OP_RETURN && last != OP_JUMP) vm_fail("%s: code falls off its end", f->name);
    for (pc = 0; pc < f->len; pc += 1 + op_arity[f->code[pc]]) {
        int op = f->code[pc];
        if (op == OP_JUMP || op == OP_JUMP_IF_FALSE || op == OP_JUMP_IF_TRUE) {
            int32_t t = pc + 2 + f->code[pc + 1];
            if (t < 0 || t >= f->len || !starts[t]) vm_fail("%s@%d: jump target %d", f->name, pc, t);
        }
    }
    free(starts);
}
