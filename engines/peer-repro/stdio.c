// GraalWasm reproducer: what CPython checks before it creates sys.stdin/stdout/stderr
// (Python/pylifecycle.c is_valid_fd -> fstat; create_stdio): fd_fdstat_get and fd_filestat_get on 0, 1, 2.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

int main(void) {
    char buf[200];
    for (int fd = 0; fd <= 2; fd++) {
        struct stat st;
        int r = fstat(fd, &st);
        int fl = fcntl(fd, F_GETFL);
        int n = snprintf(buf, sizeof buf, "fd %d: fstat %s (mode %o), fcntl(F_GETFL) %s\n", fd,
                         r == 0 ? "ok" : strerror(errno), r == 0 ? (unsigned) st.st_mode : 0u,
                         fl >= 0 ? "ok" : strerror(errno));
        write(1, buf, n);
    }
    return 0;
}
