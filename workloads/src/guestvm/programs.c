/* The guest programs, written opcode by opcode (the Python each one mirrors is in the comments).
 * Each build function stores its functions in VM globals (called like Python's module-level
 * functions: LOAD_GLOBAL, arguments, CALL) and returns the entry function main(n).
 *
 *   pystone   Python's pystone (Dhrystone 2.1), in pystone.c
 *   richards  a small richards-like scheduler: task records, packet queues, indirect calls
 *   nbody     the Benchmarks Game n-body (bodies are lists of 7 floats)
 *   strings   string building: str(), concatenation, join, a counting dict
 */
#include "dsl.h"

/* ================= richards ================= */
enum { R_TASKS, R_MKTASK, R_IDLE, R_WORKER, R_HANDLER };

static Func *build_richards(VM *vm) {
    /* def mktask(fn, id): return {fn, id, count: 0, sum: 0, queue: []} */
    Func *f = fn_new("mktask", 2, 3);
    C(BUILD_DICT); SL(2);
    LL(0); LL(2); SA("fn"); LL(1); LL(2); SA("id");
    KI(0); LL(2); SA("count"); KI(0); LL(2); SA("sum"); BL(0); LL(2); SA("queue");
    LL(2); RET();
    define(vm, R_MKTASK, f);

    /* def idle(t, seed): t.count += 1; return seed // 65536 % 4 */
    f = fn_new("idle", 2, 2);
    LL(0); GA("count"); KI(1); C(ADD); LL(0); SA("count");
    LL(1); KI(65536); C(FLOORDIV); KI(4); C(MOD); RET();
    define(vm, R_IDLE, f);

    /* def worker(t, seed): c = t.count; t.count = c + 1; dest = tasks[2 + c % 2]
     *     dest.queue.append([c % 26, seed % 100]); return 2 + c % 2 */
    f = fn_new("worker", 2, 4);
    {
        enum { T, SEED, CNT, DEST };
        LL(T); GA("count"); SL(CNT); LL(CNT); KI(1); C(ADD); LL(T); SA("count");
        LG(R_TASKS); KI(2); LL(CNT); KI(2); C(MOD); C(ADD); C(GET_ITEM); SL(DEST);
        LL(DEST); GA("queue"); LL(CNT); KI(26); C(MOD); LL(SEED); KI(100); C(MOD); BL(2); BI(APPEND, 2); C(POP);
        KI(2); LL(CNT); KI(2); C(MOD); C(ADD); RET();
    }
    define(vm, R_WORKER, f);

    /* def handler(t, seed): q = t.queue
     *     if len(q) > 0: pkt = q.pop(); t.sum += pkt[0] * pkt[1]; t.count += 1; return seed // 8 % 2
     *     return 0 */
    f = fn_new("handler", 2, 4);
    {
        enum { T, SEED, Q, PKT };
        int empty = label(f);
        LL(T); GA("queue"); SL(Q);
        LL(Q); BI(LEN, 1); KI(0); C(GT); J(JUMP_IF_FALSE, empty);
        LL(Q); BI(POP, 1); SL(PKT);
        LL(T); GA("sum"); LL(PKT); KI(0); C(GET_ITEM); LL(PKT); KI(1); C(GET_ITEM); C(MUL); C(ADD); LL(T); SA("sum");
        LL(T); GA("count"); KI(1); C(ADD); LL(T); SA("count");
        LL(SEED); KI(8); C(FLOORDIV); KI(2); C(MOD); RET();
        AT(empty); KI(0); RET();
    }
    define(vm, R_HANDLER, f);

    /* def main(n): tasks = [idle, worker, handler, handler] as records; seed = 42; cur = 0
     *     for i in range(n): t = tasks[cur]; seed = (seed * 1103515245 + 12345) % 2**31; cur = t.fn(t, seed)
     *     for t in tasks: print(t.id, t.count, t.sum, len(t.queue)) */
    f = fn_new("richards", 1, 5);
    enum { N, I, CUR, SEED, T };
    LG(R_MKTASK); LG(R_IDLE); KI(0); CALL(2);
    LG(R_MKTASK); LG(R_WORKER); KI(1); CALL(2);
    LG(R_MKTASK); LG(R_HANDLER); KI(2); CALL(2);
    LG(R_MKTASK); LG(R_HANDLER); KI(3); CALL(2);
    BL(4); SG(R_TASKS);
    KI(42); SL(SEED); KI(0); SL(CUR); KI(0); SL(I);
    {
        WHILE(top, end);
        LL(I); LL(N); C(LT); J(JUMP_IF_FALSE, end);
        LG(R_TASKS); LL(CUR); C(GET_ITEM); SL(T);
        LL(SEED); KI(1103515245); C(MUL); KI(12345); C(ADD); KI(2147483648LL); C(MOD); SL(SEED);
        LL(T); GA("fn"); LL(T); LL(SEED); CALL(2); SL(CUR);
        INC(I);
        WEND(top, end);
    }
    KI(0); SL(I);
    {
        WHILE(top, end);
        LL(I); KI(4); C(LT); J(JUMP_IF_FALSE, end);
        LG(R_TASKS); LL(I); C(GET_ITEM); SL(T);
        LL(T); GA("id"); LL(T); GA("count"); LL(T); GA("sum"); LL(T); GA("queue"); BI(LEN, 1); BI(PRINT, 4); C(POP);
        INC(I);
        WEND(top, end);
    }
    KNONE(); RET();
    fn_end(f);
    return f;
}

