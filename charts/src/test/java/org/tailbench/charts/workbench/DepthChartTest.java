package org.tailbench.charts.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class DepthChartTest {
    private static List<double[]> points(XYSeries s) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < s.getItemCount(); i++) out.add(new double[] {s.getX(i).doubleValue(), s.getY(i).doubleValue()});
        return out;
    }

    @Test
    void cdfStepsAtEachDistinctDepth() {
        // depths 1,1,2,4: 50% at or below 1, 75% at or below 2, 100% at or below 4
        assertThat(points(DepthChart.cdf("x", new int[] {1, 1, 2, 4}))).containsExactly(
                new double[] {1, 0}, new double[] {1, 50}, new double[] {2, 50}, new double[] {2, 75},
                new double[] {4, 75}, new double[] {4, 100}, new double[] {5, 100});
    }

    @Test
    void linearHistogramHasOneBinPerDepth() {
        // depths 3,3,3,5: 75% at 3, none at 4, 25% at 5
        assertThat(points(DepthChart.linearHistogram("x", new int[] {3, 3, 3, 5}))).containsExactly(
                new double[] {2.5, 0}, new double[] {2.5, 75}, new double[] {3.5, 75}, new double[] {3.5, 0}, new double[] {4.5, 0},
                new double[] {4.5, 25}, new double[] {5.5, 25}, new double[] {5.5, 0});
    }

    @Test
    void logBinsAreEighthOctaves() {
        assertThat(DepthChart.bin(1)).isZero();
        assertThat(DepthChart.bin(2)).isEqualTo(8);
        assertThat(DepthChart.bin(1024)).isEqualTo(80);
        assertThat(DepthChart.edge(8)).isEqualTo(2.0);
        // every depth lies in [edge(bin), edge(bin + 1))
        for (int d = 1; d < 5000; d += 7) {
            int b = DepthChart.bin(d);
            assertThat((double) d).isGreaterThanOrEqualTo(DepthChart.edge(b) - 1e-9).isLessThan(DepthChart.edge(b + 1));
        }
    }

    @Test
    void axisTurnsLogarithmicWhenDepthsSpanMoreThanAFactorOf8() {
        var flat = DepthChart.create("t", "s", "frames", Map.of("switch", List.of(17, 18, 20), "aot", List.of(30, 40)));
        assertThat(((CombinedDomainXYPlot) flat.getPlot()).getDomainAxis()).isInstanceOf(NumberAxis.class);
        var deep = DepthChart.create("t", "s", "frames", Map.of("switch", List.of(17, 18, 20), "aot-naive", List.of(30, 2048)));
        assertThat(((CombinedDomainXYPlot) deep.getPlot()).getDomainAxis()).isInstanceOf(LogAxis.class);
    }
}
