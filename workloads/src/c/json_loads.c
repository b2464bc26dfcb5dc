/*
 * json_loads: parses generated JSON text into a tree with our own parser.
 *
 * Mirrors pyperformance "json_loads", which calls json.loads on a few fixed
 * JSON texts many times. Here one text is generated from a seeded xorshift
 * generator: a top-level array of RECORDS nested records (objects and arrays up
 * to depth 6) with varied whitespace, integers, decimals and exponents
 * (-0.001, 6.02e+23, 25E-4), literals, and strings with every JSON escape
 * (\" \\ \/ \b \f \n \r \t, \uXXXX in either case, surrogate pairs) and raw
 * UTF-8. The text is then parsed REPS times (RFC 8259 grammar; a syntax error
 * stops the program with its byte offset); each tree is walked for counts and a
 * checksum, then freed. Unlike Python, numbers with a fraction or exponent are
 * kept exactly as a decimal mantissa and exponent (trailing zeros removed), so
 * no libc float parsing is involved.
 *
 * Checksum: FNV-1a (64-bit) over the tree in document order: per value its
 * kind (one byte: n f t i d s a o), then for integers the value and for
 * decimals the mantissa (8 bytes, little-endian) and exponent (4 bytes), for
 * strings the decoded UTF-8 bytes and a 0xff byte, for arrays and objects the
 * item count (4 bytes) then the items (an object's key as a string first).
 * Cross-check: a Python script computing the same over json.loads(text,
 * parse_float=Decimal) gives the same counts and checksum (checked while
 * writing this program).
 *
 * usage: json_loads RECORDS REPS     (1 <= RECORDS <= 100000, REPS >= 1)
 * prints the text length, the counts of each kind of value and the checksum.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xrealloc(void *p, size_t size) {
    p = realloc(p, size ? size : 1);
    if (p == NULL) {
        fprintf(stderr, "json_loads: out of memory\n");
        exit(1);
    }
    return p;
}

/* ---- a growable byte buffer ---- */

typedef struct {
    char *p;
    size_t len, cap;
} Buf;

static void put(Buf *b, const char *s, size_t n) {
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n) cap *= 2;
        b->p = xrealloc(b->p, cap);
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void puts_(Buf *b, const char *s) { put(b, s, strlen(s)); }

/* ---- text generation ---- */

static uint64_t rng = 0x2545f4914f6cdd1du;

static uint32_t next_u32(uint32_t bound) { /* xorshift64; bound > 0 */
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)((rng >> 32) % bound);
}

static const char *const SPACES[] = {"", "", "", " ", "\n  ", "\t", "\r\n", "  "};
static void gen_space(Buf *b) { puts_(b, SPACES[next_u32(8)]); }

/* String bodies as they appear in the JSON text (escapes written out). */
static const char *const STRINGS[] = {
    "alpha", "beta gamma", "", "escaped \\\"quotes\\\" and \\\\ backslash", "solidus \\/ and /",
    "controls \\b\\f\\n\\r\\t", "\\u00e9t\\u00C9 \\u20AC \\u00fc", "surrogates \\ud83d\\ude00 \\uD834\\uDD1E",
    "raw UTF-8: na\xc3\xafve \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x8e\x89", "0123456789", "with spaces   inside",
    "\\u0001\\u001f\\u007f", "The quick brown fox jumps over the lazy dog",
};
#define NSTRINGS (int)(sizeof STRINGS / sizeof STRINGS[0])

static const char *const KEYS[] = {"id", "name", "value", "tags", "children", "score", "k\\u00e9y", "\\\"q\\\"", "x",
                                   "y"};
#define NKEYS (int)(sizeof KEYS / sizeof KEYS[0])

static void gen_string(Buf *b, const char *body) {
    put(b, "\"", 1);
    puts_(b, body);
    put(b, "\"", 1);
}

static void gen_number(Buf *b) {
    char tmp[48];
    uint32_t m = next_u32(1000000);
    switch (next_u32(8)) {
    case 0: snprintf(tmp, sizeof tmp, "%u", m); break;
    case 1: snprintf(tmp, sizeof tmp, "-%u", m); break;
    case 2: snprintf(tmp, sizeof tmp, "%u%06u", m + 100000, next_u32(1000000)); break; /* 12 digits */
    case 3: snprintf(tmp, sizeof tmp, "%u.%03u", m, next_u32(1000)); break;
    case 4: snprintf(tmp, sizeof tmp, "-0.%03u", next_u32(1000)); break;
    case 5: snprintf(tmp, sizeof tmp, "%u.%ue+%u", m % 10, m / 10, next_u32(30)); break;
    case 6: snprintf(tmp, sizeof tmp, "%uE-%u", m, next_u32(12)); break;
    default: snprintf(tmp, sizeof tmp, "%u", m % 10); break;
    }
    puts_(b, tmp);
}

