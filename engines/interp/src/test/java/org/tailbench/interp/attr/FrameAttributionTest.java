package org.tailbench.interp.attr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tailbench.interp.lower.LOp;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.FrameAttribution;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

class FrameAttributionTest {
    private static final Set<String> SPEC_NAMES = Arrays.stream(Op.values()).map(o -> o.text).collect(Collectors.toSet());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I32DivS|i32.div_s", "I32_ADD|i32.add", "I64_EXTEND_I32_S|i64.extend_i32_s", "F64ConvertI32S|f64.convert_i32_s",
        "BrIfI32Eq|br_if+i32.eq", "BR_IF_I32_GE_U|br_if+i32.ge_u", "I32EqLC|i32.eq[LC]", "I32LtSLL|i32.lt_s[LL]",
        "I32Eqz|i32.eqz", "LocalGet|local.get", "RETURN_CALL_INDIRECT|return_call_indirect", "JMP|br",
        "Load64|i64.load/f64.load", "Bounce|(Bounce)",
    })
    void labelsUseTheSpecTextNames(String handler, String label) {
        assertThat(HandlerNames.label(handler)).isEqualTo(label);
    }

    @Test
    void everyLoweredOpcodeIsNamedWithSpecInstructions() {
        for (String name : LOp.NAMES) {
            String label = HandlerNames.label(name);
            assertThat(label).as(name).isNotEqualTo("(" + name + ")");   // not the fallback for unknown names
            if (label.startsWith("(")) continue;                          // named on purpose: no Wasm namesake
            List<String> parts = Arrays.stream(label.split("[+/]")).toList();
            assertThat(parts).as("%s → %s", name, label).allSatisfy(p -> assertThat(SPEC_NAMES).contains(p));
        }
    }

    @Test
    void switchCasesCoverTheLoopAndAttributeByBci() {
        FrameAttribution a = Engines.byName("switch").frameAttribution(tiny());
        assertThat(a.available()).isTrue();
        List<String> ranges = ((SwitchCaseAttribution) a).describe();
        int prevEnd = -1, addStart = -1, dispatchStart = -1;
        for (String r : ranges) {   // "[start, end) label"
            int start = Integer.parseInt(r.substring(1, r.indexOf(',')));
            int end = Integer.parseInt(r.substring(r.indexOf(',') + 2, r.indexOf(')')));
            assertThat(start).as(r).isLessThan(end).isGreaterThanOrEqualTo(prevEnd);
            prevEnd = end;
            String label = r.substring(r.indexOf(')') + 2);
            if (label.equals("i32.add")) addStart = start;
            if (label.equals(SwitchCaseAttribution.DISPATCH)) dispatchStart = start;
        }
        assertThat(ranges.size()).isGreaterThan(100);   // one range per distinct case target of ~200 lowered opcodes
        assertThat(addStart).isPositive();
        assertThat(dispatchStart).isPositive();
        String loop = "org.tailbench.interp.sw.SwitchInterpreter";
        assertThat(a.attribute(loop, "run", addStart, -1).opcode()).isEqualTo("i32.add");
        assertThat(a.attribute(loop, "run", dispatchStart, -1).opcode()).isEqualTo(SwitchCaseAttribution.DISPATCH);
        assertThat(a.attribute(loop, "run", 0, -1).known()).isFalse();          // set-up before the loop
        assertThat(a.attribute(loop, "invoke", addStart, -1).known()).isFalse(); // another method
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "threaded|org.tailbench.interp.threaded.I32Handlers$I32_ADD|i32.add",
        "threaded|org.tailbench.interp.threaded.ControlHandlers$BR_IF_I32_LT_S|br_if+i32.lt_s",
        "tailcall|org.tailbench.interp.tailcall.NumericInstrs$I32DivS|i32.div_s",
        "tailcall|org.tailbench.interp.tailcall.ControlInstrs$BrIfI32Eq|br_if+i32.eq",
        "closure|org.tailbench.interp.closure.LeafNodes$I32EqLC|i32.eq[LC]",
        "closure|org.tailbench.interp.closure.MemoryNodes$Load64|i64.load/f64.load",
    })
    void handlerClassesAreAttributed(String engine, String cls, String label) {
        FrameAttribution a = Engines.byName(engine).frameAttribution(tiny());
        assertThat(a.attribute(cls, "exec", 5, -1)).isEqualTo(new FrameAttribution.Attribution(label, -1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "closure|org.tailbench.interp.closure.TreeBuilder$Ctl",   // nested, but not a node
        "threaded|org.tailbench.interp.threaded.Machine",            // the dispatch loop itself
        "threaded|org.tailbench.interp.closure.LeafNodes$I32EqLC",   // another engine's handler
        "tailcall|java.lang.Math",
    })
    void otherClassesAreUnknown(String engine, String cls) {
        assertThat(Engines.byName(engine).frameAttribution(tiny()).attribute(cls, "run", 5, 10).known()).isFalse();
    }

    private static ValidatedModule tiny() {
        ModuleBuilder b = new ModuleBuilder();
        b.func(b.type(new int[0], ModuleBuilder.I32), 0, new ModuleBuilder.Body().i32Const(1));
        return ValidatedModule.of(b.build());
    }
}
