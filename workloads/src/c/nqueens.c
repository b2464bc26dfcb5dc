/*
 * nqueens: counts the solutions of the N-queens problem the way pyperformance
 * "nqueens" does: walk every permutation of the columns 0..N-1 (one queen per
 * row and per column), in the order of Python's itertools.permutations, and
 * keep the permutations whose N queens occupy N distinct rising and N distinct
 * falling diagonals (pyperformance builds the sets {vec[i] + i} and
 * {vec[i] - i}; here two boolean arrays play the sets).
 *
 * Differences from pyperformance: no generators, tuples or sets; the
 * permutation walk is the itertools algorithm (indices + cycles) written out.
 * The whole search is repeated LOOPS times (pyperformance solves N = 8 once
 * per loop).
 *
 * Known answers (OEIS A000170): N = 4..11 give 2, 10, 4, 40, 92, 352, 724, 2680.
 *
 * usage: nqueens N LOOPS     (1 <= N <= 12, LOOPS >= 1)
 * prints the number of solutions, then the first and the last solution in
 * permutation order (column of the queen in each row), then a checksum over
 * all solutions of all loops.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAXN 12

/* 1 when the N queens at (row i, column vec[i]) share no diagonal. */
static int no_shared_diagonal(const int *vec, int n) {
    unsigned char rising[2 * MAXN], falling[2 * MAXN];
    for (int i = 0; i < 2 * n; i++) rising[i] = falling[i] = 0;
    for (int i = 0; i < n; i++) {
        int up = vec[i] + i, down = vec[i] - i + n;
        if (rising[up] || falling[down]) return 0;
        rising[up] = falling[down] = 1;
    }
    return 1;
}

/* Python's indices[i:] = indices[i+1:] + indices[i:i+1]: rotate the tail from i left by one. */
static void rotate_left_from(int *indices, int i, int n) {
    int first = indices[i];
    for (int k = i; k < n - 1; k++) indices[k] = indices[k + 1];
    indices[n - 1] = first;
}

static void print_solution(const char *label, const int *vec, int n) {
    printf("%s", label);
    for (int i = 0; i < n; i++) printf(i == 0 ? "%d" : " %d", vec[i]);
    printf("\n");
}

/*
 * One search: itertools.permutations(range(n)) in order, testing each.
 * Returns the number of solutions; first/last receive the first and last
 * solution; *hash is updated with every solution.
 */
static long solve(int n, int *first, int *last, uint32_t *hash) {
    int indices[MAXN], cycles[MAXN];
    long count = 0;
    for (int i = 0; i < n; i++) {
        indices[i] = i;
        cycles[i] = n - i;
    }
    for (;;) {
        if (no_shared_diagonal(indices, n)) {
            if (count == 0)
                for (int i = 0; i < n; i++) first[i] = indices[i];
            for (int i = 0; i < n; i++) {
                last[i] = indices[i];
                *hash = (*hash ^ (uint32_t) indices[i]) * 16777619u; /* FNV-1a */
            }
            count++;
        }
        /* Advance to the next permutation (CPython's itertools.permutations). */
        int i = n - 1;
        for (; i >= 0; i--) {
            cycles[i]--;
            if (cycles[i] == 0) {
                rotate_left_from(indices, i, n);
                cycles[i] = n - i;
            } else {
                int j = cycles[i];
                int t = indices[i];
                indices[i] = indices[n - j];
                indices[n - j] = t;
                break;
            }
        }
        if (i < 0) return count;
    }
}

static long parse(const char *s, long lo, long hi) {
    char *end;
    long v = strtol(s, &end, 10);
    return (*s == '\0' || *end != '\0' || v < lo || v > hi) ? -1 : v;
}

int main(int argc, char **argv) {
    long n = argc == 3 ? parse(argv[1], 1, MAXN) : -1;
    long loops = argc == 3 ? parse(argv[2], 1, 1000000) : -1;
    if (n < 0 || loops < 0) {
        fprintf(stderr, "usage: nqueens N LOOPS   (1 <= N <= %d, 1 <= LOOPS <= 1000000)\n", MAXN);
        return 2;
    }
    int first[MAXN] = {0}, last[MAXN] = {0};
    uint32_t hash = 2166136261u;
    long count = 0;
    for (long l = 0; l < loops; l++) count = solve((int) n, first, last, &hash);
    printf("solutions(%ld) = %ld\n", n, count);
    if (count > 0) {
        print_solution("first: ", first, (int) n);
        print_solution("last: ", last, (int) n);
    }
    printf("checksum: %08x\n", (unsigned) hash);
    return 0;
}
