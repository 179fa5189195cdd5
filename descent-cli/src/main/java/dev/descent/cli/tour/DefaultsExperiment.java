package dev.descent.cli.tour;

import dev.descent.cli.report.BarChart;
import dev.descent.cli.report.Fmt;
import dev.descent.cli.report.Section;
import dev.descent.cli.report.Table;
import dev.descent.data.Dataset;
import dev.descent.data.Split;
import dev.descent.data.Synthetic;
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import dev.descent.train.TrainResult;
import dev.descent.train.TrainStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 6: "Adam is a good default". Every first-order optimizer at its default learning rate
 * (PyTorch's defaults; SGD's 0.01) on every task of the tour: the three 2-D functions of
 * section 3, softmax regression and the MLP on Fashion-MNIST, and an MLP on the cs231n spiral.
 * The table holds the final loss; the chart the ratio to the best final loss on each task.
 */
final class DefaultsExperiment implements Experiment {

    static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam");
    /** Final ÷ starting losses below this are solved to rounding: they tie, and their bars stop here. */
    static final double FLOOR = 1e-12;

    @Override
    public String label() {
        return "Adam as a default";
    }

    @Override
    public String id() {
        return "defaults";
    }

    @Override
    public String title() {
        return "Is Adam a good default?";
    }

    @Override
    public String teaches() {
        return "The lecture's advice: Adam (at lr 1e-3) is a good default choice. The test: no tuning at all, each optimizer"
                + " at its default learning rate on six tasks. A good default is one that is never far from the best, not one"
                + " that always wins.";
    }

