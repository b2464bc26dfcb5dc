/*
 * regex: our own backtracking regular-expression engine, searching generated
 * text with a fixed set of patterns.
 *
 * Mirrors pyperformance "regex_effbot" and "regex_v8", which run Python's re
 * module (a backtracking matcher) over prepared strings. Here a pattern is
 * parsed into a syntax tree and compiled to instructions for a backtracking
 * machine with an explicit stack (the "backtrack" design in Russ Cox's re1);
 * the text is LINES generated lines of prose, e-mail addresses, URLs, dates,
 * IP addresses, phone numbers and HTML tags, and every pattern is searched
 * over every line like re.finditer (leftmost, non-overlapping matches).
 *
 * Syntax: literals, '.', classes [a-z0-9_] and [^...] with \d \w \s inside,
 * escapes \d \w \s \D \W \S \b \n \t and escaped metacharacters, groups (...)
 * (capturing) and (?:...), alternation |, quantifiers * + ? {m} {m,} {m,n}
 * (greedy, or lazy with a trailing ?), anchors ^ and $ (start and end of the
 * line). Differences from Python's re: ASCII only; a quantifier over
 * something that can match the empty string is rejected instead of guarded.
 *
 * Output per pattern: the number of matches and a checksum, the sum over
 * matches of start*31 + end*7 + (group1_start+1)*3 + (group1_end+1), modulo
 * 2^32, with line-relative offsets and -1 for a group that did not take part.
 * Cross-check: Python's re.finditer over the same lines gives the same counts
 * and checksums for every pattern (checked while writing this program).
 *
 * usage: regex LINES REPS     (1 <= LINES <= 1000000, REPS >= 1)
 * searches all patterns over LINES lines REPS times; prints per pattern its
 * matches and checksum, then the totals.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xrealloc(void *p, size_t size) {
    p = realloc(p, size ? size : 1);
    if (p == NULL) {
        fprintf(stderr, "regex: out of memory\n");
        exit(1);
    }
    return p;
}

/* ---- syntax tree ---- */

enum NodeKind { N_EMPTY, N_CHAR, N_ANY, N_CLASS, N_BOL, N_EOL, N_WORDB, N_CAT, N_ALT, N_REPEAT, N_GROUP };

#define REPEAT_INF -1
#define MAX_NODES 512
#define MAX_CLASSES 64
#define MAX_GROUPS 9

typedef struct {
    enum NodeKind kind;
    int a, b;     /* N_CAT, N_ALT: children; N_REPEAT, N_GROUP: a = child */
    int c;        /* N_CHAR: the byte; N_CLASS: class index; N_GROUP: group number (0: non-capturing) */
    int min, max; /* N_REPEAT: bounds, max REPEAT_INF for none */
    int greedy;   /* N_REPEAT */
} Node;

typedef struct {
    uint8_t bits[32]; /* bit c set: byte c is in the class */
} Class;

/* A compiled pattern: the syntax tree, its classes, then the code. */
typedef struct {
    const char *src;
    Node nodes[MAX_NODES];
    int nnodes;
    Class classes[MAX_CLASSES];
    int nclasses;
    int ngroups;
    int *code;
    int len, cap;
} Regex;

typedef struct {
    Regex *re;
    const char *p;
} Parser;

static void syntax_error(const Parser *ps, const char *what) {
    fprintf(stderr, "regex: bad pattern %s at offset %ld: %s\n", ps->re->src, (long)(ps->p - ps->re->src), what);
    exit(1);
}

static int new_node(Parser *ps, enum NodeKind kind, int a, int b, int c) {
    if (ps->re->nnodes == MAX_NODES) syntax_error(ps, "pattern too long");
    ps->re->nodes[ps->re->nnodes] = (Node){.kind = kind, .a = a, .b = b, .c = c};
    return ps->re->nnodes++;
}

