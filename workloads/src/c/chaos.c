/*
 * chaos: the chaos game of pyperformance "chaos" (Carl Friedrich Bolz, 2005).
 * Three cubic B-splines (evaluated with de Boor's algorithm) are cut into
 * short segments; each segment is an affine-like map of the unit square onto
 * a thin band along the spline. Starting at the centre of the splines'
 * bounding box, ITERATIONS times a random segment is picked and the point is
 * mapped by it; every visited point blackens one pixel of a WIDTH x HEIGHT
 * bitmap, which draws the fractal.
 *
 * Differences from pyperformance: points are small C structs (GVector) passed
 * by value; the random numbers come from this file's xorshift64* generator
 * (seed 1234) instead of Python's Mersenne Twister, so the picture has the
 * same shape but other pixels; no PPM file is written - a checksum is printed.
 * Thickness 0.25, like pyperformance; pyperformance draws 256 x 256 with
 * 5000 iterations.
 *
 * Cross-check: the number of segments per spline (num_trafos) depends only on
 * the spline geometry and the thickness; pyperformance's Python code for it
 * (Spline, Chaosgame.__init__), run on CPython 3.11, gives [22, 17, 9]
 * (total 48) for thickness 0.25, and so does this program.
 *
 * usage: chaos ITERATIONS SIZE     (1 <= ITERATIONS <= 10^9, 2 <= SIZE <= 4096)
 * draws ITERATIONS points into a SIZE x SIZE bitmap;
 * prints the segment counts, the number of black pixels, an FNV-1a hash of
 * the bitmap (row by row, 1 = white, 0 = black) and the final point.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    double x, y, z;
} GVector;

static GVector vec(double x, double y, double z) {
    GVector v = {x, y, z};
    return v;
}

static double mag(GVector v) { return sqrt(v.x * v.x + v.y * v.y + v.z * v.z); }

static double dist(GVector a, GVector b) {
    return sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) + (a.z - b.z) * (a.z - b.z));
}

static GVector sub(GVector a, GVector b) { return vec(a.x - b.x, a.y - b.y, a.z - b.z); }

/* l1 * a + l2 * b, component-wise. */
static GVector linear_combination(GVector a, GVector b, double l1, double l2) {
    return vec(a.x * l1 + b.x * l2, a.y * l1 + b.y * l2, a.z * l1 + b.z * l2);
}

#define MAXPOINTS 8
#define MAXKNOTS 10

typedef struct {
    GVector points[MAXPOINTS];
    int npoints;
    int degree;
    double knots[MAXKNOTS];
    int nknots;
} Spline;

static double domain_start(const Spline *s) { return s->knots[s->degree - 1]; }
static double domain_end(const Spline *s) { return s->knots[s->nknots - s->degree]; }

/* The knot span holding u (pyperformance's Spline.GetIndex). */
static int get_index(const Spline *s, double u) {
    for (int ii = s->degree - 1; ii < s->nknots - s->degree; ii++)
        if (u >= s->knots[ii] && u < s->knots[ii + 1]) return ii;
    return (int) domain_end(s) - 1;
}

/* The spline's point at parameter u by de Boor's algorithm; u must lie in the domain. */
static GVector spline_at(const Spline *s, double u) {
    if (u < domain_start(s) || u > domain_end(s)) {
        fprintf(stderr, "chaos: spline parameter %g not in domain\n", u);
        exit(3);
    }
    if (u == domain_start(s)) return s->points[0];
    if (u == domain_end(s)) return s->points[s->npoints - 1];
    int I = get_index(s, u), deg = s->degree;
    GVector d[MAXPOINTS];
    for (int ii = 0; ii <= deg; ii++) d[ii] = s->points[I - deg + 1 + ii];
    const double *U = s->knots;
    for (int ik = 1; ik <= deg; ik++) {
        for (int ii = I - deg + ik + 1; ii < I + 2; ii++) {
            double ua = U[ii + deg - ik], ub = U[ii - 1];
            double co1 = (ua - u) / (ua - ub), co2 = (u - ub) / (ua - ub);
            int index = ii - I + deg - ik - 1;
            d[index] = linear_combination(d[index], d[index + 1], co1, co2);
        }
    }
    return d[0];
}

/* xorshift64* (Vigna 2016): 64-bit state, high 32 bits of the product as output. */
static uint64_t rng_state;

static uint32_t rng_next(void) {
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t) ((rng_state * 2685821657736338717ull) >> 32);
}

/* A random integer in [0, n), n >= 1 (Python's random.randrange(n)); modulo bias is irrelevant here. */
static int randrange(int n) { return (int) (rng_next() % (uint32_t) n); }

#define NSPLINES 3

typedef struct {
    Spline splines[NSPLINES];
    double thickness;
    double minx, miny, maxx, maxy, width, height;
    int num_trafos[NSPLINES];
    int num_total;
} Chaosgame;

static void chaos_init(Chaosgame *g, double thickness) {
    g->thickness = thickness;
    g->minx = g->miny = INFINITY;
    g->maxx = g->maxy = -INFINITY;
    for (int k = 0; k < NSPLINES; k++) {
        const Spline *s = &g->splines[k];
        for (int i = 0; i < s->npoints; i++) {
            GVector p = s->points[i];
            if (p.x < g->minx) g->minx = p.x;
            if (p.y < g->miny) g->miny = p.y;
            if (p.x > g->maxx) g->maxx = p.x;
            if (p.y > g->maxy) g->maxy = p.y;
        }
    }
    g->height = g->maxy - g->miny;
    g->width = g->maxx - g->minx;
    double maxlength = thickness * g->width / g->height;
    g->num_total = 0;
    for (int k = 0; k < NSPLINES; k++) {
        /* Length of the spline over t in [0, 1], by 999 chords. */
        double length = 0;
        GVector curr = spline_at(&g->splines[k], 0);
        for (int i = 1; i < 1000; i++) {
            GVector last = curr;
            double t = 1.0 / 999 * i;
            curr = spline_at(&g->splines[k], t);
            length += dist(curr, last);
        }
        int n = (int) (length / maxlength * 1.5);
        g->num_trafos[k] = n > 1 ? n : 1;
        g->num_total += g->num_trafos[k];
    }
}

