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

    abstract int filetype();
    abstract long rightsBase();
    long rightsInheriting() { return 0; }
    void close() throws IOException {}

    /** Standard input: a host {@link InputStream}, not seekable. */
    static final class Input extends FdEntry {
        final InputStream in;
        Input(InputStream in) { this.in = in; }
        @Override int filetype() { return WasiTypes.FILETYPE_CHARACTER_DEVICE; }
        @Override long rightsBase() { return WasiTypes.RIGHTS_TTY; }
    }

    /** Standard output or error: a host {@link OutputStream}, not seekable; never closed by the guest. */
    static final class Output extends FdEntry {
        final OutputStream out;
        Output(OutputStream out) { this.out = out; }
        @Override int filetype() { return WasiTypes.FILETYPE_CHARACTER_DEVICE; }
        @Override long rightsBase() { return WasiTypes.RIGHTS_TTY; }
        @Override void close() throws IOException { out.flush(); }
    }

    /** A regular file opened by {@code path_open}; {@code append} writes go to the end. */
    static final class File extends FdEntry {
        final FileChannel channel;
        final Path path;
        final boolean readable, writable;
        File(FileChannel channel, Path path, boolean readable, boolean writable, int fdflags) {
            this.channel = channel; this.path = path; this.readable = readable; this.writable = writable;
            this.fdflags = fdflags;
        }
        @Override int filetype() { return WasiTypes.FILETYPE_REGULAR_FILE; }
        @Override long rightsBase() {
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
        Path hostPath() {
            Path p = root;
            for (String c : rel) p = p.resolve(c);
            return p;
        }
        @Override int filetype() { return WasiTypes.FILETYPE_DIRECTORY; }
        @Override long rightsBase() { return WasiTypes.RIGHTS_DIR; }
        @Override long rightsInheriting() { return WasiTypes.RIGHTS_ALL; }
    }
}
