/* pyvm objects: strings, lists, dicts, printing, and the slow paths of the operators. */
#include "pyvm.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void vm_fail(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("pyvm: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) vm_fail("out of memory (%zu bytes)", n);
    return p;
}

static void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) vm_fail("out of memory (%zu bytes)", n);
    return p;
}

const char *type_name(Value v) {
    static const char *names[] = { "NoneType", "bool", "int", "float", "str", "list", "dict", "function" };
    return v.tag <= T_FUNC ? names[v.tag] : "?";
}

void obj_free(Obj *o) {
    switch (o->tag) {
    case T_STR: break;
    case T_LIST: {
        List *l = (List *) o;
        for (uint32_t i = 0; i < l->len; i++) decref(l->items[i]);
        free(l->items);
        break;
    }
    case T_DICT: {
        Dict *d = (Dict *) o;
        for (uint32_t i = 0; i < d->cap; i++) {
            if (d->e[i].key.tag != T_NONE) { decref(d->e[i].key); decref(d->e[i].val); }
        }
        free(d->e);
        break;
    }
    default: vm_fail("freeing an immortal %u object", o->tag);
    }
    free(o);
}

/* FNV-1a, 32 bit: deterministic (no hash randomisation), so dict order and output are fixed. */
static uint32_t hash_bytes(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t) s[i]) * 16777619u;
    return h;
}

Str *str_new(const char *data, size_t len) {
    if (len > 0x7fffffff) vm_fail("string too long");
    Str *s = xmalloc(sizeof(Str) + len + 1);
    s->h.rc = 1;
    s->h.tag = T_STR;
    s->len = (uint32_t) len;
    memcpy(s->data, data, len);
    s->data[len] = 0;
    s->hash = hash_bytes(data, len);
    return s;
}

Str *str_concat(const Str *a, const Str *b) {
    size_t n = (size_t) a->len + b->len;
    Str *s = xmalloc(sizeof(Str) + n + 1);
    s->h.rc = 1;
    s->h.tag = T_STR;
    s->len = (uint32_t) n;
    memcpy(s->data, a->data, a->len);
    memcpy(s->data + a->len, b->data, b->len);
    s->data[n] = 0;
    s->hash = hash_bytes(s->data, n);
    return s;
}

static int fmt_value(char *buf, size_t n, Value v) {
    switch (v.tag) {
    case T_NONE: return snprintf(buf, n, "None");
    case T_BOOL: return snprintf(buf, n, v.u.i ? "True" : "False");
    case T_INT: return snprintf(buf, n, "%lld", (long long) v.u.i);
    case T_FLOAT: return snprintf(buf, n, "%.9f", v.u.f);
    case T_FUNC: return snprintf(buf, n, "<function %s>", ((Func *) v.u.o)->name);
    case T_LIST: return snprintf(buf, n, "<list of %u>", ((List *) v.u.o)->len);
    case T_DICT: return snprintf(buf, n, "<dict of %u>", ((Dict *) v.u.o)->len);
    default: vm_fail("cannot format %s", type_name(v));
    }
}

Value str_of(Value v) {
    if (v.tag == T_STR) { incref(v); return v; }
    char buf[64];
    int n = fmt_value(buf, sizeof buf, v);
    return v_obj(str_new(buf, (size_t) n));
}

List *list_new(uint32_t cap) {
    List *l = xmalloc(sizeof(List));
    l->h.rc = 1;
    l->h.tag = T_LIST;
    l->len = 0;
    l->cap = cap < 4 ? 4 : cap;
    l->items = xmalloc(l->cap * sizeof(Value));
    return l;
}

void list_append(List *l, Value v) {
    if (l->len == l->cap) {
        if (l->cap >= 0x40000000u) vm_fail("list too long");
        l->cap *= 2;
        l->items = xrealloc(l->items, l->cap * sizeof(Value));
    }
    l->items[l->len++] = v;
}

Dict *dict_new(void) {
    Dict *d = xmalloc(sizeof(Dict));
    d->h.rc = 1;
    d->h.tag = T_DICT;
    d->len = 0;
    d->cap = 8;
    d->e = calloc(d->cap, sizeof(Entry));
    if (!d->e) vm_fail("out of memory");
    return d;
}

static uint32_t hash_key(Value k) {
    if (k.tag == T_STR) return ((Str *) k.u.o)->hash;
    if (k.tag == T_INT) {
        uint64_t x = (uint64_t) k.u.i * 0x9E3779B97F4A7C15ull;
        return (uint32_t) (x >> 32);
    }
    vm_fail("unhashable key type: %s", type_name(k));
}

static int key_eq(Value a, Value b) {
    if (a.tag != b.tag) return 0;
    if (a.tag == T_INT) return a.u.i == b.u.i;
    const Str *x = (Str *) a.u.o, *y = (Str *) b.u.o;
    return x == y || (x->len == y->len && x->hash == y->hash && memcmp(x->data, y->data, x->len) == 0);
}

static Entry *dict_slot(Dict *d, Value key, uint32_t h) {
    uint32_t mask = d->cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        Entry *e = &d->e[i];
        if (e->key.tag == T_NONE || (e->hash == h && key_eq(e->key, key))) return e;
    }
}

