package org.tailbench.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Limits;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Module.ExternKind;
import org.tailbench.wasm.Module.GlobalType;
import org.tailbench.wasm.Module.SegmentMode;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;
import org.tailbench.wasm.validate.FunctionInfo;
import org.tailbench.wasm.validate.ValidatedModule;

/** Instantiation (spec 2.0 §4.5.4) on hand-built modules, with function instances that only record calls. */
class InstantiatorTest {
    private static final FuncType VOID = FuncType.EMPTY;
    private static final FuncType I32_TO_VOID = new FuncType(new ValType[] {ValType.I32}, new ValType[0]);

    /** A defined function that records its calls in {@link #calls}. */
    private final List<String> calls = new ArrayList<>();

    private final class Recorder extends FunctionInstance {
        final int index;
        Recorder(FuncType t, int index) { super(t); this.index = index; }
        @Override public long[] invoke(long... args) { calls.add("f" + index); return new long[0]; }
    }

    private Instance instantiate(Store store, Module m, Imports imports) {
        ValidatedModule vm = new ValidatedModule(m, new FunctionInfo[m.functions.size()]);
        return Instantiator.instantiate(store, vm, imports,
                (inst, i) -> new Recorder(m.types.get(m.functions.get(i).typeIndex()), m.importedFunctions() + i));
    }

    private static Code expr(Op op, long a) {
        Code.Builder b = new Code.Builder();
        b.add(op, 0, a, 0);
        b.add(Op.END, 1, 0, 0);
        return b.build();
    }

    private static Code i32(int v) { return expr(Op.I32_CONST, v); }

    private static Module.Import importOf(String name, ExternKind kind, int type, Module.TableType t, Module.MemoryType mem, GlobalType g) {
        return new Module.Import("env", name, kind, type, t, mem, g);
    }

    private static Module withFunctions(int n) {
        Module m = new Module();
        m.types.add(VOID);
        for (int i = 0; i < n; i++) m.functions.add(new Module.Function(0, new ValType[0], i32(0), 0));
        return m;
    }

    @Test
    void missingImportIsUnknownImport() {
        Module m = withFunctions(0);
        m.addImport(importOf("f", ExternKind.FUNC, 0, null, null, null));
        assertThatThrownBy(() -> instantiate(new Store(), m, Imports.NONE))
                .isInstanceOf(LinkException.class)
                .satisfies(e -> assertThat(((LinkException) e).specMessage()).isEqualTo("unknown import"))
                .hasMessageContaining("env.f");
    }

    @Test
    void importTypesAreChecked() {
        Module m = withFunctions(0);
        m.types.add(I32_TO_VOID);
        m.addImport(importOf("f", ExternKind.FUNC, 1, null, null, null));
        HostFunction wrongType = new HostFunction("env", "f", VOID, (c, a) -> new long[0]);
        assertThatThrownBy(() -> instantiate(new Store(), m, (mod, n) -> wrongType))
                .isInstanceOf(LinkException.class)
                .satisfies(e -> assertThat(((LinkException) e).specMessage()).isEqualTo("incompatible import type"));
        // a memory where a function is expected
        Memory mem = new Memory(new Limits(1, -1), 10);
        assertThatThrownBy(() -> instantiate(new Store(), m, (mod, n) -> mem)).isInstanceOf(LinkException.class);
    }

    @Test
    void limitsAndMutabilityAreMatched() {
        Store store = new Store();
        Memory mem = new Memory(new Limits(1, 2), 10);
        Module wantsMax1 = withFunctions(0);
        wantsMax1.addImport(importOf("m", ExternKind.MEMORY, 0, null, new Module.MemoryType(new Limits(1, 1)), null));
        assertThatThrownBy(() -> instantiate(store, wantsMax1, (mod, n) -> mem)).isInstanceOf(LinkException.class);
        Module wantsMin2 = withFunctions(0);
        wantsMin2.addImport(importOf("m", ExternKind.MEMORY, 0, null, new Module.MemoryType(new Limits(2, -1)), null));
        assertThatThrownBy(() -> instantiate(store, wantsMin2, (mod, n) -> mem)).isInstanceOf(LinkException.class);
        mem.grow(1); // now 2 pages: the current size is what counts
        assertThat(instantiate(store, wantsMin2, (mod, n) -> mem).memories[0]).isSameAs(mem);

        Global immutable = new Global(new GlobalType(ValType.I32, false), 7);
        Module wantsMutable = withFunctions(0);
        wantsMutable.addImport(importOf("g", ExternKind.GLOBAL, 0, null, null, new GlobalType(ValType.I32, true)));
        assertThatThrownBy(() -> instantiate(store, wantsMutable, (mod, n) -> immutable)).isInstanceOf(LinkException.class);

        Table table = new Table(ValType.FUNCREF, new Limits(10, 20));
        Module wantsExtern = withFunctions(0);
        wantsExtern.addImport(importOf("t", ExternKind.TABLE, 0, new Module.TableType(ValType.EXTERNREF, new Limits(10, -1)), null, null));
        assertThatThrownBy(() -> instantiate(store, wantsExtern, (mod, n) -> table)).isInstanceOf(LinkException.class);
    }

