package dev.descent.cli.tour;

import dev.descent.cli.report.Fmt;
import dev.descent.cli.report.Series;
import dev.descent.cli.report.XYChart;
import dev.descent.data.Batches;
import dev.descent.data.Dataset;
import dev.descent.nn.Model;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerConfig;
import dev.descent.train.LrFinder;
import dev.descent.train.LrFinderResult;

/**
 * The learning-rate range test on a model and a data set, shared by {@code descent lr-find} and
 * section 7 of the tour so that both give the same numbers for the same arguments: mini-batches of
 * {@code batch} rows in the order seeded by {@code seed}, training mode, a fresh optimizer state.
 */
public final class LrSweep {

    private LrSweep() {}

    /**
     * Runs {@code finder} on {@code model} (whose parameters are restored afterwards).
     *
     * @param progress advanced by one per sweep step
     */
    public static LrFinderResult run(Model model, OptimizerConfig optimizer, Dataset train, int batch, long seed, LrFinder finder,
            Progress progress) {
        Optimizer opt = optimizer.create(model.paramCount());
        int b = Math.min(batch, train.n());
        Batches batches = new Batches(train, b, seed);
        float[] xb = new float[b * train.d()];
        int[] yb = new int[b];
        boolean training = model.isTraining();
        try {
            return finder.run(model.params(), opt, (p, g) -> {
                int rows = batches.next(xb, yb);
                model.setTraining(true);
                double l = model.forwardBackward(xb, yb, rows);
                System.arraycopy(model.grads(), 0, g, 0, g.length);
                progress.step(1);
                return l;
            });
        } finally {
            model.setTraining(training);
        }
    }

    /** The chart of a sweep: batch losses, the smoothed loss and the three suggestions, on a log lr axis. */
    public static XYChart chart(String id, String title, LrFinderResult r, double yTop) {
        double[] lrs = r.lrs();
        double valley = r.suggestion(LrFinderResult.Method.VALLEY);
        double steep = r.suggestion(LrFinderResult.Method.STEEPEST);
        double minimum = r.suggestion(LrFinderResult.Method.MINIMUM);
        return XYChart.builder(id, title, "learning rate", "training loss")
                .logX()
                .yRange(0, yTop)
                .add(new Series("batch loss", lrs, r.losses(), Series.Style.POINTS))
                .line("smoothed loss (EMA β = 0.98)", lrs, r.smoothed())
                .marker("valley " + Fmt.num(valley), valley)
                .marker("steepest " + Fmt.num(steep), steep)
                .marker("min/10 " + Fmt.num(minimum), minimum)
                .build();
    }
}
