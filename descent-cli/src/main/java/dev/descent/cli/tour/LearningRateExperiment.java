package dev.descent.cli.tour;

import dev.descent.cli.report.Fmt;
import dev.descent.cli.report.Section;
import dev.descent.cli.report.Series;
import dev.descent.cli.report.XYChart;
import dev.descent.data.Dataset;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import dev.descent.train.History;
import dev.descent.train.TrainResult;
import dev.descent.train.TrainStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 1: the famous slide. The same MLP trained with plain SGD at a very high, a high, a low
 * and a good learning rate; training loss against epoch. The very high rate blows up, and the
 * trainer handles it (rollback, lr cut, and a DIVERGED status after repeated failures).
 */
final class LearningRateExperiment implements Experiment {

    static final String MODEL = "mlp:64";
    static final int BATCH = 64;
    /** name → learning rate; plain SGD. */
    static final String[] NAMES = {"very high", "high", "low", "good"};
    /** Rollbacks in a row before the trainer gives up on a run (the trainer's default is 5). */
    static final int MAX_FAILURES = 3;
    static final double[] LRS = {20, 0.4, 1e-3, 0.05};

    @Override
    public String label() {
        return "learning rate";
    }

    @Override
    public String id() {
        return "lr";
    }

    @Override
    public String title() {
        return "Learning rate";
    }

    @Override
    public String teaches() {
        return "Too high a learning rate makes the loss explode, a high one stalls at a worse loss, a low one crawls;"
                + " a good one falls fast and keeps falling.";
    }

    @Override
    public Section run(TourContext ctx, Progress progress) {
        long t0 = System.nanoTime();
        Dataset train = ctx.data().get().train();
        int epochs = ctx.pick(10, 2);
        long seed = ctx.sectionSeed();
        progress.total((long) epochs * LRS.length);
        XYChart.Builder chart = XYChart.builder("lr-loss", "Training loss, " + MODEL + " + SGD, batch " + BATCH, "epoch", "training loss")
                .logY();
        Map<String, Object> numbers = new LinkedHashMap<>();
        double[] finals = new double[LRS.length];
        String divergence = "";
        List<Series> rollbackMarks = new ArrayList<>();
        for (int i = 0; i < LRS.length; i++) {
            double lr = LRS[i];
            OptimizerConfig sgd = Optimizers.parse("sgd:lr=" + lr);
            Runs.Run run = Runs.train(Runs.model(MODEL, train, seed), sgd, t -> lr, train, null, epochs, BATCH, seed, 4, MAX_FAILURES, progress);
            TrainResult r = run.result();
            double[][] c = {run.epochs(), run.loss()};
            finals[i] = r.status() == TrainStatus.DIVERGED ? Double.NaN : Runs.finalLoss(run, 4);
            String label = NAMES[i] + ": lr " + Fmt.num(LRS[i]) + (r.status() == TrainStatus.DIVERGED ? " (diverged)" : "");
            chart.line(label, c[0], c[1]);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("lr", LRS[i]);
            entry.put("status", r.status().name());
            entry.put("message", r.message());
            entry.put("finalTrainLoss", finals[i]);
            List<Object> events = new ArrayList<>();
            int perEpoch = (train.n() + BATCH - 1) / BATCH;
            double[] ex = new double[r.history().events().size()];
            double[] ey = new double[ex.length];
            int k = 0;
            for (History.Event e : r.history().events()) {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("step", e.step());
                ev.put("loss", e.loss());
                ev.put("cause", e.cause().name());
                ev.put("rolledBackTo", e.rolledBackTo());
                ev.put("lrScale", e.lrScale());
                events.add(ev);
                ex[k] = (double) e.step() / perEpoch;
                ey[k++] = e.loss();
            }
            entry.put("divergenceEvents", events);
            numbers.put(NAMES[i], entry);
            if (ex.length > 0) {
                rollbackMarks.add(new Series(NAMES[i] + ": loss that triggered a rollback (clipped)", ex, ey, Series.Style.POINTS));
                divergence = NAMES[i] + " (lr " + Fmt.num(LRS[i]) + ") hit " + ex.length + " bad losses (first "
                        + Fmt.num(r.history().events().get(0).loss()) + " at step " + r.history().events().get(0).step()
                        + "); the trainer rolled back and cut the lr each time and " + (r.status() == TrainStatus.DIVERGED
                        ? "stopped the run as DIVERGED"
                        : "finished at loss " + Fmt.num(finals[i])) + ".";
            }
        }
        // keep the chart readable: the top is a few times the starting loss; spikes are clipped to it
        double start = Math.log(train.classes());
        double yTop = 4 * start;
        for (Series s : rollbackMarks) {
            double[] y = s.y();
            for (int k = 0; k < y.length; k++) {
                y[k] = Double.isFinite(y[k]) ? Math.min(y[k], yTop * 0.95) : yTop * 0.95;
            }
            chart.add(new Series(s.name(), s.x(), y, Series.Style.POINTS));
        }
        double lo = Double.POSITIVE_INFINITY;
        for (double f : finals) {
            if (Double.isFinite(f)) {
                lo = Math.min(lo, f);
            }
        }
        chart.yRange(Math.max(1e-3, lo / 2), yTop);
        int best = -1;
        for (int i = 0; i < LRS.length; i++) {
            if (Double.isFinite(finals[i]) && (best < 0 || finals[i] < finals[best])) {
                best = i;
            }
        }
        StringBuilder t = new StringBuilder();
        if (best < 0) {
            t.append("Every rate diverged in this run. ");
        } else {
            t.append("Over the last epoch (of ").append(epochs).append(") the lowest mean training loss came from the ")
                    .append(NAMES[best]).append(" rate (lr ").append(Fmt.num(LRS[best])).append(", ").append(Fmt.num(finals[best]))
                    .append(")");
            for (int i = 0; i < LRS.length; i++) {
                if (i != best && Double.isFinite(finals[i])) {
                    t.append(", against ").append(Fmt.num(finals[i])).append(" for ").append(NAMES[i]);
                }
            }
            t.append(". ");
        }
        t.append(divergence.isEmpty() ? "No rate diverged in this run." : "The " + divergence);
        numbers.put("epochs", epochs);
        numbers.put("model", MODEL);
        numbers.put("batch", BATCH);
        return new Section(ctx.section(), id(), title(), teaches(), List.of(chart.build()), null, t.toString(),
                ctx.command(),
                seed, (System.nanoTime() - t0) * 1e-9, null, numbers);
    }
}
