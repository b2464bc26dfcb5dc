package org.tailbench.wasi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Map;

/**
 * WASI preview 1 error codes ({@code errno} in {@code wasi_snapshot_preview1.witx}, an u16 returned as i32
 * by every function). Only the codes this host produces are named; the numbering is the spec's.
 */
public final class Errno {
    private Errno() {}

    public static final int SUCCESS = 0;
    public static final int TOOBIG = 1;
    public static final int ACCES = 2;
    public static final int AGAIN = 6;
    public static final int BADF = 8;
    public static final int BUSY = 10;
    public static final int DQUOT = 19;
    public static final int EXIST = 20;
    public static final int FAULT = 21;
    public static final int FBIG = 22;
    public static final int ILSEQ = 25;
    public static final int INVAL = 28;
    public static final int IO = 29;
    public static final int ISDIR = 31;
    public static final int LOOP = 32;
    public static final int MFILE = 33;
    public static final int MLINK = 34;
    public static final int NAMETOOLONG = 37;
    public static final int NFILE = 41;
    public static final int NOENT = 44;
    public static final int NOMEM = 48;
    public static final int NOSPC = 51;
    public static final int NOSYS = 52;
    public static final int NOTDIR = 54;
    public static final int NOTEMPTY = 55;
    public static final int NOTSOCK = 57;
    public static final int NOTSUP = 58;
    public static final int OVERFLOW = 61;
    public static final int PERM = 63;
    public static final int ROFS = 69;
    public static final int SPIPE = 70;
    public static final int TXTBSY = 74;
    public static final int XDEV = 75;
    public static final int NOTCAPABLE = 76;

    /**
     * The host's error strings ({@code strerror(3)} of glibc, which the JDK puts in
     * {@link FileSystemException#getReason()} and in the message of plain {@link IOException}s from channels)
     * and their errno; checked in this order, first match wins.
     */
    private static final Map<String, Integer> REASONS = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>() {{
        put("Operation not permitted", PERM);
        put("No such file or directory", NOENT);
        put("Permission denied", ACCES);
        put("File exists", EXIST);
        put("Not a directory", NOTDIR);
        put("Is a directory", ISDIR);
        put("Directory not empty", NOTEMPTY);
        put("Too many levels of symbolic links", LOOP);
        put("Invalid cross-device link", XDEV);
        put("Invalid argument", INVAL);
        put("Bad file descriptor", BADF);
        put("File name too long", NAMETOOLONG);
        put("No space left on device", NOSPC);
        put("Disk quota exceeded", DQUOT);
        put("File too large", FBIG);
        put("Read-only file system", ROFS);
        put("Device or resource busy", BUSY);
        put("Text file busy", TXTBSY);
        put("Too many links", MLINK);
        put("Too many open files in system", NFILE);
        put("Too many open files", MFILE);
        put("Illegal seek", SPIPE);
        put("Operation not supported", NOTSUP);
        put("Function not implemented", NOSYS);
        put("Cannot allocate memory", NOMEM);
        put("Resource temporarily unavailable", AGAIN);
        put("Value too large for defined data type", OVERFLOW);
        put("Input/output error", IO);
    }});

    /**
     * Maps a failure inside a host call to the errno the guest sees — the one mapping every {@code fd_*} and
     * {@code path_*} function uses (through {@link Preview1#invoke}), as wasmtime reports the host's errno:
     * the java.nio exception classes first ({@link NoSuchFileException} NOENT, {@link FileAlreadyExistsException}
     * EXIST, {@link DirectoryNotEmptyException} NOTEMPTY, {@link NotDirectoryException} NOTDIR,
     * {@link AccessDeniedException} ACCES (the JDK's EACCES), {@link NotLinkException} INVAL,
     * {@link FileSystemLoopException} LOOP, {@link AtomicMoveNotSupportedException} XDEV, a closed channel BADF),
     * then the host's error string (e.g. "Operation not permitted" PERM, which the JDK reports as a plain
     * {@link FileSystemException}; see {@link #REASONS}), then {@link #IO} when nothing fits. Unchecked:
     * {@link UncheckedIOException} by its cause, a channel opened without read/write BADF,
     * {@link SecurityException} ACCES, {@link UnsupportedOperationException} NOTSUP,
     * {@link IllegalArgumentException} (e.g. a name the host cannot hold) INVAL; anything else IO.
     */
    public static int of(Throwable e) {
        return switch (e) {
            case NoSuchFileException x -> NOENT;
            case FileAlreadyExistsException x -> EXIST;
            case DirectoryNotEmptyException x -> NOTEMPTY;
            case NotDirectoryException x -> NOTDIR;
            case AccessDeniedException x -> ACCES;
            case NotLinkException x -> INVAL;
            case FileSystemLoopException x -> LOOP;
            case AtomicMoveNotSupportedException x -> XDEV;
            case ClosedChannelException x -> BADF;
            case FileSystemException x -> reason(x.getReason());
            case IOException x -> reason(x.getMessage());
            case UncheckedIOException x -> of(x.getCause());
            case NonReadableChannelException x -> BADF;
            case NonWritableChannelException x -> BADF;
            case SecurityException x -> ACCES;
            case UnsupportedOperationException x -> NOTSUP;
            case IllegalArgumentException x -> INVAL;
            default -> IO;
        };
    }

    /** @return the errno of a host error string ({@link #REASONS}; it may have more after it), else {@link #IO} */
    static int reason(String message) {
        if (message == null) return IO;
        for (Map.Entry<String, Integer> r : REASONS.entrySet()) {
            if (message.contains(r.getKey())) return r.getValue();
        }
        return IO;
    }
}