    @Test
    void globalsFunctionsAndExportsAreAllocated() {
        Store store = new Store();
        HostFunction host = new HostFunction("env", "h", VOID, (c, a) -> new long[0]);
        Global imported = new Global(new GlobalType(ValType.I64, false), 41);
        Module m = withFunctions(2);
        m.addImport(importOf("h", ExternKind.FUNC, 0, null, null, null));
        m.addImport(importOf("g", ExternKind.GLOBAL, 0, null, null, new GlobalType(ValType.I64, false)));
        m.globals.add(new Module.Global(new GlobalType(ValType.I64, true), expr(Op.GLOBAL_GET, 0)));
        m.globals.add(new Module.Global(new GlobalType(ValType.FUNCREF, false), expr(Op.REF_FUNC, 2)));
        m.globals.add(new Module.Global(new GlobalType(ValType.F32, false), expr(Op.F32_CONST, Float.floatToRawIntBits(-1.5f))));
        m.globals.add(new Module.Global(new GlobalType(ValType.EXTERNREF, false), expr(Op.REF_NULL, ValType.EXTERNREF.code)));
        m.exports.add(new Module.Export("f2", ExternKind.FUNC, 2));
        m.exports.add(new Module.Export("g1", ExternKind.GLOBAL, 1));
        Map<String, Extern> env = Map.of("h", host, "g", imported);
        Instance inst = instantiate(store, m, (mod, n) -> env.get(n));

        assertThat(inst.functions).hasSize(3);
        assertThat(inst.functions[0]).isSameAs(host);
        assertThat(host.address()).isGreaterThanOrEqualTo(0);
        assertThat(store.function(inst.functions[2].address())).isSameAs(inst.functions[2]);
        assertThat(inst.globals[0]).isSameAs(imported);
        assertThat(inst.globals[1].value).isEqualTo(41);
        assertThat(inst.globals[2].value).isEqualTo(inst.functions[2].address());
        assertThat((int) inst.globals[3].value).isEqualTo(Float.floatToRawIntBits(-1.5f));
        assertThat(inst.globals[4].value).isEqualTo(ValType.NULL_REF);
        assertThat(inst.export("f2")).isSameAs(inst.functions[2]);
        assertThat(inst.export("g1")).isSameAs(inst.globals[1]);
    }

    @Test
    void activeSegmentsInitialiseAndDropThenStartRuns() {
        Module m = withFunctions(3);
        m.tables.add(new Module.TableType(ValType.FUNCREF, new Limits(4, -1)));
        m.memories.add(new Module.MemoryType(new Limits(1, -1)));
        m.elements.add(new Module.ElementSegment(SegmentMode.ACTIVE, ValType.FUNCREF, 0, i32(1),
                new Code[] {expr(Op.REF_FUNC, 2), expr(Op.REF_NULL, ValType.FUNCREF.code), expr(Op.REF_FUNC, 0)}));
        m.elements.add(new Module.ElementSegment(SegmentMode.PASSIVE, ValType.FUNCREF, 0, null, new Code[] {expr(Op.REF_FUNC, 1)}));
        m.elements.add(new Module.ElementSegment(SegmentMode.DECLARATIVE, ValType.FUNCREF, 0, null, new Code[] {expr(Op.REF_FUNC, 1)}));
        m.datas.add(new Module.DataSegment(SegmentMode.ACTIVE, 0, i32(65534), new byte[] {7, 8}));
        m.datas.add(new Module.DataSegment(SegmentMode.PASSIVE, 0, null, new byte[] {9}));
        m.start = 1;
        Instance inst = instantiate(new Store(), m, Imports.NONE);

        long[] t = inst.tables[0].elements();
        assertThat(t).containsExactly(ValType.NULL_REF, inst.functions[2].address(), ValType.NULL_REF, inst.functions[0].address());
        assertThat(inst.elements[0]).isEmpty();                       // active: dropped
        assertThat(inst.elements[1]).containsExactly(inst.functions[1].address()); // passive: kept
        assertThat(inst.elements[2]).isEmpty();                       // declarative: dropped
        assertThat(inst.memories[0].load8(65534)).isEqualTo((byte) 7);
        assertThat(inst.memories[0].load8(65535)).isEqualTo((byte) 8);
        assertThat(inst.datas[0]).isEmpty();
        assertThat(inst.datas[1]).containsExactly(9);
        assertThat(calls).containsExactly("f1");
    }

