/*
 * deepcopy: deep copies of a generated graph of small heap objects, with a
 * memo table for shared references and cycles, like Python's copy.deepcopy.
 *
 * Mirrors pyperformance "deepcopy" (deepcopy of nested dicts, lists and class
 * instances, and its deepcopy_memo variant with repeated references). The
 * object model is a miniature of Python's: immutable atoms (ints, strings)
 * that deepcopy returns as they are, and mutable containers (lists, dicts with
 * string keys, instances with four attributes) that it copies. The graph has
 * OBJECTS containers arranged as a tree (1 to 4 children per container) plus
 * shared references: lists and dicts also refer to an atom from a small pool
 * and to an earlier container (a DAG edge); instances refer to their parent
 * (a cycle), keep their children in a list of their own and sometimes refer
 * to an earlier container. As in Python, a container enters the memo table (a
 * pointer-keyed open-addressing hash table) before its items are copied, so
 * every shared object is copied once and cycles end.
 * Recursion depth is the depth of the tree (about log2 OBJECTS): shared
 * references only point to containers that are copied earlier.
 *
 * After each copy the program checks that the copy has the same shape, shares
 * every atom and no container with the original, and hashes it
 * independently of addresses (containers are numbered in visiting order).
 *
 * usage: deepcopy OBJECTS COPIES     (1 <= OBJECTS <= 1000000, COPIES >= 1)
 * prints the containers and references copied per copy, the memo hits, and
 * the FNV-1a hash of the copy (the same for every copy).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum Kind { O_INT, O_STR, O_LIST, O_DICT, O_INST };

typedef struct Obj {
    enum Kind kind;
    int n;              /* containers: number of items (a dict's items are key, value pairs: 2n slots) */
    int64_t value;      /* O_INT */
    const char *str;    /* O_STR */
    struct Obj **items; /* containers: n slots (dicts: 2n) */
    uint32_t mark;      /* visit epoch, for walks over the graph */
    uint32_t number;    /* visiting order within a walk */
} Obj;

#define INST_ATTRS 4 /* name, value, parent, children */

static void *xmalloc(size_t size) {
    void *p = malloc(size ? size : 1);
    if (p == NULL) {
        fprintf(stderr, "deepcopy: out of memory\n");
        exit(1);
    }
    return p;
}

static int is_atom(const Obj *o) { return o->kind == O_INT || o->kind == O_STR; }
static int slots(const Obj *o) { return o->kind == O_DICT ? 2 * o->n : o->n; }

static Obj *new_obj(enum Kind kind, int n) {
    Obj *o = xmalloc(sizeof(Obj));
    *o = (Obj){.kind = kind, .n = n};
    if (!is_atom(o)) o->items = xmalloc((size_t)slots(o) * sizeof(Obj *));
    return o;
}

/* ---- the memo table: original container -> its copy ---- */

typedef struct {
    const Obj *key;
    Obj *value;
} Slot;

static Slot *memo;
static size_t memo_mask, memo_count;
static long memo_hits;

static size_t hash_ptr(const Obj *p) {
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9e3779b97f4a7c15u;
    return (size_t)(h >> 32);
}

static void memo_reset(size_t expected) {
    size_t cap = 16;
    while (cap < 2 * expected) cap *= 2;
    if (cap - 1 != memo_mask) {
        free(memo);
        memo = xmalloc(cap * sizeof(Slot));
        memo_mask = cap - 1;
    }
    memset(memo, 0, cap * sizeof(Slot));
    memo_count = 0;
}

static Obj *memo_get(const Obj *key) {
    for (size_t i = hash_ptr(key) & memo_mask;; i = (i + 1) & memo_mask) {
        if (memo[i].key == key) return memo[i].value;
        if (memo[i].key == NULL) return NULL;
    }
}

static void memo_put(const Obj *key, Obj *value) {
    if (2 * (memo_count + 1) > memo_mask + 1) { /* keep the load below 1/2 */
        Slot *old = memo;
        size_t old_cap = memo_mask + 1;
        memo_mask = 2 * old_cap - 1;
        memo = xmalloc((memo_mask + 1) * sizeof(Slot));
        memset(memo, 0, (memo_mask + 1) * sizeof(Slot));
        for (size_t i = 0; i < old_cap; i++)
            if (old[i].key) {
                size_t j = hash_ptr(old[i].key) & memo_mask;
                while (memo[j].key) j = (j + 1) & memo_mask;
                memo[j] = old[i];
            }
        free(old);
    }
    size_t i = hash_ptr(key) & memo_mask;
    while (memo[i].key) i = (i + 1) & memo_mask;
    memo[i] = (Slot){key, value};
    memo_count++;
}

