/* pyvm: the eval loop, in three dispatch strategies chosen at compile time, and main().
 *
 *   -DPYVM_DISPATCH_SWITCH    for (;;) switch (*pc++) { case ...: }
 *   -DPYVM_DISPATCH_GOTO      goto *labels[*pc++] (labels as values, a GNU C extension)
 *   -DPYVM_DISPATCH_TAILCALL  one function per opcode, each ending in a guaranteed tail call
 *                             __attribute__((musttail)) return handlers[op](vm, pc, sp, locals);
 *                             (like CPython 3.14's tail-calling interpreter; on wasm32 it needs
 *                             -mtail-call and becomes return_call_indirect)
 *
 * The handler bodies below are shared text: each variant defines OP(name) and NEXT() and the
 * same four state variables (vm, pc, sp, locals), so only the dispatch differs.
 *
 * usage: pyvm PROGRAM N   PROGRAM is pystone, richards, nbody, strings, or all (every program in
 *                         turn, each at N times its scale); N >= 0 sizes the run.
 */
#include "pyvm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(PYVM_DISPATCH_SWITCH) + defined(PYVM_DISPATCH_GOTO) + defined(PYVM_DISPATCH_TAILCALL) != 1
#error "define exactly one of PYVM_DISPATCH_SWITCH, PYVM_DISPATCH_GOTO, PYVM_DISPATCH_TAILCALL"
#endif

#define ARG() (*pc++)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define CONSTS (vm->fr->fn->consts)

/* ---- the handler bodies, shared by the three variants ---- */
#define HANDLERS \
OP(LOAD_CONST) { Value v = CONSTS[ARG()]; incref(v); PUSH(v); NEXT(); } \
OP(LOAD_LOCAL) { Value v = locals[ARG()]; incref(v); PUSH(v); NEXT(); } \
OP(STORE_LOCAL) { Value *l = &locals[ARG()]; Value old = *l; *l = POP(); decref(old); NEXT(); } \
OP(LOAD_GLOBAL) { Value v = vm->globals[ARG()]; incref(v); PUSH(v); NEXT(); } \
OP(STORE_GLOBAL) { Value *g = &vm->globals[ARG()]; Value old = *g; *g = POP(); decref(old); NEXT(); } \
OP(POP) { Value v = POP(); decref(v); NEXT(); } \
OP(DUP) { Value v = TOP(); incref(v); PUSH(v); NEXT(); } \
OP(ADD) { BINOP(OP_ADD, (int64_t) ((uint64_t) a.u.i + (uint64_t) b.u.i), a.u.f + b.u.f); NEXT(); } \
OP(SUB) { BINOP(OP_SUB, (int64_t) ((uint64_t) a.u.i - (uint64_t) b.u.i), a.u.f - b.u.f); NEXT(); } \
OP(MUL) { BINOP(OP_MUL, (int64_t) ((uint64_t) a.u.i * (uint64_t) b.u.i), a.u.f * b.u.f); NEXT(); } \
OP(TRUEDIV) { SLOW_BINOP(OP_TRUEDIV); NEXT(); } \
OP(FLOORDIV) { SLOW_BINOP(OP_FLOORDIV); NEXT(); } \
OP(MOD) { SLOW_BINOP(OP_MOD); NEXT(); } \
OP(NEG) { \
    Value a = TOP(); \
    if (a.tag == T_INT) sp[-1] = v_int((int64_t) (0 - (uint64_t) a.u.i)); \
    else if (a.tag == T_FLOAT) sp[-1] = v_float(-a.u.f); \
    else vm_fail("TypeError: bad operand type for unary -: %s", type_name(a)); \
    NEXT(); } \