static void class_add(Class *cl, int c) { cl->bits[c >> 3] |= (uint8_t)(1u << (c & 7)); }
static int class_has(const Class *cl, int c) { return cl->bits[c >> 3] >> (c & 7) & 1; }

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_word(int c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Adds the class of escape letter e (d, w, s or upper case for the complement); 0 if e is not one. */
static int add_escape_class(Class *cl, char e) {
    int (*pred)(int) = e == 'd' || e == 'D' ? is_digit : e == 'w' || e == 'W' ? is_word : e == 's' || e == 'S' ? is_space : NULL;
    if (pred == NULL) return 0;
    int negate = e >= 'A' && e <= 'Z';
    for (int c = 0; c < 256; c++)
        if (pred(c) != negate) class_add(cl, c);
    return 1;
}

static int new_class(Parser *ps) {
    if (ps->re->nclasses == MAX_CLASSES) syntax_error(ps, "too many classes");
    memset(&ps->re->classes[ps->re->nclasses], 0, sizeof(Class));
    return ps->re->nclasses++;
}

static int escaped_char(char e) { return e == 'n' ? '\n' : e == 't' ? '\t' : (unsigned char)e; }

/* After '[': a class up to ']'. */
static int parse_class(Parser *ps) {
    int idx = new_class(ps);
    Class *cl = &ps->re->classes[idx];
    int negate = *ps->p == '^';
    if (negate) ps->p++;
    int first = 1;
    while (*ps->p != ']' || first) {
        first = 0;
        if (*ps->p == '\0') syntax_error(ps, "missing ]");
        int lo;
        if (*ps->p == '\\') {
            ps->p++;
            if (*ps->p == '\0') syntax_error(ps, "trailing \\");
            if (add_escape_class(cl, *ps->p++)) continue;
            lo = escaped_char(ps->p[-1]);
        } else {
            lo = (unsigned char)*ps->p++;
        }
        int hi = lo;
        if (ps->p[0] == '-' && ps->p[1] != ']' && ps->p[1] != '\0') {
            ps->p++;
            hi = (unsigned char)*ps->p++;
            if (hi == '\\') {
                hi = escaped_char(*ps->p);
                if (*ps->p++ == '\0') syntax_error(ps, "trailing \\");
            }
            if (hi < lo) syntax_error(ps, "bad range");
        }
        for (int c = lo; c <= hi; c++) class_add(cl, c);
    }
    ps->p++;
    if (negate)
        for (int i = 0; i < 32; i++) cl->bits[i] = (uint8_t)~cl->bits[i];
    return new_node(ps, N_CLASS, 0, 0, idx);
}

static int parse_alt(Parser *ps);

static int parse_atom(Parser *ps) {
    char c = *ps->p++;
    switch (c) {
    case '(': {
        int group = 0;
        if (ps->p[0] == '?' && ps->p[1] == ':') {
            ps->p += 2;
        } else {
            if (ps->re->ngroups == MAX_GROUPS) syntax_error(ps, "too many groups");
            group = ++ps->re->ngroups;
        }
        int inner = parse_alt(ps);
        if (*ps->p != ')') syntax_error(ps, "missing )");
        ps->p++;
        return new_node(ps, N_GROUP, inner, 0, group);
    }
    case '[': return parse_class(ps);
    case '.': return new_node(ps, N_ANY, 0, 0, 0);
    case '^': return new_node(ps, N_BOL, 0, 0, 0);
    case '$': return new_node(ps, N_EOL, 0, 0, 0);
    case '\\': {
        char e = *ps->p++;
        if (e == '\0') syntax_error(ps, "trailing \\");
        if (e == 'b') return new_node(ps, N_WORDB, 0, 0, 0);
        int idx = new_class(ps);
        if (add_escape_class(&ps->re->classes[idx], e)) return new_node(ps, N_CLASS, 0, 0, idx);
        ps->re->nclasses--; /* not a class escape */
        return new_node(ps, N_CHAR, 0, 0, escaped_char(e));
    }
    case '*': case '+': case '?': case '{': ps->p--; syntax_error(ps, "nothing to repeat"); return 0;
    default: return new_node(ps, N_CHAR, 0, 0, (unsigned char)c);
    }
}

static int parse_int(Parser *ps) {
    if (!is_digit(*ps->p)) syntax_error(ps, "expected a number");
    int v = 0;
    while (is_digit(*ps->p)) {
        v = v * 10 + (*ps->p++ - '0');
        if (v > 100) syntax_error(ps, "repeat count above 100");
    }
    return v;
}

/* Can node n match the empty string? */
static int nullable(const Regex *re, int n) {
    const Node *x = &re->nodes[n];
    switch (x->kind) {
    case N_CHAR: case N_ANY: case N_CLASS: return 0;
    case N_CAT: return nullable(re, x->a) && nullable(re, x->b);
    case N_ALT: return nullable(re, x->a) || nullable(re, x->b);
    case N_REPEAT: return x->min == 0 || nullable(re, x->a);
    case N_GROUP: return nullable(re, x->a);
    default: return 1; /* empty, anchors */
    }
}

static int parse_repeat(Parser *ps) {
    int n = parse_atom(ps);
    while (*ps->p == '*' || *ps->p == '+' || *ps->p == '?' || *ps->p == '{') {
        int min, max;
        char q = *ps->p++;
        if (q == '*') {
            min = 0, max = REPEAT_INF;
        } else if (q == '+') {
            min = 1, max = REPEAT_INF;
        } else if (q == '?') {
            min = 0, max = 1;
        } else {
            min = max = parse_int(ps);
            if (*ps->p == ',') {
                ps->p++;
                max = *ps->p == '}' ? REPEAT_INF : parse_int(ps);
            }
            if (*ps->p++ != '}') syntax_error(ps, "missing }");
            if (max != REPEAT_INF && max < min) syntax_error(ps, "bad repeat bounds");
        }
        int greedy = 1;
        if (*ps->p == '?') {
            greedy = 0;
            ps->p++;
        }
        if (max == REPEAT_INF && nullable(ps->re, n)) syntax_error(ps, "repeated subpattern can match the empty string");
        int r = new_node(ps, N_REPEAT, n, 0, 0);
        ps->re->nodes[r].min = min;
        ps->re->nodes[r].max = max;
        ps->re->nodes[r].greedy = greedy;
        n = r;
    }
    return n;
}

static int parse_concat(Parser *ps) {
    int n = -1;
    while (*ps->p != '\0' && *ps->p != '|' && *ps->p != ')') {
        int m = parse_repeat(ps);
        n = n < 0 ? m : new_node(ps, N_CAT, n, m, 0);
    }
    return n < 0 ? new_node(ps, N_EMPTY, 0, 0, 0) : n;
}

static int parse_alt(Parser *ps) {
    int n = parse_concat(ps);
    while (*ps->p == '|') {
        ps->p++;
        n = new_node(ps, N_ALT, n, parse_concat(ps), 0);
    }
    return n;
}

/* ---- code generation ---- */

enum Op { I_CHAR, I_ANY, I_CLASS, I_BOL, I_EOL, I_WORDB, I_SPLIT, I_JMP, I_SAVE, I_MATCH };
/* I_CHAR c; I_CLASS idx; I_SPLIT x y (try x first); I_JMP x; I_SAVE slot; the others take no operand. */

static int emit(Regex *re, int word) {
    if (re->len == re->cap) {
        re->cap = re->cap ? 2 * re->cap : 64;
        re->code = xrealloc(re->code, (size_t)re->cap * sizeof(int));
    }
    re->code[re->len] = word;
    return re->len++;
}

/* A SPLIT whose targets are filled in later by patch_split. */
static int emit_split(Regex *re) {
    int at = emit(re, I_SPLIT);
    emit(re, 0);
    emit(re, 0);
    return at;
}

/* Points the SPLIT at `at` to body and exit_, trying body first when greedy. */
static void patch_split(Regex *re, int at, int body, int exit_, int greedy) {
    re->code[at + 1] = greedy ? body : exit_;
    re->code[at + 2] = greedy ? exit_ : body;
}

static void gen(Regex *re, int n) {
    const Node *x = &re->nodes[n];
    switch (x->kind) {
    case N_EMPTY: break;
    case N_CHAR: emit(re, I_CHAR); emit(re, x->c); break;
    case N_ANY: emit(re, I_ANY); break;
    case N_CLASS: emit(re, I_CLASS); emit(re, x->c); break;
    case N_BOL: emit(re, I_BOL); break;
    case N_EOL: emit(re, I_EOL); break;
    case N_WORDB: emit(re, I_WORDB); break;
    case N_CAT: gen(re, x->a); gen(re, x->b); break;
    case N_ALT: {
        int split = emit_split(re);
        gen(re, x->a);
        int jmp = emit(re, I_JMP);
        emit(re, 0);
        int second = re->len;
        gen(re, x->b);
        patch_split(re, split, split + 3, second, 1);
        re->code[jmp + 1] = re->len;
        break;
    }
    case N_GROUP:
        if (x->c) { emit(re, I_SAVE); emit(re, 2 * x->c); }
        gen(re, x->a);
        if (x->c) { emit(re, I_SAVE); emit(re, 2 * x->c + 1); }
        break;
    case N_REPEAT: {
        for (int i = 0; i < x->min; i++) gen(re, x->a);
        if (x->max == REPEAT_INF) { /* loop: SPLIT body, exit; body; JMP loop */
            int loop = emit_split(re);
            gen(re, x->a);
            emit(re, I_JMP);
            emit(re, loop);
            patch_split(re, loop, loop + 3, re->len, x->greedy);
        } else { /* max - min nested optional copies: (x(x(x)?)?)? */
            int splits[100];
            int k = x->max - x->min;
            for (int i = 0; i < k; i++) {
                splits[i] = emit_split(re);
                gen(re, x->a);
            }
            for (int i = 0; i < k; i++) patch_split(re, splits[i], splits[i] + 3, re->len, x->greedy);
        }
        break;
    }
    }
}

static void compile(Regex *re, const char *src) {
    memset(re, 0, sizeof *re);
    re->src = src;
    Parser ps = {re, src};
    int root = parse_alt(&ps);
    if (*ps.p != '\0') syntax_error(&ps, "unbalanced )");
    emit(re, I_SAVE);
    emit(re, 0);
    gen(re, root);
    emit(re, I_SAVE);
    emit(re, 1);
    emit(re, I_MATCH);
}

/* ---- the backtracking machine ---- */

/* A stack entry: a thread to resume (pc >= 0) or a capture slot to restore (pc = -1 - slot). */
typedef struct {
    int pc, sp;
} Entry;

static Entry *stack;
static size_t stack_cap;
static int64_t steps; /* instructions executed: a measure of backtracking work */

/* Tries to match at s[start]; fills caps[0..2*(ngroups+1)) and returns 1 on success. */
static int match_at(const Regex *re, const char *s, int len, int start, int *caps) {
    const int *code = re->code;
    size_t top = 0;
    for (int i = 0; i < 2 * (re->ngroups + 1); i++) caps[i] = -1;
    stack[top++] = (Entry){0, start};
    while (top > 0) {
        Entry e = stack[--top];
        if (e.pc < 0) {
            caps[-1 - e.pc] = e.sp;
            continue;
        }
        int pc = e.pc, sp = e.sp;
        for (;;) {
            steps++;
            if (top + 1 >= stack_cap) {
                stack_cap *= 2;
                stack = xrealloc(stack, stack_cap * sizeof(Entry));
            }
            switch (code[pc]) {
            case I_CHAR:
                if (sp < len && (unsigned char)s[sp] == code[pc + 1]) {
                    sp++;
                    pc += 2;
                    continue;
                }
                break;
            case I_ANY:
                if (sp < len && s[sp] != '\n') {
                    sp++;
                    pc++;
                    continue;
                }
                break;
            case I_CLASS:
                if (sp < len && class_has(&re->classes[code[pc + 1]], (unsigned char)s[sp])) {
                    sp++;
                    pc += 2;
                    continue;
                }
                break;
            case I_BOL:
                if (sp == 0) {
                    pc++;
                    continue;
                }
                break;
            case I_EOL:
                if (sp == len) {
                    pc++;
                    continue;
                }
                break;
            case I_WORDB:
                if ((sp > 0 && is_word((unsigned char)s[sp - 1])) != (sp < len && is_word((unsigned char)s[sp]))) {
                    pc++;
                    continue;
                }
                break;
            case I_SPLIT:
                stack[top++] = (Entry){code[pc + 2], sp};
                pc = code[pc + 1];
                continue;
            case I_JMP:
                pc = code[pc + 1];
                continue;
            case I_SAVE:
                stack[top++] = (Entry){-1 - code[pc + 1], caps[code[pc + 1]]};
                caps[code[pc + 1]] = sp;
                pc += 2;
                continue;
            case I_MATCH:
                return 1;
            }
            break; /* this thread failed: resume the next one */
        }
    }
    return 0;
}

/* ---- generated text ---- */

static uint64_t rng = 0x853c49e6748fea9bu;

static uint32_t next_u32(uint32_t bound) { /* xorshift64; bound > 0 */
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)((rng >> 32) % bound);
}