static void gen_value(Buf *b, int depth);

static void gen_object(Buf *b, int depth) {
    int n = (int)next_u32(5);
    int start = (int)next_u32(NKEYS);
    put(b, "{", 1);
    for (int i = 0; i < n; i++) {
        if (i) put(b, ",", 1);
        gen_space(b);
        gen_string(b, KEYS[(start + 3 * i) % NKEYS]); /* 3 is coprime with 10: distinct keys */
        gen_space(b);
        put(b, ":", 1);
        gen_space(b);
        gen_value(b, depth - 1);
        gen_space(b);
    }
    put(b, "}", 1);
}

static void gen_array(Buf *b, int depth) {
    int n = (int)next_u32(6);
    put(b, "[", 1);
    for (int i = 0; i < n; i++) {
        if (i) put(b, ",", 1);
        gen_space(b);
        gen_value(b, depth - 1);
        gen_space(b);
    }
    put(b, "]", 1);
}

static void gen_value(Buf *b, int depth) {
    uint32_t r = next_u32(12);
    if (depth > 0 && r < 3)
        gen_object(b, depth);
    else if (depth > 0 && r < 5)
        gen_array(b, depth);
    else if (r < 7)
        gen_number(b);
    else if (r < 10)
        gen_string(b, STRINGS[next_u32(NSTRINGS)]);
    else
        puts_(b, next_u32(3) == 0 ? "null" : next_u32(2) ? "true" : "false");
}

static void gen_text(Buf *b, long records) {
    put(b, "[", 1);
    for (long i = 0; i < records; i++) {
        if (i) put(b, ",", 1);
        gen_space(b);
        gen_object(b, 6);
    }
    gen_space(b);
    put(b, "]", 1);
}

/* ---- the tree and the parser ---- */

enum Kind { J_NULL, J_FALSE, J_TRUE, J_INT, J_DEC, J_STR, J_ARR, J_OBJ };

typedef struct Node {
    enum Kind kind;
    int exp;             /* J_DEC: value = num * 10^exp */
    int64_t num;         /* J_INT: the value; J_DEC: the mantissa, without trailing zeros */
    char *str;           /* J_STR: decoded UTF-8 */
    size_t len;          /* J_STR: bytes in str */
    int count;           /* J_ARR, J_OBJ: number of items */
    struct Node *items;  /* J_ARR, J_OBJ: the items */
    struct Node *keys;   /* J_OBJ: one J_STR node per item */
} Node;

typedef struct {
    const char *p, *start, *end;
} Parser;

static void fail(const Parser *ps, const char *what) {
    fprintf(stderr, "json_loads: syntax error at byte %ld: %s\n", (long)(ps->p - ps->start), what);
    exit(1);
}

static void skip_ws(Parser *ps) {
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')) ps->p++;
}

static void expect(Parser *ps, char c) {
    if (ps->p >= ps->end || *ps->p != c) {
        char what[24];
        snprintf(what, sizeof what, "expected '%c'", c);
        fail(ps, what);
    }
    ps->p++;
}

static void parse_value(Parser *ps, Node *out, int depth);

static unsigned hex4(Parser *ps) {
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = ps->p < ps->end ? *ps->p : '\0';
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) fail(ps, "bad \\u escape");
        v = v * 16 + (unsigned)d;
        ps->p++;
    }
    return v;
}

