/*
 * json_dumps: serialises generated JSON documents with our own writer.
 *
 * Mirrors pyperformance "json_dumps", which calls json.dumps on a few fixed
 * Python objects (empty, simple, nested, a huge list) many times. Here a fixed
 * set of up to 48 documents is generated once from a seeded xorshift generator
 * (an empty object, an empty array, flat records, nested objects and arrays up
 * to depth 6, and a long list of records), then all of them are serialised
 * REPS times. The writer produces what Python's json.dumps produces with its
 * defaults: separators ", " and ": ", ensure_ascii (non-ASCII characters as
 * \uXXXX, astral ones as surrogate pairs), the short escapes \" \\ \n \r \t
 * \b \f and \u00XX for other control characters and DEL. Numbers are integers or
 * decimals with up to three fraction digits, written in their shortest form
 * (12.5, 2.0), which is also Python's repr for these values; they are kept as
 * scaled integers so no libc float formatting is involved.
 *
 * Cross-check: for every document, Python's json.dumps(json.loads(text))
 * reproduces our text byte for byte (checked while writing this program).
 *
 * usage: json_dumps DOCS REPS     (1 <= DOCS <= 48, REPS >= 1)
 * generates the first DOCS documents and serialises them all REPS times;
 * prints the number of documents and values, the bytes of one pass, and the
 * FNV-1a hash (32-bit) of one pass's output, each document followed by a
 * newline; every pass must give the same hash.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DOCS 48

enum Kind { J_NULL, J_FALSE, J_TRUE, J_INT, J_DEC, J_STR, J_ARR, J_OBJ };

typedef struct Value {
    enum Kind kind;
    int64_t num;         /* J_INT: the value; J_DEC: the value times 1000 */
    const char *str;     /* J_STR: UTF-8, NUL-terminated (a string literal from the pool) */
    int count;           /* J_ARR, J_OBJ: number of items */
    struct Value *items; /* J_ARR, J_OBJ: the items */
    const char **keys;   /* J_OBJ: one key per item, distinct */
} Value;

static void *xmalloc(size_t size) {
    void *p = malloc(size ? size : 1);
    if (p == NULL) {
        fprintf(stderr, "json_dumps: out of memory\n");
        exit(1);
    }
    return p;
}

/* ---- document generation ---- */

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint32_t next_u32(uint32_t bound) { /* xorshift64; bound > 0 */
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)((rng >> 32) % bound);
}

/* Strings to pick from: ASCII words, escapes, control characters, 2-, 3- and 4-byte UTF-8. */
static const char *const STRINGS[] = {
    "alpha", "beta", "gamma delta", "", "The quick brown fox jumps over the lazy dog",
    "quote \" and backslash \\", "line one\nline two\r\n", "tab\tseparated\tvalues",
    "bell \a, backspace \b, form feed \f, escape \x1b, unit \x1f", "path/to/file.txt",
    "na\xc3\xafve caf\xc3\xa9", "\xce\xb1\xce\xb2\xce\xb3 \xd0\xb6\xd0\xb8\xd1\x82\xd1\x8c",
    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x96\x87", "euro \xe2\x82\xac 100",
    "smile \xf0\x9f\x98\x80 and \xf0\x9d\x84\x9e clef", "mixed \"\xc3\xa9\\\t\xf0\x9f\x8e\x89\"",
    "0123456789", "{\"not\": [\"json\"]}", "DEL \x7f escaped", "https://example.org/a?b=c&d=e",
};
#define NSTRINGS (int)(sizeof STRINGS / sizeof STRINGS[0])

static const char *const KEYS[] = {
    "id", "name", "value", "tags", "children", "enabled", "score", "created",
    "x", "y", "z", "description", "k\xc3\xa9y", "key \"quoted\"", "\xe2\x9c\x93", "nested\\key",
};
#define NKEYS (int)(sizeof KEYS / sizeof KEYS[0])

static long values_made;

static void gen_scalar(Value *v) {
    *v = (Value){0};
    switch (next_u32(7)) {
    case 0: v->kind = J_NULL + (int)next_u32(3); break; /* null, false, true */
    case 1: case 2:
        v->kind = J_INT;
        v->num = (int64_t)next_u32(2000000) - 1000000;
        if (next_u32(4) == 0) v->num *= 1000003; /* some large ones */
        break;
    case 3:
        v->kind = J_DEC;
        v->num = (int64_t)next_u32(20000000) - 10000000;
        break;
    default: v->kind = J_STR; v->str = STRINGS[next_u32(NSTRINGS)]; break;
    }
    values_made++;
}

