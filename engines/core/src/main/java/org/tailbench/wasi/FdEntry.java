package org.tailbench.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;

/** What a WASI file descriptor refers to: a host stream (stdio), an open regular file, or a directory. */
abstract sealed class FdEntry permits FdEntry.Input, FdEntry.Output, FdEntry.File, FdEntry.Dir {
    /** fdflags (append, nonblock, ...) as last set by {@code path_open} / {@code fd_fdstat_set_flags} */
    int fdflags;
    /**
     * Rights taken away: by {@code fd_fdstat_set_rights} (which can only drop rights) or, for descriptors
     * made by {@code path_open}, because the directory's inheriting rights lacked them.
     */
    private long droppedBase, droppedInheriting;

    abstract int filetype();
    /** @return the rights this kind of descriptor has before any was dropped */
    abstract long kindRightsBase();
    long kindRightsInheriting() { return 0; }

    /** @return the base rights ({@code fdstat.fs_rights_base}) */
    final long rightsBase() { return kindRightsBase() & ~droppedBase; }
    /** @return the inheriting rights ({@code fdstat.fs_rights_inheriting}): what descriptors opened from this one may have */
    final long rightsInheriting() { return kindRightsInheriting() & ~droppedInheriting; }

    /**
     * {@code fd_fdstat_set_rights}: keeps only {@code base} and {@code inheriting}.
     * @throws WasiError {@link Errno#NOTCAPABLE} when either adds a right this descriptor does not have
     */
    final void setRights(long base, long inheriting) {
        if ((base & ~rightsBase()) != 0 || (inheriting & ~rightsInheriting()) != 0) throw new WasiError(Errno.NOTCAPABLE);
        droppedBase |= ~base;
        droppedInheriting |= ~inheriting;
    }

    /** Drops what {@code parent}'s inheriting rights lack (for a descriptor {@code path_open} made from {@code parent}). */
    final void inheritFrom(FdEntry parent) {
        droppedBase |= ~parent.rightsInheriting();
        droppedInheriting |= ~parent.rightsInheriting();
    }

    /**
     * Checks that {@code rights} (a mask of {@link WasiTypes} {@code RIGHT_*}) were not dropped.
     * Rights this kind of descriptor never has are not checked here: the caller reports its own error for them
     * (e.g. {@link Errno#ISDIR} for {@code fd_read} on a directory), as before any right was dropped.
     * @throws WasiError {@link Errno#NOTCAPABLE} when one of them was dropped
     */
    final void require(long rights) {
        if ((rights & kindRightsBase() & droppedBase) != 0) throw new WasiError(Errno.NOTCAPABLE);
    }
    void close() throws IOException {}

    /** Standard input: a host {@link InputStream}, not seekable. */
    static final class Input extends FdEntry {
        final InputStream in;
        Input(InputStream in) { this.in = in; }
        @Override int filetype() { return WasiTypes.FILETYPE_CHARACTER_DEVICE; }
        @Override long kindRightsBase() { return WasiTypes.RIGHTS_TTY; }
    }

    /** Standard output or error: a host {@link OutputStream}, not seekable; never closed by the guest. */
    static final class Output extends FdEntry {
        final OutputStream out;
        Output(OutputStream out) { this.out = out; }
        @Override int filetype() { return WasiTypes.FILETYPE_CHARACTER_DEVICE; }
        @Override long kindRightsBase() { return WasiTypes.RIGHTS_TTY; }
        @Override void close() throws IOException { out.flush(); }
    }

    /** A regular file opened by {@code path_open} at {@code path} below preopen {@code root}; {@code append} writes go to the end. */
    static final class File extends FdEntry {
        final FileChannel channel;
        private final Path root, path;
        final boolean readable, writable;
        File(FileChannel channel, Path root, Path path, boolean readable, boolean writable, int fdflags) {
            this.channel = channel; this.root = root; this.path = path; this.readable = readable; this.writable = writable;
            this.fdflags = fdflags;
        }

        /**
         * @return the host path the file was opened at, for calls by path (stat, times)
         * @throws java.nio.file.NoSuchFileException when it, or a directory on the way, has become a symbolic
         *         link since (the file was unlinked or moved; following the link could leave the root)
         */
        Path path() throws java.nio.file.NoSuchFileException {
            Path p = root;
            for (Path c : root.relativize(path)) {
                p = p.resolve(c.toString());
                if (java.nio.file.Files.isSymbolicLink(p)) throw new java.nio.file.NoSuchFileException(path.toString());
            }
            return p;
        }
        @Override int filetype() { return WasiTypes.FILETYPE_REGULAR_FILE; }
        @Override long kindRightsBase() {
            long r = WasiTypes.RIGHTS_FILE;
            if (!readable) r &= ~WasiTypes.RIGHT_FD_READ;
            if (!writable) r &= ~(WasiTypes.RIGHT_FD_WRITE | WasiTypes.RIGHT_FD_ALLOCATE | WasiTypes.RIGHT_FD_FILESTAT_SET_SIZE);
            return r;
        }
        @Override void close() throws IOException { channel.close(); }
    }

    /**
     * A directory inside the preopen whose real host path is {@link #root}: {@link #rel} are the
     * (symlink-free) components below the root. {@link #preopenName} is the guest name for
     * {@code fd_prestat_*}, or null for directories opened by {@code path_open}.
     */
    static final class Dir extends FdEntry {
        final Path root;
        final List<String> rel;
        final String preopenName;
        Dir(Path root, List<String> rel, String preopenName) {
            this.root = root; this.rel = List.copyOf(rel); this.preopenName = preopenName;
        }
        /**
         * @return the host path of this directory
         * @throws WasiError {@link Errno#NOENT} when one of its components has become a symbolic link since it
         *         was opened (the directory it named is gone; following the link could leave the root)
         */
        Path hostPath() {
            Path p = root;
            for (String c : rel) {
                p = p.resolve(c);
                if (java.nio.file.Files.isSymbolicLink(p)) throw new WasiError(Errno.NOENT);
            }
            return p;
        }
        @Override int filetype() { return WasiTypes.FILETYPE_DIRECTORY; }
        @Override long kindRightsBase() { return WasiTypes.RIGHTS_DIR; }
        @Override long kindRightsInheriting() { return WasiTypes.RIGHTS_ALL; }
    }
}
