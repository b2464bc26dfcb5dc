// GraalWasm reproducer: open a directory below a preopen and fstat it, as CPython does for
// /lib/python3.13 (sys.path entries) at start-up.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void probe(const char *path) {
    struct stat st;
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    if (fd < 0) { printf("open(%s): %s\n", path, strerror(errno)); return; }
    if (fstat(fd, &st) != 0) printf("fstat(open(%s)): %s\n", path, strerror(errno));
    else printf("fstat(open(%s)): ok, directory=%d\n", path, S_ISDIR(st.st_mode));
    if (stat(path, &st) != 0) printf("stat(%s): %s\n", path, strerror(errno));
    else printf("stat(%s): ok\n", path);
    DIR *d = fdopendir(fd);
    if (!d) { printf("fdopendir(%s): %s\n", path, strerror(errno)); close(fd); return; }
    int n = 0;
    errno = 0;
    while (readdir(d)) n++;
    printf("readdir(%s): %d entries%s%s\n", path, n, errno ? ", then " : "", errno ? strerror(errno) : "");
    closedir(d);
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) probe(argv[i]);
    return 0;
}
