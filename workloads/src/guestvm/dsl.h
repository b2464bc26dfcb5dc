/* The assembler notation of the guest programs (programs.c, pystone.c): every macro emits one
 * opcode into the Func *f in scope, through the builder in asm.c. */
#ifndef PYVM_DSL_H
#define PYVM_DSL_H

#include "pyvm.h"

#define C(op) emit(f, OP_##op)
#define LL(i) emit1(f, OP_LOAD_LOCAL, (i))
#define SL(i) emit1(f, OP_STORE_LOCAL, (i))
#define LG(g) emit1(f, OP_LOAD_GLOBAL, (g))
#define SG(g) emit1(f, OP_STORE_GLOBAL, (g))
#define KI(v) emit1(f, OP_LOAD_CONST, k_int(f, (v)))
#define KF(v) emit1(f, OP_LOAD_CONST, k_float(f, (v)))
#define KS(s) emit1(f, OP_LOAD_CONST, k_str(f, (s)))
#define KNONE() emit1(f, OP_LOAD_CONST, k_val(f, v_none()))
#define KBOOL(b) emit1(f, OP_LOAD_CONST, k_val(f, v_bool(b)))
#define CALL(n) emit1(f, OP_CALL, (n))
#define BI(id, n) emit2(f, OP_BUILTIN, B_##id, (n))
#define GA(name) emit1(f, OP_LOAD_ATTR, k_str(f, (name)))
#define SA(name) emit1(f, OP_STORE_ATTR, k_str(f, (name)))
#define BL(n) emit1(f, OP_BUILD_LIST, (n))
#define J(op, l) jump(f, OP_##op, (l))
#define AT(l) bind(f, (l))
#define RET() emit(f, OP_RETURN)
#define INC(i) (LL(i), KI(1), C(ADD), SL(i))
/* while (cond) { body }: WHILE(top, end); cond; J(JUMP_IF_FALSE, end); body; WEND(top, end) */
#define WHILE(top, end) int top = label(f), end = label(f); AT(top)
#define WEND(top, end) (J(JUMP, top), AT(end))

/* Finishes f and makes it the module-level global g. */
static inline void define(VM *vm, int g, Func *f) {
    fn_end(f);
    vm->globals[g] = v_obj(f);
}

Func *build_pystone(VM *vm);

#endif