OP(LT) { CMPOP(OP_LT, <); NEXT(); } \
OP(LE) { CMPOP(OP_LE, <=); NEXT(); } \
OP(GT) { CMPOP(OP_GT, >); NEXT(); } \
OP(GE) { CMPOP(OP_GE, >=); NEXT(); } \
OP(EQ) { CMPOP(OP_EQ, ==); NEXT(); } \
OP(NE) { CMPOP(OP_NE, !=); NEXT(); } \
OP(NOT) { Value a = TOP(); int t = truthy(a); decref(a); sp[-1] = v_bool(!t); NEXT(); } \
OP(JUMP) { int32_t off = ARG(); pc += off; NEXT(); } \
OP(JUMP_IF_FALSE) { COND_JUMP(!); NEXT(); } \
OP(JUMP_IF_TRUE) { COND_JUMP(!!); NEXT(); } \
OP(CALL) { \
    int32_t argc = ARG(); \
    Value fv = sp[-argc - 1]; \
    if (fv.tag != T_FUNC) vm_fail("TypeError: '%s' object is not callable", type_name(fv)); \
    Func *fn = (Func *) fv.u.o; \
    if (fn->nparams != argc) vm_fail("TypeError: %s() takes %d arguments (%d given)", fn->name, fn->nparams, argc); \
    if (vm->fr + 1 == vm->frames + PYVM_FRAMES) vm_fail("RecursionError: more than %d frames", PYVM_FRAMES); \
    if (sp + fn->nlocals + 256 > vm->stack + PYVM_STACK) vm_fail("stack overflow in %s", fn->name); \
    vm->fr->ret_pc = pc; \
    Frame *nf = ++vm->fr; \
    nf->fn = fn; \
    locals = nf->locals = sp - argc; \
    sp = locals + fn->nlocals; \
    for (Value *p = locals + argc; p < sp; p++) *p = v_none(); \
    pc = fn->code; \
    NEXT(); } \
OP(RETURN) { \
    Value r = POP(); \
    for (Value *p = locals; p < sp; p++) decref(*p); \
    sp = locals - 1; \
    decref(*sp); \
    if (vm->fr == vm->frames) HALT(r); \
    Frame *caller = --vm->fr; \
    locals = caller->locals; \
    pc = caller->ret_pc; \
    PUSH(r); \
    NEXT(); } \
OP(BUILTIN) { \
    int32_t id = ARG(), argc = ARG(); \
    Value r = call_builtin(id, sp - argc, argc); \
    for (int32_t i = 1; i <= argc; i++) decref(sp[-i]); \
    sp -= argc; \
    PUSH(r); \
    NEXT(); } \
OP(BUILD_LIST) { \
    int32_t n = ARG(); \
    List *l = list_new((uint32_t) n); \
    memcpy(l->items, sp - n, (size_t) n * sizeof(Value)); \
    l->len = (uint32_t) n; \
    sp -= n; \
    PUSH(v_obj(l)); \
    NEXT(); } \
OP(BUILD_DICT) { PUSH(v_obj(dict_new())); NEXT(); } \
OP(GET_ITEM) { \
    Value k = POP(), c = TOP(), r; \
    if (c.tag == T_LIST && k.tag == T_INT && (uint64_t) k.u.i < ((List *) c.u.o)->len) { \
        r = ((List *) c.u.o)->items[k.u.i]; incref(r); \
    } else { \
        r = get_item(c, k); \
    } \
    decref(k); decref(c); \
    sp[-1] = r; \
    NEXT(); } \
OP(SET_ITEM) { \
    Value k = POP(), c = POP(), v = POP(); \
    set_item(c, k, v); \
    decref(k); decref(c); \
    NEXT(); } \
OP(LOAD_ATTR) { \
    Value name = CONSTS[ARG()], o = TOP(); \
    if (o.tag != T_DICT) vm_fail("AttributeError: '%s' object has no attribute '%s'", type_name(o), ((Str *) name.u.o)->data); \
    Value *v = dict_find((Dict *) o.u.o, name); \
    if (!v) vm_fail("AttributeError: no attribute '%s'", ((Str *) name.u.o)->data); \
    Value r = *v; incref(r); \
    decref(o); \
    sp[-1] = r; \
    NEXT(); } \
OP(STORE_ATTR) { \
    Value name = CONSTS[ARG()], o = POP(), v = POP(); \
    if (o.tag != T_DICT) vm_fail("AttributeError: cannot set '%s' on '%s'", ((Str *) name.u.o)->data, type_name(o)); \
    dict_set((Dict *) o.u.o, name, v); \
    decref(o); \
    NEXT(); }

/* Fast paths for int/int and float/float; everything else goes through object.c. */
#define BINOP(opn, iexpr, fexpr) \
    Value b = POP(), a = TOP(); \
    if (a.tag == T_INT && b.tag == T_INT) sp[-1] = v_int(iexpr); \
    else if (a.tag == T_FLOAT && b.tag == T_FLOAT) sp[-1] = v_float(fexpr); \
    else { Value r = binary_op(opn, a, b); decref(a); decref(b); sp[-1] = r; }
#define SLOW_BINOP(opn) \
    Value b = POP(), a = TOP(); \
    Value r = binary_op(opn, a, b); decref(a); decref(b); sp[-1] = r;
