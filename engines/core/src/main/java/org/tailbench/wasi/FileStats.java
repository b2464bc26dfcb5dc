package org.tailbench.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes {@code filestat} records. Preview 1 layout (64 bytes): dev u64 @0, ino u64 @8, filetype u8 @16,
 * nlink u64 @24, size u64 @32, atim u64 @40, mtim u64 @48, ctim u64 @56 (timestamps in ns since the epoch).
 * {@code wasi_unstable} (56 bytes) has nlink as u32 @20 and the following fields 8 bytes earlier.
 */
final class FileStats {
    private FileStats() {}

    static final int SIZE = 64, SIZE_UNSTABLE = 56;

    /** Stats {@code p} without following a final symlink and writes the record at {@code ptr}. */
    static void write(GuestMemory m, long ptr, Path p, boolean unstable) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long dev = 0, ino = 0, nlink = 1, ctim = nanos(a.lastModifiedTime());
        int mode = 0;
        try {
            Map<String, Object> u = Files.readAttributes(p, "unix:dev,ino,nlink,ctime,mode", LinkOption.NOFOLLOW_LINKS);
            dev = ((Number) u.get("dev")).longValue();
            ino = ((Number) u.get("ino")).longValue();
            nlink = ((Number) u.get("nlink")).longValue();
            ctim = nanos((FileTime) u.get("ctime"));
            mode = ((Number) u.get("mode")).intValue();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // no "unix" attribute view on this platform: keep the basic values
        }
        int type = a.isDirectory() ? WasiTypes.FILETYPE_DIRECTORY
                : a.isRegularFile() ? WasiTypes.FILETYPE_REGULAR_FILE
                : a.isSymbolicLink() ? WasiTypes.FILETYPE_SYMBOLIC_LINK
                : switch (mode & 0170000) {
                    case 0020000 -> WasiTypes.FILETYPE_CHARACTER_DEVICE;
                    case 0060000 -> WasiTypes.FILETYPE_BLOCK_DEVICE;
                    case 0140000 -> 6; // socket_stream
                    default -> WasiTypes.FILETYPE_UNKNOWN;
                };
        write(m, ptr, unstable, dev, ino, type, nlink, a.size(),
                nanos(a.lastAccessTime()), nanos(a.lastModifiedTime()), ctim);
    }

    /** Writes the record of a host stream (stdio): a character device with zero size and times. */
    static void writeStream(GuestMemory m, long ptr, boolean unstable) {
        write(m, ptr, unstable, 0, 0, WasiTypes.FILETYPE_CHARACTER_DEVICE, 1, 0, 0, 0, 0);
    }

    static void write(GuestMemory m, long ptr, boolean unstable, long dev, long ino, int type, long nlink,
                      long size, long atim, long mtim, long ctim) {
        m.check(ptr, unstable ? SIZE_UNSTABLE : SIZE);
        m.zero(ptr, unstable ? SIZE_UNSTABLE : SIZE);
        m.put64(ptr, dev);
        m.put64(ptr + 8, ino);
        m.put8(ptr + 16, type);
        int k = 0;
        if (unstable) {
            m.put32(ptr + 20, (int) nlink);
            k = -8;
        } else {
            m.put64(ptr + 24, nlink);
        }
        m.put64(ptr + 32 + k, size);
        m.put64(ptr + 40 + k, atim);
        m.put64(ptr + 48 + k, mtim);
        m.put64(ptr + 56 + k, ctim);
    }

    static long nanos(FileTime t) {
        return t == null ? 0 : t.to(TimeUnit.SECONDS) * 1_000_000_000L + t.toInstant().getNano();
    }

    /**
     * Applies {@code fd_filestat_set_times}/{@code path_filestat_set_times}: {@code fst} flags select
     * which of atim/mtim to set to the given ns value or to now.
     * @throws WasiError INVAL when both a time and "now" are asked for the same timestamp
     */
    static void setTimes(Path p, long atim, long mtim, int fst) throws IOException {
        if ((fst & WasiTypes.FST_ATIM) != 0 && (fst & WasiTypes.FST_ATIM_NOW) != 0) throw new WasiError(Errno.INVAL);
        if ((fst & WasiTypes.FST_MTIM) != 0 && (fst & WasiTypes.FST_MTIM_NOW) != 0) throw new WasiError(Errno.INVAL);
        FileTime now = FileTime.from(java.time.Instant.now());
        FileTime a = (fst & WasiTypes.FST_ATIM) != 0 ? FileTime.from(atim, TimeUnit.NANOSECONDS)
                : (fst & WasiTypes.FST_ATIM_NOW) != 0 ? now : null;
        FileTime mt = (fst & WasiTypes.FST_MTIM) != 0 ? FileTime.from(mtim, TimeUnit.NANOSECONDS)
                : (fst & WasiTypes.FST_MTIM_NOW) != 0 ? now : null;
        Files.getFileAttributeView(p, java.nio.file.attribute.BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(mt, a, null);
    }
}
