/*
 * deltablue: the DeltaBlue incremental constraint solver (Maloney and
 * Wolczko; V8's JavaScript version, ported to Python for PyPy), as in
 * pyperformance "deltablue". Two tests per run:
 *   chain:      a chain of N equality constraints v0 = v1 = ... = vN with a
 *               stay constraint on vN; an edit constraint on v0 is added, a plan
 *               extracted, and 100 values pushed through the chain;
 *   projection: N pairs (src_i, dst_i) tied by dst_i = src_i * scale + offset
 *               (with stay constraints on the src_i); src, dst, scale and
 *               offset are edited in turn, each edit replanning the system.
 * Both tests check their own results, exactly as the Python code does.
 *
 * Differences from pyperformance: C structs with a kind tag and switch
 * statements instead of classes and virtual methods; the lists are growable
 * arrays (queues pop from a moving head instead of list.pop(0)); variables
 * have no names. Values are doubles, like Python's after ScaleConstraint's
 * true division. Planner.incremental_remove follows V8's do-while loop
 * (re-adding only required constraints, because REQUIRED.nextWeaker() is
 * WEAKEST in the original); the Python port's variant of that loop behaves
 * the same on the one-element "unsatisfied" lists this benchmark produces.
 * pyperformance runs N = 100.
 *
 * Cross-check: the benchmark's own expected values - after the chain edits
 * vN = 99; projection: dst = 1170 after src = 17, src = 5 after dst = 1050,
 * dst_i = 5 i + 1000 after scale = 5, dst_i = 5 i + 2000 after offset = 2000.
 * Any mismatch is printed and counted, and the program exits with status 1.
 * Beyond those, a line-by-line transcription of pyperformance's Python code,
 * run on CPython 3.11, gives the same plan length, marks and sum of the dst_i
 * as this program (N = 20, 100, 1000), e.g. for
 * N = 100: plan length 101, marks 103 and 208, sum of dsts 223305 (the last
 * dst keeps 1050, the others end at 5 i + 2000).
 *
 * usage: deltablue N LOOPS     (2 <= N <= 1000000, LOOPS >= 1)
 * prints the loop count; for the last loop the chain's plan length and end
 * value, the projection values, the sum of the dst_i and the number of marks
 * the planner used; and the failure count over all loops.
 */
#include <stdio.h>
#include <stdlib.h>

/* Strengths: smaller is stronger. */
enum { REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST };
/* Strength.nextWeaker() of the original, quirk included (REQUIRED -> WEAKEST). */
static const int NEXT_WEAKER[] = {WEAKEST, WEAK_DEFAULT, NORMAL, STRONG_DEFAULT, PREFERRED, REQUIRED, WEAKEST};

static int stronger(int s1, int s2) { return s1 < s2; }
static int weaker(int s1, int s2) { return s1 > s2; }
static int weakest_of(int s1, int s2) { return weaker(s1, s2) ? s1 : s2; }

static void *xmalloc(size_t size) {
    void *p = malloc(size);
    if (p == NULL) {
        fprintf(stderr, "deltablue: out of memory\n");
        exit(3);
    }
    return p;
}

/* A growable array of pointers, used as list and as FIFO queue (items[head..n)). */
typedef struct {
    void **items;
    int head, n, cap;
} List;

static void list_add(List *l, void *p) {
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 4;
        void **items = realloc(l->items, (size_t) l->cap * sizeof(void *));
        if (items == NULL) {
            fprintf(stderr, "deltablue: out of memory\n");
            exit(3);
        }
        l->items = items;
    }
    l->items[l->n++] = p;
}
static int list_empty(const List *l) { return l->head == l->n; }
static void *list_pop_first(List *l) { return l->items[l->head++]; }
/* Removes the first occurrence of p (Python's list.remove). */
static void list_remove(List *l, void *p) {
    for (int i = l->head; i < l->n; i++) {
        if (l->items[i] == p) {
            for (int j = i; j < l->n - 1; j++) l->items[j] = l->items[j + 1];
            l->n--;
            return;
        }
    }
}
static void list_free(List *l) {
    free(l->items);
    l->items = NULL;
    l->head = l->n = l->cap = 0;
}