static void put_utf8(Buf *b, unsigned cp) {
    char s[4];
    if (cp < 0x80) {
        s[0] = (char)cp;
        put(b, s, 1);
    } else if (cp < 0x800) {
        s[0] = (char)(0xc0 | cp >> 6);
        s[1] = (char)(0x80 | (cp & 0x3f));
        put(b, s, 2);
    } else if (cp < 0x10000) {
        s[0] = (char)(0xe0 | cp >> 12);
        s[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        s[2] = (char)(0x80 | (cp & 0x3f));
        put(b, s, 3);
    } else {
        s[0] = (char)(0xf0 | cp >> 18);
        s[1] = (char)(0x80 | (cp >> 12 & 0x3f));
        s[2] = (char)(0x80 | (cp >> 6 & 0x3f));
        s[3] = (char)(0x80 | (cp & 0x3f));
        put(b, s, 4);
    }
}

static Buf sbuf; /* scratch for decoding strings */

static void parse_string(Parser *ps, Node *out) {
    expect(ps, '"');
    sbuf.len = 0;
    for (;;) {
        const char *run = ps->p; /* copy unescaped runs at once */
        while (ps->p < ps->end && *ps->p != '"' && *ps->p != '\\' && (unsigned char)*ps->p >= 0x20) ps->p++;
        put(&sbuf, run, (size_t)(ps->p - run));
        if (ps->p >= ps->end) fail(ps, "unterminated string");
        char c = *ps->p++;
        if (c == '"') break;
        if (c != '\\') fail(ps, "control character in string");
        if (ps->p >= ps->end) fail(ps, "unterminated string");
        c = *ps->p++;
        switch (c) {
        case '"': case '\\': case '/': put(&sbuf, &c, 1); break;
        case 'b': put(&sbuf, "\b", 1); break;
        case 'f': put(&sbuf, "\f", 1); break;
        case 'n': put(&sbuf, "\n", 1); break;
        case 'r': put(&sbuf, "\r", 1); break;
        case 't': put(&sbuf, "\t", 1); break;
        case 'u': {
            unsigned cp = hex4(ps);
            if (cp >= 0xdc00 && cp <= 0xdfff) fail(ps, "lone low surrogate");
            if (cp >= 0xd800 && cp <= 0xdbff) {
                if (ps->end - ps->p < 2 || ps->p[0] != '\\' || ps->p[1] != 'u') fail(ps, "lone high surrogate");
                ps->p += 2;
                unsigned lo = hex4(ps);
                if (lo < 0xdc00 || lo > 0xdfff) fail(ps, "bad low surrogate");
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            }
            put_utf8(&sbuf, cp);
            break;
        }
        default: fail(ps, "unknown escape");
        }
    }
    *out = (Node){.kind = J_STR, .len = sbuf.len};
    out->str = xrealloc(NULL, sbuf.len);
    memcpy(out->str, sbuf.p, sbuf.len);
}

static int digit_at(const Parser *ps) { return ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9'; }

static void parse_number(Parser *ps, Node *out) {
    int neg = 0, digits = 0, exp = 0, is_dec = 0;
    int64_t mant = 0;
    if (*ps->p == '-') {
        neg = 1;
        ps->p++;
    }
    if (!digit_at(ps)) fail(ps, "bad number");
    if (*ps->p == '0') {
        ps->p++;
    } else {
        while (digit_at(ps)) {
            if (++digits > 18) fail(ps, "more than 18 digits");
            mant = mant * 10 + (*ps->p++ - '0');
        }
    }
    if (ps->p < ps->end && *ps->p == '.') {
        is_dec = 1;
        ps->p++;
        if (!digit_at(ps)) fail(ps, "bad fraction");
        while (digit_at(ps)) {
            if (mant != 0 && ++digits > 18) fail(ps, "more than 18 digits");
            mant = mant * 10 + (*ps->p++ - '0');
            exp--;
        }
    }
    if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
        is_dec = 1;
        ps->p++;
        int eneg = 0, e = 0;
        if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-')) eneg = *ps->p++ == '-';
        if (!digit_at(ps)) fail(ps, "bad exponent");
        while (digit_at(ps)) {
            if (e > 100000) fail(ps, "exponent too large");
            e = e * 10 + (*ps->p++ - '0');
        }
        exp += eneg ? -e : e;
    }
    if (is_dec) {
        while (mant != 0 && mant % 10 == 0) {
            mant /= 10;
            exp++;
        }
        if (mant == 0) exp = 0;
    }
    *out = (Node){.kind = is_dec ? J_DEC : J_INT, .num = neg ? -mant : mant, .exp = exp};
}

static void parse_literal(Parser *ps, Node *out, const char *word, enum Kind kind) {
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0) fail(ps, "unknown literal");
    ps->p += n;
    *out = (Node){.kind = kind};
}

/* Items are collected in a growable array and then shrunk to fit. */
static void parse_container(Parser *ps, Node *out, int depth, int is_obj) {
    ps->p++; /* '[' or '{' */
    *out = (Node){.kind = is_obj ? J_OBJ : J_ARR};
    int cap = 0;
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == (is_obj ? '}' : ']')) {
        ps->p++;
        return;
    }
    for (;;) {
        if (out->count == cap) {
            cap = cap ? 2 * cap : 4;
            out->items = xrealloc(out->items, (size_t)cap * sizeof(Node));
            if (is_obj) out->keys = xrealloc(out->keys, (size_t)cap * sizeof(Node));
        }
        skip_ws(ps);
        if (is_obj) {
            if (ps->p >= ps->end || *ps->p != '"') fail(ps, "expected a key");
            parse_string(ps, &out->keys[out->count]);
            skip_ws(ps);
            expect(ps, ':');
        }
        parse_value(ps, &out->items[out->count++], depth + 1);
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            continue;
        }
        expect(ps, is_obj ? '}' : ']');
        break;
    }
}

