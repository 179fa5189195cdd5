package dev.descent.cli.tour;

import dev.descent.cli.report.Fmt;
import dev.descent.cli.report.LrFinderChart;
import dev.descent.cli.report.Section;
import dev.descent.cli.report.XYChart;
import dev.descent.data.Dataset;
import dev.descent.data.Split;
import dev.descent.nn.Model;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import dev.descent.train.LrFinder;
import dev.descent.train.LrFinderResult;
import dev.descent.train.LrSweep;
import dev.descent.train.TrainResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 7: the learning-rate range test ({@link LrFinder}) on the MLP with SGD momentum, the
 * raw and smoothed loss against the learning rate with the three suggestions marked, then a
 * check: short training runs at the valley suggestion, a tenth of it and ten times it.
 */
final class LrRangeExperiment implements Experiment {

    static final String MODEL = "mlp:64";
    static final String OPTIMIZER = "momentum";
    static final int BATCH = 64;

    @Override
    public String label() {
        return "lr range test";
    }

    @Override
    public String id() {
        return "lr-find";
    }

    @Override
    public String title() {
        return "Learning-rate range test";
    }

    @Override
    public String teaches() {
        return "Sweeping the learning rate exponentially over one short run shows where the loss starts to fall and"
                + " where it blows up; a good rate sits on the falling slope, below the minimum (Smith 2015).";
    }

    @Override
    public Section run(TourContext ctx, Progress progress) {
        long t0 = System.nanoTime();
        Split data = ctx.data().get();
        Dataset train = data.train();
        long seed = ctx.sectionSeed();
        int checkEpochs = ctx.pick(2, 1);
        LrFinder finder = new LrFinder(1e-5, 10, ctx.pick(100, 60), 0.98, 4);
        progress.total(finder.steps() + 3L * checkEpochs);
        Model model = Runs.model(MODEL, train, seed);
        OptimizerConfig cfg = Optimizers.named(OPTIMIZER);
        float[] before = model.params().clone();
        LrFinderResult r = LrSweep.run(model, cfg, train, BATCH, seed, finder, () -> progress.step(1));
        boolean restored = java.util.Arrays.equals(before, model.params());
        double valley = r.suggestion(LrFinderResult.Method.VALLEY);
        double steep = r.suggestion(LrFinderResult.Method.STEEPEST);
        double minimum = r.suggestion(LrFinderResult.Method.MINIMUM);
        double[] lrs = r.lrs();
        XYChart chart = LrFinderChart.of("lr-find", "LR range test, " + MODEL + " + SGD momentum 0.9, batch " + BATCH, r,
                4 * Math.log(train.classes()));
        // does the suggestion train well? the same model from the same start, at 0.1×, 1× and 10× the valley
        double[] factors = {0.1, 1, 10};
        double[] after = new double[3];
        Map<String, Object> checks = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            double lr = valley * factors[i];
            TrainResult t = Runs.train(Runs.model(MODEL, train, seed), cfg.withLr(lr), s -> lr, train, data.heldOut(), checkEpochs,
                    BATCH, seed, 1, progress).result();
            after[i] = t.history().last().valLoss();
            checks.put(Fmt.num(factors[i]) + "× valley (lr " + Fmt.num(lr) + ")", Map.of("validationLoss", after[i], "status", t.status().name()));
        }
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("suggestedLr", valley);
        numbers.put("method", "valley");
        numbers.put("steepest", steep);
        numbers.put("minimumOver10", minimum);
        numbers.put("stoppedEarly", r.stoppedEarly());
        numbers.put("steps", r.size());
        numbers.put("parametersRestored", restored);
        numbers.put("checkEpochs", checkEpochs);
        numbers.put("checks", checks);
        int iMin = r.suggestionIndex(LrFinderResult.Method.MINIMUM);
        String stop = r.stoppedEarly()
                ? "stopped after " + r.size() + " of " + finder.steps() + " steps at lr " + Fmt.num(lrs[r.size() - 1])
                        + " once the smoothed loss passed 4× its best"
                : "ran all " + finder.steps() + " steps";
        int bestCheck = 0;
        for (int i = 1; i < 3; i++) {
            if (after[i] < after[bestCheck] || !Double.isFinite(after[bestCheck])) {
                bestCheck = i;
            }
        }
        String takeaway = "The smoothed loss was lowest (" + Fmt.num(r.smoothed()[iMin]) + ") at lr " + Fmt.num(lrs[iMin]) + " and the sweep "
                + stop + "; the valley suggests lr " + Fmt.num(valley) + " (steepest " + Fmt.num(steep) + ", minimum/10 "
                + Fmt.num(minimum) + "). Trained for " + checkEpochs + (checkEpochs == 1 ? " epoch" : " epochs") + ", the valley rate reached validation loss "
                + Fmt.num(after[1]) + " against " + Fmt.num(after[0]) + " at a tenth of it and " + Fmt.num(after[2]) + " at ten times it"
                + switch (bestCheck) {
                    case 1 -> ": the finder's suggestion was the best of the three here.";
                    case 2 -> ", so here ten times the valley did better: for this model the finder's valley rule was cautious."
                            + " Read its suggestion as the low end of the range worth trying, not as the best rate, and try a few"
                            + " larger multiples before training for long.";
                    default -> ", so here a tenth of the valley did better: on this model the valley rule was too bold for "
                            + checkEpochs + (checkEpochs == 1 ? " epoch" : " epochs") + " of training, and the suggestion is an upper"
                            + " end to tune down from.";
                };
        return new Section(ctx.section(), id(), title(), teaches(), List.of(chart), null, takeaway,
                ctx.command() + "   # or: descent lr-find --data " + ctx.dataName() + " --model " + MODEL + " --optimizer "
                        + OPTIMIZER + " --start 1e-5 --end 10 --steps " + finder.steps() + " --batch " + BATCH + " --seed " + seed,
                seed, (System.nanoTime() - t0) * 1e-9, null, numbers);
    }
}