typedef struct Constraint Constraint;

typedef struct {
    double value;
    List constraints;
    Constraint *determined_by;
    long mark;
    int walk_strength, stay;
} Variable;

enum Kind { STAY, EDIT, EQUALITY, SCALE };
enum Direction { BACKWARD = -1, NONE = 0, FORWARD = 1 };

struct Constraint {
    enum Kind kind;
    int strength;
    Variable *my_output; /* unary: STAY, EDIT */
    int satisfied;       /* unary */
    Variable *v1, *v2;   /* binary: EQUALITY, SCALE */
    int direction;       /* binary */
    Variable *scale, *offset; /* SCALE */
};

static int is_unary(const Constraint *c) { return c->kind == STAY || c->kind == EDIT; }

/* Every object of one test, freed at its end. */
static List all_variables, all_constraints;
static long current_mark;
static long failures;

static long new_mark(void) { return ++current_mark; }

static Variable *new_variable(double value) {
    Variable *v = xmalloc(sizeof(Variable));
    v->value = value;
    v->constraints.items = NULL;
    v->constraints.head = v->constraints.n = v->constraints.cap = 0;
    v->determined_by = NULL;
    v->mark = 0;
    v->walk_strength = WEAKEST;
    v->stay = 1;
    list_add(&all_variables, v);
    return v;
}

static void free_all(void) {
    for (int i = 0; i < all_variables.n; i++) {
        Variable *v = all_variables.items[i];
        list_free(&v->constraints);
        free(v);
    }
    for (int i = 0; i < all_constraints.n; i++) free(all_constraints.items[i]);
    list_free(&all_variables);
    list_free(&all_constraints);
}

static void variable_remove_constraint(Variable *v, Constraint *c) {
    list_remove(&v->constraints, c);
    if (v->determined_by == c) v->determined_by = NULL;
}

/* ---- the constraint "methods" ---- */

static int is_input(const Constraint *c) { return c->kind == EDIT; }

static int is_satisfied(const Constraint *c) { return is_unary(c) ? c->satisfied : c->direction != NONE; }

static Variable *input(const Constraint *c) { return c->direction == FORWARD ? c->v1 : c->v2; }

static Variable *output(const Constraint *c) {
    if (is_unary(c)) return c->my_output;
    return c->direction == FORWARD ? c->v2 : c->v1;
}

static void add_to_graph(Constraint *c) {
    if (is_unary(c)) {
        list_add(&c->my_output->constraints, c);
        c->satisfied = 0;
        return;
    }
    list_add(&c->v1->constraints, c);
    list_add(&c->v2->constraints, c);
    c->direction = NONE;
    if (c->kind == SCALE) {
        list_add(&c->scale->constraints, c);
        list_add(&c->offset->constraints, c);
    }
}

static void remove_from_graph(Constraint *c) {
    if (is_unary(c)) {
        variable_remove_constraint(c->my_output, c);
        c->satisfied = 0;
        return;
    }
    variable_remove_constraint(c->v1, c);
    variable_remove_constraint(c->v2, c);
    c->direction = NONE;
    if (c->kind == SCALE) {
        variable_remove_constraint(c->scale, c);
        variable_remove_constraint(c->offset, c);
    }
}

