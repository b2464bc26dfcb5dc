package org.tailbench.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.runtime.Memory;
import org.tailbench.wasm.Limits;

/**
 * The capability side of the preview 1 host beside the official suite (engines/testkit WasiConformanceTest): the
 * preopen sandbox against escapes, rights narrowing, trailing-slash rules, sockets and the errno mapping.
 * Expected errnos are the witx numbers (NOTCAPABLE 76, NOENT 44, NOTDIR 54, ISDIR 31, EXIST 20, PERM 63,
 * NOTEMPTY 55, BADF 8, NOTSOCK 57, ...) of what wasmtime returns for the same call on Linux.
 */
class WasiCapabilityTest {
    static final int BADF = 8, EXIST = 20, ISDIR = 31, LOOP = 32, NOENT = 44, NOTDIR = 54, NOTEMPTY = 55,
            NOTSOCK = 57, PERM = 63, NOTCAPABLE = 76;
    static final long READ = 1L << 1, WRITE = 1L << 6, SEEK = 1L << 2, TELL = 1L << 5, PATH_OPEN = 1L << 13,
            PATH_FILESTAT_SET_SIZE = 1L << 19, FILESTAT_GET = 1L << 21;
    static final int CREAT = 1, DIRECTORY = 2, TRUNC = 8;

