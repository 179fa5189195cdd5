package dev.descent.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The legend check finds a series that is named but not drawn, in line and bar charts alike. */
class LegendMarksTest {

    static final double[] X = {0, 1, 2, 3};

    @Test
    void everySeriesDrawnInsideThePlotPasses() throws Exception {
        XYChart c = XYChart.builder("ok", "ok", "x", "y").yRange(0, 10)
                .line("solid", X, new double[] {1, 2, 3, 4})
                .add(new Series("dashed", X, new double[] {2, 3, 4, 5}, Series.Style.DASHED))
                .add(new Series("points", X, new double[] {5, 6, 7, 8}, Series.Style.POINTS).withMark(Series.Mark.TRIANGLE))
                .add(new Series("dotted with squares", X, new double[] {3, 3, 3, 3}, Series.Style.LINE_MARKERS)
                        .withDash(Series.Dash.DOTTED).withMark(Series.Mark.SQUARE))
                .build();
        LegendMarks.Reading r = LegendMarks.read(SvgRenderer.render(c));
        assertThat(r.legend()).containsExactly("solid", "dashed", "points", "dotted with squares");
        assertThat(r.missing()).isEmpty();
    }

    @Test
    void aSeriesAboveTheTopIsNamedButNotDrawn() throws Exception {
        XYChart c = XYChart.builder("off", "off", "x", "y").yRange(0, 10)
                .line("inside", X, new double[] {1, 2, 3, 4})
                .line("above the top", X, new double[] {20, 30, 40, 50})
                .add(new Series("points above", X, new double[] {11, 12, 13, 14}, Series.Style.POINTS))
                .build();
        assertThat(LegendMarks.read(SvgRenderer.render(c)).missing()).containsExactly("above the top", "points above");
    }

    @Test
    void aLineLeavingTheTopIsSeenAndMarkedWhenTheChartAsks() throws Exception {
        XYChart c = XYChart.builder("leave", "leave", "x", "y").yRange(0, 10).markLeavingTop("left the chart")
                .line("blows up", X, new double[] {1, 2, 1e3, Double.POSITIVE_INFINITY})
                .build();
        LegendMarks.Reading r = LegendMarks.read(SvgRenderer.render(c));
        assertThat(r.legend()).containsExactly("blows up", "left the chart");
        assertThat(r.missing()).isEmpty();
        // without the request there is no mark and no legend entry for it
        XYChart plain = XYChart.builder("plain", "plain", "x", "y").yRange(0, 10)
                .line("blows up", X, new double[] {1, 2, 1e3, Double.POSITIVE_INFINITY}).build();
        assertThat(LegendMarks.read(SvgRenderer.render(plain)).legend()).containsExactly("blows up");
    }

    @Test
    void aBarSeriesWithNoDrawableValueIsCaughtAndADivergedBarIsDrawn() throws Exception {
        List<String> cats = List.of("a", "b");
        BarChart missing = new BarChart("bars", "bars", "v", true, cats, List.of("fine", "nothing"),
                new double[][] {{0.5, 0.1}, {Double.NaN, Double.NaN}}, false);
        assertThat(LegendMarks.read(SvgRenderer.render(missing)).missing()).containsExactly("nothing");
        BarChart banded = new BarChart("band", "band", "v", true, cats, List.of("fine", "diverged", "solved"),
                new double[][] {{0.5, 0.1}, {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, {0, 1e-20}}, false,
                1e-12, "at or below 1e-12", "diverged");
        LegendMarks.Reading r = LegendMarks.read(SvgRenderer.render(banded));
        assertThat(r.legend()).containsExactly("fine", "diverged", "solved");
        assertThat(r.missing()).isEmpty();
        assertThat(SvgRenderer.render(banded)).contains(">diverged<", ">at or below 1e-12<");
    }
}