static void choose_method(Constraint *c, long mark) {
    if (is_unary(c)) {
        c->satisfied = c->my_output->mark != mark && stronger(c->strength, c->my_output->walk_strength);
        return;
    }
    /* As in the original, only the last if/else decides; the first two are kept for fidelity. */
    if (c->v1->mark == mark)
        c->direction = c->v2->mark != mark && stronger(c->strength, c->v2->walk_strength) ? FORWARD : BACKWARD;
    if (c->v2->mark == mark)
        c->direction = c->v1->mark != mark && stronger(c->strength, c->v1->walk_strength) ? BACKWARD : NONE;
    if (weaker(c->v1->walk_strength, c->v2->walk_strength))
        c->direction = stronger(c->strength, c->v1->walk_strength) ? BACKWARD : NONE;
    else
        c->direction = stronger(c->strength, c->v2->walk_strength) ? FORWARD : BACKWARD;
}

static void mark_inputs(Constraint *c, long mark) {
    if (is_unary(c)) return;
    input(c)->mark = mark;
    if (c->kind == SCALE) {
        c->scale->mark = mark;
        c->offset->mark = mark;
    }
}

static int inputs_known(const Constraint *c, long mark) {
    if (is_unary(c)) return 1;
    Variable *i = input(c);
    return i->mark == mark || i->stay || i->determined_by == NULL;
}

static void mark_unsatisfied(Constraint *c) {
    if (is_unary(c)) c->satisfied = 0;
    else c->direction = NONE;
}

static void execute(Constraint *c) {
    switch (c->kind) {
    case STAY:
    case EDIT:
        break;
    case EQUALITY:
        output(c)->value = input(c)->value;
        break;
    case SCALE:
        if (c->direction == FORWARD) c->v2->value = c->v1->value * c->scale->value + c->offset->value;
        else c->v1->value = (c->v2->value - c->offset->value) / c->scale->value;
        break;
    }
}

static void recalculate(Constraint *c) {
    if (is_unary(c)) {
        c->my_output->walk_strength = c->strength;
        c->my_output->stay = !is_input(c);
        if (c->my_output->stay) execute(c);
        return;
    }
    Variable *ihn = input(c), *out = output(c);
    out->walk_strength = weakest_of(c->strength, ihn->walk_strength);
    out->stay = ihn->stay;
    if (c->kind == SCALE) out->stay = out->stay && c->scale->stay && c->offset->stay;
    if (out->stay) execute(c);
}

/* ---- the planner ---- */

static void incremental_remove(Constraint *c);

static void add_constraints_consuming_to(Variable *v, List *coll) {
    Constraint *determining = v->determined_by;
    for (int i = v->constraints.head; i < v->constraints.n; i++) {
        Constraint *c = v->constraints.items[i];
        if (c != determining && is_satisfied(c)) list_add(coll, c);
    }
}

/* Recomputes walk strengths downstream of c; 0 when a cycle was found (c is then removed). */
static int add_propagate(Constraint *c, long mark) {
    List todo = {0};
    list_add(&todo, c);
    while (!list_empty(&todo)) {
        Constraint *d = list_pop_first(&todo);
        if (output(d)->mark == mark) {
            list_free(&todo);
            incremental_remove(c);
            return 0;
        }
        recalculate(d);
        add_constraints_consuming_to(output(d), &todo);
    }
    list_free(&todo);
    return 1;
}

/* Tries to satisfy c; returns the constraint it overrode, or NULL. */
static Constraint *satisfy(Constraint *c, long mark) {
    choose_method(c, mark);
    if (!is_satisfied(c)) {
        if (c->strength == REQUIRED) {
            printf("Could not satisfy a required constraint!\n");
            failures++;
        }
        return NULL;
    }
    mark_inputs(c, mark);
    Variable *out = output(c);
    Constraint *overridden = out->determined_by;
    if (overridden != NULL) mark_unsatisfied(overridden);
    out->determined_by = c;
    if (!add_propagate(c, mark)) {
        printf("Cycle encountered\n");
        failures++;
    }
    out->mark = mark;
    return overridden;
}

static void incremental_add(Constraint *c) {
    long mark = new_mark();
    Constraint *overridden = satisfy(c, mark);
    while (overridden != NULL) overridden = satisfy(overridden, mark);
}

