package dev.descent.cli.report;

import dev.descent.train.LrFinderResult;

/** The chart of a learning-rate range test, shared by {@code descent lr-find --plot} and the tour's section 7. */
public final class LrFinderChart {

    private LrFinderChart() {}

    /**
     * Batch losses (points), the smoothed loss (line) and the three suggestions (vertical
     * markers) against the learning rate on a log axis; losses above {@code yTop} are marked with
     * a ▲ at the top.
     *
     * @param id the chart's id (letters, digits, '-')
     * @param title the chart's title
     * @param r the sweep
     * @param yTop the top of the loss axis (losses above it are clipped)
     * @return the chart
     */
    public static XYChart of(String id, String title, LrFinderResult r, double yTop) {
        double[] lrs = r.lrs();
        double valley = r.suggestion(LrFinderResult.Method.VALLEY);
        double steep = r.suggestion(LrFinderResult.Method.STEEPEST);
        double minimum = r.suggestion(LrFinderResult.Method.MINIMUM);
        return XYChart.builder(id, title, "learning rate", "training loss")
                .logX()
                .yRange(0, yTop)
                .markLeavingTop("batch loss above the chart")
                .add(new Series("batch loss", lrs, r.losses(), Series.Style.POINTS))
                .line("smoothed loss (EMA β = 0.98)", lrs, r.smoothed())
                .marker("valley " + Fmt.num(valley), valley)
                .marker("steepest " + Fmt.num(steep), steep)
                .marker("min/10 " + Fmt.num(minimum), minimum)
                .build();
    }
}
