/*
 * pystone: a C port of pystone.py 1.2 (Guido van Rossum's Python translation
 * of Reinhold Weicker's Dhrystone 1.1 integer benchmark), keeping its
 * structure: Proc0 drives LOOPS iterations of Proc1..Proc8 and Func1..Func3
 * over global integers, characters, two arrays and linked Records.
 *
 * Mirrors pyperformance's historical "pystone" (the same program CPython
 * shipped as Lib/test/pystone.py). Differences: it prints the final state
 * instead of a timing, and Records are reference-counted heap objects, as
 * CPython's are, so Proc1's PtrGlb.copy() allocates a record each iteration
 * and the one it replaces is freed (through a free list, like CPython's
 * allocator reuses memory). Enumeration values start at 1 as in pystone
 * (Ident1 = 1), not at 0 as in C Dhrystone.
 *
 * usage: pystone LOOPS     (LOOPS >= 1)
 * prints the final globals and locals, then a checksum over them.
 *
 * Cross-check: Dhrystone's documented final values ("should be" in Weicker's
 * dhry_1.c), with pystone's enumeration starting at 1: IntGlob 5, BoolGlob 1,
 * Char1Glob A, Char2Glob B, Array1Glob[8] 7, Array2Glob[8][7] LOOPS + 10,
 * PtrGlb: Discr 1 (Ident1), EnumComp 3 (Ident3), IntComp 17. The locals follow
 * pystone's own (slightly reordered) arithmetic: IntLoc1 7, IntLoc2 39,
 * IntLoc3 9, EnumLoc 2 (Dhrystone in C ends with 5, 13, 7).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { Ident1 = 1, Ident2, Ident3, Ident4, Ident5 };
enum { FALSE = 0, TRUE = 1 };

typedef struct Record {
    struct Record *PtrComp;
    int Discr, EnumComp, IntComp;
    const char *StringComp;
    int refcnt;
    struct Record *next_free;
} Record;

/* ---- records: reference counted, recycled through a free list ---- */

static Record *free_records;
static long records_allocated, records_freed;

static Record *rec_new(Record *ptr, int discr, int enum_comp, int int_comp, const char *string_comp) {
    Record *r = free_records;
    if (r != NULL) {
        free_records = r->next_free;
    } else if ((r = malloc(sizeof(Record))) == NULL) {
        fprintf(stderr, "pystone: out of memory\n");
        exit(1);
    }
    records_allocated++;
    if (ptr != NULL) ptr->refcnt++;
    *r = (Record){ptr, discr, enum_comp, int_comp, string_comp, 1, NULL};
    return r;
}

static void rec_decref(Record *r) {
    while (r != NULL && --r->refcnt == 0) {
        Record *ptr = r->PtrComp;
        r->next_free = free_records;
        free_records = r;
        records_freed++;
        r = ptr; /* drop the reference r held */
    }
}

static Record *rec_incref(Record *r) {
    if (r != NULL) r->refcnt++;
    return r;
}

/* *slot = r, taking a new reference to r and dropping the old one. */
static void set_ptr(Record **slot, Record *r) {
    rec_incref(r);
    Record *old = *slot;
    *slot = r;
    rec_decref(old);
}

/* Record.copy(): a new record with the same fields (the copy shares PtrComp). */
static Record *rec_copy(const Record *r) {
    return rec_new(r->PtrComp, r->Discr, r->EnumComp, r->IntComp, r->StringComp);
}

/* ---- the globals of pystone.py ---- */

static int IntGlob;
static int BoolGlob;
static char Char1Glob, Char2Glob;
static int Array1Glob[51];
static int Array2Glob[51][51];
static Record *PtrGlb, *PtrGlbNext;

static int Func1(char CharPar1, char CharPar2);
static int Func2(const char *StrParI1, const char *StrParI2);
static int Func3(int EnumParIn);
static Record *Proc1(Record *PtrParIn);
static int Proc2(int IntParIO);
static Record *Proc3(Record *PtrParOut);
static void Proc4(void);
static void Proc5(void);
static int Proc6(int EnumParIn);
static int Proc7(int IntParI1, int IntParI2);
static void Proc8(int Array1Par[51], int Array2Par[51][51], int IntParI1, int IntParI2);

