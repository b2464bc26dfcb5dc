package org.tailbench.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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
 * Each function needs its {@code path_*} right on the directory descriptor (NOTCAPABLE once dropped, see
 * {@link FdEntry#require}); a path ending in {@code /} must name a directory ({@link Sandbox.Resolved#mustBeDir}).
 */
final class PathFunctions {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private final WasiContext ctx;
    private final boolean unstable;

    PathFunctions(WasiContext ctx, boolean unstable) { this.ctx = ctx; this.unstable = unstable; }

    /**
     * @param rights the rights (WasiTypes {@code RIGHT_PATH_*}) directory {@code fd} must still hold
     * @throws WasiError BADF / NOTDIR for a bad {@code fd}, NOTCAPABLE for a dropped right, and {@link Sandbox#resolve}'s
     */
    private Sandbox.Resolved resolve(GuestMemory m, long fd, long ptr, long len, boolean follow, long rights) {
        FdEntry.Dir dir = ctx.fds.get(fd, FdEntry.Dir.class, Errno.NOTDIR, rights);
        return Sandbox.resolve(dir, m.string(ptr, len), follow);
    }

    /**
     * path_open(fd, dirflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, fd_ptr).
     * The file is opened for reading when rights_base has {@code fd_read} (or has neither read nor write),
     * for writing when it has {@code fd_write} (NOTCAPABLE when {@code fd}'s inheriting rights lack it).
     * Directory {@code fd} needs {@code path_open}, plus {@code path_create_file} for {@code oflags.creat} and
     * {@code path_filestat_set_size} for {@code oflags.trunc} (which truncates whatever the rights: as wasmtime).
     * The new descriptor has the rights of its kind that {@code fd}'s inheriting rights allow (the requested
     * rights only choose read/write, as in wasmtime). A path ending in {@code /} must name a directory (NOTDIR).
     */
    int open(GuestMemory m, long[] a) throws IOException {
        boolean follow = (a[1] & WasiTypes.LOOKUP_SYMLINK_FOLLOW) != 0;
        int oflags = (int) a[4];
        long rights = a[5];
        int fdflags = (int) a[7] & 0x1F;
        boolean creat = (oflags & WasiTypes.OFLAGS_CREAT) != 0, trunc = (oflags & WasiTypes.OFLAGS_TRUNC) != 0;
        m.check(a[8], 4);
        FdEntry.Dir dir = ctx.fds.get(a[0], FdEntry.Dir.class, Errno.NOTDIR, WasiTypes.RIGHT_PATH_OPEN
                | (creat ? WasiTypes.RIGHT_PATH_CREATE_FILE : 0) | (trunc ? WasiTypes.RIGHT_PATH_FILESTAT_SET_SIZE : 0));
        Sandbox.Resolved r = Sandbox.resolve(dir, m.string(a[2], a[3]), follow);
        Path p = r.host();
        boolean exists = r.exists();
        if (exists && Files.isSymbolicLink(p)) throw new WasiError(Errno.LOOP); // not followed: O_NOFOLLOW
        if (exists && creat && (oflags & WasiTypes.OFLAGS_EXCL) != 0) throw new WasiError(Errno.EXIST);
        r.requireDirIfSlashed();
        boolean writable = (rights & WasiTypes.RIGHT_FD_WRITE) != 0;
        boolean readable = (rights & WasiTypes.RIGHT_FD_READ) != 0 || !writable;
        boolean isDir = exists && Files.isDirectory(p, NOFOLLOW);
        if ((oflags & WasiTypes.OFLAGS_DIRECTORY) != 0 || isDir) {
            if (!exists) throw new WasiError(Errno.NOENT);
            if (!isDir) throw new WasiError(Errno.NOTDIR);
            if (writable || trunc || creat) throw new WasiError(Errno.ISDIR);
            FdEntry.Dir d = r.asDir();
            d.inheritFrom(dir);
            d.fdflags = fdflags;
            m.put32(a[8], ctx.fds.add(d));
            return Errno.SUCCESS;
        }
        if (writable && (dir.rightsInheriting() & WasiTypes.RIGHT_FD_WRITE) == 0) throw new WasiError(Errno.NOTCAPABLE);
        if (!exists) {
            if (!creat) throw new WasiError(Errno.NOENT);
            if (r.mustBeDir()) throw new WasiError(Errno.ISDIR); // open("new/", O_CREAT) would make a file
            Files.createFile(p);
        }
        Set<OpenOption> opts = new HashSet<>();
        opts.add(NOFOLLOW);
        if (readable) opts.add(StandardOpenOption.READ);
        if (writable || trunc) opts.add(StandardOpenOption.WRITE); // the host needs write access to truncate
        if (trunc) opts.add(StandardOpenOption.TRUNCATE_EXISTING);
        if ((fdflags & (WasiTypes.FDFLAGS_SYNC | WasiTypes.FDFLAGS_RSYNC)) != 0) opts.add(StandardOpenOption.SYNC);
        else if ((fdflags & WasiTypes.FDFLAGS_DSYNC) != 0) opts.add(StandardOpenOption.DSYNC);
        FileChannel ch = FileChannel.open(p, opts);
        FdEntry.File f = new FdEntry.File(ch, r.root(), p, readable, writable, fdflags);
        f.inheritFrom(dir);
        m.put32(a[8], ctx.fds.add(f));
        return Errno.SUCCESS;
    }

    /** path_filestat_get(fd, lookupflags, path, path_len, filestat_ptr) */
    int filestatGet(GuestMemory m, long[] a) throws IOException {
        Sandbox.Resolved r = resolve(m, a[0], a[2], a[3], (a[1] & WasiTypes.LOOKUP_SYMLINK_FOLLOW) != 0,
                WasiTypes.RIGHT_PATH_FILESTAT_GET);
        r.requireDirIfSlashed();
        FileStats.write(m, a[4], r.host(), unstable);
        return Errno.SUCCESS;
    }

    /** path_filestat_set_times(fd, lookupflags, path, path_len, atim, mtim, fst_flags) */
    int filestatSetTimes(GuestMemory m, long[] a) throws IOException {
        Sandbox.Resolved r = resolve(m, a[0], a[2], a[3], (a[1] & WasiTypes.LOOKUP_SYMLINK_FOLLOW) != 0,
                WasiTypes.RIGHT_PATH_FILESTAT_SET_TIMES);
        if (!r.exists()) throw new WasiError(Errno.NOENT);
        r.requireDirIfSlashed();
        FileStats.setTimes(r.host(), a[4], a[5], (int) a[6]);
        return Errno.SUCCESS;
    }

    /** path_create_directory(fd, path, path_len) */
    int createDirectory(GuestMemory m, long[] a) throws IOException {
        Files.createDirectory(resolve(m, a[0], a[1], a[2], false, WasiTypes.RIGHT_PATH_CREATE_DIRECTORY).host());
        return Errno.SUCCESS;
    }

    /** path_remove_directory(fd, path, path_len): the directory must be empty; the preopen root cannot go. */
    int removeDirectory(GuestMemory m, long[] a) throws IOException {
        Sandbox.Resolved r = resolve(m, a[0], a[1], a[2], false, WasiTypes.RIGHT_PATH_REMOVE_DIRECTORY);
        if (r.rel().isEmpty()) throw new WasiError(Errno.NOTCAPABLE);
        if (!Files.exists(r.host(), NOFOLLOW)) throw new WasiError(Errno.NOENT);
        if (!Files.isDirectory(r.host(), NOFOLLOW)) throw new WasiError(Errno.NOTDIR);
        Files.delete(r.host());
        return Errno.SUCCESS;
    }

    /**
     * path_unlink_file(fd, path, path_len): removes a file or symlink, never a directory (ISDIR, also for
     * {@code dir/}); {@code file/} is NOTDIR (as unlinkat(2) on Linux).
     */
    int unlinkFile(GuestMemory m, long[] a) throws IOException {
        Sandbox.Resolved r = resolve(m, a[0], a[1], a[2], false, WasiTypes.RIGHT_PATH_UNLINK_FILE);
        if (Files.isDirectory(r.host(), NOFOLLOW)) throw new WasiError(Errno.ISDIR);
        r.requireDirIfSlashed();
        Files.delete(r.host());
        return Errno.SUCCESS;
    }

    /**
     * path_rename(fd, old_path, old_path_len, new_fd, new_path, new_path_len), as rename(2): a trailing {@code /}
     * on either path needs the source to be a directory (NOTDIR).
     */
    int rename(GuestMemory m, long[] a) throws IOException {
        Sandbox.Resolved from = resolve(m, a[0], a[1], a[2], false, WasiTypes.RIGHT_PATH_RENAME_SOURCE);
        Sandbox.Resolved to = resolve(m, a[3], a[4], a[5], false, WasiTypes.RIGHT_PATH_RENAME_TARGET);
        if (from.rel().isEmpty() || to.rel().isEmpty()) throw new WasiError(Errno.NOTCAPABLE);
        from.requireDirIfSlashed();
        if (to.mustBeDir() && from.exists() && !Files.isDirectory(from.host(), NOFOLLOW)) throw new WasiError(Errno.NOTDIR);
        Files.move(from.host(), to.host(), StandardCopyOption.ATOMIC_MOVE); // across file systems: XDEV (Errno.of)
        return Errno.SUCCESS;
    }

    /** path_readlink(fd, path, path_len, buf, buf_len, bufused_ptr): the target, truncated to buf_len. */
    int readlink(GuestMemory m, long[] a) throws IOException {
        Sandbox.Resolved r = resolve(m, a[0], a[1], a[2], false, WasiTypes.RIGHT_PATH_READLINK);
        m.check(a[3], a[4]);
        m.check(a[5], 4);
        byte[] t = Files.readSymbolicLink(r.host()).toString().getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(t.length, GuestMemory.u32(a[4]));
        m.write(a[3], t, 0, n);
        m.put32(a[5], n);
        return Errno.SUCCESS;
    }

    /**
     * path_symlink(old_path, old_path_len, fd, new_path, new_path_len): absolute targets are refused (NOTCAPABLE).
     * A new path ending in {@code /} is NOENT when nothing is there, EXIST for a directory, NOTDIR for a file
     * (as symlinkat(2) on Linux).
     */
    int symlink(GuestMemory m, long[] a) throws IOException {
        String target = m.string(a[0], a[1]);
        if (target.isEmpty()) throw new WasiError(Errno.NOENT);
        if (target.startsWith("/")) throw new WasiError(Errno.NOTCAPABLE);
        Sandbox.Resolved r = resolve(m, a[2], a[3], a[4], false, WasiTypes.RIGHT_PATH_SYMLINK);
        if (r.mustBeDir()) {
            if (!r.exists()) throw new WasiError(Errno.NOENT);
            r.requireDirIfSlashed();
            throw new WasiError(Errno.EXIST);
        }
        Files.createSymbolicLink(r.host(), Path.of(target));
        return Errno.SUCCESS;
    }

    /**
     * path_link(old_fd, old_flags, old_path, old_path_len, new_fd, new_path, new_path_len): a hard link. A new path
     * ending in {@code /} is NOENT when nothing is there, else EXIST; a directory source is PERM (the host's
     * EPERM, mapped by {@link Errno#of}).
     */
    int link(GuestMemory m, long[] a) throws IOException {
        Sandbox.Resolved from = resolve(m, a[0], a[2], a[3], (a[1] & WasiTypes.LOOKUP_SYMLINK_FOLLOW) != 0,
                WasiTypes.RIGHT_PATH_LINK_SOURCE);
        Sandbox.Resolved to = resolve(m, a[4], a[5], a[6], false, WasiTypes.RIGHT_PATH_LINK_TARGET);
        from.requireDirIfSlashed();
        if (to.mustBeDir()) throw new WasiError(to.exists() ? Errno.EXIST : Errno.NOENT);
        Files.createLink(to.host(), from.host());
        return Errno.SUCCESS;
    }
}