    @TempDir Path tmp;
    Path root, outside;
    Memory mem;
    GuestMemory gm;
    java.util.Map<String, Preview1.Impl> fns;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(tmp.resolve("root"));
        outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        mem = new Memory(new Limits(1, 1), 1);
        gm = new GuestMemory(mem);
        Wasi wasi = Wasi.builder().args(List.of("prog")).preopen(root, "/").stdout(new ByteArrayOutputStream())
                .stderr(new ByteArrayOutputStream()).build();
        fns = Preview1.impls(wasi.context(), false);
    }

    int call(String name, long... args) { return Preview1.invoke(fns.get(name), gm, args); }

    int put(long addr, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        mem.write(addr, b, 0, b.length);
        return b.length;
    }

    /** path_open relative to {@code dirFd}, following symlinks; @return the new fd, or minus the errno */
    int open(int dirFd, String path, int oflags, long rights) {
        int len = put(1000, path);
        int e = call("path_open", dirFd, 1, 1000, len, oflags, rights, 0, 0, 2000);
        return e == 0 ? mem.load32(2000) : -e;
    }

    /** A path call {@code name(fd, path, path_len)} (path_unlink_file, path_remove_directory, path_create_directory). */
    int pathCall(String name, int fd, String path) {
        int len = put(1000, path);
        return call(name, fd, 1000, len);
    }

    int symlink(String target, int fd, String path) {
        int t = put(1000, target), n = put(1100, path);
        return call("path_symlink", 1000, t, fd, 1100, n);
    }

    long fdstatRightsBase(int fd) {
        assertThat(call("fd_fdstat_get", fd, 3000)).isZero();
        return mem.load64(3008);
    }

    // --- the sandbox ---

    @Test
    void intermediateSymlinkedDirectoriesCannotLeadOut() throws IOException {
        Files.createDirectories(root.resolve("a/b"));
        Files.createSymbolicLink(root.resolve("a/b/up"), Path.of("../.."));       // = root: allowed
        Files.createSymbolicLink(root.resolve("a/b/upup"), Path.of("../../.."));  // above root
        Files.createSymbolicLink(root.resolve("via"), Path.of("a/b/upup"));       // a link to a link that escapes
        Files.createSymbolicLink(root.resolve("a/out"), Path.of("b/up/../outside")); // .. after a link, out
        Files.writeString(root.resolve("inside.txt"), "ok");

        assertThat(open(3, "a/b/up/inside.txt", 0, READ)).isPositive();
        assertThat(open(3, "a/b/upup/outside/secret.txt", 0, READ)).isEqualTo(-NOTCAPABLE);
        assertThat(open(3, "via/outside/secret.txt", 0, READ)).isEqualTo(-NOTCAPABLE);
        assertThat(open(3, "a/out/secret.txt", 0, READ)).isEqualTo(-NOTCAPABLE);
        assertThat(open(3, "a/b/up/../outside/secret.txt", 0, READ)).isEqualTo(-NOTCAPABLE);
        assertThat(pathCall("path_create_directory", 3, "via/made")).isEqualTo(NOTCAPABLE);
        assertThat(Files.exists(tmp.resolve("made"))).isFalse();
    }

    @Test
    void guestMadeRelativeLinksOutAreCreatedButNeverFollowedOut() {
        assertThat(symlink("../outside", 3, "esc")).isZero(); // a relative target may be stored (as wasmtime)
        assertThat(open(3, "esc/secret.txt", 0, READ)).isEqualTo(-NOTCAPABLE);
        assertThat(symlink("/etc", 3, "abs")).isEqualTo(NOTCAPABLE);
        int len = put(1000, "esc/secret.txt");
        assertThat(call("path_filestat_get", 3, 1, 1000, len, 3000)).isEqualTo(NOTCAPABLE);
        assertThat(pathCall("path_unlink_file", 3, "esc/secret.txt")).isEqualTo(NOTCAPABLE);
        assertThat(Files.exists(outside.resolve("secret.txt"))).isTrue();
    }

    @Test
    void aDirectoryDescriptorIsACapabilityForWhatIsBelowIt() throws IOException {
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("top.txt"), "top");
        int sub = open(3, "sub", DIRECTORY, 0);
        assertThat(sub).isPositive();
        assertThat(open(sub, "../top.txt", 0, READ)).isEqualTo(-NOTCAPABLE);   // inside the preopen, above sub
        assertThat(open(sub, "/top.txt", 0, READ)).isEqualTo(-NOTCAPABLE);    // absolute
        assertThat(open(3, "sub/../top.txt", 0, READ)).isPositive();          // from the preopen it is fine
    }

    @Test
    void aDirectoryDescriptorWhoseDirectoryWasReplacedByALinkOutFindsNothing() throws IOException {
        assertThat(pathCall("path_create_directory", 3, "d")).isZero();
        int d = open(3, "d", DIRECTORY, 0);
        assertThat(d).isPositive();
        assertThat(pathCall("path_remove_directory", 3, "d")).isZero();
        assertThat(symlink("../outside", 3, "d")).isZero();
        assertThat(open(d, "secret.txt", 0, READ)).isEqualTo(-NOENT);
        assertThat(call("fd_readdir", d, 4000, 1000, 0, 3000)).isEqualTo(NOENT);
        assertThat(call("fd_filestat_get", d, 3000)).isEqualTo(NOENT);
    }

    @Test
    void anOpenFileReplacedByALinkOutIsNotStatOrTouchedThroughIt() throws IOException {
        int f = open(3, "f", CREAT, READ | WRITE);
        assertThat(f).isPositive();
        assertThat(pathCall("path_unlink_file", 3, "f")).isZero();
        assertThat(symlink("../outside/secret.txt", 3, "f")).isZero();
        assertThat(call("fd_filestat_get", f, 3000)).isZero();
        assertThat(mem.load64(3000 + 32)).isZero(); // the open (empty) file's size, not the secret's 6 bytes
        var before = Files.getLastModifiedTime(outside.resolve("secret.txt"));
        assertThat(call("fd_filestat_set_times", f, 0, 1_000_000_000L, 4)).isEqualTo(NOENT);
        assertThat(Files.getLastModifiedTime(outside.resolve("secret.txt"))).isEqualTo(before);
    }

    // --- rights ---

    @Test
    void droppedRightsAreGoneForGood() {
        int f = open(3, "r.txt", CREAT, READ | WRITE | SEEK | TELL);
        assertThat(f).isPositive();
        assertThat(fdstatRightsBase(f) & (READ | WRITE)).isEqualTo(READ | WRITE);
        long base = fdstatRightsBase(f);
        assertThat(call("fd_fdstat_set_rights", f, base & ~(READ | WRITE), 0)).isZero();
        assertThat(fdstatRightsBase(f) & (READ | WRITE)).isZero();
        assertThat(fdstatRightsBase(f) & SEEK).isEqualTo(SEEK);
        mem.store32(300, 100); mem.store32(304, 4);
        assertThat(call("fd_read", f, 300, 1, 400)).isEqualTo(NOTCAPABLE);
        assertThat(call("fd_write", f, 300, 1, 400)).isEqualTo(NOTCAPABLE);
        assertThat(call("fd_seek", f, 0, 0, 400)).isZero();
        assertThat(call("fd_fdstat_set_rights", f, base, 0)).isEqualTo(NOTCAPABLE); // no regaining
        assertThat(call("fd_fdstat_set_rights", f, fdstatRightsBase(f) & ~SEEK, 0)).isZero();
        assertThat(call("fd_seek", f, 1, 0, 400)).isEqualTo(NOTCAPABLE);
        assertThat(call("fd_tell", f, 400)).isZero();                           // fd_tell is still there
        assertThat(call("fd_fdstat_set_rights", 99, 0, 0)).isEqualTo(BADF);
    }

    @Test
    void aDirectorysRightsLimitWhatIsOpenedFromIt() throws IOException {
        Files.writeString(root.resolve("t.txt"), "12345");
        int dir = open(3, ".", DIRECTORY, 0);
        assertThat(call("fd_fdstat_get", dir, 3000)).isZero();
        long base = mem.load64(3008), inheriting = mem.load64(3016);
        // without fd_write in the inheriting rights, no writable file; what is opened lacks the right too
        assertThat(call("fd_fdstat_set_rights", dir, base, inheriting & ~WRITE)).isZero();
        assertThat(open(dir, "t.txt", 0, READ | WRITE)).isEqualTo(-NOTCAPABLE);
        int r = open(dir, "t.txt", 0, READ);
        assertThat(fdstatRightsBase(r) & WRITE).isZero();
        // O_TRUNC needs path_filestat_set_size on the directory (not fd_write: as wasmtime)
        assertThat(open(dir, "t.txt", TRUNC, 0)).isPositive();
        assertThat(root.resolve("t.txt")).isEmptyFile();
        assertThat(call("fd_fdstat_set_rights", dir, base & ~PATH_FILESTAT_SET_SIZE, inheriting)).isEqualTo(NOTCAPABLE);
        assertThat(call("fd_fdstat_set_rights", dir, base & ~PATH_FILESTAT_SET_SIZE, inheriting & ~WRITE)).isZero();
        assertThat(open(dir, "t.txt", TRUNC, 0)).isEqualTo(-NOTCAPABLE);
        assertThat(call("fd_fdstat_set_rights", dir, base & ~PATH_FILESTAT_SET_SIZE & ~PATH_OPEN, inheriting & ~WRITE)).isZero();
        assertThat(open(dir, "t.txt", 0, READ)).isEqualTo(-NOTCAPABLE);
    }

    // --- trailing slashes (a path ending in / names a directory) ---

    @Test
    void aTrailingSlashNeedsADirectory() throws IOException {
        Files.writeString(root.resolve("file"), "x");
        Files.createDirectory(root.resolve("dir"));
        assertThat(open(3, "file/", 0, READ)).isEqualTo(-NOTDIR);
        assertThat(open(3, "file///", 0, READ)).isEqualTo(-NOTDIR);
        assertThat(open(3, "dir/", 0, 0)).isPositive();
        assertThat(pathCall("path_unlink_file", 3, "file/")).isEqualTo(NOTDIR);
        assertThat(pathCall("path_unlink_file", 3, "dir/")).isEqualTo(ISDIR);
        assertThat(pathCall("path_remove_directory", 3, "file/")).isEqualTo(NOTDIR);
        int len = put(1000, "file/");
        assertThat(call("path_filestat_get", 3, 0, 1000, len, 3000)).isEqualTo(NOTDIR);
        assertThat(symlink("x", 3, "new/")).isEqualTo(NOENT);
        assertThat(symlink("x", 3, "dir/")).isEqualTo(EXIST);
        assertThat(symlink("x", 3, "file/")).isEqualTo(NOTDIR);
        int from = put(1000, "file"), to = put(1100, "moved/");
        assertThat(call("path_rename", 3, 1000, from, 3, 1100, to)).isEqualTo(NOTDIR);
        to = put(1100, "link/");
        assertThat(call("path_link", 3, 0, 1000, from, 3, 1100, to)).isEqualTo(NOENT);
        assertThat(root.resolve("file")).hasContent("x");
    }

    // --- errnos from the host ---

    @Test
    void hostFailuresKeepTheirErrno() throws IOException {
        Files.createDirectories(root.resolve("full"));
        Files.writeString(root.resolve("full/f"), "x");
        Files.createDirectory(root.resolve("empty"));
        Files.writeString(root.resolve("file"), "x");
        int from = put(1000, "empty"), to = put(1100, "full");
        assertThat(call("path_rename", 3, 1000, from, 3, 1100, to)).isEqualTo(NOTEMPTY);
        from = put(1000, "file"); to = put(1100, "empty");
        assertThat(call("path_rename", 3, 1000, from, 3, 1100, to)).isEqualTo(ISDIR);
        from = put(1000, "empty"); to = put(1100, "file");
        assertThat(call("path_rename", 3, 1000, from, 3, 1100, to)).isEqualTo(NOTDIR);
        from = put(1000, "empty"); to = put(1100, "hard");
        assertThat(call("path_link", 3, 0, 1000, from, 3, 1100, to)).isEqualTo(PERM);
        assertThat(pathCall("path_remove_directory", 3, "full")).isEqualTo(NOTEMPTY);
        assertThat(symlink("a", 3, "loop")).isZero();
        assertThat(symlink("loop", 3, "a")).isZero();
        assertThat(open(3, "loop", 0, READ)).isEqualTo(-LOOP);
    }

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of(new NoSuchFileException("f"), NOENT),
                Arguments.of(new FileAlreadyExistsException("f"), EXIST),
                Arguments.of(new DirectoryNotEmptyException("d"), NOTEMPTY),
                Arguments.of(new NotDirectoryException("d"), NOTDIR),
                Arguments.of(new AccessDeniedException("f"), 2),
                Arguments.of(new NotLinkException("f"), 28),
                Arguments.of(new FileSystemLoopException("f"), LOOP),
                Arguments.of(new FileSystemException("f", null, "Operation not permitted"), PERM),
                Arguments.of(new FileSystemException("f", "g", "Directory not empty"), NOTEMPTY),
                Arguments.of(new FileSystemException("f", null, "Is a directory"), ISDIR),
                Arguments.of(new FileSystemException("f", null, "Too many levels of symbolic links or unable to access attributes of symbolic link"), LOOP),
                Arguments.of(new FileSystemException("f", null, "Read-only file system"), 69),
                Arguments.of(new FileSystemException("f", "g", "Invalid cross-device link"), 75),
                Arguments.of(new FileSystemException("f", null, "Something new"), 29),
                Arguments.of(new IOException("No space left on device"), 51),
                Arguments.of(new ClosedChannelException(), BADF),
                Arguments.of(new java.io.UncheckedIOException(new NoSuchFileException("f")), NOENT),
                Arguments.of(new java.nio.channels.NonWritableChannelException(), BADF),
                Arguments.of(new java.nio.file.InvalidPathException("a\0b", "NUL"), 28));
    }

    @ParameterizedTest
    @MethodSource("exceptions")
    void oneMappingFromJavaExceptionsToErrnos(Throwable e, int errno) {
        assertThat(Errno.of(e)).isEqualTo(errno);
    }

    // --- sockets ---

    @Test
    void socketCallsOnDescriptorsThatAreNoSockets() {
        assertThat(call("sock_shutdown", 99, 2)).isEqualTo(BADF);
        assertThat(call("sock_shutdown", 1, 2)).isEqualTo(NOTSOCK);
        assertThat(call("sock_shutdown", 3, 2)).isEqualTo(NOTSOCK);
        assertThat(call("sock_send", 0, 0, 0, 0, 0)).isEqualTo(NOTSOCK);
        assertThat(call("sock_recv", 77, 0, 0, 0, 0, 0)).isEqualTo(BADF);
        assertThat(call("sock_accept", 3, 0, 100)).isEqualTo(NOTSOCK);
    }
}
