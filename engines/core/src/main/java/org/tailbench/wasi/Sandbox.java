package org.tailbench.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves guest paths relative to a directory descriptor without leaving it (the capability model of
 * WASI preview 1: each directory descriptor is a capability for what is below it, as in wasmtime/cap-std).
 * Resolution walks the path one component at a time: {@code .} is skipped, {@code ..} pops a component and
 * fails with {@link Errno#NOTCAPABLE} at the descriptor's directory,
 * and every symbolic link met on the way is read and spliced in (relative to the link's directory);
 * a link to an absolute path fails with {@link Errno#NOTCAPABLE}, more than {@link #MAX_SYMLINKS}
 * links with {@link Errno#LOOP}. The result is therefore free of symlinks below the root (except the
 * last component when it is not followed), so it cannot point outside the root.
 *
 * <p>A directory descriptor remembers its components below the root; if the guest has since replaced one
 * of them by a symlink (say {@code ..}), the descriptor's directory is gone and resolution fails with
 * {@link Errno#NOENT} instead of following it ({@link FdEntry.Dir#hostPath()}).
 * Not hardened against the host changing the tree concurrently (a symlink swapped in between
 * resolution and use): the guest alone cannot do that, since it runs on one thread.
 */
final class Sandbox {
    static final int MAX_SYMLINKS = 40;

    private Sandbox() {}

    /**
     * A resolved guest path: the root, the components below it, and the host path they name.
     * {@code mustBeDir}: the guest path ended in {@code /} (or {@code /.}), so, as in POSIX path resolution
     * (and wasmtime), it must name a directory: see {@link #requireDirIfSlashed}.
     */
    record Resolved(Path root, List<String> rel, Path host, boolean mustBeDir) {
        /** @return a directory entry for this path (for {@code path_open} of a directory) */
        FdEntry.Dir asDir() { return new FdEntry.Dir(root, rel, null); }

        /** @return whether something (a link itself, not followed) is at {@link #host} */
        boolean exists() { return Files.exists(host, java.nio.file.LinkOption.NOFOLLOW_LINKS); }

        /** @throws WasiError {@link Errno#NOTDIR} when the path ended in {@code /} and names an existing non-directory */
        void requireDirIfSlashed() {
            if (mustBeDir && exists() && !Files.isDirectory(host, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new WasiError(Errno.NOTDIR);
            }
        }
    }

    /**
     * @param dir         the directory the guest path is relative to
     * @param path        the guest path (UTF-8 decoded); absolute paths are refused
     * @param followFinal whether a symlink in the last component is followed ({@code lookupflags.symlink_follow});
     *                    a trailing {@code /} always follows it
     * @throws WasiError NOENT (empty path), NOTCAPABLE (absolute path, escape via {@code ..} or an absolute symlink), LOOP
     */
    static Resolved resolve(FdEntry.Dir dir, String path, boolean followFinal) {
        if (path.isEmpty()) throw new WasiError(Errno.NOENT);
        if (path.startsWith("/")) throw new WasiError(Errno.NOTCAPABLE);
        boolean mustBeDir = path.endsWith("/") || path.endsWith("/.");
        if (mustBeDir || path.equals(".")) followFinal = true;
        Deque<String> todo = new ArrayDeque<>(components(path));
        dir.hostPath(); // its components are still no symlinks
        List<String> cur = new ArrayList<>(dir.rel);
        int base = cur.size(); // never above dir itself: each directory descriptor is a capability (as cap-std/wasmtime)
        int links = 0;
        while (!todo.isEmpty()) {
            String c = todo.pollFirst();
            if (c.equals("..")) {
                if (cur.size() <= base) throw new WasiError(Errno.NOTCAPABLE);
                cur.removeLast();
                continue;
            }
            Path p = join(dir.root, cur).resolve(c);
            boolean last = todo.isEmpty();
            if ((!last || followFinal) && Files.isSymbolicLink(p)) {
                if (++links > MAX_SYMLINKS) throw new WasiError(Errno.LOOP);
                String target;
                try {
                    target = Files.readSymbolicLink(p).toString();
                } catch (IOException e) {
                    throw new WasiError(Errno.of(e));
                }
                if (target.startsWith("/")) throw new WasiError(Errno.NOTCAPABLE);
                List<String> t = components(target);
                for (int i = t.size() - 1; i >= 0; i--) todo.addFirst(t.get(i));
                continue;
            }
            cur.add(c);
        }
        return new Resolved(dir.root, cur, join(dir.root, cur), mustBeDir);
    }

    /** Splits on {@code /}, dropping empty and {@code .} components. */
    private static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("/")) {
            if (!c.isEmpty() && !c.equals(".")) out.add(c);
        }
        return out;
    }

    private static Path join(Path root, List<String> rel) {
        Path p = root;
        for (String c : rel) p = p.resolve(c);
        return p;
    }
}