/* The final locals of Proc0, reported by main. */
static int IntLoc1, IntLoc2, IntLoc3, EnumLoc;

static void Proc0(long loops) {
    PtrGlbNext = rec_new(NULL, 0, 0, 0, NULL);
    PtrGlb = rec_new(NULL, 0, 0, 0, NULL);
    set_ptr(&PtrGlb->PtrComp, PtrGlbNext);
    PtrGlb->Discr = Ident1;
    PtrGlb->EnumComp = Ident3;
    PtrGlb->IntComp = 40;
    PtrGlb->StringComp = "DHRYSTONE PROGRAM, SOME STRING";
    const char *String1Loc = "DHRYSTONE PROGRAM, 1'ST STRING";
    Array2Glob[8][7] = 10;

    for (long i = 0; i < loops; i++) {
        Proc5();
        Proc4();
        IntLoc1 = 2;
        IntLoc2 = 3;
        const char *String2Loc = "DHRYSTONE PROGRAM, 2'ND STRING";
        EnumLoc = Ident2;
        BoolGlob = !Func2(String1Loc, String2Loc);
        while (IntLoc1 < IntLoc2) {
            IntLoc3 = 5 * IntLoc1 - IntLoc2;
            IntLoc3 = Proc7(IntLoc1, IntLoc2);
            IntLoc1 = IntLoc1 + 1;
        }
        Proc8(Array1Glob, Array2Glob, IntLoc1, IntLoc3);
        Record *r = Proc1(PtrGlb);
        rec_decref(PtrGlb);
        PtrGlb = r;
        for (char CharIndex = 'A'; CharIndex <= Char2Glob; CharIndex++)
            if (EnumLoc == Func1(CharIndex, 'C')) EnumLoc = Proc6(Ident1);
        IntLoc3 = IntLoc2 * IntLoc1;
        IntLoc2 = IntLoc3 / IntLoc1;
        IntLoc2 = 7 * (IntLoc3 - IntLoc2) - IntLoc1;
        IntLoc1 = Proc2(IntLoc1);
    }
}

/* Takes a borrowed PtrParIn, returns a new reference (PtrParIn itself, or a copy). */
static Record *Proc1(Record *PtrParIn) {
    Record *NextRecord = rec_copy(PtrGlb);
    set_ptr(&PtrParIn->PtrComp, NextRecord);
    PtrParIn->IntComp = 5;
    NextRecord->IntComp = PtrParIn->IntComp;
    set_ptr(&NextRecord->PtrComp, PtrParIn->PtrComp); /* a cycle until the end of Proc1 */
    Record *p = Proc3(NextRecord->PtrComp);
    set_ptr(&NextRecord->PtrComp, p);
    rec_decref(p);
    Record *result;
    if (NextRecord->Discr == Ident1) {
        NextRecord->IntComp = 6;
        NextRecord->EnumComp = Proc6(PtrParIn->EnumComp);
        set_ptr(&NextRecord->PtrComp, PtrGlb->PtrComp);
        NextRecord->IntComp = Proc7(NextRecord->IntComp, 10);
        result = rec_incref(PtrParIn);
    } else {
        result = rec_copy(NextRecord);
    }
    set_ptr(&NextRecord->PtrComp, NULL);
    rec_decref(NextRecord);
    return result;
}

static int Proc2(int IntParIO) {
    int IntLoc = IntParIO + 10;
    int EnumLoc2 = Ident2; /* pystone leaves it unbound; Char1Glob is always 'A' here */
    for (;;) {
        if (Char1Glob == 'A') {
            IntLoc = IntLoc - 1;
            IntParIO = IntLoc - IntGlob;
            EnumLoc2 = Ident1;
        }
        if (EnumLoc2 == Ident1) break;
    }
    return IntParIO;
}

/* Takes a borrowed PtrParOut, returns a new reference. */
static Record *Proc3(Record *PtrParOut) {
    if (PtrGlb != NULL)
        PtrParOut = PtrGlb->PtrComp;
    else
        IntGlob = 100;
    PtrGlb->IntComp = Proc7(10, IntGlob);
    return rec_incref(PtrParOut);
}

static void Proc4(void) {
    int BoolLoc = Char1Glob == 'A';
    BoolLoc = BoolLoc || BoolGlob;
    (void)BoolLoc;
    Char2Glob = 'B';
}

