package org.tailbench.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code path_*} functions of WASI preview 1. Every guest path is resolved by {@link Sandbox}
 * relative to a directory descriptor and cannot leave that descriptor's preopened root.
 * Operations on the final component do not follow a symlink there unless the lookup flags say so.
 */
final class PathFunctions {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private final WasiContext ctx;
    private final boolean unstable;

    PathFunctions(WasiContext ctx, boolean unstable) { this.ctx = ctx; this.unstable = unstable; }

    private Sandbox.Resolved resolve(GuestMemory m, long fd, long ptr, long len, boolean follow) {
        FdEntry.Dir dir = ctx.fds.get(fd, FdEntry.Dir.class, Errno.NOTDIR);
        return Sandbox.resolve(dir, m.string(ptr, len), follow);
    }

    /**
     * path_open(fd, dirflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, fd_ptr).
     * The file is opened for reading when rights_base has {@code fd_read} (or has neither read nor write),
     * for writing when it has {@code fd_write}.
     */
    int open(GuestMemory m, long[] a) throws IOException {
        boolean follow = (a[1] & WasiTypes.LOOKUP_SYMLINK_FOLLOW) != 0;
        int oflags = (int) a[4];
        long rights = a[5];
        int fdflags = (int) a[7] & 0x1F;
        m.check(a[8], 4);
        Sandbox.Resolved r = resolve(m, a[0], a[2], a[3], follow);
        Path p = r.host();
        boolean exists = Files.exists(p, NOFOLLOW);
        if (exists && Files.isSymbolicLink(p)) throw new WasiError(Errno.LOOP); // not followed: O_NOFOLLOW
        if (exists && (oflags & WasiTypes.OFLAGS_CREAT) != 0 && (oflags & WasiTypes.OFLAGS_EXCL) != 0) {
            throw new WasiError(Errno.EXIST);
        }
        boolean writable = (rights & WasiTypes.RIGHT_FD_WRITE) != 0;
        boolean readable = (rights & WasiTypes.RIGHT_FD_READ) != 0 || !writable;
        boolean isDir = exists && Files.isDirectory(p, NOFOLLOW);
        if ((oflags & WasiTypes.OFLAGS_DIRECTORY) != 0 || isDir) {
            if (!exists) throw new WasiError(Errno.NOENT);
            if (!isDir) throw new WasiError(Errno.NOTDIR);
            if (writable || (oflags & (WasiTypes.OFLAGS_TRUNC | WasiTypes.OFLAGS_CREAT)) != 0) throw new WasiError(Errno.ISDIR);
            FdEntry.Dir d = r.asDir();
            d.fdflags = fdflags;
            m.put32(a[8], ctx.fds.add(d));
            return Errno.SUCCESS;
        }
        if (!exists) {
            if ((oflags & WasiTypes.OFLAGS_CREAT) == 0) throw new WasiError(Errno.NOENT);
            Files.createFile(p);
        }
        Set<OpenOption> opts = new HashSet<>();
        opts.add(NOFOLLOW);
        if (readable) opts.add(StandardOpenOption.READ);
        if (writable) opts.add(StandardOpenOption.WRITE);
        if ((oflags & WasiTypes.OFLAGS_TRUNC) != 0) {
            if (!writable) throw new WasiError(Errno.INVAL);
            opts.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if ((fdflags & (WasiTypes.FDFLAGS_SYNC | WasiTypes.FDFLAGS_RSYNC)) != 0) opts.add(StandardOpenOption.SYNC);
        else if ((fdflags & WasiTypes.FDFLAGS_DSYNC) != 0) opts.add(StandardOpenOption.DSYNC);
        FileChannel ch = FileChannel.open(p, opts);
        m.put32(a[8], ctx.fds.add(new FdEntry.File(ch, p, readable, writable, fdflags)));
        return Errno.SUCCESS;
    }

    /** path_filestat_get(fd, lookupflags, path, path_len, filestat_ptr) */
    int filestatGet(GuestMemory m, long[] a) throws IOException {
        Sandbox.Resolved r = resolve(m, a[0], a[2], a[3], (a[1] & WasiTypes.LOOKUP_SYMLINK_FOLLOW) != 0);
        FileStats.write(m, a[4], r.host(), unstable);
        return Errno.SUCCESS;
    }

    /** path_filestat_set_times(fd, lookupflags, path, path_len, atim, mtim, fst_flags) */
    int filestatSetTimes(GuestMemory m, long[] a) throws IOException {
        Sandbox.Resolved r = resolve(m, a[0], a[2], a[3], (a[1] & WasiTypes.LOOKUP_SYMLINK_FOLLOW) != 0);
        if (!Files.exists(r.host(), NOFOLLOW)) throw new WasiError(Errno.NOENT);
        FileStats.setTimes(r.host(), a[4], a[5], (int) a[6]);
        return Errno.SUCCESS;
    }

    /** path_create_directory(fd, path, path_len) */
    int createDirectory(GuestMemory m, long[] a) throws IOException {
        Files.createDirectory(resolve(m, a[0], a[1], a[2], false).host());
        return Errno.SUCCESS;
    }

    /** path_remove_directory(fd, path, path_len): the directory must be empty; the preopen root cannot go. */
    int removeDirectory(GuestMemory m, long[] a) throws IOException {
        Sandbox.Resolved r = resolve(m, a[0], a[1], a[2], false);
        if (r.rel().isEmpty()) throw new WasiError(Errno.NOTCAPABLE);
        if (!Files.exists(r.host(), NOFOLLOW)) throw new WasiError(Errno.NOENT);
        if (!Files.isDirectory(r.host(), NOFOLLOW)) throw new WasiError(Errno.NOTDIR);
        Files.delete(r.host());
        return Errno.SUCCESS;
    }

    /** path_unlink_file(fd, path, path_len): removes a file or symlink, never a directory. */
    int unlinkFile(GuestMemory m, long[] a) throws IOException {
        Sandbox.Resolved r = resolve(m, a[0], a[1], a[2], false);
        if (Files.isDirectory(r.host(), NOFOLLOW)) throw new WasiError(Errno.ISDIR);
        Files.delete(r.host());
        return Errno.SUCCESS;
    }

    /** path_rename(fd, old_path, old_path_len, new_fd, new_path, new_path_len), as rename(2). */
    int rename(GuestMemory m, long[] a) throws IOException {
        Sandbox.Resolved from = resolve(m, a[0], a[1], a[2], false);
        Sandbox.Resolved to = resolve(m, a[3], a[4], a[5], false);
        if (from.rel().isEmpty() || to.rel().isEmpty()) throw new WasiError(Errno.NOTCAPABLE);
        try {
            Files.move(from.host(), to.host(), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new WasiError(Errno.XDEV);
        }
        return Errno.SUCCESS;
    }

    /** path_readlink(fd, path, path_len, buf, buf_len, bufused_ptr): the target, truncated to buf_len. */
    int readlink(GuestMemory m, long[] a) throws IOException {
        Sandbox.Resolved r = resolve(m, a[0], a[1], a[2], false);
        m.check(a[3], a[4]);
        m.check(a[5], 4);
        byte[] t = Files.readSymbolicLink(r.host()).toString().getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(t.length, GuestMemory.u32(a[4]));
        m.write(a[3], t, 0, n);
        m.put32(a[5], n);
        return Errno.SUCCESS;
    }

    /** path_symlink(old_path, old_path_len, fd, new_path, new_path_len): absolute targets are refused. */
    int symlink(GuestMemory m, long[] a) throws IOException {
        String target = m.string(a[0], a[1]);
        if (target.isEmpty()) throw new WasiError(Errno.NOENT);
        if (target.startsWith("/")) throw new WasiError(Errno.NOTCAPABLE);
        Sandbox.Resolved r = resolve(m, a[2], a[3], a[4], false);
        Files.createSymbolicLink(r.host(), Path.of(target));
        return Errno.SUCCESS;
    }

    /** path_link(old_fd, old_flags, old_path, old_path_len, new_fd, new_path, new_path_len): a hard link. */
    int link(GuestMemory m, long[] a) throws IOException {
        Sandbox.Resolved from = resolve(m, a[0], a[2], a[3], (a[1] & WasiTypes.LOOKUP_SYMLINK_FOLLOW) != 0);
        Sandbox.Resolved to = resolve(m, a[4], a[5], a[6], false);
        Files.createLink(to.host(), from.host());
        return Errno.SUCCESS;
    }
}
