package org.tailbench.wasi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code fd_*} functions of WASI preview 1. Each takes the raw argument values (as in the witx,
 * pointers unsigned 32-bit) and returns an {@link Errno}; failures inside are thrown as {@link WasiError}
 * or {@link IOException} and mapped by the caller ({@link Preview1}, {@link Errno#of}). Each function needs its
 * {@code fd_*} right (witx) on the descriptor: NOTCAPABLE once {@code fd_fdstat_set_rights} dropped it.
 */
final class FdFunctions {
    private final WasiContext ctx;
    private final boolean unstable;

    FdFunctions(WasiContext ctx, boolean unstable) { this.ctx = ctx; this.unstable = unstable; }

    /** fd_write(fd, iovs, iovs_len, nwritten_ptr) */
    int write(GuestMemory m, long[] a) throws IOException {
        FdEntry e = ctx.fds.get(a[0], WasiTypes.RIGHT_FD_WRITE);
        GuestMemory.IoVec[] v = m.iovecs(a[1], a[2]);
        m.check(a[3], 4);
        long total = 0;
        switch (e) {
            case FdEntry.Output o -> {
                for (GuestMemory.IoVec iov : v) { o.out.write(m.read(iov.offset(), iov.length())); total += iov.length(); }
            }
            case FdEntry.File f -> {
                if (!f.writable) throw new WasiError(Errno.BADF);
                if ((f.fdflags & WasiTypes.FDFLAGS_APPEND) != 0) f.channel.position(f.channel.size());
                for (GuestMemory.IoVec iov : v) {
                    ByteBuffer b = m.buffer(iov);
                    while (b.hasRemaining()) total += f.channel.write(b);
                }
            }
            case FdEntry.Dir d -> throw new WasiError(Errno.ISDIR);
            default -> throw new WasiError(Errno.BADF);
        }
        m.put32(a[3], (int) total);
        return Errno.SUCCESS;
    }

    /** fd_read(fd, iovs, iovs_len, nread_ptr): stops at the first short read (EOF reports 0). */
    int read(GuestMemory m, long[] a) throws IOException {
        FdEntry e = ctx.fds.get(a[0], WasiTypes.RIGHT_FD_READ);
        GuestMemory.IoVec[] v = m.iovecs(a[1], a[2]);
        m.check(a[3], 4);
        long total = 0;
        switch (e) {
            case FdEntry.Input in -> {
                for (GuestMemory.IoVec iov : v) {
                    if (iov.length() == 0) continue;
                    byte[] chunk = new byte[iov.length()];
                    int n = in.in.read(chunk, 0, chunk.length);
                    if (n <= 0) break;
                    m.write(iov.offset(), chunk, 0, n);
                    total += n;
                    if (n < iov.length()) break;
                }
            }
            case FdEntry.File f -> {
                if (!f.readable) throw new WasiError(Errno.BADF);
                for (GuestMemory.IoVec iov : v) {
                    if (iov.length() == 0) continue;
                    int n = f.channel.read(m.buffer(iov));
                    if (n <= 0) break;
                    total += n;
                    if (n < iov.length()) break;
                }
            }
            case FdEntry.Dir d -> throw new WasiError(Errno.ISDIR);
            default -> throw new WasiError(Errno.BADF);
        }
        m.put32(a[3], (int) total);
        return Errno.SUCCESS;
    }

    /** fd_pread(fd, iovs, iovs_len, offset, nread_ptr): reads at {@code offset}, leaving the position. */
    int pread(GuestMemory m, long[] a) throws IOException {
        FdEntry.File f = seekable(a[0], WasiTypes.RIGHT_FD_READ | WasiTypes.RIGHT_FD_SEEK);
        if (!f.readable) throw new WasiError(Errno.BADF);
        GuestMemory.IoVec[] v = m.iovecs(a[1], a[2]);
        long pos = a[3];
        if (pos < 0) throw new WasiError(Errno.INVAL);
        m.check(a[4], 4);
        long total = 0;
        for (GuestMemory.IoVec iov : v) {
            if (iov.length() == 0) continue;
            int n = f.channel.read(m.buffer(iov), pos + total);
            if (n <= 0) break;
            total += n;
            if (n < iov.length()) break;
        }
        m.put32(a[4], (int) total);
        return Errno.SUCCESS;
    }

    /** fd_pwrite(fd, iovs, iovs_len, offset, nwritten_ptr): writes at {@code offset}, leaving the position. */
    int pwrite(GuestMemory m, long[] a) throws IOException {
        FdEntry.File f = seekable(a[0], WasiTypes.RIGHT_FD_WRITE | WasiTypes.RIGHT_FD_SEEK);
        if (!f.writable) throw new WasiError(Errno.BADF);
        GuestMemory.IoVec[] v = m.iovecs(a[1], a[2]);
        long pos = a[3];
        if (pos < 0) throw new WasiError(Errno.INVAL);
        m.check(a[4], 4);
        long total = 0;
        for (GuestMemory.IoVec iov : v) {
            ByteBuffer b = m.buffer(iov);
            while (b.hasRemaining()) total += f.channel.write(b, pos + total);
        }
        m.put32(a[4], (int) total);
        return Errno.SUCCESS;
    }

    /** fd_seek(fd, offset i64, whence, newoffset_ptr) */
    int seek(GuestMemory m, long[] a) throws IOException {
        int whence = (int) a[2];
        if (unstable) whence = switch (whence) { case 0 -> WasiTypes.WHENCE_CUR; case 1 -> WasiTypes.WHENCE_END; case 2 -> WasiTypes.WHENCE_SET; default -> -1; };
        // seeking by 0 from the current position only tells it (witx: fd_tell right suffices)
        FdEntry.File f = seekable(a[0], whence == WasiTypes.WHENCE_CUR && a[1] == 0 ? WasiTypes.RIGHT_FD_TELL : WasiTypes.RIGHT_FD_SEEK);
        m.check(a[3], 8);
        long base = switch (whence) {
            case WasiTypes.WHENCE_SET -> 0;
            case WasiTypes.WHENCE_CUR -> f.channel.position();
            case WasiTypes.WHENCE_END -> f.channel.size();
            default -> throw new WasiError(Errno.INVAL);
        };
        long target = base + a[1];
        if (target < 0) throw new WasiError(Errno.INVAL);
        f.channel.position(target);
        m.put64(a[3], target);
        return Errno.SUCCESS;
    }

    /** fd_tell(fd, offset_ptr) */
    int tell(GuestMemory m, long[] a) throws IOException {
        FdEntry.File f = seekable(a[0], WasiTypes.RIGHT_FD_TELL);
        m.put64(a[1], f.channel.position());
        return Errno.SUCCESS;
    }

    /** @return the file behind {@code fd}; SPIPE for streams, BADF for directories, NOTCAPABLE without {@code rights} */
    private FdEntry.File seekable(long fd, long rights) {
        return switch (ctx.fds.get(fd, rights)) {
            case FdEntry.File f -> f;
            case FdEntry.Dir d -> throw new WasiError(Errno.BADF);
            default -> throw new WasiError(Errno.SPIPE);
        };
    }

    /** fd_close(fd) */
    int close(GuestMemory m, long[] a) throws IOException {
        ctx.fds.close(a[0]);
        return Errno.SUCCESS;
    }

    /** fd_renumber(fd, to) */
    int renumber(GuestMemory m, long[] a) throws IOException {
        ctx.fds.renumber(a[0], a[1]);
        return Errno.SUCCESS;
    }

    /** fd_fdstat_get(fd, fdstat_ptr): filetype u8 @0, fdflags u16 @2, rights_base u64 @8, rights_inheriting u64 @16. */
    int fdstatGet(GuestMemory m, long[] a) {
        FdEntry e = ctx.fds.get(a[0]);
        long p = a[1];
        m.check(p, 24);
        m.zero(p, 24);
        m.put8(p, e.filetype());
        m.put16(p + 2, e.fdflags);
        m.put64(p + 8, e.rightsBase());
        m.put64(p + 16, e.rightsInheriting());
        return Errno.SUCCESS;
    }

    /** fd_fdstat_set_flags(fd, flags): append is honoured, the others are recorded only. */
    int fdstatSetFlags(GuestMemory m, long[] a) {
        ctx.fds.get(a[0], WasiTypes.RIGHT_FD_FDSTAT_SET_FLAGS).fdflags = (int) a[1] & 0x1F;
        return Errno.SUCCESS;
    }

    /**
     * fd_fdstat_set_rights(fd, base, inheriting): keeps only these rights; later calls that need a dropped right
     * fail with NOTCAPABLE ({@link FdEntry#require}). NOTCAPABLE when asked to add a right.
     */
    int fdstatSetRights(GuestMemory m, long[] a) {
        ctx.fds.get(a[0]).setRights(a[1], a[2]);
        return Errno.SUCCESS;
    }

    /** fd_filestat_get(fd, filestat_ptr) */
    int filestatGet(GuestMemory m, long[] a) throws IOException {
        switch (ctx.fds.get(a[0], WasiTypes.RIGHT_FD_FILESTAT_GET)) {
            case FdEntry.File f -> {
                try {
                    FileStats.write(m, a[1], f.path(), unstable);
                } catch (java.nio.file.NoSuchFileException gone) { // unlinked (or replaced by a link) while open
                    FileStats.write(m, a[1], unstable, 0, 0, WasiTypes.FILETYPE_REGULAR_FILE, 0, f.channel.size(), 0, 0, 0);
                }
            }
            case FdEntry.Dir d -> FileStats.write(m, a[1], d.hostPath(), unstable);
            default -> FileStats.writeStream(m, a[1], unstable);
        }
        return Errno.SUCCESS;
    }

    /** fd_filestat_set_size(fd, size) */
    int filestatSetSize(GuestMemory m, long[] a) throws IOException {
        FdEntry.File f = writableFile(a[0], WasiTypes.RIGHT_FD_FILESTAT_SET_SIZE);
        resize(f, a[1], true);
        return Errno.SUCCESS;
    }

    /** fd_allocate(fd, offset, len): grows the file to at least offset+len bytes. */
    int allocate(GuestMemory m, long[] a) throws IOException {
        FdEntry.File f = writableFile(a[0], WasiTypes.RIGHT_FD_ALLOCATE);
        if (a[1] < 0 || a[2] < 0 || a[1] + a[2] < 0) throw new WasiError(Errno.INVAL);
        resize(f, a[1] + a[2], false);
        return Errno.SUCCESS;
    }

    private FdEntry.File writableFile(long fd, long rights) {
        FdEntry.File f = ctx.fds.get(fd, FdEntry.File.class, Errno.BADF, rights);
        if (!f.writable) throw new WasiError(Errno.BADF);
        return f;
    }

    private static void resize(FdEntry.File f, long size, boolean mayShrink) throws IOException {
        if (size < 0) throw new WasiError(Errno.INVAL);
        long cur = f.channel.size();
        if (size < cur && mayShrink) f.channel.truncate(size);
        else if (size > cur) f.channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
    }

    /** fd_filestat_set_times(fd, atim, mtim, fst_flags) */
    int filestatSetTimes(GuestMemory m, long[] a) throws IOException {
        switch (ctx.fds.get(a[0], WasiTypes.RIGHT_FD_FILESTAT_SET_TIMES)) {
            case FdEntry.File f -> FileStats.setTimes(f.path(), a[1], a[2], (int) a[3]);
            case FdEntry.Dir d -> FileStats.setTimes(d.hostPath(), a[1], a[2], (int) a[3]);
            default -> { /* streams have no times to set */ }
        }
        return Errno.SUCCESS;
    }

    /** fd_advise(fd, offset, len, advice): advice 0..5 is accepted and ignored. */
    int advise(GuestMemory m, long[] a) {
        ctx.fds.get(a[0], WasiTypes.RIGHT_FD_ADVISE);
        if (a[3] < 0 || a[3] > 5) throw new WasiError(Errno.INVAL);
        return Errno.SUCCESS;
    }

    /** fd_sync(fd) and fd_datasync(fd) */
    int sync(GuestMemory m, long[] a, boolean metadata) throws IOException {
        switch (ctx.fds.get(a[0], metadata ? WasiTypes.RIGHT_FD_SYNC : WasiTypes.RIGHT_FD_DATASYNC)) {
            case FdEntry.File f -> f.channel.force(metadata);
            case FdEntry.Output o -> o.out.flush();
            default -> { }
        }
        return Errno.SUCCESS;
    }

    /** fd_prestat_get(fd, prestat_ptr): tag u8 @0 (0 = dir), pr_name_len u32 @4; BADF when fd is no preopen. */
    int prestatGet(GuestMemory m, long[] a) {
        FdEntry.Dir d = preopen(a[0]);
        m.check(a[1], 8);
        m.zero(a[1], 8);
        m.put32(a[1] + 4, d.preopenName.getBytes(StandardCharsets.UTF_8).length);
        return Errno.SUCCESS;
    }

    /** fd_prestat_dir_name(fd, path_ptr, path_len): the guest name, not NUL-terminated. */
    int prestatDirName(GuestMemory m, long[] a) {
        byte[] name = preopen(a[0]).preopenName.getBytes(StandardCharsets.UTF_8);
        if (GuestMemory.u32(a[2]) < name.length) throw new WasiError(Errno.NAMETOOLONG);
        m.write(a[1], name, 0, name.length);
        return Errno.SUCCESS;
    }

    private FdEntry.Dir preopen(long fd) {
        FdEntry e = ctx.fds.get(fd);
        if (e instanceof FdEntry.Dir d && d.preopenName != null) return d;
        throw new WasiError(Errno.BADF);
    }

    /**
     * fd_readdir(fd, buf, buf_len, cookie, bufused_ptr): writes dirents (d_next u64 @0, d_ino u64 @8,
     * d_namlen u32 @16, d_type u8 @20, then the name) for entries {@code cookie..}; "." and ".." come first,
     * then the names in sorted order. A full buffer (bufused == buf_len) means more entries may follow.
     */
    int readdir(GuestMemory m, long[] a) throws IOException {
        FdEntry.Dir d = ctx.fds.get(a[0], FdEntry.Dir.class, Errno.NOTDIR, WasiTypes.RIGHT_FD_READDIR);
        long buf = GuestMemory.u32(a[1]), len = GuestMemory.u32(a[2]), cookie = a[3];
        m.check(buf, len);
        m.check(a[4], 4);
        Path dir = d.hostPath();
        List<String> names = new ArrayList<>(List.of(".", ".."));
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
        }
        long used = 0;
        for (long i = Math.max(cookie, 0); i < names.size() && used < len; i++) {
            String name = names.get((int) i);
            byte[] nb = name.getBytes(StandardCharsets.UTF_8);
            Path p = name.equals("..") ? (d.rel.isEmpty() ? dir : dir.getParent()) : dir.resolve(name);
            ByteBuffer ent = ByteBuffer.allocate(24 + nb.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ent.putLong(0, i + 1).putLong(8, inode(p)).putInt(16, nb.length).put(20, (byte) filetype(p));
            ent.put(24, nb);
            int n = (int) Math.min(ent.capacity(), len - used);
            m.write(buf + used, ent.array(), 0, n);
            used += n;
        }
        m.put32(a[4], (int) used);
        return Errno.SUCCESS;
    }

    /**
     * sock_accept(fd, flags, fd_ptr), sock_recv(fd, ...), sock_send(fd, ...), sock_shutdown(fd, how): this host
     * never has sockets (none are preopened and preview 1 cannot make one), so these fail with BADF for a
     * descriptor that is not open and NOTSOCK for any other (as wasmtime).
     */
    int sock(GuestMemory m, long[] a) {
        ctx.fds.get(a[0]);
        throw new WasiError(Errno.NOTSOCK);
    }

    private static long inode(Path p) {
        try {
            return ((Number) Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS)).longValue();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static int filetype(Path p) {
        if (Files.isSymbolicLink(p)) return WasiTypes.FILETYPE_SYMBOLIC_LINK;
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return WasiTypes.FILETYPE_DIRECTORY;
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return WasiTypes.FILETYPE_REGULAR_FILE;
        return WasiTypes.FILETYPE_UNKNOWN;
    }
}
