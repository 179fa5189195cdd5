package dev.descent.train;

import dev.descent.data.Batches;
import dev.descent.data.Dataset;
import dev.descent.nn.Model;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerConfig;

/**
 * The learning-rate range test ({@link LrFinder}) on a model and a data set: mini-batches of
 * {@code batch} rows in the order seeded by {@code seed} ({@link Batches}), the model in training
 * mode, a fresh optimizer state from {@code optimizer}. {@code descent lr-find},
 * {@code descent train --lr auto} and section 7 of the tour all run it, so they give the same
 * numbers for the same arguments.
 *
 * <pre>{@code
 * Model model = ModelSpec.parse("mlp:64", train.d(), train.classes()).build(1);
 * LrFinderResult r = LrSweep.run(model, Optimizers.named("momentum"), train, 64, 1, LrFinder.defaults());
 * double lr = r.suggestion(LrFinderResult.Method.VALLEY);
 * }</pre>
 */
public final class LrSweep {

    private LrSweep() {}

    /**
     * Runs {@code finder} on {@code model}; its parameters and training mode are restored
     * afterwards.
     *
     * @param model the model to sweep; unchanged when this returns
     * @param optimizer the optimizer whose learning rate is swept (its own lr is ignored)
     * @param train the rows to draw mini-batches from
     * @param batch rows per mini-batch, ≥ 1 (capped at {@code train.n()})
     * @param seed seeds the batch order
     * @param finder the sweep: range, steps, smoothing and stopping rule
     * @return the lrs, the batch and smoothed losses, and the suggestions
     */
    public static LrFinderResult run(Model model, OptimizerConfig optimizer, Dataset train, int batch, long seed, LrFinder finder) {
        return run(model, optimizer, train, batch, seed, finder, () -> {});
    }

    /**
     * As {@link #run(Model, OptimizerConfig, Dataset, int, long, LrFinder)}, calling
     * {@code afterEachStep} once per sweep step (for a progress display; keep it cheap).
     *
     * @param model the model to sweep; unchanged when this returns
     * @param optimizer the optimizer whose learning rate is swept (its own lr is ignored)
     * @param train the rows to draw mini-batches from
     * @param batch rows per mini-batch, ≥ 1 (capped at {@code train.n()})
     * @param seed seeds the batch order
     * @param finder the sweep: range, steps, smoothing and stopping rule
     * @param afterEachStep called after each sweep step
     * @return the lrs, the batch and smoothed losses, and the suggestions
     */
    public static LrFinderResult run(Model model, OptimizerConfig optimizer, Dataset train, int batch, long seed, LrFinder finder,
            Runnable afterEachStep) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be ≥ 1, got " + batch);
        }
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
                afterEachStep.run();
                return l;
            });
        } finally {
            model.setTraining(training);
        }
    }
}
