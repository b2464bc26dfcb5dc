/*
 * raytrace: the toy ray tracer of pyperformance "raytrace" (Callum and Tony
 * Garnock-Jones, 2008). Renders pyperformance's scene - a big yellow sphere,
 * a row of six small spheres and a checkerboard floor, lit by two point lights
 * - with reflections (up to 4 levels), Lambert shading with shadow rays, and
 * ambient light, into a WIDTH x HEIGHT RGB pixel buffer.
 *
 * Differences from pyperformance: vectors and points are C structs passed by
 * value; scene objects are a tagged struct with a switch instead of classes;
 * tan(22.5 degrees) of the 45-degree field of view is a constant (glibc's
 * tan(pi/8), printed with %.17g), so no libm function other than sqrt is used
 * and the native and Wasm builds agree bit for bit. The Python code's quirks
 * are kept: the floor's intersection time is 1/-v (as if the camera were one
 * unit above it), and the checkerboard ignores its checkSize. No PPM file is
 * written; a checksum of the pixel bytes is printed. pyperformance renders
 * 100 x 100 once.
 *
 * Cross-check: a line-by-line transcription of pyperformance's raytrace.py,
 * run on CPython 3.11 with the same FNV-1a hash over its Canvas bytes, gives
 * exactly this program's output:
 * 100 x 100 -> hash 0769a07d, byte sum 1128218; 20 x 20 -> hash 07deb8d2,
 * byte sum 46535 (the smoke size).
 *
 * usage: raytrace WIDTH HEIGHT LOOPS     (2 <= WIDTH, HEIGHT <= 4096, LOOPS >= 1)
 * prints the FNV-1a hash and the byte sum of the pixel buffer (rows bottom-up,
 * RGB, as pyperformance's Canvas stores them) and a few sample pixels.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define EPSILON 0.00001
#define TAN_FOV_HALF 0.41421356237309503 /* tan(pi * 22.5 / 180) */

typedef struct {
    double x, y, z;
} Vec; /* both Vector and Point of the Python code */

static Vec v3(double x, double y, double z) {
    Vec v = {x, y, z};
    return v;
}
static Vec add(Vec a, Vec b) { return v3(a.x + b.x, a.y + b.y, a.z + b.z); }
static Vec sub(Vec a, Vec b) { return v3(a.x - b.x, a.y - b.y, a.z - b.z); }
static Vec scale(Vec a, double f) { return v3(f * a.x, f * a.y, f * a.z); }
static double dot(Vec a, Vec b) { return (a.x * b.x) + (a.y * b.y) + (a.z * b.z); }
static double magnitude(Vec a) { return sqrt(dot(a, a)); }
static Vec normalized(Vec a) { return scale(a, 1.0 / magnitude(a)); }
static Vec cross(Vec a, Vec b) {
    return v3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
}
static Vec reflect_through(Vec a, Vec normal) { return sub(a, scale(scale(normal, dot(a, normal)), 2)); }

typedef struct {
    Vec point, vector; /* vector is unit length */
} Ray;

static Ray ray(Vec point, Vec vector) {
    Ray r = {point, normalized(vector)};
    return r;
}

typedef struct {
    double r, g, b;
} Colour;

static Colour add_colours(Colour a, double s, Colour b) {
    Colour c = {a.r + s * b.r, a.g + s * b.g, a.b + s * b.b};
    return c;
}

typedef struct {
    Colour base, other; /* other: the checkerboard's second colour */
    int checkerboard;
    double specular, lambert, ambient;
} Surface;

typedef struct {
    enum { SPHERE, HALFSPACE } kind;
    Vec centre;    /* sphere centre, or a point of the half-space's plane */
    double radius; /* spheres */
    Vec normal;    /* half-spaces, unit length */
    Surface surface;
} Object;

#define MAXOBJECTS 16
#define MAXLIGHTS 4

typedef struct {
    Object objects[MAXOBJECTS];
    int nobjects;
    Vec lights[MAXLIGHTS];
    int nlights;
    Vec position, looking_at;
    int recursion_depth;
} Scene;

