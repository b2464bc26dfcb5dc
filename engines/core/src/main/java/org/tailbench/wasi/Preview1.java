package org.tailbench.wasi;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tailbench.runtime.HostFunction;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Trap;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.ValType;

/**
 * The function table of WASI preview 1: every function of {@code wasi_snapshot_preview1.witx} with its
 * core Wasm type (i32 for handles, pointers, sizes and small enums/flags; i64 for u64 values; one i32
 * errno result, except {@code proc_exit}, which has none). Functions this host does not implement
 * ({@code proc_raise}) return {@link Errno#NOSYS}, so every valid WASI program links; the {@code sock_*} functions
 * answer NOTSOCK (there are no sockets).
 */
final class Preview1 {
    private Preview1() {}

    /** A host function body: returns an errno, or throws {@link WasiError} / {@link IOException}. */
    @FunctionalInterface
    interface Impl {
        int call(GuestMemory m, long[] args) throws IOException;
    }

    /** name → parameter signature ({@code i} = i32, {@code I} = i64), in witx order. */
    static final Map<String, String> SIGNATURES = new LinkedHashMap<>();
    static {
        String[] table = {
            "args_get ii", "args_sizes_get ii", "environ_get ii", "environ_sizes_get ii",
            "clock_res_get ii", "clock_time_get iIi",
            "fd_advise iIIi", "fd_allocate iII", "fd_close i", "fd_datasync i", "fd_fdstat_get ii",
            "fd_fdstat_set_flags ii", "fd_fdstat_set_rights iII", "fd_filestat_get ii", "fd_filestat_set_size iI",
            "fd_filestat_set_times iIIi", "fd_pread iiiIi", "fd_prestat_get ii", "fd_prestat_dir_name iii",
            "fd_pwrite iiiIi", "fd_read iiii", "fd_readdir iiiIi", "fd_renumber ii", "fd_seek iIii", "fd_sync i",
            "fd_tell ii", "fd_write iiii",
            "path_create_directory iii", "path_filestat_get iiiii", "path_filestat_set_times iiiiIIi",
            "path_link iiiiiii", "path_open iiiiiIIii", "path_readlink iiiiii", "path_remove_directory iii",
            "path_rename iiiiii", "path_symlink iiiii", "path_unlink_file iii",
            "poll_oneoff iiii", "proc_exit i", "proc_raise i", "sched_yield ", "random_get ii",
            "sock_accept iii", "sock_recv iiiiii", "sock_send iiiii", "sock_shutdown ii",
        };
        for (String s : table) {
            int sp = s.indexOf(' ');
            SIGNATURES.put(s.substring(0, sp), s.substring(sp + 1));
        }
    }

    /** @return the core Wasm type of preview 1 function {@code name} */
    static FuncType type(String name) {
        String sig = SIGNATURES.get(name);
        ValType[] params = new ValType[sig.length()];
        for (int i = 0; i < params.length; i++) params[i] = sig.charAt(i) == 'I' ? ValType.I64 : ValType.I32;
        return name.equals("proc_exit") ? FuncType.of(params) : FuncType.of(params, ValType.I32);
    }

    /** @return the implementations, by name; names missing here answer {@link Errno#NOSYS} */
    static Map<String, Impl> impls(WasiContext ctx, boolean unstable) {
        FdFunctions fd = new FdFunctions(ctx, unstable);
        PathFunctions path = new PathFunctions(ctx, unstable);
        ProcFunctions proc = new ProcFunctions(ctx, unstable);
        Map<String, Impl> m = new LinkedHashMap<>();
        m.put("args_get", proc::argsGet);
        m.put("args_sizes_get", proc::argsSizesGet);
        m.put("environ_get", proc::environGet);
        m.put("environ_sizes_get", proc::environSizesGet);
        m.put("clock_res_get", proc::clockResGet);
        m.put("clock_time_get", proc::clockTimeGet);
        m.put("fd_advise", fd::advise);
        m.put("fd_allocate", fd::allocate);
        m.put("fd_close", fd::close);
        m.put("fd_datasync", (g, a) -> fd.sync(g, a, false));
        m.put("fd_fdstat_get", fd::fdstatGet);
        m.put("fd_fdstat_set_flags", fd::fdstatSetFlags);
        m.put("fd_fdstat_set_rights", fd::fdstatSetRights);
        m.put("fd_filestat_get", fd::filestatGet);
        m.put("fd_filestat_set_size", fd::filestatSetSize);
        m.put("fd_filestat_set_times", fd::filestatSetTimes);
        m.put("fd_pread", fd::pread);
        m.put("fd_prestat_get", fd::prestatGet);
        m.put("fd_prestat_dir_name", fd::prestatDirName);
        m.put("fd_pwrite", fd::pwrite);
        m.put("fd_read", fd::read);
        m.put("fd_readdir", fd::readdir);
        m.put("fd_renumber", fd::renumber);
        m.put("fd_seek", fd::seek);
        m.put("fd_sync", (g, a) -> fd.sync(g, a, true));
        m.put("fd_tell", fd::tell);
        m.put("fd_write", fd::write);
        m.put("path_create_directory", path::createDirectory);
        m.put("path_filestat_get", path::filestatGet);
        m.put("path_filestat_set_times", path::filestatSetTimes);
        m.put("path_link", path::link);
        m.put("path_open", path::open);
        m.put("path_readlink", path::readlink);
        m.put("path_remove_directory", path::removeDirectory);
        m.put("path_rename", path::rename);
        m.put("path_symlink", path::symlink);
        m.put("path_unlink_file", path::unlinkFile);
        m.put("poll_oneoff", proc::pollOneoff);
        m.put("proc_exit", proc::procExit);
        m.put("sched_yield", proc::schedYield);
        m.put("random_get", proc::randomGet);
        for (String sock : new String[] {"sock_accept", "sock_recv", "sock_send", "sock_shutdown"}) m.put(sock, fd::sock);
        for (String name : SIGNATURES.keySet()) m.putIfAbsent(name, (g, a) -> Errno.NOSYS);
        return m;
    }

    /** @return one host function per preview 1 name, for import module {@code module} */
    static Map<String, HostFunction> hostFunctions(String module, WasiContext ctx, boolean unstable) {
        Map<String, HostFunction> out = new LinkedHashMap<>();
        impls(ctx, unstable).forEach((name, impl) -> {
            boolean noResult = name.equals("proc_exit");
            out.put(name, new HostFunction(module, name, type(name), (caller, args) -> {
                int errno = invoke(impl, new GuestMemory(caller == null ? null : caller.memory()), args);
                return noResult ? new long[0] : new long[] {errno};
            }));
        });
        return out;
    }

    /**
     * Runs {@code impl}, turning every failure but {@link WasiExit} into an errno: {@link WasiError}'s own,
     * out-of-bounds guest memory as {@link Errno#FAULT}, every other exception mapped by {@link Errno#of}.
     */
    static int invoke(Impl impl, GuestMemory m, long[] args) {
        try {
            return impl.call(m, args);
        } catch (WasiError e) {
            return e.errno;
        } catch (Trap e) {
            return Errno.FAULT; // a memory access GuestMemory did not catch
        } catch (IOException | java.io.UncheckedIOException | SecurityException | UnsupportedOperationException
                 | IllegalArgumentException | java.nio.channels.NonReadableChannelException
                 | java.nio.channels.NonWritableChannelException e) {
            return Errno.of(e); // not WasiExit, nor a bug of the host (those reach the embedder)
        }
    }
}