static void Proc5(void) {
    Char1Glob = 'A';
    BoolGlob = FALSE;
}

static int Proc6(int EnumParIn) {
    int EnumParOut = EnumParIn;
    if (!Func3(EnumParIn)) EnumParOut = Ident4;
    switch (EnumParIn) {
    case Ident1: EnumParOut = Ident1; break;
    case Ident2: EnumParOut = IntGlob > 100 ? Ident1 : Ident4; break;
    case Ident3: EnumParOut = Ident2; break;
    case Ident4: break;
    case Ident5: EnumParOut = Ident3; break;
    }
    return EnumParOut;
}

static int Proc7(int IntParI1, int IntParI2) {
    int IntLoc = IntParI1 + 2;
    return IntParI2 + IntLoc;
}

static void Proc8(int Array1Par[51], int Array2Par[51][51], int IntParI1, int IntParI2) {
    int IntLoc = IntParI1 + 5;
    Array1Par[IntLoc] = IntParI2;
    Array1Par[IntLoc + 1] = Array1Par[IntLoc];
    Array1Par[IntLoc + 30] = IntLoc;
    for (int IntIndex = IntLoc; IntIndex < IntLoc + 2; IntIndex++) Array2Par[IntLoc][IntIndex] = IntLoc;
    Array2Par[IntLoc][IntLoc - 1] = Array2Par[IntLoc][IntLoc - 1] + 1;
    Array2Par[IntLoc + 20][IntLoc] = Array1Par[IntLoc];
    IntGlob = 5;
}

static int Func1(char CharPar1, char CharPar2) {
    char CharLoc1 = CharPar1;
    char CharLoc2 = CharLoc1;
    return CharLoc2 != CharPar2 ? Ident1 : Ident2;
}

static int Func2(const char *StrParI1, const char *StrParI2) {
    int IntLoc = 1;
    char CharLoc = '\0';
    while (IntLoc <= 1)
        if (Func1(StrParI1[IntLoc], StrParI2[IntLoc + 1]) == Ident1) {
            CharLoc = 'A';
            IntLoc = IntLoc + 1;
        }
    if (CharLoc >= 'W' && CharLoc <= 'Z') IntLoc = 7;
    if (CharLoc == 'X') return TRUE;
    if (strcmp(StrParI1, StrParI2) > 0) {
        IntLoc = IntLoc + 7;
        return TRUE;
    }
    return FALSE;
}

static int Func3(int EnumParIn) {
    int EnumLoc3 = EnumParIn;
    return EnumLoc3 == Ident3 ? TRUE : FALSE;
}

int main(int argc, char **argv) {
    char *end;
    long loops = argc == 2 ? strtol(argv[1], &end, 10) : -1;
    if (argc != 2 || *end != '\0' || loops < 1) {
        fprintf(stderr, "usage: pystone LOOPS   (LOOPS >= 1)\n");
        return 2;
    }
    Proc0(loops);
    printf("IntGlob %d\nBoolGlob %d\nChar1Glob %c\nChar2Glob %c\n", IntGlob, BoolGlob, Char1Glob, Char2Glob);
    printf("Array1Glob[8] %d\nArray2Glob[8][7] %d\n", Array1Glob[8], Array2Glob[8][7]);
    printf("PtrGlb Discr %d EnumComp %d IntComp %d StringComp %s\n", PtrGlb->Discr, PtrGlb->EnumComp,
           PtrGlb->IntComp, PtrGlb->StringComp);
    printf("IntLoc1 %d IntLoc2 %d IntLoc3 %d EnumLoc %d\n", IntLoc1, IntLoc2, IntLoc3, EnumLoc);
    printf("records allocated %ld freed %ld\n", records_allocated, records_freed);
    uint32_t h = 2166136261u; /* FNV-1a over both arrays */
    for (int i = 0; i < 51; i++) {
        h = (h ^ (uint32_t)Array1Glob[i]) * 16777619u;
        for (int j = 0; j < 51; j++) h = (h ^ (uint32_t)Array2Glob[i][j]) * 16777619u;
    }
    printf("checksum %08x\n", (unsigned)h);
    rec_decref(PtrGlb);
    rec_decref(PtrGlbNext);
    return 0;
}
