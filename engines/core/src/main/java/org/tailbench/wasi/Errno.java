package org.tailbench.wasi;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

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
    public static final int EXIST = 20;
    public static final int FAULT = 21;
    public static final int FBIG = 22;
    public static final int ILSEQ = 25;
    public static final int INVAL = 28;
    public static final int IO = 29;
    public static final int ISDIR = 31;
    public static final int LOOP = 32;
    public static final int MFILE = 33;
    public static final int NAMETOOLONG = 37;
    public static final int NOENT = 44;
    public static final int NOMEM = 48;
    public static final int NOSPC = 51;
    public static final int NOSYS = 52;
    public static final int NOTDIR = 54;
    public static final int NOTEMPTY = 55;
    public static final int NOTSUP = 58;
    public static final int OVERFLOW = 61;
    public static final int PERM = 63;
    public static final int SPIPE = 70;
    public static final int XDEV = 75;
    public static final int NOTCAPABLE = 76;

    /** Maps a java.nio failure to the closest errno ({@link #IO} when nothing closer fits). */
    public static int of(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> NOENT;
            case FileAlreadyExistsException x -> EXIST;
            case DirectoryNotEmptyException x -> NOTEMPTY;
            case NotDirectoryException x -> NOTDIR;
            case AccessDeniedException x -> ACCES;
            case NotLinkException x -> INVAL;
            case FileSystemLoopException x -> LOOP;
            default -> {
                String m = String.valueOf(e.getMessage());
                if (m.contains("Is a directory")) yield ISDIR;
                if (m.contains("Not a directory")) yield NOTDIR;
                if (m.contains("Too many levels of symbolic links")) yield LOOP;
                if (m.contains("No space left")) yield NOSPC;
                if (m.contains("File name too long")) yield NAMETOOLONG;
                yield IO;
            }
        };
    }
}