/* Time t at which the ray meets the object, or returns 0 when it does not. */
static int intersection_time(const Object *o, Ray r, double *t) {
    if (o->kind == SPHERE) {
        Vec cp = sub(o->centre, r.point);
        double v = dot(cp, r.vector);
        double discriminant = (o->radius * o->radius) - (dot(cp, cp) - v * v);
        if (discriminant < 0) return 0;
        *t = v - sqrt(discriminant);
        return 1;
    }
    double v = dot(r.vector, o->normal);
    if (v == 0) return 0;
    *t = 1 / -v;
    return 1;
}

static Vec normal_at(const Object *o, Vec p) {
    return o->kind == SPHERE ? normalized(sub(p, o->centre)) : o->normal;
}

static Colour base_colour_at(const Surface *s, Vec p) {
    if (!s->checkerboard) return s->base;
    /* Python's int() truncates toward zero; the arguments are >= 0.5 here. */
    double ax = fabs(p.x) + 0.5, ay = fabs(p.y) + 0.5, az = fabs(p.z) + 0.5;
    double sum = floor(ax) + floor(ay) + floor(az);
    return fmod(sum, 2) != 0 ? s->other : s->base;
}

static Colour ray_colour(Scene *scene, Ray r);

static int light_is_visible(const Scene *scene, Vec l, Vec p) {
    for (int i = 0; i < scene->nobjects; i++) {
        double t;
        if (intersection_time(&scene->objects[i], ray(p, sub(l, p)), &t) && t > EPSILON) return 0;
    }
    return 1;
}

static Colour colour_at(Scene *scene, const Surface *s, Ray r, Vec p, Vec normal) {
    Colour b = base_colour_at(s, p), c = {0, 0, 0};
    if (s->specular > 0) {
        Colour reflected = ray_colour(scene, ray(p, reflect_through(r.vector, normal)));
        c = add_colours(c, s->specular, reflected);
    }
    if (s->lambert > 0) {
        double lambert_amount = 0;
        for (int i = 0; i < scene->nlights; i++) {
            if (!light_is_visible(scene, scene->lights[i], p)) continue;
            double contribution = dot(normalized(sub(scene->lights[i], p)), normal);
            if (contribution > 0) lambert_amount += contribution;
        }
        if (lambert_amount > 1) lambert_amount = 1;
        c = add_colours(c, s->lambert * lambert_amount, b);
    }
    if (s->ambient > 0) c = add_colours(c, s->ambient, b);
    return c;
}

static Colour ray_colour(Scene *scene, Ray r) {
    Colour black = {0, 0, 0};
    if (scene->recursion_depth > 3) return black;
    scene->recursion_depth++;
    const Object *hit = NULL;
    double hit_t = 0;
    for (int i = 0; i < scene->nobjects; i++) { /* firstIntersection */
        double t;
        if (intersection_time(&scene->objects[i], r, &t) && t > -EPSILON && (hit == NULL || t < hit_t)) {
            hit = &scene->objects[i];
            hit_t = t;
        }
    }
    Colour c = black;
    if (hit != NULL) {
        Vec p = add(r.point, scale(r.vector, hit_t));
        c = colour_at(scene, &hit->surface, r, p, normal_at(hit, p));
    }
    scene->recursion_depth--;
    return c;
}

/* Python's max(0, min(255, int(v * 255))), also safe for NaN and huge values. */
static unsigned char to_byte(double v) {
    double s = v * 255;
    if (!(s >= 1)) return 0;
    if (s >= 255) return 255;
    return (unsigned char) s;
}

/* Renders into bytes (width*height*3, rows bottom-up like pyperformance's Canvas). */
static void render(Scene *scene, unsigned char *bytes, int width, int height) {
    double half_width = TAN_FOV_HALF, half_height = 0.75 * half_width;
    double pixel_width = half_width * 2 / (width - 1), pixel_height = half_height * 2 / (height - 1);
    Ray eye = ray(scene->position, sub(scene->looking_at, scene->position));
    Vec vp_right = normalized(cross(eye.vector, v3(0, 1, 0)));
    Vec vp_up = normalized(cross(vp_right, eye.vector));
    for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
            Vec xcomp = scale(vp_right, x * pixel_width - half_width);
            Vec ycomp = scale(vp_up, y * pixel_height - half_height);
            Colour c = ray_colour(scene, ray(eye.point, add(add(eye.vector, xcomp), ycomp)));
            long i = ((long) (height - y - 1) * width + x) * 3;
            bytes[i] = to_byte(c.r);
            bytes[i + 1] = to_byte(c.g);
            bytes[i + 2] = to_byte(c.b);
        }
    }
}

