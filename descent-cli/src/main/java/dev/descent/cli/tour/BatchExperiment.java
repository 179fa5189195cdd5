package dev.descent.cli.tour;

import dev.descent.cli.report.Chart;
import dev.descent.cli.report.Fmt;
import dev.descent.cli.report.Section;
import dev.descent.cli.report.XYChart;
import dev.descent.data.Batches;
import dev.descent.data.Dataset;
import dev.descent.data.Split;
import dev.descent.minimize.Iterate;
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.MoreThuente;
import dev.descent.minimize.Objective;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.nn.Model;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import dev.descent.train.History;
import dev.descent.train.ModelNetwork;
import dev.descent.train.ModelObjective;
import dev.descent.train.TrainConfig;
import dev.descent.train.TrainListener;
import dev.descent.train.TrainResult;
import dev.descent.train.TrainStatus;
import dev.descent.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 5: full-batch L-BFGS, plain mini-batch L-BFGS (no line search, lr 1, as torch users run
 * it), mini-batch L-BFGS with a strong-Wolfe line search on each batch, and Adam, training softmax
 * regression and an MLP with the same budget of passes over the training set. Loss on the whole
 * training set against passes (each loss or gradient evaluation on a batch counts its share of a
 * pass, line-search trials included) and against seconds (training time only). Timed: runs alone.
 */
final class BatchExperiment implements Experiment {

    static final int BATCH = 128;
    static final int MEMORY = 10;
    static final String LEFT_THE_CHART = "loss left the chart (diverged)";
    static final String[] RUNS = {"full-batch L-BFGS", "mini-batch L-BFGS, no line search", "mini-batch L-BFGS + strong Wolfe",
        "Adam lr 1e-3"};

    @Override
    public String label() {
        return "full vs mini-batch";
    }

    @Override
    public String id() {
        return "batch";
    }

    @Override
    public String title() {
        return "Full batch against mini-batch";
    }

    @Override
    public String teaches() {
        return "L-BFGS works well in full batch mode with a line search, but its curvature estimates need a deterministic"
                + " function: on mini-batches the pairs it remembers mix gradients of different batches, and without a line"
                + " search a bad step is taken in full. Adam was designed for noisy mini-batch gradients. Here is what descent's"
                + " runs do, each given the same number of passes over the training set.";
    }

    @Override
    public boolean timed() {
        return true;
    }

    /** One run's curve: passes, seconds, full training loss. */
    record Curve(double[] passes, double[] seconds, double[] loss, String outcome) {}

