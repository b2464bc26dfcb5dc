package org.tailbench.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.wasm.ModuleBuilder.F64;
import static org.tailbench.wasm.ModuleBuilder.I32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.validate.ValidatedModule;

/** {@link ModuleBuilder}: LEB128 encodings from the spec's examples, and built modules decode and validate as meant. */
class ModuleBuilderTest {
    private static String hex(Body b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b.bytes()) s.append(String.format("%02x", x & 0xFF));
        return s.toString();
    }

    @ParameterizedTest
    @CsvSource({"0, 00", "127, 7f", "128, 8001", "624485, e58e26", "4294967295, ffffffff0f"})
    void unsignedLeb128(long value, String expected) {
        assertThat(hex(new Body().u32(value))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 00", "-1, 7f", "63, 3f", "64, c000", "-64, 40", "-65, bf7f", "-123456, c0bb78",
            "-2147483648, 8080808078"})
    void signedLeb128(long value, String expected) {
        assertThat(hex(new Body().s64(value))).isEqualTo(expected);
    }

    @Test
    void prefixedOpcodesGetTheirPrefix() {
        assertThat(hex(new Body().op(Op.MEMORY_FILL))).isEqualTo("fc0b");
        assertThat(hex(new Body().op(Op.I32_ADD))).isEqualTo("6a");
    }

    @Test
    void everySectionDecodesAndValidates() {
        ModuleBuilder mb = new ModuleBuilder().memory(1).data(8, new byte[] {1, 2, 3});
        int t = mb.type(new int[] {I32}, I32);
        int imported = mb.importFunc("env", "f", t);
        int a = mb.func(t, new int[] {2, I32, 1, F64}, new Body().localGet(0).call(imported));
        int b = mb.func(t, 0, new Body().localGet(0).i32Const(0).returnCallIndirect(t));
        byte[] wasm = mb.table(a, b).export("a", a).export("b", b).build();

        Module m = ValidatedModule.of(wasm).module();
        assertThat(m.importedFunctions()).isEqualTo(1);
        assertThat(m.functions).hasSize(2);
        assertThat(m.functions.get(0).locals()).containsExactly(ValType.I32, ValType.I32, ValType.F64);
        assertThat(m.exports).extracting(Module.Export::name, Module.Export::index)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1), org.assertj.core.groups.Tuple.tuple("b", 2));
        assertThat(m.elements.getFirst().items()).hasSize(2);
        assertThat(m.datas.getFirst().init()).containsExactly(1, 2, 3);
    }

    @Test
    void importsAfterFunctionsAndOddLocalRunsAreRefused() {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[0]);
        assertThatThrownBy(() -> mb.func(t, new int[] {1}, new Body())).isInstanceOf(IllegalArgumentException.class);
        mb.func(t, 0, new Body());
        assertThatThrownBy(() -> mb.importFunc("m", "n", t)).isInstanceOf(IllegalStateException.class);
    }
}
