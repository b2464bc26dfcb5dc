package org.tailbench.wasm.validate;

import org.junit.jupiter.api.Test;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.InvalidModuleException;
import org.tailbench.wasm.Limits;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.ValType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.wasm.Op.*;
import static org.tailbench.wasm.ValType.EXTERNREF;
import static org.tailbench.wasm.ValType.I32;
import static org.tailbench.wasm.ValType.I64;
import static org.tailbench.wasm.validate.Fn.NONE;
import static org.tailbench.wasm.validate.Fn.params;

/** Error reporting of hand-built invalid modules: spec wording, function index (imports counted) and byte offset. */
class ValidatorErrorTest {

    private static InvalidModuleException invalid(Module m) {
        try {
            Validator.validate(m);
        } catch (InvalidModuleException e) {
            return e;
        }
        throw new AssertionError("module validated");
    }

    @Test
    void typeMismatchNamesFunctionIndexWithImportsAndInstructionOffset() {
        Fn fn = Fn.of(NONE, I32);
        fn.module.addImport(new Module.Import("env", "f", Module.ExternKind.FUNC, 0, null, null, null));
        InvalidModuleException e = invalid(fn.op(I64_CONST, 1).op(END).build());
        assertThat(e.specMessage()).startsWith("type mismatch");
        assertThat(e.functionIndex()).isEqualTo(1);
        assertThat(e.offset()).isEqualTo(101); // the end (instruction 1) finds i64 where i32 is due
    }

    @Test
    void operandOfWrongType() {
        InvalidModuleException e = invalid(Fn.of(NONE).op(I32_CONST, 1).op(I64_CONST, 2).op(I32_ADD).op(DROP).op(END).build());
        assertThat(e.specMessage()).startsWith("type mismatch");
        assertThat(e.offset()).isEqualTo(102);
    }

    @Test
    void unreachableMakesThePolymorphicStackAcceptAnything() {
        FunctionInfo f = Fn.of(NONE, I32).op(UNREACHABLE).op(I32_ADD).op(END).info();
        assertThat(f.stackHeight()).containsExactly(0, -1, -1);
    }

    @Test
    void unknownLocalAndLabel() {
        assertThat(invalid(Fn.of(params(I32)).locals(I64).op(LOCAL_GET, 2).op(DROP).op(END).build()).specMessage())
                .isEqualTo("unknown local 2");
        assertThat(invalid(Fn.of(NONE).op(BR, 1).op(END).build()).specMessage()).isEqualTo("unknown label 1");
    }

    @Test
    void immutableGlobal() {
        Fn fn = Fn.of(NONE);
        Code.Builder b = new Code.Builder();
        b.add(I32_CONST, 0, 0, 0);
        b.add(END, 1, 0, 0);
        fn.module.globals.add(new Module.Global(new Module.GlobalType(I32, false), b.build()));
        assertThat(invalid(fn.op(I32_CONST, 1).op(GLOBAL_SET, 0).op(END).build()).specMessage()).isEqualTo("global is immutable");
    }

    @Test
    void refFuncMustBeDeclared() {
        assertThat(invalid(Fn.of(NONE).op(REF_FUNC, 0).op(DROP).op(END).build()).specMessage())
                .isEqualTo("undeclared function reference 0");
        Fn declared = Fn.of(NONE);
        declared.module.exports.add(new Module.Export("f", Module.ExternKind.FUNC, 0));
        assertThat(declared.op(REF_FUNC, 0).op(DROP).op(END).info().maxStackHeight()).isEqualTo(1);
    }

    @Test
    void returnCallNeedsTheCallersResults() {
        Fn fn = Fn.of(NONE, I32);
        fn.module.types.add(org.tailbench.wasm.FuncType.of(NONE, I64));
        fn.module.addImport(new Module.Import("env", "g", Module.ExternKind.FUNC, 1, null, null, null));
        InvalidModuleException e = invalid(fn.op(RETURN_CALL, 0).op(END).build());
        assertThat(e.specMessage()).startsWith("type mismatch");
        assertThat(e.offset()).isEqualTo(100);
    }

