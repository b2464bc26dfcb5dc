package org.tailbench.wasi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The file descriptor table of one WASI program: 0, 1, 2 are stdin/stdout/stderr, preopened
 * directories follow from 3 on, and new descriptors take the lowest free number (as POSIX).
 * At most {@link #MAX_FDS} are open at once ({@link Errno#MFILE} past that).
 */
final class FdTable {
    static final int MAX_FDS = 4096;
    private final List<FdEntry> fds = new ArrayList<>();

    /** @return the entry of {@code fd} @throws WasiError {@link Errno#BADF} when {@code fd} is not open */
    FdEntry get(long fd) {
        if (fd < 0 || fd >= fds.size() || fds.get((int) fd) == null) throw new WasiError(Errno.BADF);
        return fds.get((int) fd);
    }

    /** @return the entry of {@code fd} when it has type {@code kind} @throws WasiError BADF otherwise (or {@code wrongKind}) */
    <T extends FdEntry> T get(long fd, Class<T> kind, int wrongKind) {
        FdEntry e = get(fd);
        if (!kind.isInstance(e)) throw new WasiError(wrongKind);
        return kind.cast(e);
    }

    /**
     * @return the entry of {@code fd}, which must hold {@code rights} ({@link FdEntry#require})
     * @throws WasiError BADF when {@code fd} is not open, NOTCAPABLE when one of the rights was dropped
     */
    FdEntry get(long fd, long rights) {
        FdEntry e = get(fd);
        e.require(rights);
        return e;
    }

    /** {@link #get(long, Class, int)} that also checks {@code rights} ({@link FdEntry#require}) */
    <T extends FdEntry> T get(long fd, Class<T> kind, int wrongKind, long rights) {
        T e = get(fd, kind, wrongKind);
        e.require(rights);
        return e;
    }

    /** Places {@code e} at the lowest free descriptor and returns it. */
    int add(FdEntry e) {
        for (int i = 0; i < fds.size(); i++) {
            if (fds.get(i) == null) { fds.set(i, e); return i; }
        }
        if (fds.size() >= MAX_FDS) throw new WasiError(Errno.MFILE);
        fds.add(e);
        return fds.size() - 1;
    }

    /** Removes {@code fd} and closes what it refers to. */
    void close(long fd) throws IOException {
        FdEntry e = get(fd);
        fds.set((int) fd, null);
        e.close();
    }

    /** {@code fd_renumber}: moves {@code from} to {@code to}, closing what {@code to} held. */
    void renumber(long from, long to) throws IOException {
        FdEntry e = get(from);
        FdEntry old = get(to);
        if (from == to) return;
        fds.set((int) to, e);
        fds.set((int) from, null);
        old.close();
    }

    /** Closes every descriptor (flushing the output streams); errors are ignored. */
    void closeAll() {
        for (int i = 0; i < fds.size(); i++) {
            FdEntry e = fds.get(i);
            if (e == null) continue;
            try { e.close(); } catch (IOException ignored) { /* best effort at exit */ }
            fds.set(i, null);
        }
    }

    /** @return every open entry (nulls for free slots), for flushing */
    List<FdEntry> entries() { return fds; }
}
