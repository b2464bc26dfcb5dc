package org.tailbench.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;
import org.tailbench.runtime.NumericOps;
import org.tailbench.wasm.Op;

/** The table of instructions aot computes with the shared semantics: resolved from method references, typed like the Op. */
class NumericGenTest {
    @Test
    void everySharedCallIsAPublicStaticMethodOfNumericOpsWithTheInstructionsTypes() throws Exception {
        assertThat(NumericGen.SHARED).hasSize(43);
        for (var e : NumericGen.SHARED.entrySet()) {
            MethodRefs.StaticCall c = e.getValue().call();
            assertThat(c.owner()).isEqualTo(Type.getInternalName(NumericOps.class));
            Type[] args = Type.getArgumentTypes(c.desc());
            Class<?>[] params = new Class<?>[args.length];
            for (int k = 0; k < args.length; k++) params[k] = args[k].getSort() == Type.INT ? int.class
                    : args[k].getSort() == Type.LONG ? long.class : args[k].getSort() == Type.FLOAT ? float.class : double.class;
            Method m = NumericOps.class.getMethod(c.name(), params);
            assertThat(Modifier.isStatic(m.getModifiers())).as(c.name()).isTrue();
            assertThat(Type.getMethodDescriptor(m)).isEqualTo(MethodRefs.descriptor(e.getKey().signature));
        }
    }

    @Test
    void exactlyTheDivisionsAndTruncationsTrap() {
        NumericGen.SHARED.forEach((op, s) -> assertThat(s.traps()).as(op.text)
                .isEqualTo(op.text.contains(".div_") || op.text.contains(".rem_") || op.text.matches("i..\\.trunc_f.*")));
        assertThat(NumericGen.SHARED.get(Op.I32_TRUNC_SAT_F32_U).traps()).isFalse();
    }

    @Test
    void aLambdaIsNoMethodReference() {
        assertThatThrownBy(() -> MethodRefs.resolve((MethodRefs.F_F) x -> x + 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a reference to a static method");
    }

    @Test
    void descriptorsFollowTheOpSignature() {
        assertThat(MethodRefs.descriptor("dd:d")).isEqualTo("(DD)D");
        assertThat(MethodRefs.descriptor("f:l")).isEqualTo("(F)J");
        assertThat(MethodRefs.descriptor("ii:")).isEqualTo("(II)V");
    }
}
