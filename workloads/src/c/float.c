/*
 * float: object-heavy floating-point work, as in pyperformance "float"
 * (after the Factor language blog's benchmark). Allocates POINTS small point
 * structs, one malloc each (Python allocates one object per point), with
 *   x = sin(i), y = 3 cos(i), z = x*x / 2,
 * normalizes every point to unit length, then folds them with a component-wise
 * maximum; frees the points. Repeated LOOPS times.
 *
 * Differences from pyperformance: sin and cos are this file's own polynomial
 * approximations (Cody-Waite reduction by pi/2 plus Taylor polynomials;
 * within 4 ulp of glibc's for the integers 0..10^6) instead of libm, so that
 * the native (glibc) and Wasm (wasi-libc) builds compute bit-identical
 * results; only +, -, *, / and sqrt are used, which IEEE 754 rounds the same
 * everywhere. pyperformance uses 100000 points
 * and one loop.
 *
 * Cross-check: with u = sin(i)^2 a normalized point has x = sin(i)/d and
 * z = (u/2)/d, d = sqrt(9 - 8u + u^2/4), both largest at u = 1, and y = 1 at
 * i = 0; so the maximum approaches (2/sqrt(5), 1, 1/sqrt(5)) =
 * (0.894427191, 1, 0.447213595) as POINTS grows (integers i come arbitrarily
 * close to pi/2 + 2 pi k).
 *
 * usage: float POINTS LOOPS     (1 <= POINTS <= 1000000, LOOPS >= 1)
 * prints the maximized point of the last loop (%.12f) and the sum of the
 * normalized x coordinates over all loops (%.9f).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    double x, y, z;
} Point;

/* pi/2 in three parts (fdlibm's pio2_1, pio2_2, pio2_2t): q * PIO2_HI and q * PIO2_MID are exact for q < 2^20. */
static const double PIO2_HI = 1.57079632673412561417e+00;  /* first 33 bits of pi/2 */
static const double PIO2_MID = 6.07710050630396597660e-11; /* next 33 bits */
static const double PIO2_LO = 2.02226624879595063154e-21;  /* pi/2 - PIO2_HI - PIO2_MID */

/* sin(r) and cos(r) for |r| <= pi/4 by Taylor polynomials (terms to r^17 / r^16). */
static double sin_poly(double r) {
    double r2 = r * r, term = r, sum = r;
    for (int k = 1; k <= 8; k++) {
        term = -term * r2 / ((2 * k) * (2 * k + 1));
        sum += term;
    }
    return sum;
}

static double cos_poly(double r) {
    double r2 = r * r, term = 1, sum = 1;
    for (int k = 1; k <= 8; k++) {
        term = -term * r2 / ((2 * k - 1) * (2 * k));
        sum += term;
    }
    return sum;
}

/*
 * sin and cos of a, 0 <= a <= 1e6: a = q pi/2 + r with |r| <= pi/4, then the
 * quadrant q mod 4 picks the polynomial. Deterministic for any a (only IEEE
 * operations); within 4 ulp of glibc's sin/cos on the integers 0..10^6.
 */
static void sin_cos(double a, double *s, double *c) {
    double q = (double) (long) (a / PIO2_HI + 0.5);
    double r = ((a - q * PIO2_HI) - q * PIO2_MID) - q * PIO2_LO;
    double sr = sin_poly(r), cr = cos_poly(r);
    switch ((long) q & 3) {
    case 0: *s = sr; *c = cr; break;
    case 1: *s = cr; *c = -sr; break;
    case 2: *s = -sr; *c = -cr; break;
    default: *s = -cr; *c = sr; break;
    }
}

static Point *new_point(long i) {
    Point *p = malloc(sizeof(Point));
    if (p == NULL) {
        fprintf(stderr, "float: out of memory\n");
        exit(3);
    }
    double s, c;
    sin_cos((double) i, &s, &c);
    p->x = s;
    p->y = c * 3;
    p->z = (s * s) / 2;
    return p;
}

static void normalize(Point *p) {
    double norm = sqrt(p->x * p->x + p->y * p->y + p->z * p->z);
    p->x /= norm;
    p->y /= norm;
    p->z /= norm;
}

/* self = component-wise max(self, other); returns self (like the Python method). */
static Point *maximize(Point *self, const Point *other) {
    self->x = self->x > other->x ? self->x : other->x;
    self->y = self->y > other->y ? self->y : other->y;
    self->z = self->z > other->z ? self->z : other->z;
    return self;
}

/* One benchmark round; *result receives the maximized point, *xsum the sum of normalized x. */
static void benchmark(long n, Point *result, double *xsum) {
    Point **points = malloc((size_t) n * sizeof(Point *));
    if (points == NULL) {
        fprintf(stderr, "float: out of memory\n");
        exit(3);
    }
    for (long i = 0; i < n; i++) points[i] = new_point(i);
    for (long i = 0; i < n; i++) {
        normalize(points[i]);
        *xsum += points[i]->x;
    }
    Point *next = points[0];
    for (long i = 1; i < n; i++) next = maximize(next, points[i]);
    *result = *next;
    for (long i = 0; i < n; i++) free(points[i]);
    free(points);
}

static long parse(const char *s, long lo, long hi) {
    char *end;
    long v = strtol(s, &end, 10);
    return (*s == '\0' || *end != '\0' || v < lo || v > hi) ? -1 : v;
}

int main(int argc, char **argv) {
    long n = argc == 3 ? parse(argv[1], 1, 1000000) : -1;
    long loops = argc == 3 ? parse(argv[2], 1, 1000000) : -1;
    if (n < 0 || loops < 0) {
        fprintf(stderr, "usage: float POINTS LOOPS   (1 <= POINTS <= 1000000, 1 <= LOOPS <= 1000000)\n");
        return 2;
    }
    Point result = {0, 0, 0};
    double xsum = 0;
    for (long l = 0; l < loops; l++) benchmark(n, &result, &xsum);
    printf("Point(%.12f, %.12f, %.12f)\n", result.x, result.y, result.z);
    printf("sum of x: %.9f\n", xsum);
    return 0;
}
