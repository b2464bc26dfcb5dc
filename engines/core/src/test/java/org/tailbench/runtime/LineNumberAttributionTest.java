package org.tailbench.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tailbench.runtime.FrameAttribution.Attribution;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.validate.ValidatedModule;

class LineNumberAttributionTest {
    private static final String GEN = "org.example.gen.";

    /** (import) f0; f1 = local.get 0, i32.const 7, i32.add, end */
    private static ValidatedModule module() {
        ModuleBuilder b = new ModuleBuilder();
        int t = b.type(new int[] {ModuleBuilder.I32}, ModuleBuilder.I32);
        b.importFunc("env", "h", t);
        b.func(t, 0, new ModuleBuilder.Body().localGet(0).i32Const(7).op(0x6A));
        return ValidatedModule.of(b.build());
    }

    @Test
    void mapsLineNumbersToTheInstructionAtThatByteOffset() {
        ValidatedModule m = module();
        Code code = m.module().functions.getFirst().body();
        // the instructions' byte offsets as the decoder found them
        int localGet = code.pos[0], i32Const = code.pos[1], add = code.pos[2];
        assertThat(i32Const - localGet).isEqualTo(2);   // 0x20 0x00
        assertThat(add - i32Const).isEqualTo(2);        // 0x41 0x07
        var a = LineNumberAttribution.absolute(m, GEN, "aot");
        assertThat(a.attribute(GEN + "M", "f1_main", 3, localGet)).isEqualTo(new Attribution("local.get", 1));
        assertThat(a.attribute(GEN + "M", "f1", 3, i32Const + 1)).isEqualTo(new Attribution("i32.const", 1));   // inside the immediate
        assertThat(a.attribute(GEN + "M", "f1$part2", 3, add)).isEqualTo(new Attribution("i32.add", 1));
        assertThat(a.attribute(GEN + "M", "f1", 3, -1)).isEqualTo(new Attribution(null, 1));   // no line: function only
    }

    @Test
    void bodyRelativeLinesCountFromTheBodyOffset() {
        ValidatedModule m = module();
        var fn = m.module().functions.getFirst();
        Code code = fn.body();
        var a = LineNumberAttribution.relativeToBody(m, GEN, "aot");
        assertThat(a.attribute(GEN + "M", "f1_main", 3, code.pos[2] - fn.bodyOffset())).isEqualTo(new Attribution("i32.add", 1));
        assertThat(a.attribute(GEN + "M", "f1_main", 3, code.pos[0] - fn.bodyOffset())).isEqualTo(new Attribution("local.get", 1));
        assertThat(a.attribute(GEN + "M", "f1_main", 3, 0xFFFF)).isEqualTo(new Attribution(null, 1));   // clamped line
        assertThat(a.method()).contains("function body");
    }

    @Test
    void leavesOtherFramesUnknown() {
        var a = LineNumberAttribution.absolute(module(), GEN, "aot");
        assertThat(a.attribute("java.lang.Math", "f1", 0, 30).known()).isFalse();     // other class
        assertThat(a.attribute(GEN + "M", "helper", 0, 30).known()).isFalse();         // not f<index>
        assertThat(a.attribute(GEN + "M", "f0", 0, 30).known()).isFalse();             // f0 is the import
        assertThat(a.attribute(GEN + "M", "f9", 0, 30).known()).isFalse();             // no such function
        assertThat(a.attribute(GEN + "M", "f99999999999", 0, 30).known()).isFalse();   // index overflows int
        assertThat(a.method()).contains("aot").contains("line number");
    }

    @Test
    void enginesDefaultToNoAttribution() {
        Engine e = new Engine() {
            @Override public String name() { return "x"; }
            @Override public String description() { return "x"; }
            @Override public CompiledModule compile(ValidatedModule module) { throw new UnsupportedOperationException(); }
        };
        FrameAttribution none = e.frameAttribution(module());
        assertThat(none.available()).isFalse();
        assertThat(none.attribute(GEN + "M", "f1", 0, 0)).isEqualTo(Attribution.UNKNOWN);
    }
}
