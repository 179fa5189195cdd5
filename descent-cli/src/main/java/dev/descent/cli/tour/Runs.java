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
     * Trains {@code model} in place with {@code optimizer} following {@code schedule} (per step),
     * recording the mean training loss {@code recordsPerEpoch} times per epoch (and the
     * validation loss there when {@code val} is not null).
     */
    static TrainResult train(Model model, OptimizerConfig optimizer, Schedule schedule, Dataset train, Dataset val,
            int epochs, int batch, long seed, int recordsPerEpoch, Progress progress) {
        return train(model, optimizer, schedule, train, val, epochs, batch, seed, recordsPerEpoch, 5, progress);
    }

    /** As above, giving up after {@code maxFailures} rollbacks in a row (spike factor 10, lr cut 0.5). */
    static TrainResult train(Model model, OptimizerConfig optimizer, Schedule schedule, Dataset train, Dataset val,
            int epochs, int batch, long seed, int recordsPerEpoch, int maxFailures, Progress progress) {
        int perEpoch = (train.n() + batch - 1) / batch;
        TrainConfig cfg = TrainConfig.epochs(epochs, batch, seed).withEvalEvery(Math.max(1, perEpoch / recordsPerEpoch))
                .withDivergence(10, 0.5, maxFailures);
        ModelNetwork net = new ModelNetwork(model);
        Trainer t = new Trainer(cfg, net, optimizer.create(model.paramCount()), schedule);
        return t.fit(train, val, new TrainListener() {
            @Override
            public void onStep(long step, double epoch, double loss, double lr) {
                if (step % perEpoch == 0) {
                    progress.step(1);
                }
            }
        });
    }

    /** The records' epochs and training losses (the step-0 record, which has no loss, is left out). */
    static double[][] trainCurve(History h) {
        List<History.Record> rs = h.records();
        double[] x = new double[rs.size()];
        double[] y = new double[rs.size()];
        int k = 0;
        for (History.Record r : rs) {
            if (r.step() == 0) {
                continue;
            }
            x[k] = r.epoch();
            y[k++] = r.trainLoss();
        }
        return new double[][] {java.util.Arrays.copyOf(x, k), java.util.Arrays.copyOf(y, k)};
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