/* ================= nbody ================= */
enum { N_ADVANCE, N_ENERGY, N_OFFSET };
enum { BX, BY, BZ, BVX, BVY, BVZ, BM };
#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

/* obj[idx] = obj[idx] op (d * m) */
static void update(Func *f, int obj, int idx, int d, int m, int op) {
    LL(obj); KI(idx); C(GET_ITEM); LL(d); LL(m); C(MUL); emit(f, op);
    LL(obj); KI(idx); C(SET_ITEM);
}

/* dst = a[idx] - b[idx] */
static void diff(Func *f, int dst, int a, int b, int idx) {
    LL(a); KI(idx); C(GET_ITEM); LL(b); KI(idx); C(GET_ITEM); C(SUB); SL(dst);
}

static void nbody_advance(VM *vm) {
    /* def advance(bodies, n, dt): for each step, each pair: velocity update; then positions */
    Func *f = fn_new("advance", 3, 14);
    enum { BODIES, NSTEPS, DT, S, I, J_, BI_, BJ, DX, DY, DZ, D2, MAG, BMASS };
    KI(0); SL(S);
    WHILE(top, end);
    LL(S); LL(NSTEPS); C(LT); J(JUMP_IF_FALSE, end);
    KI(0); SL(I);
    {
        WHILE(top2, end2);
        LL(I); KI(5); C(LT); J(JUMP_IF_FALSE, end2);
        LL(BODIES); LL(I); C(GET_ITEM); SL(BI_);
        LL(I); KI(1); C(ADD); SL(J_);
        {
            WHILE(top3, end3);
            LL(J_); KI(5); C(LT); J(JUMP_IF_FALSE, end3);
            LL(BODIES); LL(J_); C(GET_ITEM); SL(BJ);
            diff(f, DX, BI_, BJ, BX); diff(f, DY, BI_, BJ, BY); diff(f, DZ, BI_, BJ, BZ);
            LL(DX); LL(DX); C(MUL); LL(DY); LL(DY); C(MUL); C(ADD); LL(DZ); LL(DZ); C(MUL); C(ADD); SL(D2);
            LL(DT); LL(D2); LL(D2); BI(SQRT, 1); C(MUL); C(TRUEDIV); SL(MAG);
            LL(BJ); KI(BM); C(GET_ITEM); LL(MAG); C(MUL); SL(BMASS);
            update(f, BI_, BVX, DX, BMASS, OP_SUB); update(f, BI_, BVY, DY, BMASS, OP_SUB); update(f, BI_, BVZ, DZ, BMASS, OP_SUB);
            LL(BI_); KI(BM); C(GET_ITEM); LL(MAG); C(MUL); SL(BMASS);
            update(f, BJ, BVX, DX, BMASS, OP_ADD); update(f, BJ, BVY, DY, BMASS, OP_ADD); update(f, BJ, BVZ, DZ, BMASS, OP_ADD);
            INC(J_);
            WEND(top3, end3);
        }
        INC(I);
        WEND(top2, end2);
    }
    KI(0); SL(I);
    {
        WHILE(top2, end2);
        LL(I); KI(5); C(LT); J(JUMP_IF_FALSE, end2);
        LL(BODIES); LL(I); C(GET_ITEM); SL(BI_);
        for (int k = 0; k < 3; k++) {           /* bi[k] = bi[k] + dt * bi[3 + k] */
            LL(BI_); KI(BX + k); C(GET_ITEM); LL(DT); LL(BI_); KI(BVX + k); C(GET_ITEM); C(MUL); C(ADD);
            LL(BI_); KI(BX + k); C(SET_ITEM);
        }
        INC(I);
        WEND(top2, end2);
    }
    INC(S);
    WEND(top, end);
    KNONE(); RET();
    define(vm, N_ADVANCE, f);
}

