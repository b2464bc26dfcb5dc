/* pystone on pyvm: Python's pystone.py (Dhrystone 2.1), with records as dicts (attribute access
 * is LOAD_ATTR/STORE_ATTR, a dict lookup) and characters as 1-character strings. The Python each
 * function mirrors is pystone.py's. Of the final values printed, Array1Glob[8] = 7,
 * Array2Glob[8][7] = loops + 10 and IntGlob = 5 are Dhrystone's published ones; the locals are
 * what pystone.py computes (its Func1 compares characters, unlike C Dhrystone's). */
#include "dsl.h"

enum { P_INT, P_BOOL, P_CHAR1, P_CHAR2, P_ARR1, P_ARR2, P_PTR, P_RECORD, P_COPY,
       P_PROC1, P_PROC2, P_PROC3, P_PROC4, P_PROC5, P_PROC6, P_PROC7, P_PROC8, P_FUNC1, P_FUNC2, P_FUNC3 };
enum { IDENT1 = 1, IDENT2, IDENT3, IDENT4, IDENT5 };
static const char *const FIELDS[] = { "PtrComp", "Discr", "EnumComp", "IntComp", "StringComp" };

static void pystone_records(VM *vm) {
    /* def Record(p, d, e, i, s): r = {}; r.PtrComp = p; ...; return r */
    Func *f = fn_new("Record", 5, 6);
    C(BUILD_DICT); SL(5);
    for (int i = 0; i < 5; i++) { LL(i); LL(5); SA(FIELDS[i]); }
    LL(5); RET();
    define(vm, P_RECORD, f);
    /* def copy(r): return Record(r.PtrComp, r.Discr, r.EnumComp, r.IntComp, r.StringComp) */
    f = fn_new("copy", 1, 1);
    LG(P_RECORD);
    for (int i = 0; i < 5; i++) { LL(0); GA(FIELDS[i]); }
    CALL(5); RET();
    define(vm, P_COPY, f);
}

