// WASI file-system and misc calls for `tailbench run` tests: each line is "name=result".
// The host test puts a symlink "out" in /box pointing outside the preopen, and feeds stdin.
// Built with: clang-19 --target=wasm32-wasi --sysroot=/usr -O2 -Wl,--strip-debug fsops.c -o fsops.wasm
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void say(const char *name, int ok) { printf("%s=%s\n", name, ok ? "ok" : strerror(errno)); }

int main(void) {
    char line[64];
    if (fgets(line, sizeof line, stdin)) printf("stdin=%s", line);
    say("mkdir", mkdir("/box/dir", 0755) == 0);
    struct stat st;
    say("stat-dir", stat("/box/dir", &st) == 0 && S_ISDIR(st.st_mode));
    int fd = open("/box/dir/f.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    say("open-create", fd >= 0);
    say("write", write(fd, "abcdef", 6) == 6);
    close(fd);
    fd = open("/box/dir/f.txt", O_WRONLY | O_APPEND);
    say("append", write(fd, "gh", 2) == 2);
    close(fd);
    fd = open("/box/dir/f.txt", O_RDONLY);
    char buf[16] = {0};
    say("lseek", lseek(fd, 2, SEEK_SET) == 2);
    say("read", read(fd, buf, sizeof buf - 1) == 6 && strcmp(buf, "cdefgh") == 0);
    say("fstat-size", fstat(fd, &st) == 0 && st.st_size == 8 && S_ISREG(st.st_mode));
    close(fd);
    say("rename", rename("/box/dir/f.txt", "/box/g.txt") == 0);
    say("stat-gone", stat("/box/dir/f.txt", &st) != 0 && errno == ENOENT);
    say("rmdir", rmdir("/box/dir") == 0);
    say("symlink", symlink("g.txt", "/box/ln") == 0);
    char target[32] = {0};
    say("readlink", readlink("/box/ln", target, sizeof target - 1) == 5 && strcmp(target, "g.txt") == 0);
    say("unlink", unlink("/box/ln") == 0 && unlink("/box/g.txt") == 0);
    errno = 0;
    printf("escape-symlink=%s\n", open("/box/out/secret.txt", O_RDONLY) < 0 ? "refused" : "allowed");
    printf("escape-dotdot=%s\n", open("/box/../secret.txt", O_RDONLY) < 0 ? "refused" : "allowed");
    struct timespec a, b, d = {0, 20 * 1000 * 1000};
    clock_gettime(CLOCK_MONOTONIC, &a);
    nanosleep(&d, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    long ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
    printf("slept>=20ms=%d\n", ms >= 20);
    unsigned char r[16];
    say("getentropy", getentropy(r, sizeof r) == 0);
    fprintf(stderr, "to stderr\n");
    return 0;
}
