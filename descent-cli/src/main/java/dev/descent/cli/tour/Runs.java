package dev.descent.cli.tour;

import dev.descent.data.Dataset;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.optim.OptimizerConfig;
import dev.descent.schedule.Schedule;
import dev.descent.train.History;
import dev.descent.train.ModelNetwork;
import dev.descent.train.TrainConfig;
import dev.descent.train.TrainListener;
import dev.descent.train.TrainResult;
import dev.descent.train.Trainer;
import java.util.List;

/** Small helpers shared by the training experiments: building models and running the trainer. */
final class Runs {

    private Runs() {}

    /** The model of {@code spec} for {@code data}'s shape, initialized from {@code seed}. */
    static Model model(String spec, Dataset data, long seed) {
        return ModelSpec.parse(spec, data.d(), data.classes()).build(seed);
    }

    /**
     * A finished run: the trainer's result, the loss at the start and the mean training loss over
     * consecutive bins of steps (a quarter of an epoch by default), computed from every step that
     * survived (steps undone by a divergence rollback are dropped).
     *
     * @param result the trainer's result
     * @param epochs 0, then the epoch at the end of each bin
     * @param loss the loss of the first mini-batch at the initial weights (epoch 0; NaN when no
     *     step survived), then the mean mini-batch loss over each bin
     */
    record Run(TrainResult result, double[] epochs, double[] loss) {}

    /**
     * Trains {@code model} in place with {@code optimizer} following {@code schedule} (per step),
     * evaluating on {@code val} (when not null) {@code binsPerEpoch} times per epoch; the trainer
     * gives up after {@code maxFailures} rollbacks in a row (the other divergence settings are
     * {@link TrainConfig}'s defaults, as in {@code descent train}).
     */
    static Run train(Model model, OptimizerConfig optimizer, Schedule schedule, Dataset train, Dataset val,
            int epochs, int batch, long seed, int binsPerEpoch, int maxFailures, Progress progress) {
        int perEpoch = (train.n() + batch - 1) / batch;
        int bin = Math.max(1, perEpoch / binsPerEpoch);
        TrainConfig cfg = TrainConfig.forEpochs(epochs, batch, seed).withEvalEvery(val == null ? 0 : bin)
                .withDivergence(TrainConfig.DEFAULT_SPIKE_FACTOR, TrainConfig.DEFAULT_LR_CUT, maxFailures);
        ModelNetwork net = new ModelNetwork(model);
        Trainer t = new Trainer(cfg, net, optimizer.create(model.paramCount()), schedule);
        double[] stepLoss = new double[epochs * perEpoch + 1];
        long[] last = {0};
        stepLoss[1] = Double.NaN; // stays NaN when no step survives
        TrainResult r = t.fit(train, val, new TrainListener() {
            @Override
            public void onStep(long step, double epoch, double loss, double lr) {
                stepLoss[(int) step] = loss;
                last[0] = step;
                if (step % perEpoch == 0) {
                    progress.step(1);
                }
            }

            @Override
            public void onDivergence(History.Event e) {
                last[0] = e.rolledBackTo();
            }
        });
        // whole bins; the last one absorbs a remainder (a bin of two steps would only add noise)
        int bins = (int) Math.max(last[0] > 0 ? 1 : 0, last[0] / bin);
        double[] x = new double[bins + 1];
        double[] y = new double[bins + 1];
        y[0] = stepLoss[1]; // step 1's loss is computed at the initial weights (also when a rollback redoes it)
        for (int b = 0; b < bins; b++) {
            long from = (long) b * bin + 1;
            long to = b == bins - 1 ? last[0] : (long) (b + 1) * bin;
            double sum = 0;
            for (long k = from; k <= to; k++) {
                sum += stepLoss[(int) k];
            }
            x[b + 1] = (double) to / perEpoch;
            y[b + 1] = sum / (to - from + 1);
        }
        return new Run(r, x, y);
    }

    /** As above with the trainer's default number of rollbacks ({@link TrainConfig#DEFAULT_MAX_FAILURES}). */
    static Run train(Model model, OptimizerConfig optimizer, Schedule schedule, Dataset train, Dataset val,
            int epochs, int batch, long seed, int binsPerEpoch, Progress progress) {
        return train(model, optimizer, schedule, train, val, epochs, batch, seed, binsPerEpoch, TrainConfig.DEFAULT_MAX_FAILURES, progress);
    }

    /** The records' epochs and validation losses (NaN-free records only). */
    static double[][] valCurve(History h) {
        List<History.Record> rs = h.records();
        double[] x = new double[rs.size()];
        double[] y = new double[rs.size()];
        int k = 0;
        for (History.Record r : rs) {
            if (Double.isFinite(r.valLoss())) {
                x[k] = r.epoch();
                y[k++] = r.valLoss();
            }
        }
        return new double[][] {java.util.Arrays.copyOf(x, k), java.util.Arrays.copyOf(y, k)};
    }

    /** The mean of the last {@code k} bins of a run (its last epoch with k bins per epoch); NaN when it has none. */
    static double finalLoss(Run run, int k) {
        double[] y = run.loss();
        if (y.length <= 1) {
            return Double.NaN;
        }
        int from = Math.max(1, y.length - k);
        double s = 0;
        for (int i = from; i < y.length; i++) {
            s += y[i];
        }
        return s / (y.length - from);
    }

    /** The last finite value of {@code y}, NaN when none. */
    static double last(double[] y) {
        for (int i = y.length - 1; i >= 0; i--) {
            if (Double.isFinite(y[i])) {
                return y[i];
            }
        }
        return Double.NaN;
    }
}