static void gen_value(Value *v, int depth);

/* An object with n distinct keys (n <= NKEYS), each mapping to a value of the given depth. */
static void gen_object(Value *v, int n, int depth) {
    *v = (Value){.kind = J_OBJ, .count = n};
    v->items = xmalloc((size_t)n * sizeof(Value));
    v->keys = xmalloc((size_t)n * sizeof(char *));
    int start = (int)next_u32(NKEYS);
    for (int i = 0; i < n; i++) {
        v->keys[i] = KEYS[(start + i * 5) % NKEYS]; /* 5 is coprime with 16: distinct keys */
        gen_value(&v->items[i], depth);
    }
    values_made++;
}

static void gen_array(Value *v, int n, int depth) {
    *v = (Value){.kind = J_ARR, .count = n};
    v->items = xmalloc((size_t)n * sizeof(Value));
    for (int i = 0; i < n; i++) gen_value(&v->items[i], depth);
    values_made++;
}

/* A random value; containers below depth 0 are replaced by scalars. */
static void gen_value(Value *v, int depth) {
    uint32_t r = next_u32(10);
    if (depth <= 0 || r < 4)
        gen_scalar(v);
    else if (r < 7)
        gen_object(v, 1 + (int)next_u32(6), depth - 1);
    else
        gen_array(v, (int)next_u32(7), depth - 1);
}

static void gen_document(Value *doc, int index) {
    switch (index) {
    case 0: gen_object(doc, 0, 0); break;                 /* {} */
    case 1: gen_array(doc, 0, 0); break;                  /* [] */
    case 2: gen_array(doc, 400, 1); break;                /* a long list of small records */
    default:
        if (index % 3 == 0)
            gen_object(doc, 8, 0);                        /* a flat record */
        else
            gen_object(doc, 2 + index % 5, 2 + index % 5); /* nested, depth up to 6 */
    }
}

static void free_value(Value *v) {
    if (v->kind == J_ARR || v->kind == J_OBJ) {
        for (int i = 0; i < v->count; i++) free_value(&v->items[i]);
        free(v->items);
        free(v->keys);
    }
}

/* ---- the writer ---- */

typedef struct {
    char *p;
    size_t len, cap;
} Buf;

static void reserve(Buf *b, size_t extra) {
    if (b->len + extra <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra) cap *= 2;
    char *p = realloc(b->p, cap);
    if (p == NULL) {
        fprintf(stderr, "json_dumps: out of memory\n");
        exit(1);
    }
    b->p = p;
    b->cap = cap;
}