/* The constraints that out's removal leaves unsatisfied; recomputes strengths downstream. */
static void remove_propagate_from(Variable *out, List *unsatisfied) {
    out->determined_by = NULL;
    out->walk_strength = WEAKEST;
    out->stay = 1;
    List todo = {0};
    list_add(&todo, out);
    while (!list_empty(&todo)) {
        Variable *v = list_pop_first(&todo);
        for (int i = v->constraints.head; i < v->constraints.n; i++) {
            Constraint *c = v->constraints.items[i];
            if (!is_satisfied(c)) list_add(unsatisfied, c);
        }
        Constraint *determining = v->determined_by;
        for (int i = v->constraints.head; i < v->constraints.n; i++) {
            Constraint *c = v->constraints.items[i];
            if (c != determining && is_satisfied(c)) {
                recalculate(c);
                list_add(&todo, output(c));
            }
        }
    }
    list_free(&todo);
}

static void incremental_remove(Constraint *c) {
    Variable *out = output(c);
    mark_unsatisfied(c);
    remove_from_graph(c);
    List unsatisfied = {0};
    remove_propagate_from(out, &unsatisfied);
    int strength = REQUIRED;
    do {
        for (int i = 0; i < unsatisfied.n; i++) {
            Constraint *u = unsatisfied.items[i];
            if (u->strength == strength) incremental_add(u);
        }
        strength = NEXT_WEAKER[strength];
    } while (strength != WEAKEST);
    list_free(&unsatisfied);
}

/* Creates a constraint and adds it to the graph and the plan (Constraint.add_constraint). */
static Constraint *new_constraint(enum Kind kind, int strength, Variable *a, Variable *b) {
    Constraint *c = xmalloc(sizeof(Constraint));
    c->kind = kind;
    c->strength = strength;
    c->my_output = is_unary(c) ? a : NULL;
    c->satisfied = 0;
    c->v1 = is_unary(c) ? NULL : a;
    c->v2 = is_unary(c) ? NULL : b;
    c->direction = NONE;
    c->scale = c->offset = NULL;
    list_add(&all_constraints, c);
    return c;
}

static Constraint *unary(enum Kind kind, Variable *v, int strength) {
    Constraint *c = new_constraint(kind, strength, v, NULL);
    add_to_graph(c);
    incremental_add(c);
    return c;
}

static Constraint *equality(Variable *v1, Variable *v2, int strength) {
    Constraint *c = new_constraint(EQUALITY, strength, v1, v2);
    add_to_graph(c);
    incremental_add(c);
    return c;
}

static Constraint *scale_constraint(Variable *src, Variable *scale, Variable *offset, Variable *dest, int strength) {
    Constraint *c = new_constraint(SCALE, strength, src, dest);
    c->scale = scale;
    c->offset = offset;
    add_to_graph(c);
    incremental_add(c);
    return c;
}

static void destroy_constraint(Constraint *c) {
    if (is_satisfied(c)) incremental_remove(c);
    else remove_from_graph(c);
}

/* The plan: satisfied constraints reachable from the satisfied input constraints, in order. */
static void make_plan(List *sources, List *plan) {
    long mark = new_mark();
    while (!list_empty(sources)) {
        Constraint *c = list_pop_first(sources);
        if (output(c)->mark != mark && inputs_known(c, mark)) {
            list_add(plan, c);
            output(c)->mark = mark;
            add_constraints_consuming_to(output(c), sources);
        }
    }
}

static void extract_plan_from_edit(Constraint *edit, List *plan) {
    List sources = {0};
    if (is_input(edit) && is_satisfied(edit)) list_add(&sources, edit);
    make_plan(&sources, plan);
    list_free(&sources);
}

static void plan_execute(const List *plan) {
    for (int i = 0; i < plan->n; i++) execute(plan->items[i]);
}

static void check(int ok, const char *message) {
    if (!ok) {
        printf("%s\n", message);
        failures++;
    }
}

/* ---- the two tests ---- */

