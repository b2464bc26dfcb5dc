/* pyvm: a small Python-like bytecode VM (the guest interpreter of the pyvm_* workloads).
 *
 * Values are dynamically typed (None, bool, int, float, str, list, dict, function) and
 * reference counted like CPython's objects; ints are 64-bit and wrap around (Python's are
 * unbounded; the guest programs never overflow). The bytecode is a stack machine of int32
 * words (opcode, then its operands), written by hand with the builder in asm.c (there is no
 * compiler). pyvm.c runs it with one of three dispatch strategies chosen at build time:
 * PYVM_DISPATCH_SWITCH, PYVM_DISPATCH_GOTO or PYVM_DISPATCH_TAILCALL (see workloads/README.md).
 */
#ifndef PYVM_H
#define PYVM_H

#include <stdint.h>
#include <stddef.h>

typedef enum { T_NONE, T_BOOL, T_INT, T_FLOAT, T_STR, T_LIST, T_DICT, T_FUNC } Tag;
#define IS_HEAP(tag) ((tag) >= T_STR)

typedef struct Obj { int32_t rc; uint32_t tag; } Obj;

typedef struct Value {
    uint32_t tag;
    union { int64_t i; double f; Obj *o; } u;
} Value;

typedef struct Str { Obj h; uint32_t len, hash; char data[]; } Str;
typedef struct List { Obj h; uint32_t len, cap; Value *items; } List;
typedef struct Entry { uint32_t hash; Value key, val; } Entry;
/* Open addressing with linear probing; cap is a power of two; a T_NONE key marks an empty slot. */
typedef struct Dict { Obj h; uint32_t len, cap; Entry *e; } Dict;

typedef struct Func {
    Obj h;
    const char *name;
    int32_t nparams, nlocals;   /* locals 0..nparams-1 are the arguments */
    int32_t *code; int32_t len, cap;
    Value *consts; int32_t nconsts, cconsts;
    int32_t *labels; int32_t nlabels, clabels;   /* builder only: label -> code offset */
} Func;

/* Opcodes: X(name, number of operand words). Jump operands are relative to the next opcode. */
#define PYVM_OPS(X) \
    X(LOAD_CONST, 1) X(LOAD_LOCAL, 1) X(STORE_LOCAL, 1) X(LOAD_GLOBAL, 1) X(STORE_GLOBAL, 1) \
    X(POP, 0) X(DUP, 0) \
    X(ADD, 0) X(SUB, 0) X(MUL, 0) X(TRUEDIV, 0) X(FLOORDIV, 0) X(MOD, 0) X(NEG, 0) \
    X(LT, 0) X(LE, 0) X(GT, 0) X(GE, 0) X(EQ, 0) X(NE, 0) X(NOT, 0) \
    X(JUMP, 1) X(JUMP_IF_FALSE, 1) X(JUMP_IF_TRUE, 1) \
    X(CALL, 1) X(RETURN, 0) X(BUILTIN, 2) \
    X(BUILD_LIST, 1) X(BUILD_DICT, 0) X(GET_ITEM, 0) X(SET_ITEM, 0) \
    X(LOAD_ATTR, 1) X(STORE_ATTR, 1)

enum {
#define X(name, n) OP_##name,
    PYVM_OPS(X)
#undef X
    OP_COUNT
};

/* Builtin functions (BUILTIN id argc). */
enum { B_PRINT, B_STR, B_LEN, B_SQRT, B_FLOAT, B_INT, B_APPEND, B_POP, B_JOIN, B_GET, B_COUNT };

#define PYVM_STACK 65536
#define PYVM_FRAMES 1024
#define PYVM_GLOBALS 64

typedef struct Frame { Func *fn; const int32_t *ret_pc; Value *locals; } Frame;

typedef struct VM {
    Frame *fr;                 /* current frame */
    Value globals[PYVM_GLOBALS];
    Frame frames[PYVM_FRAMES];
    Value stack[PYVM_STACK];
} VM;

/* object.c */
_Noreturn void vm_fail(const char *fmt, ...);
void obj_free(Obj *o);
static inline void incref(Value v) { if (IS_HEAP(v.tag)) v.u.o->rc++; }
static inline void decref(Value v) { if (IS_HEAP(v.tag) && --v.u.o->rc == 0) obj_free(v.u.o); }
static inline Value v_none(void) { Value v = { T_NONE, { .i = 0 } }; return v; }
static inline Value v_bool(int b) { Value v = { T_BOOL, { .i = b != 0 } }; return v; }
static inline Value v_int(int64_t i) { Value v = { T_INT, { .i = i } }; return v; }
static inline Value v_float(double f) { Value v = { T_FLOAT, { .f = f } }; return v; }
static inline Value v_obj(void *o) { Value v = { ((Obj *) o)->tag, { .o = (Obj *) o } }; return v; }
const char *type_name(Value v);
Str *str_new(const char *data, size_t len);
Str *str_concat(const Str *a, const Str *b);
Value str_of(Value v);                         /* Python str() */
List *list_new(uint32_t cap);
void list_append(List *l, Value v);            /* takes the reference */
Dict *dict_new(void);
Value *dict_find(Dict *d, Value key);          /* NULL when absent */
void dict_set(Dict *d, Value key, Value val);  /* takes the reference to val, not to key */
int truthy(Value v);
Value binary_op(int op, Value a, Value b);     /* slow path of ADD..MOD; does not consume a, b */
int compare(int op, Value a, Value b);         /* slow path of LT..NE */
Value get_item(Value c, Value k);              /* new reference */
void set_item(Value c, Value k, Value v);      /* takes the reference to v */
Value call_builtin(int id, Value *args, int argc); /* does not consume args */

/* asm.c: the hand-written bytecode builder */
Func *fn_new(const char *name, int nparams, int nlocals);
void emit(Func *f, int op);
void emit1(Func *f, int op, int32_t arg);
void emit2(Func *f, int op, int32_t a, int32_t b);
int label(Func *f);                   /* a new, unbound label */
void bind(Func *f, int lab);          /* binds it to the next opcode */
void jump(Func *f, int op, int lab);  /* JUMP, JUMP_IF_FALSE, JUMP_IF_TRUE to a label */
int k_val(Func *f, Value v);          /* None, bools */
int k_int(Func *f, int64_t i);
int k_float(Func *f, double d);
int k_str(Func *f, const char *s);
int k_func(Func *f, Func *g);
void fn_end(Func *f);                 /* resolves labels; fails on an unbound one */
void disasm_check(const Func *f);     /* validates operands and jump targets */

/* programs.c: guest programs; each returns its entry function main(n) (1 parameter) */
typedef struct Program { const char *name; Func *(*build)(VM *vm); int64_t scale; } Program;
extern const Program programs[];
extern const int program_count;

/* pyvm.c */
Value vm_run(VM *vm, Func *entry, Value arg);

#endif