Value *dict_find(Dict *d, Value key) {
    Entry *e = dict_slot(d, key, hash_key(key));
    return e->key.tag == T_NONE ? NULL : &e->val;
}

void dict_set(Dict *d, Value key, Value val) {
    uint32_t h = hash_key(key);
    Entry *e = dict_slot(d, key, h);
    if (e->key.tag != T_NONE) { decref(e->val); e->val = val; return; }
    incref(key);
    e->hash = h; e->key = key; e->val = val;
    if (++d->len * 3 >= d->cap * 2) {   /* grow at 2/3 load */
        Entry *old = d->e;
        uint32_t oldcap = d->cap;
        d->cap *= 2;
        d->e = calloc(d->cap, sizeof(Entry));
        if (!d->e) vm_fail("out of memory");
        for (uint32_t i = 0; i < oldcap; i++) {
            if (old[i].key.tag != T_NONE) *dict_slot(d, old[i].key, old[i].hash) = old[i];
        }
        free(old);
    }
}

int truthy(Value v) {
    switch (v.tag) {
    case T_NONE: return 0;
    case T_BOOL: case T_INT: return v.u.i != 0;
    case T_FLOAT: return v.u.f != 0.0;
    case T_STR: return ((Str *) v.u.o)->len != 0;
    case T_LIST: return ((List *) v.u.o)->len != 0;
    case T_DICT: return ((Dict *) v.u.o)->len != 0;
    default: return 1;
    }
}

static int is_num(Value v) { return v.tag == T_INT || v.tag == T_FLOAT || v.tag == T_BOOL; }
static double as_f(Value v) { return v.tag == T_FLOAT ? v.u.f : (double) v.u.i; }