    @Override
    public Section run(TourContext ctx, Progress progress) {
        long t0 = System.nanoTime();
        Split data = ctx.data().get();
        long seed = ctx.sectionSeed();
        int steps2d = ctx.pick(2000, 500);
        int epochs = ctx.pick(3, 1);
        int spiralEpochs = ctx.pick(200, 40);
        List<TrajectoryExperiment.Landscape> landscapes = TrajectoryExperiment.landscapes();
        List<String> tasks = new ArrayList<>();
        for (TrajectoryExperiment.Landscape l : landscapes) {
            tasks.add(l.name().startsWith("ill") ? "quadratic" : l.name());
        }
        tasks.add("softmax");
        tasks.add("MLP");
        tasks.add("spiral");
        progress.total((long) OPTIMIZERS.size() * (landscapes.size() + 2L * epochs + spiralEpochs / 20));
        Dataset spiral = Synthetic.spiral(3, 100, 0.2, seed);
        double[][] loss = new double[OPTIMIZERS.size()][tasks.size()];
        double[] initial = new double[tasks.size()];
        for (int c = 0; c < landscapes.size(); c++) {
            initial[c] = landscapes.get(c).f().value(landscapes.get(c).x0());
        }
        initial[landscapes.size()] = initialLoss("softmax", data.train(), seed);
        initial[landscapes.size() + 1] = initialLoss("mlp:64", data.train(), seed);
        initial[landscapes.size() + 2] = initialLoss("mlp:32", spiral, seed);
        for (int o = 0; o < OPTIMIZERS.size(); o++) {
            OptimizerConfig cfg = Optimizers.named(OPTIMIZERS.get(o));
            int c = 0;
            for (TrajectoryExperiment.Landscape l : landscapes) {
                Result r = Minimize.run(l.f(), l.x0(), new Method.FirstOrder(cfg), Settings.DEFAULTS.withMaxIterations(steps2d));
                loss[o][c++] = r.status() == dev.descent.minimize.Status.NON_FINITE ? Double.POSITIVE_INFINITY : r.f();
                progress.step(1);
            }
            loss[o][c++] = finalLoss("softmax", cfg, data.train(), epochs, 64, seed, progress, 1);
            loss[o][c++] = finalLoss("mlp:64", cfg, data.train(), epochs, 64, seed, progress, 1);
            loss[o][c] = finalLoss("mlp:32", cfg, spiral, spiralEpochs, 32, seed, Progress.NONE, 1);
            progress.step(spiralEpochs / 20);
        }
        List<String> rows = new ArrayList<>();
        for (String name : OPTIMIZERS) {
            rows.add(name + " (lr " + Fmt.num(Optimizers.named(name).lr()) + ")");
        }
        Table table = new Table("Final loss at each optimizer's default learning rate (bold: the lowest of the column; ∞: diverged)."
                + " Tasks: the 2-D functions of section 3 (" + steps2d + " steps); softmax regression (softmax) and mlp:64 (MLP) on Fashion-MNIST ("
                + epochs + (epochs == 1 ? " epoch" : " epochs") + "); mlp:32 on the cs231n spiral (spiral, " + spiralEpochs + " epochs)",
                "optimizer", tasks, rows, loss);
        // the chart: the final loss as a fraction of the starting loss (log scale, bars hang down from 1;
        // diverged runs rise into a band at the top; fractions below 1e-12 stop at a line that says so)
        double[][] fraction = new double[OPTIMIZERS.size()][tasks.size()];
        for (int o = 0; o < OPTIMIZERS.size(); o++) {
            for (int c = 0; c < tasks.size(); c++) {
                fraction[o][c] = Double.isFinite(loss[o][c]) ? loss[o][c] / initial[c] : Double.POSITIVE_INFINITY;
            }
        }
        // the takeaway: ranks per task (1 = lowest final loss; diverged runs rank last)
        int[][] rank = new int[OPTIMIZERS.size()][tasks.size()];
        double[] meanRank = new double[OPTIMIZERS.size()];
        for (int c = 0; c < tasks.size(); c++) {
            for (int o = 0; o < OPTIMIZERS.size(); o++) {
                int r = 1;
                for (int q = 0; q < OPTIMIZERS.size(); q++) {
                    if (q != o && below(loss[q][c], loss[o][c], FLOOR * initial[c])) {
                        r++;
                    }
                }
                rank[o][c] = r;
                meanRank[o] += (double) r / tasks.size();
            }
        }
        int adam = OPTIMIZERS.indexOf("adam");
        int bestMean = 0;
        for (int o = 1; o < OPTIMIZERS.size(); o++) {
            if (meanRank[o] < meanRank[bestMean]) {
                bestMean = o;
            }
        }
        int adamWins = 0;
        int adamDiverged = 0;
        StringBuilder adamRanks = new StringBuilder();
        for (int c = 0; c < tasks.size(); c++) {
            if (rank[adam][c] == 1) {
                adamWins++;
            }
            if (!Double.isFinite(loss[adam][c])) {
                adamDiverged++;
            }
            adamRanks.append(c == 0 ? "" : ", ").append(rank[adam][c]);
        }
        BarChart chart = new BarChart("defaults-fraction", "Final ÷ starting loss at the default lr", "final ÷ starting loss (log)",
                true, tasks, rows, fraction, false, FLOOR, "≤ 1e-12: solved to rounding",
                "diverged (∞ in the table)");
        int diverged = countDiverged(loss);
        // the claim: never far from the best; here, within one place of the best mean rank and never diverged
        boolean held = adamDiverged == 0 && meanRank[adam] <= meanRank[bestMean] + 1;
        String takeaway = (held ? "In this run the claim held: " : "In this run the claim did not hold: ")
                + "at its default learning rate Adam ranked " + adamRanks + " of " + OPTIMIZERS.size() + " on the " + tasks.size()
                + " tasks (1 = lowest final loss; losses below 1e-12 of the start tie), a mean rank of " + Fmt.sig(meanRank[adam], 2)
                + ", and had the lowest final loss on " + (adamWins == 0 ? "none" : String.valueOf(adamWins)) + " of them. "
                + "The best mean rank was " + OPTIMIZERS.get(bestMean) + "'s (" + Fmt.sig(meanRank[bestMean], 2) + "). "
                + diverged + " of " + OPTIMIZERS.size() * tasks.size() + " runs diverged at their default rate"
                + (diverged == 0 ? "." : adamDiverged == 0 ? ", none of them Adam's: what Adam's default did offer here is that it never blew up."
                        : ", " + adamDiverged + " of them Adam's.");
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("steps2d", steps2d);
        numbers.put("epochsFashion", epochs);
        numbers.put("epochsSpiral", spiralEpochs);
        numbers.put("adamWins", adamWins);
        numbers.put("claimHeld", held);
        numbers.put("meanRank", meanRank);
        numbers.put("initialLoss", initial);
        return new Section(ctx.section(), id(), title(), teaches(), List.of(chart), table, takeaway, ctx.command(), seed,
                (System.nanoTime() - t0) * 1e-9, null, numbers)
                .withReading("Each bar is a run's final loss divided by the task's starting loss, on a log axis: 1 is no progress,"
                        + " lower is better. A run that diverged has a bar up into the shaded band at the top; bars that reach the"
                        + " dashed line at 1e-12 were solved to rounding (their losses tie).");
    }

    /**
     * Whether a is strictly better (lower) than b, a diverged (non-finite) loss being worst and
     * losses below {@code floor} (solved to rounding) counting as equal.
     */
    private static boolean below(double a, double b, double floor) {
        if (!Double.isFinite(a)) {
            return false;
        }
        return !Double.isFinite(b) || Math.max(a, floor) < Math.max(b, floor);
    }

    private static double initialLoss(String spec, Dataset data, long seed) {
        return Runs.model(spec, data, seed).loss(data.x(), data.y(), data.n());
    }

    private static int countDiverged(double[][] loss) {
        int n = 0;
        for (double[] row : loss) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The mean loss over the whole training set after training (∞ when the run diverged). */
    private static double finalLoss(String spec, OptimizerConfig cfg, Dataset train, int epochs, int batch, long seed, Progress p, int records) {
        var model = Runs.model(spec, train, seed);
        TrainResult r = Runs.train(model, cfg, t -> cfg.lr(), train, null, epochs, batch, seed, records, p).result();
        if (r.status() == TrainStatus.DIVERGED) {
            return Double.POSITIVE_INFINITY;
        }
        return model.loss(train.x(), train.y(), train.n());
    }
}
