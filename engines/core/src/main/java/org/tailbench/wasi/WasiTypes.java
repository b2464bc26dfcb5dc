package org.tailbench.wasi;

/**
 * Constants of {@code wasi_snapshot_preview1.witx}: file types, flags, rights, whence, clock ids and
 * event types, with the ABI values the witx assigns (flags are bit masks).
 */
final class WasiTypes {
    private WasiTypes() {}

    // filetype (u8)
    static final int FILETYPE_UNKNOWN = 0, FILETYPE_BLOCK_DEVICE = 1, FILETYPE_CHARACTER_DEVICE = 2,
            FILETYPE_DIRECTORY = 3, FILETYPE_REGULAR_FILE = 4, FILETYPE_SYMBOLIC_LINK = 7;

    // fdflags (u16)
    static final int FDFLAGS_APPEND = 1, FDFLAGS_DSYNC = 2, FDFLAGS_NONBLOCK = 4, FDFLAGS_RSYNC = 8, FDFLAGS_SYNC = 16;

    // oflags (u16)
    static final int OFLAGS_CREAT = 1, OFLAGS_DIRECTORY = 2, OFLAGS_EXCL = 4, OFLAGS_TRUNC = 8;

    // lookupflags (u32)
    static final int LOOKUP_SYMLINK_FOLLOW = 1;

    // fstflags (u16)
    static final int FST_ATIM = 1, FST_ATIM_NOW = 2, FST_MTIM = 4, FST_MTIM_NOW = 8;

    // whence (u8); wasi_unstable numbers them CUR=0, END=1, SET=2
    static final int WHENCE_SET = 0, WHENCE_CUR = 1, WHENCE_END = 2;

    // clockid (u32)
    static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME = 2, CLOCK_THREAD_CPUTIME = 3;

    // eventtype (u8) and subclockflags (u16)
    static final int EVENTTYPE_CLOCK = 0, EVENTTYPE_FD_READ = 1, EVENTTYPE_FD_WRITE = 2;
    static final int SUBCLOCK_ABSTIME = 1;

    // rights (u64)
    static final long RIGHT_FD_DATASYNC = 1L, RIGHT_FD_READ = 1L << 1, RIGHT_FD_SEEK = 1L << 2,
            RIGHT_FD_FDSTAT_SET_FLAGS = 1L << 3, RIGHT_FD_SYNC = 1L << 4, RIGHT_FD_TELL = 1L << 5,
            RIGHT_FD_WRITE = 1L << 6, RIGHT_FD_ADVISE = 1L << 7, RIGHT_FD_ALLOCATE = 1L << 8,
            RIGHT_PATH_CREATE_DIRECTORY = 1L << 9, RIGHT_PATH_CREATE_FILE = 1L << 10,
            RIGHT_PATH_LINK_SOURCE = 1L << 11, RIGHT_PATH_LINK_TARGET = 1L << 12, RIGHT_PATH_OPEN = 1L << 13,
            RIGHT_FD_READDIR = 1L << 14, RIGHT_PATH_READLINK = 1L << 15, RIGHT_PATH_RENAME_SOURCE = 1L << 16,
            RIGHT_PATH_RENAME_TARGET = 1L << 17, RIGHT_PATH_FILESTAT_GET = 1L << 18,
            RIGHT_PATH_FILESTAT_SET_SIZE = 1L << 19, RIGHT_PATH_FILESTAT_SET_TIMES = 1L << 20,
            RIGHT_FD_FILESTAT_GET = 1L << 21, RIGHT_FD_FILESTAT_SET_SIZE = 1L << 22,
            RIGHT_FD_FILESTAT_SET_TIMES = 1L << 23, RIGHT_PATH_SYMLINK = 1L << 24,
            RIGHT_PATH_REMOVE_DIRECTORY = 1L << 25, RIGHT_PATH_UNLINK_FILE = 1L << 26,
            RIGHT_POLL_FD_READWRITE = 1L << 27, RIGHT_SOCK_SHUTDOWN = 1L << 28, RIGHT_SOCK_ACCEPT = 1L << 29;
    /** Every right of preview 1 (bits 0..29). */
    static final long RIGHTS_ALL = (1L << 30) - 1;
    /** Rights that make sense on a regular file. */
    static final long RIGHTS_FILE = RIGHT_FD_DATASYNC | RIGHT_FD_READ | RIGHT_FD_SEEK | RIGHT_FD_FDSTAT_SET_FLAGS
            | RIGHT_FD_SYNC | RIGHT_FD_TELL | RIGHT_FD_WRITE | RIGHT_FD_ADVISE | RIGHT_FD_ALLOCATE
            | RIGHT_FD_FILESTAT_GET | RIGHT_FD_FILESTAT_SET_SIZE | RIGHT_FD_FILESTAT_SET_TIMES | RIGHT_POLL_FD_READWRITE;
    /** Rights of a directory: everything but reading/writing/seeking bytes. */
    static final long RIGHTS_DIR = RIGHTS_ALL & ~(RIGHT_FD_READ | RIGHT_FD_WRITE | RIGHT_FD_SEEK | RIGHT_FD_TELL
            | RIGHT_FD_ALLOCATE | RIGHT_FD_FILESTAT_SET_SIZE);
    /** Rights of stdin/stdout/stderr: a character device (no seek/tell, so wasi-libc's isatty says yes). */
    static final long RIGHTS_TTY = RIGHT_FD_READ | RIGHT_FD_WRITE | RIGHT_FD_FDSTAT_SET_FLAGS | RIGHT_FD_FILESTAT_GET
            | RIGHT_POLL_FD_READWRITE | RIGHT_FD_SYNC | RIGHT_FD_DATASYNC;
}
