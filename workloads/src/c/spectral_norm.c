/*
 * spectral_norm: the spectral norm of the infinite matrix
 * A(i,j) = 1 / ((i+j)(i+j+1)/2 + i + 1), by 10 power iterations on its N x N
 * corner (pyperformance "spectral_norm", after the Computer Language
 * Benchmarks Game).
 *
 * usage: spectral_norm N   (1 <= N <= 100000)
 * prints the norm estimate with %.9f.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double eval_a(int i, int j) {
    return 1.0 / ((double) (i + j) * (i + j + 1) / 2 + i + 1);
}

/* out = A * in */
static void mul_av(int n, const double *in, double *out) {
    for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++) sum += eval_a(i, j) * in[j];
        out[i] = sum;
    }
}

/* out = A^T * in */
static void mul_atv(int n, const double *in, double *out) {
    for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++) sum += eval_a(j, i) * in[j];
        out[i] = sum;
    }
}

/* out = A^T * A * in, using tmp as scratch */
static void mul_atav(int n, const double *in, double *out, double *tmp) {
    mul_av(n, in, tmp);
    mul_atv(n, tmp, out);
}

int main(int argc, char **argv) {
    char *end;
    long n = argc == 2 ? strtol(argv[1], &end, 10) : -1;
    if (argc != 2 || *end != '\0' || n < 1 || n > 100000) {
        fprintf(stderr, "usage: spectral_norm N   (1 <= N <= 100000)\n");
        return 2;
    }
    double *u = malloc(n * sizeof(double));
    double *v = malloc(n * sizeof(double));
    double *tmp = malloc(n * sizeof(double));
    if (!u || !v || !tmp) {
        fprintf(stderr, "spectral_norm: out of memory\n");
        return 1;
    }
    for (int i = 0; i < n; i++) u[i] = 1;
    for (int k = 0; k < 10; k++) {
        mul_atav((int) n, u, v, tmp);
        mul_atav((int) n, v, u, tmp);
    }
    double vbv = 0, vv = 0;
    for (int i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    printf("%.9f\n", sqrt(vbv / vv));
    free(u);
    free(v);
    free(tmp);
    return 0;
}