static void put(Buf *b, const char *s, size_t n) {
    reserve(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void putc_(Buf *b, char c) {
    reserve(b, 1);
    b->p[b->len++] = c;
}

static void put_u4(Buf *b, unsigned u) { /* \uXXXX, lower-case hex as Python writes it */
    static const char HEX[] = "0123456789abcdef";
    char s[6] = {'\\', 'u', HEX[(u >> 12) & 15], HEX[(u >> 8) & 15], HEX[(u >> 4) & 15], HEX[u & 15]};
    put(b, s, 6);
}

/* Decimal digits of v (v >= 0), without a sign. */
static void put_digits(Buf *b, uint64_t v) {
    char tmp[20];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    reserve(b, (size_t)n);
    while (n) b->p[b->len++] = tmp[--n];
}

static void write_int(Buf *b, int64_t v) {
    if (v < 0) putc_(b, '-');
    put_digits(b, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
}

/* v / 1000 in shortest form with at least one fraction digit: 12500 -> 12.5, 2000 -> 2.0. */
static void write_dec(Buf *b, int64_t v) {
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    if (v < 0) putc_(b, '-');
    put_digits(b, m / 1000);
    putc_(b, '.');
    unsigned frac = (unsigned)(m % 1000);
    int digits = 3;
    while (digits > 1 && frac % 10 == 0) {
        frac /= 10;
        digits--;
    }
    char tmp[3];
    for (int i = digits - 1; i >= 0; i--) {
        tmp[i] = (char)('0' + frac % 10);
        frac /= 10;
    }
    put(b, tmp, (size_t)digits);
}

/* A JSON string with ensure_ascii escaping; s is valid UTF-8. */
static void write_string(Buf *b, const char *s) {
    putc_(b, '"');
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        if (c < 0x80) {
            p++;
            switch (c) {
            case '"': put(b, "\\\"", 2); break;
            case '\\': put(b, "\\\\", 2); break;
            case '\n': put(b, "\\n", 2); break;
            case '\r': put(b, "\\r", 2); break;
            case '\t': put(b, "\\t", 2); break;
            case '\b': put(b, "\\b", 2); break;
            case '\f': put(b, "\\f", 2); break;
            default:
                if (c < 0x20 || c == 0x7f)
                    put_u4(b, c);
                else
                    putc_(b, (char)c);
            }
            continue;
        }
        unsigned cp; /* decode one UTF-8 sequence */
        if (c >= 0xf0) {
            cp = (c & 0x07) << 18 | (p[1] & 0x3fu) << 12 | (p[2] & 0x3fu) << 6 | (p[3] & 0x3fu);
            p += 4;
        } else if (c >= 0xe0) {
            cp = (c & 0x0f) << 12 | (p[1] & 0x3fu) << 6 | (p[2] & 0x3fu);
            p += 3;
        } else {
            cp = (c & 0x1f) << 6 | (p[1] & 0x3fu);
            p += 2;
        }
        if (cp >= 0x10000) { /* a surrogate pair */
            cp -= 0x10000;
            put_u4(b, 0xd800 | (cp >> 10));
            put_u4(b, 0xdc00 | (cp & 0x3ff));
        } else {
            put_u4(b, cp);
        }
    }
    putc_(b, '"');
}

static void write_value(Buf *b, const Value *v) {
    switch (v->kind) {
    case J_NULL: put(b, "null", 4); break;
    case J_FALSE: put(b, "false", 5); break;
    case J_TRUE: put(b, "true", 4); break;
    case J_INT: write_int(b, v->num); break;
    case J_DEC: write_dec(b, v->num); break;
    case J_STR: write_string(b, v->str); break;
    case J_ARR:
        putc_(b, '[');
        for (int i = 0; i < v->count; i++) {
            if (i) put(b, ", ", 2);
            write_value(b, &v->items[i]);
        }
        putc_(b, ']');
        break;
    case J_OBJ:
        putc_(b, '{');
        for (int i = 0; i < v->count; i++) {
            if (i) put(b, ", ", 2);
            write_string(b, v->keys[i]);
            put(b, ": ", 2);
            write_value(b, &v->items[i]);
        }
        putc_(b, '}');
        break;
    }
}

static uint32_t fnv1a(uint32_t h, const char *p, size_t n) {
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 16777619u;
    return h;
}

int main(int argc, char **argv) {
    char *end1, *end2;
    long ndocs = argc == 3 ? strtol(argv[1], &end1, 10) : -1;
    long reps = argc == 3 ? strtol(argv[2], &end2, 10) : -1;
    if (argc != 3 || *end1 != '\0' || *end2 != '\0' || ndocs < 1 || ndocs > MAX_DOCS || reps < 1) {
        fprintf(stderr, "usage: json_dumps DOCS REPS   (1 <= DOCS <= %d, REPS >= 1)\n", MAX_DOCS);
        return 2;
    }
    static Value docs[MAX_DOCS];
    for (int i = 0; i < ndocs; i++) gen_document(&docs[i], i);

    Buf b = {0};
    size_t pass_bytes = 0;
    uint32_t pass_hash = 0;
    for (long r = 0; r < reps; r++) {
        size_t bytes = 0;
        uint32_t h = 2166136261u;
        for (int i = 0; i < ndocs; i++) {
            b.len = 0;
            write_value(&b, &docs[i]);
            bytes += b.len;
            h = fnv1a(h, b.p, b.len);
            h = fnv1a(h, "\n", 1);
        }
        if (r > 0 && (bytes != pass_bytes || h != pass_hash)) {
            fprintf(stderr, "json_dumps: pass %ld differs from pass 0\n", r);
            return 1;
        }
        pass_bytes = bytes;
        pass_hash = h;
    }
    printf("documents %ld\nvalues %ld\nbytes per pass %zu\npasses %ld\nfnv1a %08x\n", ndocs, values_made,
           pass_bytes, reps, (unsigned)pass_hash);
    for (int i = 0; i < ndocs; i++) free_value(&docs[i]);
    free(b.p);
    return 0;
}