static const char *const WORDS[] = {
    "the", "Python", "and", "Perl", "programming", "language", "is", "running", "Tcl", "string", "matching",
    "engine", "of", "a", "fast", "interpreter", "testing", "benchmark", "aeolian", "queueing", "value", "to",
    "compiler", "Wasm", "in", "tail", "calling", "for", "data", "x", "y", "zebra",
};
#define NWORDS (int)(sizeof WORDS / sizeof WORDS[0])
static const char *const NAMES[] = {"john.smith", "alice", "bob_99", "carol.d", "dave", "eve.x"};
static const char *const HOSTS[] = {"example", "python", "mail", "tailbench", "x"};
static const char *const TLDS[] = {"com", "org", "co.uk", "net", "io"};

static void append(char *line, int *n, int cap, const char *s) {
    while (*s && *n < cap - 1) line[(*n)++] = *s++;
    line[*n] = '\0';
}

/* One line of LINE_MAX - 1 bytes at most: a capitalised sentence with embedded tokens. */
#define LINE_MAX 200
static void gen_line(char *line) {
    int n = 0;
    line[0] = '\0';
    int items = 3 + (int)next_u32(12);
    for (int i = 0; i < items; i++) {
        char tok[96];
        const char *w = WORDS[next_u32(NWORDS)];
        uint32_t kind = next_u32(16), r[5]; /* drawn in order: argument evaluation order is unspecified */
        for (int j = 0; j < 5; j++) r[j] = next_u32(1u << 16);
        switch (kind) {
        case 0: snprintf(tok, sizeof tok, "%s@%s.%s", NAMES[r[0] % 6], HOSTS[r[1] % 5], TLDS[r[2] % 5]); break;
        case 1:
            snprintf(tok, sizeof tok, "http%s://www.%s.%s/%s?id=%u", r[0] % 2 ? "s" : "", HOSTS[r[1] % 5],
                     TLDS[r[2] % 5], w, r[3] % 1000);
            break;
        case 2: snprintf(tok, sizeof tok, "%04u-%02u-%02u", 1990 + r[0] % 40, 1 + r[1] % 12, 1 + r[2] % 28); break;
        case 3: snprintf(tok, sizeof tok, "%u.%u.%u.%u", r[0] % 256, r[1] % 256, r[2] % 300, r[3] % 256); break;
        case 4: snprintf(tok, sizeof tok, "(%03u) %03u-%04u", r[0] % 1000, r[1] % 1000, r[2] % 10000); break;
        case 5: snprintf(tok, sizeof tok, "<%s class=\"%s\">", r[0] % 2 ? "a" : "span", w); break;
        case 6: snprintf(tok, sizeof tok, "%u.%02u", r[0] % 10000, r[1] % 100); break;
        case 7: snprintf(tok, sizeof tok, "%s = \"%s\"", w, WORDS[r[0] % NWORDS]); break;
        default: snprintf(tok, sizeof tok, "%s", w); break;
        }
        if (i == 0 && tok[0] >= 'a' && tok[0] <= 'z') tok[0] = (char)(tok[0] - 'a' + 'A');
        if (i) append(line, &n, LINE_MAX, " ");
        append(line, &n, LINE_MAX, tok);
    }
    append(line, &n, LINE_MAX, next_u32(4) ? "." : "");
}