/* ---- deepcopy ---- */

static long refs_copied;

static Obj *deepcopy(const Obj *x) {
    refs_copied++;
    if (is_atom(x)) return (Obj *)x; /* atoms are immutable: shared, as in Python */
    Obj *y = memo_get(x);
    if (y != NULL) {
        memo_hits++;
        return y;
    }
    y = new_obj(x->kind, x->n);
    memo_put(x, y); /* before the items: a cycle back to x finds y */
    for (int i = 0; i < slots(x); i++)
        y->items[i] = x->kind == O_DICT && i % 2 == 0 ? x->items[i] : deepcopy(x->items[i]); /* keys are strings */
    return y;
}

/* ---- the generated graph ---- */

static uint64_t rng = 0xda942042e4dd58b5u;

static uint32_t next_u32(uint32_t bound) { /* xorshift64; bound > 0 */
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)((rng >> 32) % bound);
}

#define NINTS 64
static const char *const STRS[] = {"name", "value", "parent", "children", "list", "t", "str", "hello", "subdict",
                                   "a", "b", "key", "id", "data", "", "x"};
#define NSTRS (int)(sizeof STRS / sizeof STRS[0])
static Obj *ints[NINTS], *strs[NSTRS];

static Obj *random_atom(void) { return next_u32(2) ? ints[next_u32(NINTS)] : strs[next_u32(NSTRS)]; }

/*
 * Builds containers[0..count): a tree in breadth-first order (container i's tree children are
 * the next unclaimed indices), visited by deepcopy in depth-first order; shared references
 * point to containers earlier in that depth-first order, so they are memo hits.
 */
static Obj **build_graph(int count) {
    for (int i = 0; i < NINTS; i++) {
        ints[i] = new_obj(O_INT, 0);
        ints[i]->value = (int64_t)i * i * 1000003 - 5000;
    }
    for (int i = 0; i < NSTRS; i++) {
        strs[i] = new_obj(O_STR, 0);
        strs[i]->str = STRS[i];
    }
    Obj **all = xmalloc((size_t)count * sizeof(Obj *));
    int *nchildren = xmalloc((size_t)count * sizeof(int)), *first_child = xmalloc((size_t)count * sizeof(int));
    int *parent = xmalloc((size_t)count * sizeof(int));
    int next = 1;
    for (int i = 0; i < count; i++) { /* the tree's shape */
        int k = 1 + (int)next_u32(4);
        if (k > count - next) k = count - next;
        first_child[i] = next;
        nchildren[i] = k;
        for (int c = 0; c < k; c++) parent[next + c] = i;
        next += k;
    }
    parent[0] = -1;
    /* depth-first order of the tree, the order in which deepcopy enters containers */
    int *order = xmalloc((size_t)count * sizeof(int)), *rank = xmalloc((size_t)count * sizeof(int));
    int *stack = xmalloc((size_t)count * sizeof(int));
    int top = 0, visited = 0;
    stack[top++] = 0;
    while (top > 0) {
        int i = stack[--top];
        rank[i] = visited;
        order[visited++] = i;
        for (int c = nchildren[i] - 1; c >= 0; c--) stack[top++] = first_child[i] + c;
    }
    for (int i = 0; i < count; i++) {
        enum Kind kind = O_LIST + (int)next_u32(3);
        int k = nchildren[i];
        Obj *o;
        if (kind == O_INST) {
            o = new_obj(O_INST, INST_ATTRS);
            o->items[3] = new_obj(O_LIST, k); /* the children list, a container of its own */
        } else {
            o = new_obj(kind, k + 2); /* the tree children, an atom, a shared reference */
        }
        all[i] = o;
    }
    for (int i = 0; i < count; i++) {
        Obj *o = all[i];
        Obj *shared = rank[i] > 0 ? all[order[next_u32((uint32_t)rank[i])]] : ints[0];
        int k = nchildren[i];
        if (o->kind == O_INST) {
            o->items[0] = strs[next_u32(NSTRS)];
            o->items[1] = next_u32(4) ? ints[next_u32(NINTS)] : shared;
            o->items[2] = parent[i] >= 0 ? all[parent[i]] : ints[1]; /* a cycle through the parent */
            for (int c = 0; c < k; c++) o->items[3]->items[c] = all[first_child[i] + c];
        } else if (o->kind == O_LIST) {
            for (int c = 0; c < k; c++) o->items[c] = all[first_child[i] + c];
            o->items[k] = random_atom();
            o->items[k + 1] = shared;
        } else { /* dict: distinct string keys, values as a list's items */
            int start = (int)next_u32(NSTRS);
            for (int c = 0; c < o->n; c++) o->items[2 * c] = strs[(start + c) % NSTRS];
            for (int c = 0; c < k; c++) o->items[2 * c + 1] = all[first_child[i] + c];
            o->items[2 * k + 1] = random_atom();
            o->items[2 * k + 3] = shared;
        }
    }
    free(nchildren);
    free(first_child);
    free(parent);
    free(order);
    free(rank);
    free(stack);
    return all;
}

