package org.tailbench.interp.lower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tailbench.wasm.Op;

/**
 * The superinstruction rule on hand-made profiles (README "Superinstructions"), the option's syntax, and the catalog's
 * agreement with the generated {@link LOp} (one opcode per entry, named and sized as documented).
 */
class SuperinstructionsTest {
    private static final Superinstructions.Rule RULE = new Superinstructions.Rule(3, 0.01);

    @Test
    void theRuleTakesTheMostExecutedCatalogPatternsAboveTheShareUpToTheCap() {
        Map<String, Long> counts = new HashMap<>();
        counts.put("local.get>local.get", 5_000L);            // 5 %
        counts.put("local.get>i32.const>i32.add", 9_000L);    // 9 %
        counts.put("i32.const>i32.and", 2_000L);              // 2 %
        counts.put("i32.const>i32.shl", 2_000L);              // 2 %, a tie: catalog order decides (and before shl)
        counts.put("local.get>i32.load", 999L);               // just below 1 %
        counts.put("f64.add>f64.mul", 50_000L);               // not in the catalog: ignored
        List<Superinstructions.Decision> d = Superinstructions.decide(counts, 100_000, RULE);
        assertThat(d).extracting(Superinstructions.Decision::pattern)
                .containsExactly("local.get>i32.const>i32.add", "local.get>local.get", "i32.const>i32.and");
        assertThat(d.get(0).count()).isEqualTo(9_000);
        assertThat(d.get(0).share()).isEqualTo(0.09);
        assertThat(d).extracting(Superinstructions.Decision::kind).containsExactly("triples", "pairs", "pairs");

        // a larger cap brings in the tie's second pattern, never the one below the share
        assertThat(Superinstructions.decide(counts, 100_000, new Superinstructions.Rule(16, 0.01)))
                .extracting(Superinstructions.Decision::pattern)
                .containsExactly("local.get>i32.const>i32.add", "local.get>local.get", "i32.const>i32.and", "i32.const>i32.shl");
        // the share is of all instructions: with ten times as many, every share is below 1 %
        assertThat(Superinstructions.decide(counts, 1_000_000, RULE)).isEmpty();
        assertThat(Superinstructions.decide(counts, 0, RULE)).isEmpty();
        assertThat(Superinstructions.decide(Map.of(), 100, RULE)).isEmpty();
        assertThat(Superinstructions.decide(counts, 100_000, new Superinstructions.Rule(0, 0.01))).isEmpty();
    }

    @Test
    void badRulesAreRefused() {
        assertThatThrownBy(() -> new Superinstructions.Rule(-1, 0.1)).hasMessageContaining("maxCount ≥ 0");
        assertThatThrownBy(() -> new Superinstructions.Rule(4, 0)).hasMessageContaining("0 < minShare ≤ 1");
        assertThatThrownBy(() -> new Superinstructions.Rule(4, 1.5)).hasMessageContaining("0 < minShare ≤ 1");
    }

    @Test
    void theOptionListsPatternsOrAll() {
        assertThat(Superinstructions.parse("")).isNull();
        assertThat(Superinstructions.parse(null)).isNull();
        assertThat(Superinstructions.parse(" all ")).containsOnly(true).hasSize(Superinstructions.CATALOG.size());
        boolean[] two = Superinstructions.parse("local.get>local.get; i32.const>i32.and ");
        assertThat(two[Superinstructions.indexOf("local.get>local.get")]).isTrue();
        assertThat(two[Superinstructions.indexOf("i32.const>i32.and")]).isTrue();
        int on = 0;
        for (boolean b : two) if (b) on++;
        assertThat(on).isEqualTo(2);
        assertThatThrownBy(() -> Superinstructions.parse("local.get>local.get;i32.add>i32.add"))
                .hasMessageContaining("unknown superinstruction \"i32.add>i32.add\"").hasMessageContaining("(or all)");
        assertThat(Superinstructions.format(List.of("a>b", "c>d>e"))).isEqualTo("a>b;c>d>e");
    }

    @Test
    void lowersTriesLongerPatternsFirstThenCatalogOrder() {
        boolean[] on = Superinstructions.parse("local.get>i32.const;local.get>i32.const>i32.add;local.get>local.get");
        int[] order = Superinstructions.order(on);
        assertThat(order).containsExactly(Superinstructions.indexOf("local.get>i32.const>i32.add"),
                Superinstructions.indexOf("local.get>local.get"), Superinstructions.indexOf("local.get>i32.const"));
    }

    @Test
    void everyCatalogEntryHasItsGeneratedOpcode() throws ReflectiveOperationException {
        assertThat(Superinstructions.CATALOG).doesNotHaveDuplicates();
        for (int k = 0; k < Superinstructions.CATALOG.size(); k++) {
            List<Op> p = Superinstructions.CATALOG.get(k);
            assertThat(p).hasSizeBetween(2, 3);
            int lop = Lowerer.superinstruction(k);
            assertThat(LOp.NAMES[lop]).isEqualTo(Superinstructions.lopName(p));
            assertThat(LOp.class.getField(Superinstructions.lopName(p)).getInt(null)).isEqualTo(lop);
            assertThat(Lowerer.operandCount(new int[] {lop, 0, 0, 0}, 0)).as(LOp.NAMES[lop]).isEqualTo(Superinstructions.operandCount(p));
            // only the last component may branch; the others are straight-line (README: no branch lands inside)
            for (int j = 0; j < p.size() - 1; j++) assertThat(p.get(j)).isNotIn(Op.BR_IF, Op.BR, Op.BR_TABLE, Op.BLOCK, Op.LOOP, Op.IF, Op.END);
        }
        assertThat(Superinstructions.text(List.of(Op.LOCAL_GET, Op.I32_CONST, Op.I32_ADD))).isEqualTo("local.get>i32.const>i32.add");
        assertThat(Superinstructions.lopName(List.of(Op.LOCAL_GET, Op.I32_CONST, Op.I32_ADD))).isEqualTo("LOCAL_GET_I32_CONST_I32_ADD");
    }
}