static const char *const PATTERNS[] = {
    "Python|Perl|Tcl",
    "(Python|Perl|Tcl)",
    "\\b(\\w+ing)\\b",
    "[a-z0-9._]+@([a-z0-9]+)(\\.[a-z]+)+",
    "\\b(\\d{4})-\\d{2}-\\d{2}\\b",
    "(https?)://[^ \"<>?]+(\\?[a-z]+=\\d*)?",
    "(\\d{1,3}\\.){3}\\d{1,3}",
    "\\((\\d{3})\\) \\d{3}-\\d{4}",
    "<([a-z]+)[^>]*>",
    "(\\w+) = \"([^\"]*)\"",
    "^([A-Z][a-z]+) ",
    "(\\w+)\\.$",
    "[aeiou]{2,}",
    "\\d+(\\.\\d+)?",
    "(.*)ing",
    "<.*?>",
    "(?:x|y|z)+\\s",
    "(a|an|the) ([a-z]+)",
    "[^ ]+@[^ ]+",
    "(\\w)\\w*e\\b",
};
#define NPATTERNS (int)(sizeof PATTERNS / sizeof PATTERNS[0])

int main(int argc, char **argv) {
    char *end1, *end2;
    long nlines = argc == 3 ? strtol(argv[1], &end1, 10) : -1;
    long reps = argc == 3 ? strtol(argv[2], &end2, 10) : -1;
    if (argc != 3 || *end1 != '\0' || *end2 != '\0' || nlines < 1 || nlines > 1000000 || reps < 1) {
        fprintf(stderr, "usage: regex LINES REPS   (1 <= LINES <= 1000000, REPS >= 1)\n");
        return 2;
    }
    char *text = xrealloc(NULL, (size_t)nlines * LINE_MAX);
    int *lens = xrealloc(NULL, (size_t)nlines * sizeof(int));
    for (long i = 0; i < nlines; i++) {
        gen_line(text + i * LINE_MAX);
        lens[i] = (int)strlen(text + i * LINE_MAX);
    }
    static Regex res[NPATTERNS];
    for (int k = 0; k < NPATTERNS; k++) compile(&res[k], PATTERNS[k]);
    stack_cap = 1024;
    stack = xrealloc(NULL, stack_cap * sizeof(Entry));

    long matches[NPATTERNS];
    uint32_t sums[NPATTERNS];
    for (long r = 0; r < reps; r++) {
        for (int k = 0; k < NPATTERNS; k++) {
            const Regex *re = &res[k];
            int caps[2 * (MAX_GROUPS + 1)];
            long count = 0;
            uint32_t sum = 0;
            for (long i = 0; i < nlines; i++) {
                const char *s = text + i * LINE_MAX;
                int len = lens[i];
                for (int pos = 0; pos <= len;) {
                    if (!match_at(re, s, len, pos, caps)) {
                        pos++;
                        continue;
                    }
                    count++;
                    int g1s = re->ngroups ? caps[2] : -1, g1e = re->ngroups ? caps[3] : -1;
                    sum += (uint32_t)caps[0] * 31u + (uint32_t)caps[1] * 7u + (uint32_t)(g1s + 1) * 3u + (uint32_t)(g1e + 1);
                    pos = caps[1] > caps[0] ? caps[1] : pos + 1;
                }
            }
            matches[k] = count;
            sums[k] = sum;
        }
    }
    long total = 0;
    for (int k = 0; k < NPATTERNS; k++) {
        printf("%6ld %08x  %s\n", matches[k], (unsigned)sums[k], PATTERNS[k]);
        total += matches[k];
    }
    printf("lines %ld\nrepetitions %ld\nmatches %ld\nsteps per repetition %lld\n", nlines, reps, total,
           (long long)(steps / reps));
    free(text);
    free(lens);
    free(stack);
    for (int k = 0; k < NPATTERNS; k++) free(res[k].code);
    return 0;
}