/* ---- checking and hashing a copy ---- */

static uint32_t epoch;
static uint32_t numbered;
static uint32_t hash;

static void feed(uint32_t v) {
    for (int i = 0; i < 4; i++) hash = (hash ^ ((v >> (8 * i)) & 0xff)) * 16777619u;
}

/*
 * Walks original x and copy y together: same kinds and sizes, atoms shared, containers not.
 * A container is hashed when first met (kind, size, then per slot the atom's value or the
 * target container's visiting number); met again, only its number is hashed.
 */
static void check(const Obj *x, Obj *y) {
    if (x->kind != y->kind) {
        fprintf(stderr, "deepcopy: kinds differ\n");
        exit(1);
    }
    if (is_atom(x)) {
        if (x != y) {
            fprintf(stderr, "deepcopy: an atom was copied\n");
            exit(1);
        }
        feed(x->kind == O_INT ? (uint32_t)x->value : (uint32_t)strlen(x->str) * 7919u + (uint32_t)x->str[0]);
        return;
    }
    if (x == y || x->n != y->n) {
        fprintf(stderr, "deepcopy: a container was shared or resized\n");
        exit(1);
    }
    if (y->mark == epoch) {
        feed(0x80000000u | y->number);
        return;
    }
    y->mark = epoch;
    y->number = numbered++;
    feed((uint32_t)y->kind << 24 | (uint32_t)y->n);
    for (int i = 0; i < slots(x); i++) check(x->items[i], y->items[i]);
}

int main(int argc, char **argv) {
    char *end1, *end2;
    long objects = argc == 3 ? strtol(argv[1], &end1, 10) : -1;
    long copies = argc == 3 ? strtol(argv[2], &end2, 10) : -1;
    if (argc != 3 || *end1 != '\0' || *end2 != '\0' || objects < 1 || objects > 1000000 || copies < 1) {
        fprintf(stderr, "usage: deepcopy OBJECTS COPIES   (1 <= OBJECTS <= 1000000, COPIES >= 1)\n");
        return 2;
    }
    Obj **graph = build_graph((int)objects);
    uint32_t first_hash = 0;
    long containers = 0, refs = 0, hits = 0;
    for (long c = 0; c < copies; c++) {
        refs_copied = memo_hits = 0;
        memo_reset(0);
        Obj *copy = deepcopy(graph[0]);
        containers = (long)memo_count;
        refs = refs_copied;
        hits = memo_hits;
        epoch++;
        numbered = 0;
        hash = 2166136261u;
        check(graph[0], copy);
        if (c == 0) first_hash = hash;
        if (hash != first_hash || numbered != memo_count) {
            fprintf(stderr, "deepcopy: copy %ld differs from copy 0\n", c);
            return 1;
        }
        for (size_t i = 0; i <= memo_mask; i++) /* the memo table holds every container of the copy */
            if (memo[i].key) {
                free(memo[i].value->items);
                free(memo[i].value);
            }
    }
    printf("containers copied %ld\nreferences followed %ld\nmemo hits %ld\ncopies %ld\nfnv1a %08x\n", containers,
           refs, hits, copies, (unsigned)first_hash);
    for (long i = 0; i < objects; i++) {
        if (graph[i]->kind == O_INST) {
            free(graph[i]->items[3]->items);
            free(graph[i]->items[3]);
        }
        free(graph[i]->items);
        free(graph[i]);
    }
    for (int i = 0; i < NINTS; i++) free(ints[i]);
    for (int i = 0; i < NSTRS; i++) free(strs[i]);
    free(graph);
    free(memo);
    return 0;
}
