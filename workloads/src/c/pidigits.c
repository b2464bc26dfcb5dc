/*
 * pidigits: the first N decimal digits of pi by Gibbons' unbounded spigot
 * algorithm (J. Gibbons, "Unbounded Spigot Algorithms for the Digits of Pi",
 * Amer. Math. Monthly 113(4), 2006), in the formulation of the Computer
 * Language Benchmarks Game.
 *
 * Mirrors pyperformance "pidigits", which runs the same spigot on Python's
 * built-in big integers. Here the big integers are our own: little-endian
 * arrays of 32-bit limbs with only the operations the spigot needs
 * (multiply by a small number, add, subtract, compare). A digit is extracted
 * by repeated subtraction (it is below 10) instead of a long division, so the
 * work is dominated by linear limb loops, O(N^2) in total.
 *
 * usage: pidigits N     (1 <= N <= 100000)
 * prints the digits in the classic pidigits format: ten digits per line
 * followed by a tab, ':' and the number of digits so far; a last partial line
 * is padded with spaces.
 *
 * Cross-check: the first 50 digits, 3141592653 5897932384 6264338327
 * 9502884197 1693993751, are the known digits of pi; for N up to 10000 the
 * digits equal those from Machin's formula, pi = 16 atan(1/5) - 4 atan(1/239),
 * evaluated independently with Python integers (checked while writing this
 * program, including the catalog's three sizes).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A non-negative big integer: w[0..n-1], least significant limb first, n == 0 for zero. */
typedef struct {
    uint32_t *w;
    int n, cap;
} Big;

static void *xrealloc(void *p, size_t size) {
    void *q = realloc(p, size);
    if (q == NULL) {
        fprintf(stderr, "pidigits: out of memory\n");
        exit(1);
    }
    return q;
}

static void big_reserve(Big *a, int limbs) {
    if (limbs <= a->cap) return;
    int cap = a->cap ? a->cap : 16;
    while (cap < limbs) cap *= 2;
    a->w = xrealloc(a->w, (size_t)cap * sizeof(uint32_t));
    a->cap = cap;
}

static void big_set_small(Big *a, uint32_t v) {
    big_reserve(a, 1);
    a->w[0] = v;
    a->n = v != 0;
}

static void big_trim(Big *a) {
    while (a->n > 0 && a->w[a->n - 1] == 0) a->n--;
}

/* dst = a * m (dst may be a). */
static void big_mul_small(Big *dst, const Big *a, uint32_t m) {
    int n = a->n;
    big_reserve(dst, n + 1);
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t t = (uint64_t)a->w[i] * m + carry;
        dst->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    dst->w[n] = (uint32_t)carry;
    dst->n = n + 1;
    big_trim(dst);
}

/* dst += a. */
static void big_add(Big *dst, const Big *a) {
    int n = dst->n > a->n ? dst->n : a->n;
    big_reserve(dst, n + 1);
    for (int i = dst->n; i <= n; i++) dst->w[i] = 0;
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t t = (uint64_t)dst->w[i] + (i < a->n ? a->w[i] : 0) + carry;
        dst->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    dst->w[n] = (uint32_t)carry;
    dst->n = n + 1;
    big_trim(dst);
}

/* dst = a - b; requires a >= b (dst may be a or b). */
static void big_sub(Big *dst, const Big *a, const Big *b) {
    int n = a->n;
    big_reserve(dst, n);
    int64_t borrow = 0;
    for (int i = 0; i < n; i++) {
        int64_t t = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
        borrow = t < 0;
        dst->w[i] = (uint32_t)(t + borrow * ((int64_t)1 << 32));
    }
    dst->n = n;
    big_trim(dst);
}

/* -1, 0 or 1 as a < b, a == b, a > b. */
static int big_cmp(const Big *a, const Big *b) {
    if (a->n != b->n) return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->w[i] != b->w[i]) return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

/*
 * The spigot's state: the linear fractional transformation x -> (numer * x + accum) / denom.
 * accum can go negative when a digit is eliminated, so it carries a sign: accum_neg.
 */
static Big numer, accum, denom, tmp, tmp2;
static int accum_neg;

/* accum += x (x >= 0), keeping the sign. */
static void accum_add(const Big *x) {
    if (!accum_neg) {
        big_add(&accum, x);
    } else if (big_cmp(&accum, x) > 0) {
        big_sub(&accum, &accum, x);
    } else {
        big_sub(&accum, x, &accum);
        accum_neg = 0;
    }
}

/* accum -= x (x >= 0), keeping the sign. */
static void accum_sub(const Big *x) {
    if (accum_neg) {
        big_add(&accum, x);
    } else if (big_cmp(&accum, x) >= 0) {
        big_sub(&accum, &accum, x);
    } else {
        big_sub(&accum, x, &accum);
        accum_neg = 1;
    }
}

/* Folds in the k-th term of the series. */
static void next_term(uint32_t k) {
    uint32_t k2 = 2 * k + 1;
    big_mul_small(&tmp, &numer, 2);
    accum_add(&tmp);
    big_mul_small(&accum, &accum, k2);
    big_mul_small(&denom, &denom, k2);
    big_mul_small(&numer, &numer, k);
}

/*
 * floor((numer * 3 + accum) / denom) when it equals floor((numer * 4 + accum) / denom),
 * else -1 (the digit is not yet determined). Called only when 0 < numer <= accum.
 */
static int extract_digit(void) {
    big_mul_small(&tmp, &numer, 3);
    big_add(&tmp, &accum);
    int d = 0;
    while (big_cmp(&tmp, &denom) >= 0) { /* the quotient is a single digit: subtract */
        big_sub(&tmp, &tmp, &denom);
        d++;
    }
    big_add(&tmp, &numer); /* remainder of (numer * 4 + accum) - d * denom */
    return big_cmp(&tmp, &denom) < 0 ? d : -1;
}

/* Removes the emitted digit d: accum = (accum - d * denom) * 10, numer *= 10. */
static void eliminate_digit(int d) {
    big_mul_small(&tmp2, &denom, (uint32_t)d);
    accum_sub(&tmp2);
    big_mul_small(&accum, &accum, 10);
    big_mul_small(&numer, &numer, 10);
}

int main(int argc, char **argv) {
    char *end;
    long n = argc == 2 ? strtol(argv[1], &end, 10) : -1;
    if (argc != 2 || *end != '\0' || n < 1 || n > 100000) {
        fprintf(stderr, "usage: pidigits N   (1 <= N <= 100000)\n");
        return 2;
    }
    big_set_small(&numer, 1);
    big_set_small(&accum, 0);
    big_set_small(&denom, 1);
    char line[11];
    int in_line = 0;
    uint32_t k = 0;
    for (long i = 0; i < n;) {
        next_term(++k);
        if (accum_neg || big_cmp(&numer, &accum) > 0) continue;
        int d = extract_digit();
        if (d < 0) continue;
        line[in_line++] = (char)('0' + d);
        i++;
        if (in_line == 10 || i == n) {
            memset(line + in_line, ' ', (size_t)(10 - in_line));
            line[10] = '\0';
            printf("%s\t:%ld\n", line, i);
            in_line = 0;
        }
        eliminate_digit(d);
    }
    return 0;
}