    @Test
    void callIndirectNeedsAFuncrefTable() {
        Fn fn = Fn.of(NONE);
        fn.module.tables.add(new Module.TableType(EXTERNREF, new Limits(1, -1)));
        assertThat(invalid(fn.op(I32_CONST, 0).op(CALL_INDIRECT, 0, 0).op(END).build()).specMessage()).startsWith("type mismatch");
    }

    @Test
    void alignmentAndMissingMemory() {
        assertThat(invalid(Fn.of(NONE).op(I32_CONST, 0).op(I32_LOAD, 0, 2).op(DROP).op(END).build()).specMessage())
                .isEqualTo("unknown memory 0");
        Fn fn = Fn.of(NONE);
        fn.module.memories.add(new Module.MemoryType(new Limits(1, -1)));
        assertThat(invalid(fn.op(I32_CONST, 0).op(I32_LOAD16_U, 0, 2).op(DROP).op(END).build()).specMessage())
                .isEqualTo("alignment must not be larger than natural");
    }

    @Test
    void typedSelectNeedsExactlyOneType() {
        assertThat(invalid(Fn.of(NONE).op(I32_CONST, 0).op(I32_CONST, 0).op(I32_CONST, 0).op(SELECT_T, 0x7F, 2).op(END).build())
                .specMessage()).isEqualTo("invalid result arity");
    }

    @Test
    void untypedSelectRejectsReferences() {
        assertThat(invalid(Fn.of(NONE).op(REF_NULL, 0x6F).op(REF_NULL, 0x6F).op(I32_CONST, 0).op(SELECT).op(DROP).op(END).build())
                .specMessage()).startsWith("type mismatch");
    }

    @Test
    void simdIsRejected() {
        assertThat(invalid(Fn.of(NONE).locals(ValType.V128).op(END).build()).specMessage()).startsWith("SIMD is not supported");
    }

    @Test
    void moduleLevelChecks() {
        Fn mem = Fn.of(NONE);
        mem.module.memories.add(new Module.MemoryType(new Limits(65537, -1)));
        assertThat(invalid(mem.op(END).build()).specMessage()).isEqualTo("memory size must be at most 65536 pages (4GiB)");

        Fn exp = Fn.of(NONE);
        exp.module.exports.add(new Module.Export("a", Module.ExternKind.FUNC, 0));
        exp.module.exports.add(new Module.Export("a", Module.ExternKind.FUNC, 0));
        assertThat(invalid(exp.op(END).build()).specMessage()).isEqualTo("duplicate export name");

        Fn start = Fn.of(params(I32));
        start.module.start = 0;
        assertThat(invalid(start.op(END).build()).specMessage()).startsWith("start function");
    }

    @Test
    void globalInitialiserMayOnlyReadImportedGlobals() {
        Fn fn = Fn.of(NONE);
        Code.Builder c = new Code.Builder();
        c.add(I32_CONST, 0, 0, 0);
        c.add(END, 1, 0, 0);
        fn.module.globals.add(new Module.Global(new Module.GlobalType(I32, false), c.build()));
        Code.Builder g = new Code.Builder();
        g.add(GLOBAL_GET, 0, 0, 0);
        g.add(END, 1, 0, 0);
        fn.module.globals.add(new Module.Global(new Module.GlobalType(I32, false), g.build()));
        assertThat(invalid(fn.op(END).build()).specMessage()).isEqualTo("unknown global 0");
    }

    @Test
    void deepNestingNeedsNoJavaRecursion() {
        Fn fn = Fn.of(NONE);
        int depth = 100_000;
        for (int i = 0; i < depth; i++) fn.op(BLOCK, Code.BLOCK_EMPTY);
        for (int i = 0; i < depth; i++) fn.op(END);
        FunctionInfo f = fn.op(END).info();
        assertThat(f.end()[0]).isEqualTo(2 * depth - 1);
        assertThat(f.end()[depth - 1]).isEqualTo(depth);
    }
}
