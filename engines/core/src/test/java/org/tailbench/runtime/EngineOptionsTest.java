package org.tailbench.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine-options table and its parsing. Expected defaults are the values the engines used before options
 * existed (README "Engine options"; aot's budgets from its README, 1 GiB stacks, 16-instruction bounces).
 */
class EngineOptionsTest {
    @Test
    void defaultsAreTheEnginesFormerConstants() {
        assertThat(EngineOptions.AOT_SPLIT.defaultValue()).isEqualTo("all");
        assertThat(EngineOptions.AOT_CHEAP_BUDGET.defaultValue()).isEqualTo(8000);
        assertThat(EngineOptions.AOT_HARD_BUDGET.defaultValue()).isEqualTo(48_000);
        assertThat(EngineOptions.AOT_FRAME.defaultValue()).isTrue();
        assertThat(EngineOptions.AOT_INLINE_DEPTH.defaultValue()).isEqualTo(256);
        assertThat(EngineOptions.AOT_STACK_SIZE.defaultValue()).isEqualTo(1L << 30);
        assertThat(EngineOptions.TAILCALL_BOUNCE.defaultValue()).isEqualTo(16);
        assertThat(EngineOptions.MEMORY.defaultValue()).isEqualTo("auto");
        assertThat(EngineOptions.JFR_HOOKS.defaultValue()).isTrue();
        for (EngineOption<Boolean> off : List.of(EngineOptions.AOT_PROFILE, EngineOptions.AOT_LOG, EngineOptions.AOT_HIDDEN_CLASSES,
                EngineOptions.AOT_EAGER_CLASSES, EngineOptions.SWITCH_OPCODE_PROFILE)) {
            assertThat(off.defaultValue()).as(off.name()).isFalse();
        }
    }

    @Test
    void theTableHasUniqueNamesAndTailbenchProperties() {
        Set<String> names = new HashSet<>(), props = new HashSet<>();
        for (EngineOption<?> o : EngineOptions.ALL) {
            assertThat(names.add(o.name())).as("duplicate name %s", o.name()).isTrue();
            if (o.property() != null) {
                assertThat(o.property()).startsWith("tailbench.");
                assertThat(props.add(o.property())).as("duplicate property %s", o.property()).isTrue();
            }
            assertThat(o.parse(o.defaultText())).as("%s: its default parses back", o.name()).isEqualTo(o.defaultValue());
            assertThat(o.doc()).isNotBlank();
            assertThat(o.engines()).isNotBlank();
        }
        assertThat(EngineOptions.helpLines()).hasSize(2 * EngineOptions.ALL.size());
    }

    @Test
    void unknownKeysAreRejectedNamingTheValidOnes() {
        assertThatThrownBy(() -> EngineOptions.parse(List.of("aot.spilt=none")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown engine option \"aot.spilt\"").hasMessageContaining("aot.split")
                .hasMessageContaining("tailcall.bounce");
        assertThatThrownBy(() -> EngineOptions.parse(List.of("aot.split"))).hasMessageContaining("expected KEY=VALUE");
    }

    @Test
    void valuesAreTypedAndCheckedAgainstTheirRange() {
        EngineOptions o = EngineOptions.parse(List.of("aot.split=HARD", "aot.hardBudget= 20000", "aot.frame=false",
                "tailcall.bounce=65536", "aot.stackSize=4294967296"));
        assertThat(o.get(EngineOptions.AOT_SPLIT)).isEqualTo("hard");
        assertThat(o.get(EngineOptions.AOT_HARD_BUDGET)).isEqualTo(20_000);
        assertThat(o.get(EngineOptions.AOT_FRAME)).isFalse();
        assertThat(o.get(EngineOptions.TAILCALL_BOUNCE)).isEqualTo(65536);
        assertThat(o.get(EngineOptions.AOT_STACK_SIZE)).isEqualTo(4L << 30);
        assertThat(o.get(EngineOptions.AOT_CHEAP_BUDGET)).as("not set: the default").isEqualTo(8000);
        assertThatThrownBy(() -> EngineOptions.parse(List.of("tailcall.bounce=0")))
                .hasMessage("option tailcall.bounce=0: expected integer 1..65536");
        assertThatThrownBy(() -> EngineOptions.parse(List.of("aot.split=some")))
                .hasMessage("option aot.split=some: expected none|hard|all");
        assertThatThrownBy(() -> EngineOptions.parse(List.of("aot.frame=yes")))
                .hasMessage("option aot.frame=yes: expected true|false");
        assertThatThrownBy(() -> EngineOptions.parse(List.of("aot.cheapBudget=8k")))
                .hasMessage("option aot.cheapBudget=8k: expected integer >= 1");
    }

    @Test
    void anExplicitValueBeatsThePropertyWhichBeatsTheDefault() {
        String prop = EngineOptions.AOT_HARD_BUDGET.property();
        String before = System.getProperty(prop);
        try {
            System.setProperty(prop, "30000");
            assertThat(EngineOptions.NONE.get(EngineOptions.AOT_HARD_BUDGET)).isEqualTo(30_000);
            assertThat(EngineOptions.NONE.with(EngineOptions.AOT_HARD_BUDGET, 10_000).get(EngineOptions.AOT_HARD_BUDGET)).isEqualTo(10_000);
            System.setProperty(prop, "lots");
            assertThatThrownBy(() -> EngineOptions.NONE.get(EngineOptions.AOT_HARD_BUDGET))
                    .hasMessageContaining("-Dtailbench.aot.hardBudget=lots").hasMessageContaining("integer >= 1");
            System.clearProperty(prop);
            assertThat(EngineOptions.NONE.get(EngineOptions.AOT_HARD_BUDGET)).isEqualTo(48_000);
        } finally {
            if (before == null) System.clearProperty(prop); else System.setProperty(prop, before);
        }
    }

    @Test
    void encodeAndDecodeRoundTripLaterItemsWinning() {
        EngineOptions o = EngineOptions.parse(List.of("aot.split=none", "memory=heap", "aot.split=hard"));
        assertThat(o.encode()).isEqualTo("memory=heap,aot.split=hard");
        assertThat(EngineOptions.decode(o.encode())).isEqualTo(o);
        assertThat(EngineOptions.decode(null)).isEqualTo(EngineOptions.NONE);
        assertThat(EngineOptions.decode(" ").isEmpty()).isTrue();
        assertThatThrownBy(() -> EngineOptions.NONE.with(EngineOptions.NATIVE_DUMP, "/tmp/a,b").encode())
                .hasMessageContaining("cannot contain ','");
    }

    @Test
    void aTuningFileHasOneItemPerLineAndSaysWhereItIsWrong(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("aot.tuning");
        Files.writeString(f, "# aot without its frame strategy\n\naot.frame=false\n  aot.cheapBudget = 6000\n");
        EngineOptions o = EngineOptions.load(f);
        assertThat(o.get(EngineOptions.AOT_FRAME)).isFalse();
        assertThat(o.get(EngineOptions.AOT_CHEAP_BUDGET)).isEqualTo(6000);
        Files.writeString(f, "aot.frame=false\nnope=1\n");
        assertThatThrownBy(() -> EngineOptions.load(f)).hasMessageStartingWith(f + ":2: unknown engine option \"nope\"");
    }
}