    @Test
    void outOfBoundsSegmentTrapsButEarlierWritesStay() {
        // spec testsuite linking.wast: a shared table keeps what earlier segments wrote
        Store store = new Store();
        Table shared = new Table(ValType.FUNCREF, new Limits(3, -1));
        Module m = withFunctions(1);
        m.addImport(importOf("t", ExternKind.TABLE, 0, new Module.TableType(ValType.FUNCREF, new Limits(3, -1)), null, null));
        m.elements.add(new Module.ElementSegment(SegmentMode.ACTIVE, ValType.FUNCREF, 0, i32(0), new Code[] {expr(Op.REF_FUNC, 0)}));
        m.elements.add(new Module.ElementSegment(SegmentMode.ACTIVE, ValType.FUNCREF, 0, i32(3), new Code[] {expr(Op.REF_FUNC, 0)}));
        m.start = 0;
        assertThatThrownBy(() -> instantiate(store, m, (mod, n) -> shared))
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS));
        assertThat(shared.get(0)).isNotEqualTo(ValType.NULL_REF);
        assertThat(store.function(shared.get(0))).isInstanceOf(Recorder.class);
        assertThat(calls).isEmpty(); // the start function does not run
    }

    @Test
    void emptySegmentAtTheEndIsInBoundsButPastTheEndTraps() {
        Module atEnd = withFunctions(0);
        atEnd.memories.add(new Module.MemoryType(new Limits(1, -1)));
        atEnd.datas.add(new Module.DataSegment(SegmentMode.ACTIVE, 0, i32(65536), new byte[0]));
        instantiate(new Store(), atEnd, Imports.NONE);

        Module past = withFunctions(0);
        past.memories.add(new Module.MemoryType(new Limits(1, -1)));
        past.datas.add(new Module.DataSegment(SegmentMode.ACTIVE, 0, i32(65537), new byte[0]));
        assertThatThrownBy(() -> instantiate(new Store(), past, Imports.NONE))
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS));

        Module negative = withFunctions(0); // offset -1 is 0xFFFFFFFF unsigned
        negative.memories.add(new Module.MemoryType(new Limits(1, -1)));
        negative.datas.add(new Module.DataSegment(SegmentMode.ACTIVE, 0, i32(-1), new byte[] {1}));
        assertThatThrownBy(() -> instantiate(new Store(), negative, Imports.NONE)).isInstanceOf(Trap.class);
    }

    @Test
    void constEvalRejectsNonConstantInstructions() {
        Module m = withFunctions(0);
        Instance inst = new Instance(m, new Store());
        assertThat(ConstEval.eval(i32(-5), inst)).isEqualTo(-5L);
        Code.Builder b = new Code.Builder();
        b.add(Op.I32_CONST, 0, 2, 0);
        b.add(Op.I32_CONST, 1, 3, 0);
        b.add(Op.I32_MUL, 2, 0, 0);
        b.add(Op.END, 3, 0, 0);
        assertThat(ConstEval.eval(b.build(), inst)).isEqualTo(6L);
        assertThatThrownBy(() -> ConstEval.eval(expr(Op.I32_EQZ, 0), inst))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("i32.eqz");
        assertThatThrownBy(() -> ConstEval.eval(expr(Op.GLOBAL_GET, 3), inst)).isInstanceOf(IllegalStateException.class);
    }

    /** An engine's per-instance context: records the instance it was made for. */
    private record Context(Instance inst) {}

    @Test
    void functionsOfOneInstanceShareOneContextAttachedToIt() {
        Module m = withFunctions(3);
        ValidatedModule vm = new ValidatedModule(m, new FunctionInfo[3]);
        List<Context> made = new ArrayList<>();
        List<Context> seen = new ArrayList<>();
        Instantiator.ContextFunctionFactory<Context> functions = (ctx, i) -> { seen.add(ctx); return new Recorder(VOID, i); };
        Instance a = Instantiator.instantiate(new Store(), vm, Imports.NONE,
                inst -> { Context c = new Context(inst); made.add(c); return c; }, functions, null);
        Instance b = Instantiator.instantiate(new Store(), vm, Imports.NONE,
                inst -> { Context c = new Context(inst); made.add(c); return c; }, functions, null);
        assertThat(made).extracting(Context::inst).containsExactly(a, b);               // one per instance
        assertThat(seen).containsExactly(made.get(0), made.get(0), made.get(0), made.get(1), made.get(1), made.get(1));
        assertThat(a.engineState(Context.class)).isSameAs(made.get(0));
        assertThat(b.engineState(Context.class)).isSameAs(made.get(1));
        Instance none = Instantiator.instantiate(new Store(), new ValidatedModule(withFunctions(0), new FunctionInfo[0]),
                Imports.NONE, inst -> { made.add(new Context(inst)); return made.getLast(); }, functions, null);
        assertThat(none.engineState(Context.class)).as("no defined function, no context").isNull();
        assertThat(made).hasSize(2);
    }
}
