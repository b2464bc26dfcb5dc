// WASI file test for `tailbench run --dir`: prints argv, an env variable, the file argv[1],
// writes out.txt beside it, lists the directory, shows that ../ escapes fail, and exits with 3.
// Built with: clang-19 --target=wasm32-wasi --sysroot=/usr -O2 -Wl,--strip-debug files.c -o files.wasm
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv) {
    for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    const char *g = getenv("GREETING");
    printf("GREETING=%s\n", g ? g : "(unset)");
    FILE *f = fopen(argv[1], "r");
    if (!f) { printf("open %s: %s\n", argv[1], strerror(errno)); return 2; }
    char buf[256];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    printf("content=%s\n", buf);
    FILE *o = fopen("/data/out.txt", "w");
    if (!o) { printf("create: %s\n", strerror(errno)); return 2; }
    fprintf(o, "written by wasm\n");
    fclose(o);
    DIR *d = opendir("/data");
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) if (e->d_name[0] != '.') count++;
    closedir(d);
    printf("entries=%d\n", count);
    FILE *x = fopen("/data/../escape.txt", "w");
    printf("escape=%s\n", x ? "allowed" : "refused");
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    printf("year>=2024: %d\n", ts.tv_sec > 1704067200);
    return 3;
}