static void parse_value(Parser *ps, Node *out, int depth) {
    if (depth > 1000) fail(ps, "nested too deeply");
    skip_ws(ps);
    if (ps->p >= ps->end) fail(ps, "unexpected end");
    switch (*ps->p) {
    case '{': parse_container(ps, out, depth, 1); break;
    case '[': parse_container(ps, out, depth, 0); break;
    case '"': parse_string(ps, out); break;
    case 't': parse_literal(ps, out, "true", J_TRUE); break;
    case 'f': parse_literal(ps, out, "false", J_FALSE); break;
    case 'n': parse_literal(ps, out, "null", J_NULL); break;
    default: parse_number(ps, out); break;
    }
}

static void free_node(Node *n) {
    if (n->kind == J_STR) free(n->str);
    if (n->kind == J_ARR || n->kind == J_OBJ) {
        for (int i = 0; i < n->count; i++) {
            free_node(&n->items[i]);
            if (n->keys) free_node(&n->keys[i]);
        }
        free(n->items);
        free(n->keys);
    }
}

/* ---- walking the tree ---- */

static long counts[8];
static uint64_t hash;

static void feed(const void *p, size_t n) {
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) hash = (hash ^ b[i]) * 0x100000001b3u;
}

static void feed_le(uint64_t v, int bytes) {
    for (int i = 0; i < bytes; i++) {
        unsigned char c = (unsigned char)(v >> (8 * i));
        feed(&c, 1);
    }
}

static void walk(const Node *n) {
    counts[n->kind]++;
    feed(&"nftidsao"[n->kind], 1);
    switch (n->kind) {
    case J_INT: feed_le((uint64_t)n->num, 8); break;
    case J_DEC:
        feed_le((uint64_t)n->num, 8);
        feed_le((uint64_t)(uint32_t)n->exp, 4);
        break;
    case J_STR:
        feed(n->str, n->len);
        feed("\xff", 1);
        break;
    case J_ARR: case J_OBJ:
        feed_le((uint32_t)n->count, 4);
        for (int i = 0; i < n->count; i++) {
            if (n->kind == J_OBJ) walk(&n->keys[i]);
            walk(&n->items[i]);
        }
        break;
    default: break;
    }
}

int main(int argc, char **argv) {
    char *end1, *end2;
    long records = argc == 3 ? strtol(argv[1], &end1, 10) : -1;
    long reps = argc == 3 ? strtol(argv[2], &end2, 10) : -1;
    if (argc != 3 || *end1 != '\0' || *end2 != '\0' || records < 1 || records > 100000 || reps < 1) {
        fprintf(stderr, "usage: json_loads RECORDS REPS   (1 <= RECORDS <= 100000, REPS >= 1)\n");
        return 2;
    }
    Buf text = {0};
    gen_text(&text, records);

    uint64_t first_hash = 0;
    for (long r = 0; r < reps; r++) {
        Parser ps = {text.p, text.p, text.p + text.len};
        Node root;
        parse_value(&ps, &root, 0);
        skip_ws(&ps);
        if (ps.p != ps.end) fail(&ps, "trailing characters");
        memset(counts, 0, sizeof counts);
        hash = 0xcbf29ce484222325u;
        walk(&root);
        free_node(&root);
        if (r == 0) first_hash = hash;
        if (hash != first_hash) {
            fprintf(stderr, "json_loads: parse %ld differs from parse 0\n", r);
            return 1;
        }
    }
    printf("text bytes %zu\nparses %ld\n", text.len, reps);
    printf("objects %ld\narrays %ld\nstrings %ld\nintegers %ld\ndecimals %ld\ntrue %ld\nfalse %ld\nnull %ld\n",
           counts[J_OBJ], counts[J_ARR], counts[J_STR], counts[J_INT], counts[J_DEC], counts[J_TRUE], counts[J_FALSE],
           counts[J_NULL]);
    printf("fnv1a64 %016llx\n", (unsigned long long)hash);
    free(text.p);
    free(sbuf.p);
    return 0;
}