#define CMPOP(opn, rel) \
    Value b = POP(), a = TOP(); \
    if (a.tag == T_INT && b.tag == T_INT) sp[-1] = v_bool(a.u.i rel b.u.i); \
    else { int t = compare(opn, a, b); decref(a); decref(b); sp[-1] = v_bool(t); }
#define COND_JUMP(neg) \
    Value c = POP(); \
    int t = c.tag == T_BOOL ? (int) c.u.i : truthy(c); \
    decref(c); \
    int32_t off = ARG(); \
    if (neg t) pc += off;

#if defined(PYVM_DISPATCH_SWITCH)
/* ---- a switch in a loop ---- */
static Value run(VM *vm, const int32_t *pc, Value *sp, Value *locals) {
#define OP(name) case OP_##name:
#define NEXT() continue
#define HALT(v) return (v)
    for (;;) {
        switch (*pc++) {
        HANDLERS
        default: vm_fail("bad opcode %d", pc[-1]);
        }
    }
}

#elif defined(PYVM_DISPATCH_GOTO)
/* ---- labels as values: "computed goto" ---- */
static Value run(VM *vm, const int32_t *pc, Value *sp, Value *locals) {
    static const void *const labels[OP_COUNT] = {
#define X(name, n) &&L_##name,
        PYVM_OPS(X)
#undef X
    };
#define OP(name) L_##name:
#define NEXT() goto *labels[*pc++]
#define HALT(v) return (v)
    NEXT();
    HANDLERS
}

#else
/* ---- one function per opcode, chained by guaranteed tail calls ---- */
typedef Value (*Handler)(VM *vm, const int32_t *pc, Value *sp, Value *locals);
#define X(name, n) static Value h_##name(VM *vm, const int32_t *pc, Value *sp, Value *locals);
PYVM_OPS(X)
#undef X
static const Handler handlers[OP_COUNT] = {
#define X(name, n) h_##name,
    PYVM_OPS(X)
#undef X
};
#define OP(name) static Value h_##name(VM *vm, const int32_t *pc, Value *sp, Value *locals)
#define NEXT() do { int32_t op_ = *pc++; __attribute__((musttail)) return handlers[op_](vm, pc, sp, locals); } while (0)
#define HALT(v) return (v)
HANDLERS

static Value run(VM *vm, const int32_t *pc, Value *sp, Value *locals) {
    int32_t op = *pc++;
    return handlers[op](vm, pc, sp, locals);
}
#endif

Value vm_run(VM *vm, Func *entry, Value arg) {
    if (entry->nparams != 1) vm_fail("%s: entry takes %d arguments, not 1", entry->name, entry->nparams);
    vm->stack[0] = v_obj(entry);
    vm->fr = vm->frames;
    vm->fr->fn = entry;
    Value *locals = vm->fr->locals = vm->stack + 1;
    locals[0] = arg;
    for (int i = 1; i < entry->nlocals; i++) locals[i] = v_none();
    return run(vm, entry->code, locals + entry->nlocals, locals);
}

static int64_t parse_n(const char *s) {
    char *end;
    long long n = strtoll(s, &end, 10);
    if (*s == 0 || *end != 0 || n < 0 || n > 1000000000LL) vm_fail("N must be an integer in 0..1000000000, not '%s'", s);
    return n;
}

static void run_program(VM *vm, const Program *p, int64_t n) {
    printf("== %s %lld\n", p->name, (long long) n);
    Func *entry = p->build(vm);
    Value r = vm_run(vm, entry, v_int(n));
    decref(r);
    for (int i = 0; i < PYVM_GLOBALS; i++) { decref(vm->globals[i]); vm->globals[i] = v_none(); }
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: pyvm PROGRAM N   (PROGRAM: all");
        for (int i = 0; i < program_count; i++) fprintf(stderr, ", %s", programs[i].name);
        fprintf(stderr, ")\n");
        return 2;
    }
    int64_t n = parse_n(argv[2]);
    static VM vm;
    int found = 0;
    for (int i = 0; i < program_count; i++) {
        if (strcmp(argv[1], "all") == 0) { run_program(&vm, &programs[i], n * programs[i].scale); found = 1; }
        else if (strcmp(argv[1], programs[i].name) == 0) { run_program(&vm, &programs[i], n); found = 1; }
    }
    if (!found) vm_fail("unknown program '%s' (all, pystone, richards, nbody, strings)", argv[1]);
    return 0;
}