static int64_t floordiv_i(int64_t a, int64_t b) {
    if (b == 0) vm_fail("ZeroDivisionError: integer division or modulo by zero");
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

Value binary_op(int op, Value a, Value b) {
    if (op == OP_ADD && a.tag == T_STR && b.tag == T_STR) return v_obj(str_concat((Str *) a.u.o, (Str *) b.u.o));
    if (!is_num(a) || !is_num(b)) vm_fail("TypeError: unsupported operand types %s and %s (op %d)", type_name(a), type_name(b), op);
    if (a.tag != T_FLOAT && b.tag != T_FLOAT && op != OP_TRUEDIV) {
        uint64_t x = (uint64_t) a.u.i, y = (uint64_t) b.u.i;   /* wrap around, no UB */
        switch (op) {
        case OP_ADD: return v_int((int64_t) (x + y));
        case OP_SUB: return v_int((int64_t) (x - y));
        case OP_MUL: return v_int((int64_t) (x * y));
        case OP_FLOORDIV: return v_int(floordiv_i(a.u.i, b.u.i));
        case OP_MOD: return v_int(a.u.i - floordiv_i(a.u.i, b.u.i) * b.u.i);
        }
    }
    double x = as_f(a), y = as_f(b);
    switch (op) {
    case OP_ADD: return v_float(x + y);
    case OP_SUB: return v_float(x - y);
    case OP_MUL: return v_float(x * y);
    case OP_TRUEDIV:
        if (y == 0.0) vm_fail("ZeroDivisionError: division by zero");
        return v_float(x / y);
    case OP_FLOORDIV:
        if (y == 0.0) vm_fail("ZeroDivisionError: float floor division by zero");
        return v_float(floor(x / y));
    case OP_MOD:
        if (y == 0.0) vm_fail("ZeroDivisionError: float modulo");
        return v_float(x - floor(x / y) * y);
    }
    vm_fail("bad binary op %d", op);
}

int compare(int op, Value a, Value b) {
    int c;
    if (a.tag == T_STR && b.tag == T_STR) {
        const Str *x = (Str *) a.u.o, *y = (Str *) b.u.o;
        uint32_t n = x->len < y->len ? x->len : y->len;
        c = memcmp(x->data, y->data, n);
        if (c == 0) c = (x->len > y->len) - (x->len < y->len);
    } else if (is_num(a) && is_num(b)) {
        if (a.tag != T_FLOAT && b.tag != T_FLOAT) c = (a.u.i > b.u.i) - (a.u.i < b.u.i);
        else c = (as_f(a) > as_f(b)) - (as_f(a) < as_f(b));
    } else if (op == OP_EQ || op == OP_NE) {
        c = !(a.tag == b.tag && (a.tag == T_NONE || a.u.o == b.u.o));
    } else {
        vm_fail("TypeError: cannot order %s and %s", type_name(a), type_name(b));
    }
    switch (op) {
    case OP_LT: return c < 0;
    case OP_LE: return c <= 0;
    case OP_GT: return c > 0;
    case OP_GE: return c >= 0;
    case OP_EQ: return c == 0;
    default: return c != 0;
    }
}

static uint32_t index_of(Value k, uint32_t len) {
    if (k.tag != T_INT) vm_fail("TypeError: indices must be integers, not %s", type_name(k));
    int64_t i = k.u.i < 0 ? k.u.i + len : k.u.i;
    if (i < 0 || i >= len) vm_fail("IndexError: index %lld out of range (length %u)", (long long) k.u.i, len);
    return (uint32_t) i;
}

Value get_item(Value c, Value k) {
    if (c.tag == T_LIST) {
        Value v = ((List *) c.u.o)->items[index_of(k, ((List *) c.u.o)->len)];
        incref(v);
        return v;
    }
    if (c.tag == T_DICT) {
        Value *v = dict_find((Dict *) c.u.o, k);
        if (!v) {
            if (k.tag == T_STR) vm_fail("KeyError: '%s'", ((Str *) k.u.o)->data);
            vm_fail("KeyError: %lld", (long long) k.u.i);
        }
        incref(*v);
        return *v;
    }
    if (c.tag == T_STR) {
        const Str *s = (Str *) c.u.o;
        return v_obj(str_new(s->data + index_of(k, s->len), 1));
    }
    vm_fail("TypeError: '%s' object is not subscriptable", type_name(c));
}

void set_item(Value c, Value k, Value v) {
    if (c.tag == T_LIST) {
        List *l = (List *) c.u.o;
        uint32_t i = index_of(k, l->len);
        decref(l->items[i]);
        l->items[i] = v;
    } else if (c.tag == T_DICT) {
        dict_set((Dict *) c.u.o, k, v);
    } else {
        vm_fail("TypeError: '%s' object does not support item assignment", type_name(c));
    }
}

static void need(int argc, int want, const char *name) {
    if (argc != want) vm_fail("TypeError: %s() takes %d arguments (%d given)", name, want, argc);
}

Value call_builtin(int id, Value *a, int argc) {
    switch (id) {
    case B_PRINT:
        for (int i = 0; i < argc; i++) {
            if (i) putchar(' ');
            if (a[i].tag == T_STR) fputs(((Str *) a[i].u.o)->data, stdout);
            else { char buf[64]; fmt_value(buf, sizeof buf, a[i]); fputs(buf, stdout); }
        }
        putchar('\n');
        return v_none();
    case B_STR: need(argc, 1, "str"); return str_of(a[0]);
    case B_LEN:
        need(argc, 1, "len");
        if (a[0].tag == T_STR) return v_int(((Str *) a[0].u.o)->len);
        if (a[0].tag == T_LIST) return v_int(((List *) a[0].u.o)->len);
        if (a[0].tag == T_DICT) return v_int(((Dict *) a[0].u.o)->len);
        vm_fail("TypeError: object of type '%s' has no len()", type_name(a[0]));
    case B_SQRT:
        need(argc, 1, "sqrt");
        if (!is_num(a[0])) vm_fail("TypeError: must be real number, not %s", type_name(a[0]));
        return v_float(sqrt(as_f(a[0])));
    case B_FLOAT: need(argc, 1, "float"); return v_float(as_f(a[0]));
    case B_INT: need(argc, 1, "int"); return a[0].tag == T_FLOAT ? v_int((int64_t) a[0].u.f) : v_int(a[0].u.i);
    case B_APPEND:
        need(argc, 2, "append");
        if (a[0].tag != T_LIST) vm_fail("TypeError: append to %s", type_name(a[0]));
        incref(a[1]);
        list_append((List *) a[0].u.o, a[1]);
        return v_none();
    case B_POP: {
        need(argc, 1, "pop");
        if (a[0].tag != T_LIST) vm_fail("TypeError: pop from %s", type_name(a[0]));
        List *l = (List *) a[0].u.o;
        if (l->len == 0) vm_fail("IndexError: pop from empty list");
        return l->items[--l->len];
    }
    case B_JOIN: {
        need(argc, 2, "join");
        if (a[0].tag != T_STR || a[1].tag != T_LIST) vm_fail("TypeError: join(str, list)");
        const Str *sep = (Str *) a[0].u.o;
        const List *l = (List *) a[1].u.o;
        size_t n = 0;
        for (uint32_t i = 0; i < l->len; i++) {
            if (l->items[i].tag != T_STR) vm_fail("TypeError: join: item %u is %s", i, type_name(l->items[i]));
            n += ((Str *) l->items[i].u.o)->len + (i ? sep->len : 0);
        }
        char *buf = xmalloc(n + 1), *p = buf;
        for (uint32_t i = 0; i < l->len; i++) {
            const Str *s = (Str *) l->items[i].u.o;
            if (i) { memcpy(p, sep->data, sep->len); p += sep->len; }
            memcpy(p, s->data, s->len);
            p += s->len;
        }
        Str *r = str_new(buf, n);
        free(buf);
        return v_obj(r);
    }
    case B_GET: {
        need(argc, 3, "get");
        if (a[0].tag != T_DICT) vm_fail("TypeError: get on %s", type_name(a[0]));
        Value *v = dict_find((Dict *) a[0].u.o, a[1]);
        Value r = v ? *v : a[2];
        incref(r);
        return r;
    }
    }
    vm_fail("unknown builtin %d", id);
}