static void nbody_energy(VM *vm) {
    /* def energy(bodies): e = 0.0
     *     for i: e += 0.5 * bi[m] * (vx*vx + vy*vy + vz*vz)
     *            for j > i: e -= bi[m] * bj[m] / sqrt(dx*dx + dy*dy + dz*dz)
     *     return e */
    Func *f = fn_new("energy", 1, 9);
    enum { BODIES, E, I, J_, BI_, BJ, DX, DY, DZ };
    KF(0.0); SL(E); KI(0); SL(I);
    WHILE(top, end);
    LL(I); KI(5); C(LT); J(JUMP_IF_FALSE, end);
    LL(BODIES); LL(I); C(GET_ITEM); SL(BI_);
    LL(E); KF(0.5); LL(BI_); KI(BM); C(GET_ITEM); C(MUL);
    for (int k = 0; k < 3; k++) {
        LL(BI_); KI(BVX + k); C(GET_ITEM); LL(BI_); KI(BVX + k); C(GET_ITEM); C(MUL);
        if (k) C(ADD);
    }
    C(MUL); C(ADD); SL(E);
    LL(I); KI(1); C(ADD); SL(J_);
    {
        WHILE(top2, end2);
        LL(J_); KI(5); C(LT); J(JUMP_IF_FALSE, end2);
        LL(BODIES); LL(J_); C(GET_ITEM); SL(BJ);
        diff(f, DX, BI_, BJ, BX); diff(f, DY, BI_, BJ, BY); diff(f, DZ, BI_, BJ, BZ);
        LL(E); LL(BI_); KI(BM); C(GET_ITEM); LL(BJ); KI(BM); C(GET_ITEM); C(MUL);
        LL(DX); LL(DX); C(MUL); LL(DY); LL(DY); C(MUL); C(ADD); LL(DZ); LL(DZ); C(MUL); C(ADD); BI(SQRT, 1);
        C(TRUEDIV); C(SUB); SL(E);
        INC(J_);
        WEND(top2, end2);
    }
    INC(I);
    WEND(top, end);
    LL(E); RET();
    define(vm, N_ENERGY, f);
}

static void nbody_offset(VM *vm) {
    /* def offset_momentum(bodies): p = sum of v * m; bodies[0].v = -p / SOLAR_MASS */
    Func *f = fn_new("offset_momentum", 1, 6);
    enum { BODIES, PX, PY, PZ, I, B };
    KF(0.0); SL(PX); KF(0.0); SL(PY); KF(0.0); SL(PZ); KI(0); SL(I);
    WHILE(top, end);
    LL(I); KI(5); C(LT); J(JUMP_IF_FALSE, end);
    LL(BODIES); LL(I); C(GET_ITEM); SL(B);
    for (int k = 0; k < 3; k++) {
        LL(PX + k); LL(B); KI(BVX + k); C(GET_ITEM); LL(B); KI(BM); C(GET_ITEM); C(MUL); C(ADD); SL(PX + k);
    }
    INC(I);
    WEND(top, end);
    LL(BODIES); KI(0); C(GET_ITEM); SL(B);
    for (int k = 0; k < 3; k++) {
        LL(PX + k); C(NEG); KF(SOLAR_MASS); C(TRUEDIV); LL(B); KI(BVX + k); C(SET_ITEM);
    }
    KNONE(); RET();
    define(vm, N_OFFSET, f);
}

