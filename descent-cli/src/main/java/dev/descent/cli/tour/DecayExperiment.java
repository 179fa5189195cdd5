package dev.descent.cli.tour;

import dev.descent.cli.report.Fmt;
import dev.descent.cli.report.Section;
import dev.descent.cli.report.XYChart;
import dev.descent.data.Dataset;
import dev.descent.data.Split;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import dev.descent.schedule.Schedule;
import dev.descent.train.TrainResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 2: constant learning rate against step, exponential and 1/t decay, on the same model,
 * optimizer, seed and data order; training loss against epoch, the learning rates in a second
 * panel, and the validation loss at the end.
 */
final class DecayExperiment implements Experiment {

    static final String MODEL = "mlp:64";
    static final String OPTIMIZER = "momentum";
    static final double LR0 = 0.05;
    static final int BATCH = 64;

    @Override
    public String label() {
        return "decay";
    }

    @Override
    public String id() {
        return "decay";
    }

    @Override
    public String title() {
        return "Learning-rate decay";
    }

    @Override
    public String teaches() {
        return "With a constant rate the loss settles into a noisy plateau; decaying the rate lets it go lower,"
                + " and step decay shows the drop at the moment of the step.";
    }

    @Override
    public Section run(TourContext ctx, Progress progress) {
        long t0 = System.nanoTime();
        Split data = ctx.data().get();
        Dataset train = data.train();
        int epochs = ctx.pick(12, 3);
        long seed = ctx.sectionSeed();
        int perEpoch = (train.n() + BATCH - 1) / BATCH;
        long steps = (long) epochs * perEpoch;
        long every = Math.max(1, steps / 3);
        long[] drops = {every, 2 * every};
        Map<String, Schedule> schedules = new LinkedHashMap<>();
        schedules.put("constant", Schedule.constant(LR0));
        schedules.put("step (×0.1 at epochs " + Fmt.num((double) drops[0] / perEpoch) + ", " + Fmt.num((double) drops[1] / perEpoch) + ")",
                Schedule.multiStep(LR0, drops, 0.1));
        schedules.put("exponential (to lr0/100)", Schedule.exponential(LR0, Math.log(100) / steps));
        schedules.put("1/t (to lr0/10)", Schedule.inverseTime(LR0, 9.0 / steps));
        progress.total((long) epochs * schedules.size());
        XYChart.Builder loss = XYChart.builder("decay-loss", "Training loss, " + MODEL + " + SGD momentum 0.9, lr0 " + Fmt.num(LR0),
                "epoch", "training loss").logY();
        XYChart.Builder lrs = XYChart.builder("decay-lr", "Learning rate", "epoch", "lr").small().logY();
        Map<String, Object> numbers = new LinkedHashMap<>();
        String[] names = schedules.keySet().toArray(String[]::new);
        double[] finalTrain = new double[names.length];
        double[] finalVal = new double[names.length];
        double[] plateauTrain = new double[names.length];
        OptimizerConfig opt = Optimizers.parse(OPTIMIZER + ":lr=" + LR0);
        for (int i = 0; i < names.length; i++) {
            Schedule s = schedules.get(names[i]);
            Runs.Run run = Runs.train(Runs.model(MODEL, train, seed), opt, s, train, data.heldOut(), epochs, BATCH, seed, 4, progress);
            TrainResult r = run.result();
            double[][] c = {run.epochs(), run.loss()};
            loss.line(names[i], c[0], c[1]);
            int n = 200;
            double[] e = new double[n];
            double[] l = new double[n];
            for (int k = 0; k < n; k++) {
                long t = steps * k / (n - 1);
                e[k] = (double) t / perEpoch;
                l[k] = s.at(Math.min(t, steps - 1));
            }
            lrs.line(names[i], e, l);
            double[][] v = Runs.valCurve(r.history());
            finalTrain[i] = Runs.finalLoss(run, 4);
            finalVal[i] = Runs.last(v[1]);
            plateauTrain[i] = at(run, (double) every / perEpoch);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("finalTrainLoss", finalTrain[i]);
            entry.put("finalValidationLoss", finalVal[i]);
            entry.put("finalValidationAccuracy", r.history().last().valAccuracy());
            entry.put("trainLossAtFirstStep", plateauTrain[i]);
            entry.put("status", r.status().name());
            entry.put("validationEpochs", v[0]);
            entry.put("validationLoss", v[1]);
            numbers.put(names[i], entry);
        }
        int best = 0;
        for (int i = 1; i < names.length; i++) {
            if (finalVal[i] < finalVal[best]) {
                best = i;
            }
        }
        double stepGain = finalTrain[0] - finalTrain[1];
        String takeaway = "Over the last epoch step decay averaged a training loss of " + Fmt.num(finalTrain[1]) + " against " + Fmt.num(finalTrain[0])
                + " for the constant rate (" + (stepGain >= 0 ? Fmt.num(stepGain) + " lower" : Fmt.num(-stepGain) + " higher")
                + "), with drops at epochs " + Fmt.num((double) drops[0] / perEpoch) + " and " + Fmt.num((double) drops[1] / perEpoch) + ". "
                + "The lowest validation loss after " + epochs + " epochs was " + Fmt.num(finalVal[best]) + " with " + names[best]
                + (best == 0 ? "" : ", against " + Fmt.num(finalVal[0]) + " with the constant rate") + ".";
        numbers.put("model", MODEL);
        numbers.put("optimizer", OPTIMIZER + ":lr=" + LR0);
        numbers.put("epochs", epochs);
        numbers.put("batch", BATCH);
        return new Section(ctx.section(), id(), title(), teaches(), List.of(loss.marker("drop", (double) drops[0] / perEpoch).marker("drop 2", (double) drops[1] / perEpoch).build(), lrs.build()),
                null, takeaway, ctx.command(), seed, (System.nanoTime() - t0) * 1e-9, null, numbers)
                .withReading("lr0 is the initial learning rate (" + Fmt.num(LR0) + " here), where every schedule starts; \"to lr0/100\""
                        + " means the rate has fallen to a hundredth of it by the last step. Curves start at epoch 0 with the loss of"
                        + " the first mini-batch at the initial weights; each later point is the mean mini-batch loss over a quarter of"
                        + " an epoch. The dashed lines mark the two drops of the step schedule.");
    }

    /** The training loss of the first bin ending at or after {@code epoch}. */
    private static double at(Runs.Run run, double epoch) {
        for (int i = 0; i < run.epochs().length; i++) {
            if (run.epochs()[i] >= epoch - 1e-9) {
                return run.loss()[i];
            }
        }
        return Double.NaN;
    }
}
