package org.tailbench.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tailbench.wasi.Wasi;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Limits;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ValType;
import org.tailbench.wasm.validate.ValidatedModule;

/** The core pieces peer engines use: Wasi.config/serving, Instance.ofExports, TrapKind.fromMessage. */
class PeerSupportTest {
    @Test
    void wasiConfigIsWhatTheBuilderWasGivenWithRealPreopenPaths(@TempDir Path dir) throws IOException {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var in = new ByteArrayInputStream(new byte[0]);
        Wasi wasi = Wasi.builder().args(List.of("prog", "x")).env(Map.of("K", "V")).stdin(in).stdout(out).stderr(err)
                .preopen(dir.resolve("."), "/sandbox").randomSeed(7).build();
        Wasi.Config c = wasi.config();
        assertThat(c.args()).containsExactly("prog", "x");
        assertThat(c.env()).containsExactly("K=V");
        assertThat(c.stdin()).isSameAs(in);
        assertThat(c.stdout()).isSameAs(out);
        assertThat(c.stderr()).isSameAs(err);
        assertThat(c.preopens()).containsExactly(Map.entry("/sandbox", dir.toRealPath()));
        assertThat(c.randomSeed()).hasValue(7);
        assertThat(Wasi.builder().build().config().randomSeed()).isEmpty();
    }

    @Test
    void servingRecognisesOnlyAWasisOwnImports() {
        Wasi wasi = Wasi.builder().build();
        assertThat(Wasi.serving(wasi.imports())).containsSame(wasi);
        assertThat(Wasi.serving(Imports.NONE)).isEmpty();
        assertThat(Wasi.serving(wasi.imports().orElse(Imports.NONE))).isEmpty();
        assertThat(wasi.imports().resolve(Wasi.PREVIEW1, "fd_write")).isInstanceOf(HostFunction.class);
        assertThat(wasi.imports().resolve("env", "fd_write")).isNull();
    }

    @Test
    void aForeignInstanceShowsItsExportsAndRegistersItsFunctions() {
        ModuleBuilder mb = new ModuleBuilder();
        mb.export("f", mb.func(mb.type(new int[0], ModuleBuilder.I32), 0, new ModuleBuilder.Body().i32Const(3)));
        ValidatedModule vm = ValidatedModule.of(mb.build());
        Store store = new Store();
        FunctionInstance f = new FunctionInstance(FuncType.of(new ValType[0], ValType.I32)) {
            @Override public long[] invoke(long... args) { return new long[] {3}; }
        };
        Memory mem = new Memory(new Limits(0, -1), Memory.MAX_PAGES);
        Map<String, Extern> exports = new LinkedHashMap<>();
        exports.put("f", f);
        exports.put("mem", mem);
        Instance inst = Instance.ofExports(vm.module(), store, exports);
        assertThat(inst.exports().keySet()).containsExactly("f", "mem");
        assertThat(inst.exportedFunction("f").invoke()).containsExactly(3);
        assertThat(f.address()).isGreaterThanOrEqualTo(0);
        assertThat(store.function(f.address())).isSameAs(f);
        assertThat(inst.functions).isEmpty();
        assertThat(inst.memory()).isNull();
    }

    @Test
    void trapKindsAreRecognisedInOtherRuntimesMessages() {
        assertThat(TrapKind.fromMessage("wasm trap: integer divide by zero")).isEqualTo(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        assertThat(TrapKind.fromMessage("Out of bounds memory access: attempted to access address: 70000"))
                .isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        assertThat(TrapKind.fromMessage("uninitialized element 3")).isEqualTo(TrapKind.UNINITIALIZED_ELEMENT);
        assertThat(TrapKind.fromMessage("undefined element: out of bounds table access")).isEqualTo(TrapKind.UNDEFINED_ELEMENT);
        assertThat(TrapKind.fromMessage("call stack exhausted")).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED);
        assertThat(TrapKind.fromMessage("something else")).isEqualTo(TrapKind.HOST);
        assertThat(TrapKind.fromMessage(null)).isEqualTo(TrapKind.HOST);
    }
}
