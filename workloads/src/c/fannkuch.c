/*
 * fannkuch: fannkuch-redux (pyperformance "fannkuch", after the Computer
 * Language Benchmarks Game). For every permutation of 1..N, in the benchmark's
 * fixed order, count the pancake flips until 1 is in front.
 *
 * usage: fannkuch N        (3 <= N <= 12)
 * prints the checksum (alternating sum of flip counts) and the maximum flips.
 */
#include <stdio.h>
#include <stdlib.h>

#define MAXN 12

/* Number of flips: reverse the first p[0] elements until p[0] == 0. */
static int count_flips(const int *perm, int n) {
    int p[MAXN];
    for (int i = 0; i < n; i++) p[i] = perm[i];
    int flips = 0;
    for (int first = p[0]; first != 0; first = p[0]) {
        for (int lo = 0, hi = first; lo < hi; lo++, hi--) {
            int t = p[lo];
            p[lo] = p[hi];
            p[hi] = t;
        }
        flips++;
    }
    return flips;
}

int main(int argc, char **argv) {
    char *end;
    long n = argc == 2 ? strtol(argv[1], &end, 10) : -1;
    if (argc != 2 || *end != '\0' || n < 3 || n > MAXN) {
        fprintf(stderr, "usage: fannkuch N   (3 <= N <= %d)\n", MAXN);
        return 2;
    }
    int perm[MAXN], count[MAXN];
    for (int i = 0; i < n; i++) perm[i] = i;
    int r = (int) n, checksum = 0, max_flips = 0, index = 0;
    for (;;) {
        for (; r != 1; r--) count[r - 1] = r;

        int flips = count_flips(perm, (int) n);
        if (flips > max_flips) max_flips = flips;
        checksum += (index % 2 == 0) ? flips : -flips;
        index++;

        /* Next permutation: rotate the first r+1 elements left until a count is left. */
        for (;;) {
            if (r == n) {
                printf("%d\nPfannkuchen(%ld) = %d\n", checksum, n, max_flips);
                return 0;
            }
            int first = perm[0];
            for (int i = 0; i < r; i++) perm[i] = perm[i + 1];
            perm[r] = first;
            if (--count[r] > 0) break;
            r++;
        }
    }
}