static void pystone_procs(VM *vm) {
    Func *f = fn_new("Proc1", 1, 2);   /* PtrParIn, NextRecord */
    {
        enum { IN, NX };
        int els = label(f), end = label(f);
        LG(P_COPY); LG(P_PTR); CALL(1); SL(NX);            /* NextRecord = copy(PtrGlb) */
        LL(NX); LL(IN); SA("PtrComp");                      /* PtrParIn.PtrComp = NextRecord */
        KI(5); LL(IN); SA("IntComp");
        LL(IN); GA("IntComp"); LL(NX); SA("IntComp");
        LL(IN); GA("PtrComp"); LL(NX); SA("PtrComp");
        LG(P_PROC3); LL(NX); GA("PtrComp"); CALL(1); LL(NX); SA("PtrComp");
        LL(NX); GA("Discr"); KI(IDENT1); C(EQ); J(JUMP_IF_FALSE, els);
        KI(6); LL(NX); SA("IntComp");
        LG(P_PROC6); LL(IN); GA("EnumComp"); CALL(1); LL(NX); SA("EnumComp");
        LG(P_PTR); GA("PtrComp"); LL(NX); SA("PtrComp");
        LG(P_PROC7); LL(NX); GA("IntComp"); KI(10); CALL(2); LL(NX); SA("IntComp");
        J(JUMP, end);
        AT(els); LG(P_COPY); LL(NX); CALL(1); SL(IN);
        AT(end); KNONE(); LL(NX); SA("PtrComp");            /* NextRecord.PtrComp = None */
        LL(IN); RET();
    }
    define(vm, P_PROC1, f);

    f = fn_new("Proc2", 1, 3);         /* IntParIO, IntLoc, EnumLoc */
    {
        enum { IO, LOC, EN };
        int chk = label(f), done = label(f);
        LL(IO); KI(10); C(ADD); SL(LOC);
        KI(0); SL(EN);
        WHILE(top, end);
        LG(P_CHAR1); KS("A"); C(EQ); J(JUMP_IF_FALSE, chk);
        LL(LOC); KI(1); C(SUB); SL(LOC);
        LL(LOC); LG(P_INT); C(SUB); SL(IO);
        KI(IDENT1); SL(EN);
        AT(chk); LL(EN); KI(IDENT1); C(EQ); J(JUMP_IF_TRUE, done);
        WEND(top, end);
        AT(done); LL(IO); RET();
    }
    define(vm, P_PROC2, f);

    f = fn_new("Proc3", 1, 1);         /* PtrParOut */
    {
        int els = label(f), end = label(f);
        LG(P_PTR); KNONE(); C(NE); J(JUMP_IF_FALSE, els);
        LG(P_PTR); GA("PtrComp"); SL(0); J(JUMP, end);
        AT(els); KI(100); SG(P_INT);
        AT(end); LG(P_PROC7); KI(10); LG(P_INT); CALL(2); LG(P_PTR); SA("IntComp");
        LL(0); RET();
    }
    define(vm, P_PROC3, f);

    f = fn_new("Proc4", 0, 1);         /* BoolLoc */
    {
        int set = label(f);
        LG(P_CHAR1); KS("A"); C(EQ); SL(0);
        LL(0); J(JUMP_IF_TRUE, set); LG(P_BOOL); SL(0);       /* BoolLoc = BoolLoc or BoolGlob */
        AT(set); KS("B"); SG(P_CHAR2);
        KNONE(); RET();
    }
    define(vm, P_PROC4, f);

    f = fn_new("Proc5", 0, 0);
    KS("A"); SG(P_CHAR1); KBOOL(0); SG(P_BOOL); KNONE(); RET();
    define(vm, P_PROC5, f);

    f = fn_new("Proc6", 1, 2);         /* EnumParIn, EnumParOut */
    {
        enum { IN, OUT };
        int skip = label(f), c2 = label(f), e2 = label(f), c3 = label(f), c5 = label(f), end = label(f);
        LL(IN); SL(OUT);
        LG(P_FUNC3); LL(IN); CALL(1); J(JUMP_IF_TRUE, skip); KI(IDENT4); SL(OUT);
        AT(skip); LL(IN); KI(IDENT1); C(EQ); J(JUMP_IF_FALSE, c2); KI(IDENT1); SL(OUT); J(JUMP, end);
        AT(c2); LL(IN); KI(IDENT2); C(EQ); J(JUMP_IF_FALSE, c3);
        LG(P_INT); KI(100); C(GT); J(JUMP_IF_FALSE, e2); KI(IDENT1); SL(OUT); J(JUMP, end);
        AT(e2); KI(IDENT4); SL(OUT); J(JUMP, end);
        AT(c3); LL(IN); KI(IDENT3); C(EQ); J(JUMP_IF_FALSE, c5); KI(IDENT2); SL(OUT); J(JUMP, end);
        AT(c5); LL(IN); KI(IDENT5); C(EQ); J(JUMP_IF_FALSE, end); KI(IDENT3); SL(OUT);
        AT(end); LL(OUT); RET();
    }
    define(vm, P_PROC6, f);

    f = fn_new("Proc7", 2, 3);         /* IntParI1, IntParI2, IntLoc */
    LL(0); KI(2); C(ADD); SL(2); LL(1); LL(2); C(ADD); RET();
    define(vm, P_PROC7, f);

    f = fn_new("Proc8", 4, 6);         /* Array1Par, Array2Par, IntParI1, IntParI2, IntLoc, IntIndex */
    {
        enum { A1, A2, I1, I2, LOC, IDX };
        LL(I1); KI(5); C(ADD); SL(LOC);
        LL(I2); LL(A1); LL(LOC); C(SET_ITEM);                                   /* A1[loc] = i2 */
        LL(A1); LL(LOC); C(GET_ITEM); LL(A1); LL(LOC); KI(1); C(ADD); C(SET_ITEM); /* A1[loc+1] = A1[loc] */
        LL(LOC); LL(A1); LL(LOC); KI(30); C(ADD); C(SET_ITEM);                  /* A1[loc+30] = loc */
        LL(LOC); SL(IDX);
        WHILE(top, end);                                   /* for idx in range(loc, loc+2) */
        LL(IDX); LL(LOC); KI(2); C(ADD); C(LT); J(JUMP_IF_FALSE, end);
        LL(LOC); LL(A2); LL(LOC); C(GET_ITEM); LL(IDX); C(SET_ITEM);           /* A2[loc][idx] = loc */
        INC(IDX);
        WEND(top, end);
        LL(A2); LL(LOC); C(GET_ITEM); LL(LOC); KI(1); C(SUB); C(GET_ITEM); KI(1); C(ADD);
        LL(A2); LL(LOC); C(GET_ITEM); LL(LOC); KI(1); C(SUB); C(SET_ITEM);     /* A2[loc][loc-1] += 1 */
        LL(A1); LL(LOC); C(GET_ITEM); LL(A2); LL(LOC); KI(20); C(ADD); C(GET_ITEM); LL(LOC); C(SET_ITEM);
        KI(5); SG(P_INT);
        KNONE(); RET();
    }
    define(vm, P_PROC8, f);
}