    @Override
    public Section run(TourContext ctx, Progress progress) {
        long t0 = System.nanoTime();
        Split data = ctx.data().get();
        Dataset train = data.train();
        long seed = ctx.sectionSeed();
        int passes = ctx.pick(8, 2);
        progress.total(2L * RUNS.length * passes);
        List<Chart> charts = new ArrayList<>();
        Map<String, Object> numbers = new LinkedHashMap<>();
        StringBuilder take = new StringBuilder();
        // warm up the JIT on every code path first, so the first timed run does not pay for compilation
        Dataset warm = train.rows(0, Math.min(train.n(), 4 * BATCH));
        for (String spec : List.of("softmax", "mlp:64")) {
            fullBatch(spec, warm, seed, 2, Progress.NONE);
            miniBatchLbfgs(spec, warm, seed, 1, false, Progress.NONE);
            miniBatchLbfgs(spec, warm, seed, 1, true, Progress.NONE);
            adam(spec, warm, seed, 1, Progress.NONE);
        }
        for (String spec : List.of("softmax", "mlp:64")) {
            Curve[] c = new Curve[RUNS.length];
            c[0] = fullBatch(spec, train, seed, passes, progress);
            c[1] = miniBatchLbfgs(spec, train, seed, passes, false, progress);
            c[2] = miniBatchLbfgs(spec, train, seed, passes, true, progress);
            c[3] = adam(spec, train, seed, passes, progress);
            double top = 3 * Math.log(train.classes());
            double lo = Double.POSITIVE_INFINITY;
            for (Curve k : c) {
                for (double v : k.loss()) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                    }
                }
            }
            String idp = spec.startsWith("mlp") ? "batch-mlp" : "batch-softmax";
            XYChart.Builder byPasses = XYChart.builder(idp, spec + ": training loss against passes", "passes over the training set",
                    "training loss").logY().yRange(lo / 1.3, top).markLeavingTop(LEFT_THE_CHART);
            XYChart.Builder bySeconds = XYChart.builder(idp + "-time", spec + ": against seconds", "seconds", "training loss")
                    .logY().yRange(lo / 1.3, top).markLeavingTop(LEFT_THE_CHART).small();
            Map<String, Object> runs = new LinkedHashMap<>();
            for (int i = 0; i < RUNS.length; i++) {
                byPasses.line(RUNS[i], c[i].passes(), c[i].loss());
                bySeconds.line(RUNS[i], c[i].seconds(), c[i].loss());
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("finalLoss", Runs.last(c[i].loss()));
                r.put("seconds", c[i].seconds()[c[i].seconds().length - 1]);
                r.put("passes", c[i].passes()[c[i].passes().length - 1]);
                r.put("outcome", c[i].outcome());
                runs.put(RUNS[i], r);
            }
            numbers.put(spec, runs);
            charts.add(byPasses.build());
            charts.add(bySeconds.build());
            double full = Runs.last(c[0].loss());
            double plain = Runs.last(c[1].loss());
            double wolfe = Runs.last(c[2].loss());
            double ad = Runs.last(c[3].loss());
            double tW = c[2].seconds()[c[2].seconds().length - 1];
            double tA = c[3].seconds()[c[3].seconds().length - 1];
            take.append(spec).append(": plain mini-batch L-BFGS ").append(c[1].outcome().startsWith("diverged") ? c[1].outcome()
                            : "ended at " + Fmt.num(plain))
                    .append(", with strong Wolfe ").append(Fmt.num(wolfe)).append(" in ").append(Fmt.sig(tW / tA, 2))
                    .append("× Adam's time, Adam ").append(Fmt.num(ad)).append(" and full-batch L-BFGS ").append(Fmt.num(full))
                    .append(ad < full ? " (Adam lower)" : " (full-batch L-BFGS lower)").append(". ");
        }
        numbers.put("passes", passes);
        numbers.put("batch", BATCH);
        numbers.put("memory", MEMORY);
        String takeaway = "With " + passes + " passes each — " + take.toString().trim();
        return new Section(ctx.section(), id(), title(), teaches(), charts, null, takeaway, ctx.command(), seed,
                (System.nanoTime() - t0) * 1e-9, null, numbers)
                .withReading("A pass is one sweep of the training set's worth of loss and gradient evaluations: every evaluation"
                        + " on a batch of " + BATCH + " rows adds its share, line-search trials included. Full-batch L-BFGS starts"
                        + " at 1 pass because its first point already costs one evaluation on the whole training set; the other"
                        + " curves start at 0 with the loss of the initial weights (measured, not counted). The loss is on the"
                        + " whole training set, on a log axis that stops at " + Fmt.num(3 * Math.log(train.classes()))
                        + "; a ▲ marks where a run's loss left the chart. Seconds count training only, without the evaluations"
                        + " drawn here. L-BFGS keeps m = " + MEMORY + " pairs.");
    }

    private static Curve fullBatch(String spec, Dataset train, long seed, int passes, Progress progress) {
        Model model = Runs.model(spec, train, seed);
        double[] x0 = new double[model.paramCount()];
        dev.descent.linalg.Vec.toDouble(model.params(), x0);
        ModelObjective f = new ModelObjective(model, train);
        double[] clock = new double[passes + 2];
        long start = System.nanoTime();
        int[] evals = {0};
        Objective timed = new Objective() {
            @Override
            public int dimension() {
                return f.dimension();
            }

            @Override
            public double evaluate(double[] x, double[] grad) {
                double v = f.evaluate(x, grad);
                evals[0]++;
                if (evals[0] < clock.length) {
                    clock[evals[0]] = (System.nanoTime() - start) * 1e-9;
                }
                progress.step(1);
                return v;
            }
        };
        Result r = Minimize.run(timed, x0, new Method.Lbfgs(MEMORY, MoreThuente.DEFAULT),
                Settings.DEFAULTS.withMaxEvaluations(passes).withMaxIterations(10_000).withGradTol(0).withTrace(true));
        List<Iterate> trace = r.trace();
        double[] p = new double[trace.size()];
        double[] s = new double[trace.size()];
        double[] l = new double[trace.size()];
        for (int i = 0; i < trace.size(); i++) {
            Iterate it = trace.get(i);
            p[i] = it.fEvals();
            s[i] = clock[(int) Math.min(it.fEvals(), clock.length - 1)];
            l[i] = it.f();
        }
        return new Curve(p, s, l, r.status().name().toLowerCase(java.util.Locale.ROOT) + " after " + r.iterations() + " iterations");
    }

    private static Curve miniBatchLbfgs(String spec, Dataset train, long seed, int passes, boolean wolfe, Progress progress) {
        Model model = Runs.model(spec, train, seed);
        double[] x = new double[model.paramCount()];
        dev.descent.linalg.Vec.toDouble(model.params(), x);
        MiniBatchLbfgs opt = new MiniBatchLbfgs(x.length, MEMORY, 1.0, wolfe ? MoreThuente.DEFAULT : null);
        Batches batches = new Batches(train, BATCH, seed);
        float[] xb = new float[BATCH * train.d()];
        int[] yb = new int[BATCH];
        List<double[]> points = new ArrayList<>();
        double start = fullLoss(model, x, train);
        points.add(new double[] {0, 0, start});
        double elapsed = 0;
        double rowsSeen = 0;
        double nextRecord = 0.25;
        String outcome = "completed";
        int lastPass = 0;
        while (rowsSeen / train.n() < passes) {
            long t = System.nanoTime();
            int rows = batches.next(xb, yb);
            Dataset b = new Dataset(rows == BATCH ? xb : Arrays.copyOf(xb, rows * train.d()), rows == BATCH ? yb : Arrays.copyOf(yb, rows),
                    rows, train.d(), train.classes());
            long before = opt.evaluations;
            double f = opt.step(new ModelObjective(model, b), x);
            rowsSeen += (double) rows * (opt.evaluations - before);
            elapsed += (System.nanoTime() - t) * 1e-9;
            double pass = rowsSeen / train.n();
            if (!Double.isFinite(f) || !dev.descent.linalg.Vec.isFinite(x)) {
                outcome = "diverged (non-finite loss) after " + Fmt.num(pass) + " passes";
                points.add(new double[] {pass, elapsed, Double.POSITIVE_INFINITY}); // drawn as leaving the top
                break;
            }
            if (pass >= nextRecord) {
                double full = fullLoss(model, x, train);
                points.add(new double[] {pass, elapsed, full});
                nextRecord += 0.25;
                if (full > TrainConfig.DEFAULT_SPIKE_FACTOR * start) { // the Trainer's spike rule, against the starting loss
                    outcome = "diverged (loss " + Fmt.num(full) + ") after " + Fmt.num(pass) + " passes";
                    break;
                }
            }
            while (lastPass < (int) pass && lastPass < passes) {
                lastPass++;
                progress.step(1);
            }
        }
        progress.step(Math.max(0, passes - lastPass));
        return curve(points, outcome);
    }

    /**
     * Adam through the {@link Trainer} (its batches, order and divergence rule), evaluating the loss
     * on the whole training set every quarter pass. The seconds count the training steps only: the
     * clock stops while the trainer evaluates.
     */
    private static Curve adam(String spec, Dataset train, long seed, int passes, Progress progress) {
        Model model = Runs.model(spec, train, seed);
        OptimizerConfig adam = Optimizers.named("adam");
        int perPass = (train.n() + BATCH - 1) / BATCH;
        TrainConfig cfg = TrainConfig.forEpochs(passes, BATCH, seed).withEvalEvery(Math.max(1, perPass / 4));
        Trainer trainer = new Trainer(cfg, new ModelNetwork(model), adam.create(model.paramCount()), t -> adam.lr());
        List<double[]> points = new ArrayList<>();
        long[] tick = {System.nanoTime()};
        double[] elapsed = {0};
        TrainResult r = trainer.fit(train, train, new TrainListener() {
            @Override
            public void onStep(long step, double epoch, double loss, double lr) {
                long now = System.nanoTime();
                elapsed[0] += (now - tick[0]) * 1e-9;
                tick[0] = now;
                if (step % perPass == 0) {
                    progress.step(1);
                }
            }

            @Override
            public void onRecord(History.Record rec) {
                points.add(new double[] {rec.epoch(), elapsed[0], rec.valLoss()});
                tick[0] = System.nanoTime();
            }
        });
        return curve(points, r.status() == TrainStatus.COMPLETED ? "completed" : r.message());
    }

    private static double fullLoss(Model model, double[] x, Dataset train) {
        dev.descent.linalg.Vec.toFloat(x, model.params());
        return model.loss(train.x(), train.y(), train.n());
    }

    private static Curve curve(List<double[]> points, String outcome) {
        double[] p = new double[points.size()];
        double[] s = new double[points.size()];
        double[] l = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            p[i] = points.get(i)[0];
            s[i] = points.get(i)[1];
            l[i] = points.get(i)[2];
        }
        return new Curve(p, s, l, outcome);
    }
}
