package org.tailbench.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tailbench.runtime.Memory;
import org.tailbench.wasm.Limits;

/**
 * Calls the preview 1 host functions directly on a one-page {@link Memory}, as a guest would,
 * and checks results against wasi_snapshot_preview1.witx (errno numbers, struct layouts).
 */
class WasiHostTest {
    @TempDir Path tmp;
    Path root;
    Memory mem;
    GuestMemory gm;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    Wasi wasi;
    Map<String, Preview1.Impl> fns;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectory(tmp.resolve("root"));
        mem = new Memory(new Limits(1, 1), 1);
        gm = new GuestMemory(mem);
        wasi = Wasi.builder().args(List.of("prog", "a b", "ü")).env(Map.of("HOME", "/sandbox"))
                .preopen(root, "/sandbox").stdout(out).stderr(err)
                .stdin(new ByteArrayInputStream("input!".getBytes(StandardCharsets.UTF_8)))
                .randomSeed(42).build();
        fns = Preview1.impls(wasi.context(), false);
    }

    int call(String name, long... args) { return Preview1.invoke(fns.get(name), gm, args); }

    /** Writes {@code s} at {@code addr} and returns its UTF-8 length. */
    int put(long addr, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        mem.write(addr, b, 0, b.length);
        return b.length;
    }

    String str(long addr, int len) { return new String(mem.read(addr, len), StandardCharsets.UTF_8); }

    int open(String path, int oflags, long rights) {
        int len = put(1000, path);
        int e = call("path_open", 3, 1, 1000, len, oflags, rights, 0, 0, 2000);
        return e == 0 ? mem.load32(2000) : -e;
    }

    static final long READ = 1L << 1, WRITE = 1L << 6;

    @Test
    void fdWriteGathersIovecsToStdout() {
        put(100, "Hello, ");
        put(200, "world\n");
        mem.store32(300, 100); mem.store32(304, 7);
        mem.store32(308, 200); mem.store32(312, 6);
        assertThat(call("fd_write", 1, 300, 2, 400)).isZero();
        assertThat(mem.load32(400)).isEqualTo(13);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Hello, world\n");
        assertThat(call("fd_write", 2, 300, 1, 400)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Hello, ");
    }

    @Test
    void outOfBoundsPointersGiveEfault() {
        mem.store32(300, 65530); mem.store32(304, 10); // buffer crosses the end of memory
        assertThat(call("fd_write", 1, 300, 1, 400)).isEqualTo(21);
        mem.store32(304, 2);
        assertThat(call("fd_write", 1, 300, 1, 65534)).isEqualTo(21); // nwritten_ptr out of bounds
        assertThat(call("fd_write", 1, -8, 1, 400)).isEqualTo(21);    // iovs at 0xFFFFFFF8
        assertThat(call("args_sizes_get", 65535, 0)).isEqualTo(21);
        assertThat(call("random_get", 65000, 1000)).isEqualTo(21);
        assertThat(out.size()).isZero();
    }

    @Test
    void noMemoryGivesEfault() {
        assertThat(Preview1.invoke(fns.get("fd_write"), new GuestMemory(null), new long[] {1, 0, 0, 0})).isEqualTo(21);
    }

    @Test
    void argsAreNulTerminatedUtf8() {
        assertThat(call("args_sizes_get", 0, 4)).isZero();
        assertThat(mem.load32(0)).isEqualTo(3);
        assertThat(mem.load32(4)).isEqualTo(5 + 4 + 3); // "prog\0" "a b\0" "ü\0" (ü is 2 bytes)
        assertThat(call("args_get", 100, 200)).isZero();
        assertThat(mem.load32(100)).isEqualTo(200);
        assertThat(mem.load32(104)).isEqualTo(205);
        assertThat(mem.load32(108)).isEqualTo(209);
        assertThat(str(200, 12)).isEqualTo("prog\0a b\0ü\0");
        assertThat(call("environ_sizes_get", 0, 4)).isZero();
        assertThat(mem.load32(0)).isEqualTo(1);
        assertThat(mem.load32(4)).isEqualTo("HOME=/sandbox".length() + 1);
        assertThat(call("environ_get", 100, 200)).isZero();
        assertThat(str(200, 14)).isEqualTo("HOME=/sandbox\0");
    }

    @Test
    void stdinReads() {
        mem.store32(300, 100); mem.store32(304, 64);
        assertThat(call("fd_read", 0, 300, 1, 400)).isZero();
        assertThat(mem.load32(400)).isEqualTo(6);
        assertThat(str(100, 6)).isEqualTo("input!");
        assertThat(call("fd_read", 0, 300, 1, 400)).isZero();
        assertThat(mem.load32(400)).isZero(); // EOF
        assertThat(call("fd_seek", 0, 0, 0, 400)).isEqualTo(70); // ESPIPE
    }

    @Test
    void prestatNamesThePreopen() {
        assertThat(call("fd_prestat_get", 3, 100)).isZero();
        assertThat(mem.load8(100)).isZero(); // tag dir
        assertThat(mem.load32(104)).isEqualTo("/sandbox".length());
        assertThat(call("fd_prestat_dir_name", 3, 200, 8)).isZero();
        assertThat(str(200, 8)).isEqualTo("/sandbox");
        assertThat(call("fd_prestat_get", 4, 100)).isEqualTo(8); // EBADF ends wasi-libc's preopen scan
        assertThat(call("fd_prestat_get", 1, 100)).isEqualTo(8);
    }

    @Test
    void fdstatOfStdoutIsACharacterDeviceWithoutSeek() {
        assertThat(call("fd_fdstat_get", 1, 100)).isZero();
        assertThat(mem.load8(100)).isEqualTo((byte) 2);
        long rights = mem.load64(108);
        assertThat(rights & (1L << 2)).isZero();   // fd_seek
        assertThat(rights & (1L << 5)).isZero();   // fd_tell
        assertThat(call("fd_fdstat_get", 3, 100)).isZero();
        assertThat(mem.load8(100)).isEqualTo((byte) 3);
        assertThat(call("fd_fdstat_get", 99, 100)).isEqualTo(8);
    }

    @Test
    void createWriteSeekReadStat() throws Exception {
        int fd = open("data.txt", 1 | 8, READ | WRITE); // creat|trunc
        assertThat(fd).isEqualTo(4);
        put(100, "0123456789");
        mem.store32(300, 100); mem.store32(304, 10);
        assertThat(call("fd_write", fd, 300, 1, 400)).isZero();
        assertThat(Files.readString(root.resolve("data.txt"))).isEqualTo("0123456789");
        assertThat(call("fd_seek", fd, -4, 2, 400)).isZero(); // END - 4
        assertThat(mem.load64(400)).isEqualTo(6);
        mem.store32(300, 500); mem.store32(304, 100);
        assertThat(call("fd_read", fd, 300, 1, 400)).isZero();
        assertThat(mem.load32(400)).isEqualTo(4);
        assertThat(str(500, 4)).isEqualTo("6789");
        assertThat(call("fd_tell", fd, 400)).isZero();
        assertThat(mem.load64(400)).isEqualTo(10);
        assertThat(call("fd_pread", fd, 300, 1, 2, 400)).isZero();
        assertThat(str(500, 8)).isEqualTo("23456789");
        assertThat(call("fd_filestat_get", fd, 600)).isZero();
        assertThat(mem.load8(616)).isEqualTo((byte) 4); // regular file
        assertThat(mem.load64(632)).isEqualTo(10);      // size
        assertThat(call("fd_seek", fd, -20, 1, 400)).isEqualTo(28); // before the start: EINVAL
        assertThat(call("fd_close", fd)).isZero();
        assertThat(call("fd_close", fd)).isEqualTo(8);
        assertThat(open("data.txt", 1 | 4, WRITE)).isEqualTo(-20); // creat|excl on existing: EEXIST
        assertThat(open("missing.txt", 0, READ)).isEqualTo(-44);   // ENOENT
    }

    @Test
    void appendWritesAtTheEnd() throws Exception {
        Files.writeString(root.resolve("log"), "abc");
        int len = put(1000, "log");
        assertThat(call("path_open", 3, 0, 1000, len, 0, WRITE, 0, 1, 2000)).isZero(); // fdflags append
        int fd = mem.load32(2000);
        put(100, "de");
        mem.store32(300, 100); mem.store32(304, 2);
        assertThat(call("fd_write", fd, 300, 1, 400)).isZero();
        assertThat(Files.readString(root.resolve("log"))).isEqualTo("abcde");
    }

    @Test
    void dotDotAbsoluteAndSymlinkEscapesAreRefused() throws Exception {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectory(root.resolve("sub"));
        Files.writeString(root.resolve("inside.txt"), "ok");
        Files.createSymbolicLink(root.resolve("rel"), Path.of("../outside"));
        Files.createSymbolicLink(root.resolve("abs"), outside);
        Files.createSymbolicLink(root.resolve("file-link"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(root.resolve("good-link"), Path.of("sub/../inside.txt"));

        assertThat(open("../outside/secret.txt", 0, READ)).isEqualTo(-76);
        assertThat(open("sub/../../outside/secret.txt", 0, READ)).isEqualTo(-76);
        assertThat(open(outside.resolve("secret.txt").toString(), 0, READ)).isEqualTo(-76);
        assertThat(open("rel/secret.txt", 0, READ)).isEqualTo(-76);
        assertThat(open("abs/secret.txt", 0, READ)).isEqualTo(-76);
        assertThat(open("file-link", 0, READ)).isEqualTo(-76);
        // staying inside is fine, also through .. and a relative symlink
        assertThat(open("sub/../inside.txt", 0, READ)).isPositive();
        assertThat(open("good-link", 0, READ)).isPositive();
        // stat and mkdir are confined too
        int len = put(1000, "rel/secret.txt");
        assertThat(call("path_filestat_get", 3, 1, 1000, len, 3000)).isEqualTo(76);
        len = put(1000, "../escaped");
        assertThat(call("path_create_directory", 3, 1000, len)).isEqualTo(76);
        assertThat(Files.exists(tmp.resolve("escaped"))).isFalse();
    }

    @Test
    void symlinkLoopGivesEloop() throws Exception {
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("a"));
        assertThat(open("a", 0, READ)).isEqualTo(-32);
    }

    @Test
    void directoryOperations() throws Exception {
        int len = put(1000, "d");
        assertThat(call("path_create_directory", 3, 1000, len)).isZero();
        assertThat(Files.isDirectory(root.resolve("d"))).isTrue();
        assertThat(call("path_create_directory", 3, 1000, len)).isEqualTo(20); // EEXIST
        Files.writeString(root.resolve("d/f"), "x");
        assertThat(call("path_remove_directory", 3, 1000, len)).isEqualTo(55); // ENOTEMPTY
        assertThat(call("path_unlink_file", 3, 1000, len)).isEqualTo(31);      // EISDIR
        int from = put(1000, "d/f"), to = put(1100, "g");
        assertThat(call("path_rename", 3, 1000, from, 3, 1100, to)).isZero();
        assertThat(Files.readString(root.resolve("g"))).isEqualTo("x");
        len = put(1000, "d");
        assertThat(call("path_remove_directory", 3, 1000, len)).isZero();
        len = put(1000, "g");
        assertThat(call("path_unlink_file", 3, 1000, len)).isZero();
        assertThat(Files.exists(root.resolve("g"))).isFalse();
    }

    @Test
    void readdirListsDotEntriesThenSortedNames() throws Exception {
        Files.writeString(root.resolve("b.txt"), "");
        Files.createDirectory(root.resolve("a"));
        assertThat(call("fd_readdir", 3, 100, 1000, 0, 50)).isZero();
        int used = mem.load32(50);
        assertThat(used).isEqualTo(24 * 4 + 1 + 2 + 1 + 5);
        String[] names = new String[4];
        int[] types = new int[4];
        long p = 100;
        for (int i = 0; i < 4; i++) {
            assertThat(mem.load64(p)).isEqualTo(i + 1); // d_next cookie
            int n = mem.load32(p + 16);
            types[i] = mem.load8(p + 20);
            names[i] = str(p + 24, n);
            p += 24 + n;
        }
        assertThat(names).containsExactly(".", "..", "a", "b.txt");
        assertThat(types).containsExactly(3, 3, 3, 4);
        // resume from cookie 3 with a buffer too small for the whole entry: truncated, bufused == buf_len
        assertThat(call("fd_readdir", 3, 100, 10, 3, 50)).isZero();
        assertThat(mem.load32(50)).isEqualTo(10);
    }

    @Test
    void pathReadlinkAndSymlink() throws Exception {
        int t = put(1000, "target.txt"), n = put(1100, "ln");
        assertThat(call("path_symlink", 1000, t, 3, 1100, n)).isZero();
        assertThat(Files.readSymbolicLink(root.resolve("ln"))).isEqualTo(Path.of("target.txt"));
        assertThat(call("path_readlink", 3, 1100, n, 2000, 100, 50)).isZero();
        assertThat(mem.load32(50)).isEqualTo(10);
        assertThat(str(2000, 10)).isEqualTo("target.txt");
        int abs = put(1000, "/etc/passwd");
        n = put(1100, "ln2");
        assertThat(call("path_symlink", 1000, abs, 3, 1100, n)).isEqualTo(76);
    }

    @Test
    void clocks() {
        long before = System.currentTimeMillis() * 1_000_000L;
        assertThat(call("clock_time_get", 0, 1, 100)).isZero();
        long rt = mem.load64(100);
        assertThat(rt).isBetween(before - 1_000_000_000L, before + 60_000_000_000L);
        assertThat(call("clock_time_get", 1, 1, 100)).isZero();
        long m1 = mem.load64(100);
        assertThat(call("clock_time_get", 1, 1, 100)).isZero();
        assertThat(mem.load64(100)).isGreaterThanOrEqualTo(m1);
        assertThat(call("clock_time_get", 2, 1, 100)).isZero();
        assertThat(mem.load64(100)).isPositive();
        assertThat(call("clock_time_get", 3, 1, 100)).isZero();
        assertThat(mem.load64(100)).isPositive();
        assertThat(call("clock_time_get", 7, 1, 100)).isEqualTo(28); // EINVAL
        assertThat(call("clock_res_get", 1, 100)).isZero();
        assertThat(mem.load64(100)).isPositive();
    }

    @Test
    void seededRandomIsReproducible() {
        assertThat(call("random_get", 100, 32)).isZero();
        byte[] expected = new byte[32];
        new Random(42).nextBytes(expected);
        assertThat(mem.read(100, 32)).isEqualTo(expected);
    }

    @Test
    void pollOneoffSleepsForARelativeClock() {
        long sub = 100;
        mem.store64(sub, 0xABCDL);      // userdata
        mem.store8(sub + 8, (byte) 0);  // clock
        mem.store32(sub + 16, 1);       // monotonic
        mem.store64(sub + 24, 20_000_000L); // 20 ms
        long t0 = System.nanoTime();
        assertThat(call("poll_oneoff", sub, 300, 1, 50)).isZero();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(20_000_000L);
        assertThat(mem.load32(50)).isEqualTo(1);
        assertThat(mem.load64(300)).isEqualTo(0xABCDL);
        assertThat(mem.load16(308)).isZero();  // error
        assertThat(mem.load8(310)).isZero();   // type clock
        assertThat(call("poll_oneoff", sub, 300, 0, 50)).isEqualTo(28);
    }

    @Test
    void pollOneoffReportsFdsReady() {
        long sub = 100;
        mem.store64(sub, 7);
        mem.store8(sub + 8, (byte) 2); // fd_write
        mem.store32(sub + 16, 1);
        mem.store64(sub + 48, 8);
        mem.store8(sub + 56, (byte) 0); // plus a 1 s clock, which must not be waited for
        mem.store32(sub + 64, 1);
        mem.store64(sub + 72, 1_000_000_000L);
        long t0 = System.nanoTime();
        assertThat(call("poll_oneoff", sub, 300, 2, 50)).isZero();
        assertThat(System.nanoTime() - t0).isLessThan(500_000_000L);
        assertThat(mem.load32(50)).isEqualTo(1);
        assertThat(mem.load64(300)).isEqualTo(7);
        assertThat(mem.load8(310)).isEqualTo((byte) 2);
    }

    @Test
    void procExitUnwindsWithTheCode() {
        assertThatThrownBy(() -> call("proc_exit", 3)).isInstanceOf(WasiExit.class)
                .satisfies(e -> assertThat(((WasiExit) e).code()).isEqualTo(3));
    }

    @Test
    void wasiUnstableUsesItsOwnWhenceAndFilestatLayout() throws Exception {
        Files.writeString(root.resolve("u.txt"), "0123456789");
        Map<String, Preview1.Impl> old = Preview1.impls(wasi.context(), true);
        int fd = open("u.txt", 0, READ);
        // wasi_unstable whence: CUR=0, END=1, SET=2
        assertThat(Preview1.invoke(old.get("fd_seek"), gm, new long[] {fd, -3, 1, 400})).isZero();
        assertThat(mem.load64(400)).isEqualTo(7);
        assertThat(Preview1.invoke(old.get("fd_seek"), gm, new long[] {fd, 2, 2, 400})).isZero();
        assertThat(mem.load64(400)).isEqualTo(2);
        // filestat (56 bytes): filetype u8 @16, nlink u32 @20, size u64 @24
        assertThat(Preview1.invoke(old.get("fd_filestat_get"), gm, new long[] {fd, 600})).isZero();
        assertThat(mem.load8(616)).isEqualTo((byte) 4);
        assertThat(mem.load32(620)).isEqualTo(1);
        assertThat(mem.load64(624)).isEqualTo(10);
    }

    @Test
    void renumberAndResize() throws Exception {
        int fd = open("r.txt", 1, READ | WRITE);
        assertThat(call("fd_filestat_set_size", fd, 100)).isZero();
        assertThat(Files.size(root.resolve("r.txt"))).isEqualTo(100);
        assertThat(call("fd_filestat_set_size", fd, 5)).isZero();
        assertThat(Files.size(root.resolve("r.txt"))).isEqualTo(5);
        int other = open("r.txt", 0, READ);
        assertThat(call("fd_renumber", fd, other)).isZero();
        assertThat(call("fd_fdstat_get", fd, 100)).isEqualTo(8); // moved away
        assertThat(call("fd_fdstat_get", other, 100)).isZero();
        assertThat(mem.load64(108) & WRITE).isEqualTo(WRITE);     // the writable one now sits at `other`
        assertThat(call("fd_renumber", 77, other)).isEqualTo(8);
    }

    @Test
    void unimplementedFunctionsAnswerEnosys() {
        assertThat(call("proc_raise", 6)).isEqualTo(52);
        assertThat(call("sched_yield")).isZero();
    }
}