static void pystone_funcs(VM *vm) {
    Func *f = fn_new("Func1", 2, 4);   /* CharPar1, CharPar2, CharLoc1, CharLoc2 */
    {
        int els = label(f);
        LL(0); SL(2); LL(2); SL(3);
        LL(3); LL(1); C(NE); J(JUMP_IF_FALSE, els); KI(IDENT1); RET();
        AT(els); KI(IDENT2); RET();
    }
    define(vm, P_FUNC1, f);

    f = fn_new("Func2", 2, 4);         /* StrParI1, StrParI2, IntLoc, CharLoc */
    {
        enum { S1, S2, LOC, CH };
        int n1 = label(f), n2 = label(f), n3 = label(f);
        KI(1); SL(LOC); KS(""); SL(CH);
        WHILE(top, end);
        LL(LOC); KI(1); C(LE); J(JUMP_IF_FALSE, end);
        LG(P_FUNC1); LL(S1); LL(LOC); C(GET_ITEM); LL(S2); LL(LOC); KI(1); C(ADD); C(GET_ITEM); CALL(2);
        KI(IDENT1); C(EQ); J(JUMP_IF_FALSE, top);
        KS("A"); SL(CH); INC(LOC);
        WEND(top, end);
        LL(CH); KS("W"); C(GE); J(JUMP_IF_FALSE, n1); LL(CH); KS("Z"); C(LE); J(JUMP_IF_FALSE, n1); KI(7); SL(LOC);
        AT(n1); LL(CH); KS("X"); C(EQ); J(JUMP_IF_FALSE, n2); KBOOL(1); RET();
        AT(n2); LL(S1); LL(S2); C(GT); J(JUMP_IF_FALSE, n3); LL(LOC); KI(7); C(ADD); SL(LOC); KBOOL(1); RET();
        AT(n3); KBOOL(0); RET();
    }
    define(vm, P_FUNC2, f);

    f = fn_new("Func3", 1, 1);
    {
        int no = label(f);
        LL(0); KI(IDENT3); C(EQ); J(JUMP_IF_FALSE, no); KBOOL(1); RET();
        AT(no); KBOOL(0); RET();
    }
    define(vm, P_FUNC3, f);
}