static Func *build_nbody(VM *vm) {
    static const double bodies[5][7] = {
        { 0, 0, 0, 0, 0, 0, SOLAR_MASS },
        { 4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
          1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
          -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS },
        { 8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
          -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
          2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS },
        { 1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
          2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
          -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS },
        { 1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
          2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
          -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS },
    };
    nbody_advance(vm);
    nbody_energy(vm);
    nbody_offset(vm);
    /* def main(n): bodies = [...]; offset_momentum(bodies); print(energy(bodies))
     *     advance(bodies, n, 0.01); print(energy(bodies)) */
    Func *f = fn_new("nbody", 1, 2);
    for (int b = 0; b < 5; b++) {
        for (int k = 0; k < 7; k++) KF(bodies[b][k]);
        BL(7);
    }
    BL(5); SL(1);
    LG(N_OFFSET); LL(1); CALL(1); C(POP);
    LG(N_ENERGY); LL(1); CALL(1); BI(PRINT, 1); C(POP);
    LG(N_ADVANCE); LL(1); LL(0); KF(0.01); CALL(3); C(POP);
    LG(N_ENERGY); LL(1); CALL(1); BI(PRINT, 1); C(POP);
    KNONE(); RET();
    fn_end(f);
    return f;
}

/* ================= strings ================= */
static Func *build_strings(VM *vm) {
    (void) vm;
    /* def strings(n): total = 0; d = {}; parts = []; line = ""
     *     for i in range(n):
     *         s = "k" + str(i % 1000); d[s] = d.get(s, 0) + 1; parts.append(s); line = line + s + ";"
     *         if len(line) > 200: total += len(line); line = ""
     *         if len(parts) == 50: total += len(",".join(parts)); parts = []
     *     print(total, len(d), d.get("k7", 0), len(line), len(parts)) */
    Func *f = fn_new("strings", 1, 8);
    enum { N, I, S, D, PARTS, TOTAL, LINE };
    KI(0); SL(TOTAL); C(BUILD_DICT); SL(D); BL(0); SL(PARTS); KS(""); SL(LINE); KI(0); SL(I);
    {
        int n1 = label(f), n2 = label(f);
        WHILE(top, end);
        LL(I); LL(N); C(LT); J(JUMP_IF_FALSE, end);
        KS("k"); LL(I); KI(1000); C(MOD); BI(STR, 1); C(ADD); SL(S);
        LL(D); LL(S); KI(0); BI(GET, 3); KI(1); C(ADD); LL(D); LL(S); C(SET_ITEM);
        LL(PARTS); LL(S); BI(APPEND, 2); C(POP);
        LL(LINE); LL(S); C(ADD); KS(";"); C(ADD); SL(LINE);
        LL(LINE); BI(LEN, 1); KI(200); C(GT); J(JUMP_IF_FALSE, n1);
        LL(TOTAL); LL(LINE); BI(LEN, 1); C(ADD); SL(TOTAL); KS(""); SL(LINE);
        AT(n1);
        LL(PARTS); BI(LEN, 1); KI(50); C(EQ); J(JUMP_IF_FALSE, n2);
        LL(TOTAL); KS(","); LL(PARTS); BI(JOIN, 2); BI(LEN, 1); C(ADD); SL(TOTAL); BL(0); SL(PARTS);
        AT(n2);
        INC(I);
        WEND(top, end);
    }
    LL(TOTAL); LL(D); BI(LEN, 1); LL(D); KS("k7"); KI(0); BI(GET, 3); LL(LINE); BI(LEN, 1); LL(PARTS); BI(LEN, 1);
    BI(PRINT, 5); C(POP);
    KNONE(); RET();
    fn_end(f);
    return f;
}

/* scale: the multiplier of N under "all", chosen so that the four take similar time (about
 * 20 microseconds each per unit of N natively, gcc -O2 on x86-64) */
const Program programs[] = {
    { "pystone", build_pystone, 5 },
    { "richards", build_richards, 40 },
    { "nbody", build_nbody, 2 },
    { "strings", build_strings, 12 },
};
const int program_count = (int) (sizeof programs / sizeof programs[0]);