static Surface simple_surface(double r, double g, double b) {
    Surface s = {{r, g, b}, {0, 0, 0}, 0, 0.2, 0.6, 0};
    s.ambient = 1.0 - s.specular - s.lambert;
    return s;
}

static void build_scene(Scene *s) {
    s->nobjects = s->nlights = 0;
    s->recursion_depth = 0;
    s->position = v3(0, 1.8, 10);
    s->lights[s->nlights++] = v3(30, 30, 10);
    s->lights[s->nlights++] = v3(-10, 100, 30);
    s->looking_at = v3(0, 3, 0);
    Object big = {SPHERE, v3(1, 3, -10), 2, v3(0, 0, 0), simple_surface(1, 1, 0)};
    s->objects[s->nobjects++] = big;
    for (int y = 0; y < 6; y++) {
        Object small = {SPHERE, v3(-3 - y * 0.4, 2.3, -5), 0.4, v3(0, 0, 0),
                        simple_surface(y / 6.0, 1 - y / 6.0, 0.5)};
        s->objects[s->nobjects++] = small;
    }
    Object floor_ = {HALFSPACE, v3(0, 0, 0), 0, normalized(v3(0, 1, 0)), simple_surface(1, 1, 1)};
    floor_.surface.checkerboard = 1; /* otherColour (0, 0, 0), checkSize 1 */
    s->objects[s->nobjects++] = floor_;
}

static long parse(const char *s, long lo, long hi) {
    char *end;
    long v = strtol(s, &end, 10);
    return (*s == '\0' || *end != '\0' || v < lo || v > hi) ? -1 : v;
}

int main(int argc, char **argv) {
    long width = argc == 4 ? parse(argv[1], 2, 4096) : -1;
    long height = argc == 4 ? parse(argv[2], 2, 4096) : -1;
    long loops = argc == 4 ? parse(argv[3], 1, 1000000) : -1;
    if (width < 0 || height < 0 || loops < 0) {
        fprintf(stderr, "usage: raytrace WIDTH HEIGHT LOOPS   (2 <= WIDTH, HEIGHT <= 4096, 1 <= LOOPS <= 1000000)\n");
        return 2;
    }
    size_t n = (size_t) width * (size_t) height * 3;
    unsigned char *bytes = malloc(n);
    if (bytes == NULL) {
        fprintf(stderr, "raytrace: out of memory\n");
        return 3;
    }
    for (long l = 0; l < loops; l++) {
        /* A fresh canvas (blue, as pyperformance's Canvas starts) and scene per loop. */
        for (size_t i = 0; i < n; i++) bytes[i] = i % 3 == 2 ? 255 : 0;
        Scene scene;
        build_scene(&scene);
        render(&scene, bytes, (int) width, (int) height);
    }
    uint32_t hash = 2166136261u;
    unsigned long long sum = 0; /* 64-bit also in wasm32, where long is 32-bit */
    for (size_t i = 0; i < n; i++) {
        hash = (hash ^ bytes[i]) * 16777619u;
        sum += bytes[i];
    }
    printf("pixels: %ldx%ld, hash %08x, byte sum %llu\n", width, height, (unsigned) hash, sum);
    long samples[3][2] = {{width / 2, height / 2}, {width / 4, height / 4}, {width / 4, 3 * height / 4}};
    for (int k = 0; k < 3; k++) {
        long x = samples[k][0], y = samples[k][1], i = (y * width + x) * 3;
        printf("pixel(%ld, %ld) = %d %d %d\n", x, y, bytes[i], bytes[i + 1], bytes[i + 2]);
    }
    free(bytes);
    return 0;
}