Func *build_pystone(VM *vm) {
    pystone_records(vm);
    pystone_procs(vm);
    pystone_funcs(vm);
    Func *f = fn_new("Proc0", 1, 12);
    enum { LOOPS, I, IL1, IL2, IL3, S1, S2, EN, K, CH, ROW, JJ };
    /* Array1Glob = [0]*51; Array2Glob = [[0]*51 for _ in range(51)] */
    BL(0); SG(P_ARR1); BL(0); SG(P_ARR2);
    KI(0); SL(I);
    {
        WHILE(top, end);
        LL(I); KI(51); C(LT); J(JUMP_IF_FALSE, end);
        LG(P_ARR1); KI(0); BI(APPEND, 2); C(POP);
        BL(0); SL(ROW); KI(0); SL(JJ);
        {
            WHILE(top2, end2);
            LL(JJ); KI(51); C(LT); J(JUMP_IF_FALSE, end2);
            LL(ROW); KI(0); BI(APPEND, 2); C(POP); INC(JJ);
            WEND(top2, end2);
        }
        LG(P_ARR2); LL(ROW); BI(APPEND, 2); C(POP);
        INC(I);
        WEND(top, end);
    }
    KI(0); SG(P_INT); KBOOL(0); SG(P_BOOL); KS(""); SG(P_CHAR1); KS(""); SG(P_CHAR2);
    /* PtrGlb = Record(Record(None, 0, 0, 0, ""), Ident1, Ident3, 40, "DHRYSTONE PROGRAM, SOME STRING") */
    LG(P_RECORD);
    LG(P_RECORD); KNONE(); KI(0); KI(0); KI(0); KS(""); CALL(5);
    KI(IDENT1); KI(IDENT3); KI(40); KS("DHRYSTONE PROGRAM, SOME STRING"); CALL(5); SG(P_PTR);
    KS("DHRYSTONE PROGRAM, 1'ST STRING"); SL(S1);
    KI(10); LG(P_ARR2); KI(8); C(GET_ITEM); KI(7); C(SET_ITEM);      /* Array2Glob[8][7] = 10 */
    KI(0); SL(I); KI(0); SL(IL1); KI(0); SL(IL2); KI(0); SL(IL3); KI(0); SL(EN);
    {
        WHILE(top, end);
        LL(I); LL(LOOPS); C(LT); J(JUMP_IF_FALSE, end);
        LG(P_PROC5); CALL(0); C(POP); LG(P_PROC4); CALL(0); C(POP);
        KI(2); SL(IL1); KI(3); SL(IL2);
        KS("DHRYSTONE PROGRAM, 2'ND STRING"); SL(S2);
        KI(IDENT2); SL(EN);
        LG(P_FUNC2); LL(S1); LL(S2); CALL(2); C(NOT); SG(P_BOOL);
        {
            WHILE(top2, end2);
            LL(IL1); LL(IL2); C(LT); J(JUMP_IF_FALSE, end2);
            KI(5); LL(IL1); C(MUL); LL(IL2); C(SUB); SL(IL3);
            LG(P_PROC7); LL(IL1); LL(IL2); CALL(2); SL(IL3);
            INC(IL1);
            WEND(top2, end2);
        }
        LG(P_PROC8); LG(P_ARR1); LG(P_ARR2); LL(IL1); LL(IL3); CALL(4); C(POP);
        LG(P_PROC1); LG(P_PTR); CALL(1); SG(P_PTR);
        KI(0); SL(K);
        {   /* CharIndex = 'A'; while CharIndex <= Char2Glob: ...; CharIndex = chr(ord(CharIndex) + 1) */
            int skip = label(f);
            WHILE(top2, end2);
            KS("ABCDEFGHIJ"); LL(K); C(GET_ITEM); SL(CH);
            LL(CH); LG(P_CHAR2); C(LE); J(JUMP_IF_FALSE, end2);
            LL(EN); LG(P_FUNC1); LL(CH); KS("C"); CALL(2); C(EQ); J(JUMP_IF_FALSE, skip);
            LG(P_PROC6); KI(IDENT1); CALL(1); SL(EN);
            AT(skip); INC(K);
            WEND(top2, end2);
        }
        LL(IL2); LL(IL1); C(MUL); SL(IL3);
        LL(IL3); LL(IL1); C(FLOORDIV); SL(IL2);
        KI(7); LL(IL3); LL(IL2); C(SUB); C(MUL); LL(IL1); C(SUB); SL(IL2);
        LG(P_PROC2); LL(IL1); CALL(1); SL(IL1);
        INC(I);
        WEND(top, end);
    }
    LG(P_INT); LG(P_BOOL); LG(P_CHAR1); LG(P_CHAR2); BI(PRINT, 4); C(POP);
    LG(P_ARR1); KI(8); C(GET_ITEM); LG(P_ARR2); KI(8); C(GET_ITEM); KI(7); C(GET_ITEM); BI(PRINT, 2); C(POP);
    LG(P_PTR); GA("IntComp"); LG(P_PTR); GA("EnumComp"); LG(P_PTR); GA("StringComp"); BI(PRINT, 3); C(POP);
    LL(IL1); LL(IL2); LL(IL3); LL(EN); BI(PRINT, 4); C(POP);
    KNONE(); RET();
    fn_end(f);
    return f;
}

