package org.tailbench.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.Extern;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.ValType;

/** Every function of wasi_snapshot_preview1.witx resolves, under both module names, with the witx core type. */
class WasiImportsTest {
    static final ValType I = ValType.I32, L = ValType.I64;

    /** name and parameter types, written out from the witx (not from Preview1's table). */
    static List<Object[]> witx() {
        return List.of(
            new Object[] {"args_get", new ValType[] {I, I}},
            new Object[] {"args_sizes_get", new ValType[] {I, I}},
            new Object[] {"environ_get", new ValType[] {I, I}},
            new Object[] {"environ_sizes_get", new ValType[] {I, I}},
            new Object[] {"clock_res_get", new ValType[] {I, I}},
            new Object[] {"clock_time_get", new ValType[] {I, L, I}},
            new Object[] {"fd_advise", new ValType[] {I, L, L, I}},
            new Object[] {"fd_allocate", new ValType[] {I, L, L}},
            new Object[] {"fd_close", new ValType[] {I}},
            new Object[] {"fd_datasync", new ValType[] {I}},
            new Object[] {"fd_fdstat_get", new ValType[] {I, I}},
            new Object[] {"fd_fdstat_set_flags", new ValType[] {I, I}},
            new Object[] {"fd_fdstat_set_rights", new ValType[] {I, L, L}},
            new Object[] {"fd_filestat_get", new ValType[] {I, I}},
            new Object[] {"fd_filestat_set_size", new ValType[] {I, L}},
            new Object[] {"fd_filestat_set_times", new ValType[] {I, L, L, I}},
            new Object[] {"fd_pread", new ValType[] {I, I, I, L, I}},
            new Object[] {"fd_prestat_get", new ValType[] {I, I}},
            new Object[] {"fd_prestat_dir_name", new ValType[] {I, I, I}},
            new Object[] {"fd_pwrite", new ValType[] {I, I, I, L, I}},
            new Object[] {"fd_read", new ValType[] {I, I, I, I}},
            new Object[] {"fd_readdir", new ValType[] {I, I, I, L, I}},
            new Object[] {"fd_renumber", new ValType[] {I, I}},
            new Object[] {"fd_seek", new ValType[] {I, L, I, I}},
            new Object[] {"fd_sync", new ValType[] {I}},
            new Object[] {"fd_tell", new ValType[] {I, I}},
            new Object[] {"fd_write", new ValType[] {I, I, I, I}},
            new Object[] {"path_create_directory", new ValType[] {I, I, I}},
            new Object[] {"path_filestat_get", new ValType[] {I, I, I, I, I}},
            new Object[] {"path_filestat_set_times", new ValType[] {I, I, I, I, L, L, I}},
            new Object[] {"path_link", new ValType[] {I, I, I, I, I, I, I}},
            new Object[] {"path_open", new ValType[] {I, I, I, I, I, L, L, I, I}},
            new Object[] {"path_readlink", new ValType[] {I, I, I, I, I, I}},
            new Object[] {"path_remove_directory", new ValType[] {I, I, I}},
            new Object[] {"path_rename", new ValType[] {I, I, I, I, I, I}},
            new Object[] {"path_symlink", new ValType[] {I, I, I, I, I}},
            new Object[] {"path_unlink_file", new ValType[] {I, I, I}},
            new Object[] {"poll_oneoff", new ValType[] {I, I, I, I}},
            new Object[] {"proc_raise", new ValType[] {I}},
            new Object[] {"sched_yield", new ValType[] {}},
            new Object[] {"random_get", new ValType[] {I, I}},
            new Object[] {"sock_accept", new ValType[] {I, I, I}},
            new Object[] {"sock_recv", new ValType[] {I, I, I, I, I, I}},
            new Object[] {"sock_send", new ValType[] {I, I, I, I, I}},
            new Object[] {"sock_shutdown", new ValType[] {I, I}});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("witx")
    void resolvesWithTheWitxType(String name, ValType[] params) {
        Wasi wasi = Wasi.builder().build();
        for (String module : List.of(Wasi.PREVIEW1, Wasi.UNSTABLE)) {
            Extern e = wasi.imports().resolve(module, name);
            assertThat(e).as(module + "." + name).isInstanceOf(FunctionInstance.class);
            assertThat(((FunctionInstance) e).type()).isEqualTo(FuncType.of(params, ValType.I32));
        }
    }

    @Test
    void procExitHasNoResultAndBenchHooksExist() {
        Wasi wasi = Wasi.builder().build();
        assertThat(((FunctionInstance) wasi.imports().resolve(Wasi.PREVIEW1, "proc_exit")).type())
                .isEqualTo(FuncType.of(new ValType[] {I}));
        FunctionInstance start = (FunctionInstance) wasi.imports().resolve("bench", "start");
        FunctionInstance end = (FunctionInstance) wasi.imports().resolve("bench", "end");
        assertThat(start.type()).isEqualTo(FuncType.EMPTY);
        assertThat(wasi.benchNanos()).isEmpty();
        start.invoke();
        end.invoke();
        assertThat(wasi.benchNanos()).isPresent();
        assertThat(wasi.benchNanos().getAsLong()).isNotNegative();
        assertThat(wasi.imports().resolve(Wasi.PREVIEW1, "no_such_function")).isNull();
        assertThat(wasi.imports().resolve("env", "fd_write")).isNull();
    }
}
