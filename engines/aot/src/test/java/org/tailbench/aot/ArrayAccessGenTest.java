package org.tailbench.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.testkit.TestSupport.call;
import static org.tailbench.testkit.TestSupport.resource;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The {@code byte[]} path's loads and stores written out in the generated code ({@link ArrayAccessGen}):
 * every access instruction at the last valid address, one past it, and with an address + offset that carries
 * past 2^32 ({@code aot-memory/inline-access.wat}: one page, the bytes 01 02 03 04 05 06 07 88 at 65,528).
 * Expected values from the spec's little-endian byte order and extension rules (spec 2.0 §4.4.7), written
 * out by hand; a trapping store leaves memory unchanged (§4.4.7: the bounds check precedes the write).
 */
class ArrayAccessGenTest {
    private static final String WASM = "/aot-memory/inline-access.wasm";
    private Instance inst;

    @BeforeEach
    void instantiate() {
        inst = new AotEngine().compile(ValidatedModule.of(resource(WASM))).instantiate(new Store(), Imports.NONE);
    }

    @Test
    void theGeneratedFunctionsCallNoMemoryHelper() {
        assertThat(ArrayAccessGen.ALWAYS).as("run by the aot module's surefire execution inline-memory"
                + " (-Dtailbench.aot.inlineMemory=always)").isTrue();
        AotClasses classes = new AotEngine().compileClasses(ValidatedModule.of(resource(WASM)), "inline-access.wasm",
                new AotOptions(true, false, false));
        assertThat(classes.arrayMemory()).isTrue();
        int functions = 0;
        for (byte[] cf : classes.classFiles()) {
            for (MethodModel mm : ClassFile.of().parse(cf).methods()) {
                if (!mm.methodName().stringValue().matches("f\\d+_.*")) continue;
                functions++;
                mm.findAttribute(Attributes.code()).orElseThrow().elementStream()
                        .filter(e -> e instanceof InvokeInstruction)
                        .map(e -> ((InvokeInstruction) e).owner().asInternalName())
                        .forEach(owner -> assertThat(owner).as(mm.methodName().stringValue())
                                .isNotEqualTo("org/tailbench/aot/rt/ArrayMemoryOps"));
            }
        }
        assertThat(functions).isEqualTo(26);
    }

    @Test
    void loadsAtTheLastValidAddress() {
        assertThat(call(inst, "i64.load", 65528)).isEqualTo(0x8807_0605_0403_0201L);
        assertThat(call(inst, "f64.load", 65528)).isEqualTo(0x8807_0605_0403_0201L);
        assertThat((int) call(inst, "i32.load", 65532)).isEqualTo(0x8807_0605);
        assertThat((int) call(inst, "f32.load", 65532)).isEqualTo(0x8807_0605);
        assertThat((int) call(inst, "i32.load16_s", 65534)).isEqualTo(0xFFFF_8807);
        assertThat((int) call(inst, "i32.load16_u", 65534)).isEqualTo(0x8807);
        assertThat((int) call(inst, "i32.load8_s", 65535)).isEqualTo(0xFFFF_FF88);
        assertThat((int) call(inst, "i32.load8_u", 65535)).isEqualTo(0x88);
        assertThat(call(inst, "i64.load8_s", 65535)).isEqualTo(0xFFFF_FFFF_FFFF_FF88L);
        assertThat(call(inst, "i64.load8_u", 65535)).isEqualTo(0x88L);
        assertThat(call(inst, "i64.load16_s", 65534)).isEqualTo(0xFFFF_FFFF_FFFF_8807L);
        assertThat(call(inst, "i64.load16_u", 65534)).isEqualTo(0x8807L);
        assertThat(call(inst, "i64.load32_s", 65532)).isEqualTo(0xFFFF_FFFF_8807_0605L);
        assertThat(call(inst, "i64.load32_u", 65532)).isEqualTo(0x8807_0605L);
        assertThat((int) call(inst, "i32.load_off4", 65528)).isEqualTo(0x8807_0605);
    }

    @Test
    void loadsOnePastTheEndTrap() {
        for (String[] c : new String[][] {{"i64.load", "65529"}, {"f64.load", "65529"}, {"i32.load", "65533"},
                {"f32.load", "65533"}, {"i32.load16_s", "65535"}, {"i32.load16_u", "65535"}, {"i32.load8_s", "65536"},
                {"i32.load8_u", "65536"}, {"i64.load8_s", "65536"}, {"i64.load8_u", "65536"}, {"i64.load16_s", "65535"},
                {"i64.load16_u", "65535"}, {"i64.load32_s", "65533"}, {"i64.load32_u", "65533"},
                {"i32.load_off4", "65529"}, {"i32.load8_u", "-1"}, {"i32.load_offmax", "1"}, {"i32.load_offmax", "0"}}) {
            assertOutOfBounds(() -> call(inst, c[0], Long.parseLong(c[1]) & 0xFFFF_FFFFL));
        }
    }

    @Test
    void storesAtTheLastValidAddressWriteLittleEndian() {
        call(inst, "i64.store", 65528, 0x1122_3344_5566_7788L);
        assertThat(call(inst, "i64.load", 65528)).isEqualTo(0x1122_3344_5566_7788L);
        call(inst, "f64.store", 65528, 0x7FF8_0000_0000_0001L);   // a NaN's payload survives (raw bits)
        assertThat(call(inst, "i64.load", 65528)).isEqualTo(0x7FF8_0000_0000_0001L);
        call(inst, "f32.store", 65532, 0x7FC0_0001L);
        assertThat((int) call(inst, "i32.load", 65532)).isEqualTo(0x7FC0_0001);
        call(inst, "i32.store", 65532, 0xAABB_CCDDL);
        assertThat(call(inst, "i64.load", 65528)).isEqualTo(0xAABB_CCDD_0000_0001L);
        call(inst, "i32.store16", 65534, 0x1234_5678L);               // the low 16 bits
        call(inst, "i32.store8", 65528, 0x1FFL);                      // the low 8 bits
        assertThat(call(inst, "i64.load", 65528)).isEqualTo(0x5678_CCDD_0000_00FFL);
        call(inst, "i64.store32", 65528, 0x0102_0304_0A0B_0C0DL);
        call(inst, "i64.store16", 65532, 0x7777_6666_5555_EEFFL);
        call(inst, "i64.store8", 65535, 0x1234L);
        assertThat(call(inst, "i64.load", 65528)).isEqualTo(0x3478_EEFF_0A0B_0C0DL);
    }

    @Test
    void storesOnePastTheEndTrapAndWriteNothing() {
        for (String[] c : new String[][] {{"i64.store", "65529"}, {"f64.store", "65529"}, {"i32.store", "65533"},
                {"f32.store", "65533"}, {"i32.store16", "65535"}, {"i32.store8", "65536"}, {"i64.store8", "65536"},
                {"i64.store16", "65535"}, {"i64.store32", "65533"}, {"i32.store8", "-1"}, {"i32.store_offmax", "1"}}) {
            assertOutOfBounds(() -> call(inst, c[0], Long.parseLong(c[1]) & 0xFFFF_FFFFL, -1L));
        }
        assertThat(call(inst, "i64.load", 65528)).isEqualTo(0x8807_0605_0403_0201L);
        assertThat((int) call(inst, "i32.load8_u", 0)).isZero();
    }

    private static void assertOutOfBounds(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Trap.class,
                t -> assertThat(t.kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS));
    }
}
