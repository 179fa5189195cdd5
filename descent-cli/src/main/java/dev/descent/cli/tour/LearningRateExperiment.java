package dev.descent.cli.tour;

import dev.descent.cli.report.Fmt;
import dev.descent.cli.report.Section;
import dev.descent.cli.report.Series;
import dev.descent.cli.report.XYChart;
import dev.descent.data.Dataset;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import dev.descent.train.History;
import dev.descent.train.TrainConfig;
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
        double startLoss = Double.NaN;
        String divergence = "";
        // keep the chart readable: the top is a few times the starting loss; what goes above is marked
        double yTop = 4 * Math.log(train.classes());
        int perEpoch = (train.n() + BATCH - 1) / BATCH;
        List<Series> rollbackMarks = new ArrayList<>();
        List<XYChart.Marker> divergedAt = new ArrayList<>();
        for (int i = 0; i < LRS.length; i++) {
            double lr = LRS[i];
            OptimizerConfig sgd = Optimizers.parse("sgd:lr=" + lr);
            Runs.Run run = Runs.train(Runs.model(MODEL, train, seed), sgd, t -> lr, train, null, epochs, BATCH, seed, 4, MAX_FAILURES, progress);
            TrainResult r = run.result();
            boolean diverged = r.status() == TrainStatus.DIVERGED;
            List<History.Event> evs = r.history().events();
            double[] cx = run.epochs();
            double[] cy = run.loss();
            startLoss = cy[0];
            if (diverged && !evs.isEmpty()) {
                // the line goes on to the loss that ended the run, above the top: the chart marks where it leaves
                History.Event lastBad = evs.getLast();
                cx = java.util.Arrays.copyOf(cx, cx.length + 1);
                cy = java.util.Arrays.copyOf(cy, cy.length + 1);
                cx[cx.length - 1] = (double) lastBad.step() / perEpoch;
                cy[cy.length - 1] = Double.isFinite(lastBad.loss()) ? Math.max(lastBad.loss(), yTop * 10) : Double.POSITIVE_INFINITY;
                divergedAt.add(new XYChart.Marker("lr " + Fmt.num(lr) + " diverged at step " + lastBad.step() + " (loss "
                        + Fmt.num(lastBad.loss()) + ")", cx[cx.length - 1]));
            }
            finals[i] = diverged ? Double.NaN : Runs.finalLoss(run, 4);
            String label = NAMES[i] + ": lr " + Fmt.num(LRS[i]) + (diverged ? " (diverged)" : "");
            chart.add(new Series(label, cx, cy, Series.Style.LINE).withColour(i));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("lr", LRS[i]);
            entry.put("status", r.status().name());
            entry.put("message", r.message());
            entry.put("startLoss", run.loss()[0]);
            entry.put("finalTrainLoss", finals[i]);
            List<Object> events = new ArrayList<>();
            double[] ex = new double[evs.size()];
            double[] ey = new double[ex.length];
            int k = 0;
            for (History.Event e : evs) {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("step", e.step());
                ev.put("loss", e.loss());
                ev.put("cause", e.cause().name());
                ev.put("rolledBackTo", e.rolledBackTo());
                ev.put("lrScale", e.lrScale());
                events.add(ev);
                ex[k] = (double) e.step() / perEpoch;
                ey[k++] = Double.isFinite(e.loss()) ? Math.min(e.loss(), yTop * 0.92) : yTop * 0.92;
            }
            entry.put("divergenceEvents", events);
            numbers.put(NAMES[i], entry);
            if (ex.length > 0) {
                if (!diverged) { // a run that recovered: its rollbacks as triangles in its colour, drawn at the top
                    rollbackMarks.add(new Series(NAMES[i] + ": loss that triggered a rollback (drawn at the top)", ex, ey,
                            Series.Style.POINTS).withColour(i).withMark(Series.Mark.TRIANGLE));
                }
                divergence = NAMES[i] + " (lr " + Fmt.num(LRS[i]) + ") hit " + ex.length + " bad losses (first "
                        + Fmt.num(evs.get(0).loss()) + " at step " + evs.get(0).step()
                        + "); the trainer rolled back and cut the lr each time and " + (diverged
                        ? "stopped the run as DIVERGED"
                        : "finished at loss " + Fmt.num(finals[i])) + ".";
            }
        }
        for (Series s : rollbackMarks) {
            chart.add(s);
        }
        for (XYChart.Marker m : divergedAt) {
            chart.marker(m.label(), m.x());
        }
        double lo = Double.POSITIVE_INFINITY;
        for (double f : finals) {
            if (Double.isFinite(f)) {
                lo = Math.min(lo, f);
            }
        }
        // a little room left of epoch 0, so that a run that blows up in its first steps is seen leaving the top
        chart.yRange(Math.max(1e-3, lo / 2), yTop).xRange(-0.04 * epochs, 1.02 * epochs).markLeavingTop("loss left the chart (diverged)");
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
                seed, (System.nanoTime() - t0) * 1e-9, null, numbers)
                .withReading("Every curve starts at epoch 0 with the loss of the first mini-batch at the initial weights ("
                        + Fmt.num(startLoss) + ", the same weights and batch for every rate); after that each point is the mean"
                        + " mini-batch loss over a quarter of an epoch. The y axis"
                        + " stops at " + Fmt.num(yTop) + ": a run whose loss goes above it leaves the chart at a ▲, and the dashed"
                        + " line marks the step at which the trainer gave up on it (after " + MAX_FAILURES + " rollbacks, each"
                        + " multiplying the lr by " + Fmt.num(TrainConfig.DEFAULT_LR_CUT) + ").");
    }
}