static int chain_plan_length;
static double chain_end_value;

static void chain_test(int n) {
    current_mark = 0;
    Variable *prev = NULL, *first = NULL, *last = NULL;
    for (int i = 0; i <= n; i++) {
        Variable *v = new_variable(0);
        if (prev != NULL) equality(prev, v, REQUIRED);
        if (i == 0) first = v;
        if (i == n) last = v;
        prev = v;
    }
    unary(STAY, last, STRONG_DEFAULT);
    Constraint *edit = unary(EDIT, first, PREFERRED);
    List plan = {0};
    extract_plan_from_edit(edit, &plan);
    for (int i = 0; i < 100; i++) {
        first->value = i;
        plan_execute(&plan);
        check(last->value == i, "Chain test failed.");
    }
    chain_plan_length = plan.n;
    chain_end_value = last->value;
    list_free(&plan);
    free_all();
}

/* Edits v to new_value through a temporary edit constraint, 10 times, then removes the edit. */
static void change(Variable *v, double new_value) {
    Constraint *edit = unary(EDIT, v, PREFERRED);
    List plan = {0};
    extract_plan_from_edit(edit, &plan);
    for (int i = 0; i < 10; i++) {
        v->value = new_value;
        plan_execute(&plan);
    }
    list_free(&plan);
    destroy_constraint(edit);
}

static double projection_dst, projection_src, dests_sum;

static void projection_test(int n) {
    current_mark = 0;
    Variable *scale = new_variable(10), *offset = new_variable(1000), *src = NULL;
    Variable *dst = new_variable(0); /* as in the Python code: replaced in the loop */
    Variable **dests = xmalloc((size_t) n * sizeof(Variable *));
    for (int i = 0; i < n; i++) {
        src = new_variable(i);
        dst = new_variable(i);
        dests[i] = dst;
        unary(STAY, src, NORMAL);
        scale_constraint(src, scale, offset, dst, REQUIRED);
    }
    change(src, 17);
    projection_dst = dst->value;
    check(dst->value == 1170, "Projection 1 failed");
    change(dst, 1050);
    projection_src = src->value;
    check(src->value == 5, "Projection 2 failed");
    change(scale, 5);
    for (int i = 0; i < n - 1; i++) check(dests[i]->value == i * 5 + 1000, "Projection 3 failed");
    change(offset, 2000);
    for (int i = 0; i < n - 1; i++) check(dests[i]->value == i * 5 + 2000, "Projection 4 failed");
    dests_sum = 0;
    for (int i = 0; i < n; i++) dests_sum += dests[i]->value;
    free(dests);
    free_all();
}

static long parse(const char *s, long lo, long hi) {
    char *end;
    long v = strtol(s, &end, 10);
    return (*s == '\0' || *end != '\0' || v < lo || v > hi) ? -1 : v;
}

int main(int argc, char **argv) {
    long n = argc == 3 ? parse(argv[1], 2, 1000000) : -1;
    long loops = argc == 3 ? parse(argv[2], 1, 1000000) : -1;
    if (n < 0 || loops < 0) {
        fprintf(stderr, "usage: deltablue N LOOPS   (2 <= N <= 1000000, 1 <= LOOPS <= 1000000)\n");
        return 2;
    }
    long chain_marks = 0, projection_marks = 0;
    for (long l = 0; l < loops; l++) {
        chain_test((int) n);
        chain_marks = current_mark;
        projection_test((int) n);
        projection_marks = current_mark;
    }
    printf("loops: %ld\n", loops);
    printf("chain: n=%ld, plan length %d, end value %.3f, marks %ld\n", n, chain_plan_length, chain_end_value,
           chain_marks);
    printf("projection: dst %.3f after src=17, src %.3f after dst=1050, sum of dsts %.3f, marks %ld\n",
           projection_dst, projection_src, dests_sum, projection_marks);
    printf("failures: %ld\n", failures);
    return failures == 0 ? 0 : 1;
}