/* Picks a spline (weighted by its segment count) and one of its segments. */
static void random_trafo(const Chaosgame *g, int *spline, int *segment) {
    int r = randrange(g->num_total + 1), l = 0;
    for (int i = 0; i < NSPLINES; i++) {
        if (r >= l && r < l + g->num_trafos[i]) {
            *spline = i;
            *segment = randrange(g->num_trafos[i]);
            return;
        }
        l += g->num_trafos[i];
    }
    *spline = NSPLINES - 1;
    *segment = randrange(g->num_trafos[NSPLINES - 1]);
}

static GVector transform_point(const Chaosgame *g, GVector point) {
    double x = (point.x - g->minx) / g->width;
    double y = (point.y - g->miny) / g->height;
    int k, segment;
    random_trafo(g, &k, &segment);
    const Spline *s = &g->splines[k];
    double start = domain_start(s), end = domain_end(s);
    double seg_length = (end - start) / g->num_trafos[k];
    double t = start + seg_length * segment + seg_length * x;
    GVector basepoint = spline_at(s, t), derivative;
    if (t + 1.0 / 50000 > end) derivative = sub(spline_at(s, t - 1.0 / 50000), basepoint);
    else derivative = sub(basepoint, spline_at(s, t + 1.0 / 50000));
    double m = mag(derivative);
    if (m != 0) {
        basepoint.x += derivative.y / m * (y - 0.5) * g->thickness;
        basepoint.y += -derivative.x / m * (y - 0.5) * g->thickness;
    }
    /* truncate to the bounding box */
    if (basepoint.x >= g->maxx) basepoint.x = g->maxx;
    if (basepoint.y >= g->maxy) basepoint.y = g->maxy;
    if (basepoint.x < g->minx) basepoint.x = g->minx;
    if (basepoint.y < g->miny) basepoint.y = g->miny;
    return basepoint;
}

static long parse(const char *s, long lo, long hi) {
    char *end;
    long v = strtol(s, &end, 10);
    return (*s == '\0' || *end != '\0' || v < lo || v > hi) ? -1 : v;
}

int main(int argc, char **argv) {
    long iterations = argc == 3 ? parse(argv[1], 1, 1000000000) : -1;
    long size = argc == 3 ? parse(argv[2], 2, 4096) : -1;
    if (iterations < 0 || size < 0) {
        fprintf(stderr, "usage: chaos ITERATIONS SIZE   (1 <= ITERATIONS <= 10^9, 2 <= SIZE <= 4096)\n");
        return 2;
    }
    static Chaosgame g = {
        .splines = {
            {{{1.597350, 3.304460, 0}, {1.575810, 4.123260, 0}, {1.313210, 5.288350, 0},
              {1.618900, 5.329910, 0}, {2.889940, 5.502700, 0}, {2.373060, 4.381830, 0},
              {1.662000, 4.360280, 0}},
             7, 3, {0, 0, 0, 1, 1, 1, 2, 2, 2}, 9},
            {{{2.804500, 4.017350, 0}, {2.550500, 3.525230, 0}, {1.979010, 2.620360, 0},
              {1.979010, 2.620360, 0}},
             4, 3, {0, 0, 0, 1, 1, 1}, 6},
            {{{2.001670, 4.011320, 0}, {2.335040, 3.312830, 0}, {2.366800, 3.233460, 0},
              {2.366800, 3.233460, 0}},
             4, 3, {0, 0, 0, 1, 1, 1}, 6},
        },
    };
    chaos_init(&g, 0.25);

    int w = (int) size, h = (int) size;
    unsigned char *im = malloc((size_t) w * (size_t) h); /* im[x * h + y]: 1 white, 0 black */
    if (im == NULL) {
        fprintf(stderr, "chaos: out of memory\n");
        return 3;
    }
    for (long i = 0; i < (long) w * h; i++) im[i] = 1;
    rng_state = 1234;
    GVector point = vec((g.maxx + g.minx) / 2, (g.maxy + g.miny) / 2, 0);
    for (long i = 0; i < iterations; i++) {
        point = transform_point(&g, point);
        int x = (int) ((point.x - g.minx) / g.width * w);
        int y = (int) ((point.y - g.miny) / g.height * h);
        if (x == w) x--;
        if (y == h) y--;
        im[(long) x * h + (h - y - 1)] = 0;
    }

    long black = 0;
    uint32_t hash = 2166136261u;
    for (int j = 0; j < h; j++) {
        for (int i = 0; i < w; i++) {
            unsigned char v = im[(long) i * h + j];
            black += v == 0;
            hash = (hash ^ v) * 16777619u;
        }
    }
    free(im);
    printf("num_trafos: %d %d %d (total %d)\n", g.num_trafos[0], g.num_trafos[1], g.num_trafos[2], g.num_total);
    printf("black pixels: %ld of %d\n", black, w * h);
    printf("image hash: %08x\n", (unsigned) hash);
    printf("last point: (%.9f, %.9f)\n", point.x, point.y);
    return 0;
}
