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
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.minimize.TimedObjective;
import dev.descent.nn.Model;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.stochastic.L2;
import dev.descent.stochastic.ModelSample;
import dev.descent.stochastic.MultiBatchLbfgs;
import dev.descent.stochastic.NaiveLbfgs;
import dev.descent.stochastic.ProgressiveBatchLbfgs;
import dev.descent.stochastic.SampledConfig;
import dev.descent.stochastic.SampledMethod;
import dev.descent.train.ModelObjective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 5: full-batch L-BFGS, plain mini-batch L-BFGS (no line search, lr 1, as torch users run
 * it: {@code naive-lbfgs}), the same with a strong-Wolfe line search on each batch, the working
 * mini-batch quasi-Newton methods ({@code mb-lbfgs}, {@code pb-lbfgs}) and Adam, training softmax
 * regression and an MLP with the same budget of passes over the training set, at two batch sizes.
 * Loss on the whole training set against passes (each gradient on a batch counts its share of a
 * pass, a forward-only evaluation a third of that, line-search trials included) and against
 * seconds (training time only). The methods are the library's ({@code dev.descent.stochastic});
 * this section only runs and draws them. Timed: runs alone.
 */
final class BatchExperiment implements Experiment {

    static final int BATCH = 128;
    static final int LARGE_BATCH = 1024;
    static final int MEMORY = 10;
    static final String[] RUNS = {"full-batch L-BFGS", "mini-batch L-BFGS, no line search", "mini-batch L-BFGS + strong Wolfe",
        "mb-lbfgs (overlap 0.25)", "pb-lbfgs (norm test)", "Adam lr 1e-3"};
    /** The mini-batch L-BFGS variants of {@link #RUNS} 1–4, in order. */
    static final SampledConfig[] SAMPLED = {new NaiveLbfgs(1, MEMORY, false), new NaiveLbfgs(1, MEMORY, true),
        MultiBatchLbfgs.DEFAULT, ProgressiveBatchLbfgs.DEFAULT.withTest(ProgressiveBatchLbfgs.Test.NORM)};

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
                + " function: on mini-batches they mix gradients of different batches. Measured with torch 1.13 on this machine"
                + " (softmax regression, full Fashion-MNIST): plain mini-batch L-BFGS diverged in 3 of 3 seeds; with strong Wolfe"
                + " it was stable but took 8× Adam's time; Adam given the same 50 passes beat full-batch L-BFGS. The published"
                + " answers keep the pairs sound: overlapping batches so that each pair uses the same examples at both points"
                + " (multi-batch L-BFGS), a batch that grows when the direction is noisy (progressive batching), damping and a"
                + " line search on the batch. Here is what descent's runs do, at two batch sizes.";
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
        boolean twoBatches = ctx.pick(true, false); // --quick: batch 128 only, to stay within its time budget
        progress.total(2L * (RUNS.length - (twoBatches ? 0 : 1)) * passes + (twoBatches ? 2L * (RUNS.length - 1) * passes : 0));
        List<Chart> charts = new ArrayList<>();
        Map<String, Object> numbers = new LinkedHashMap<>();
        StringBuilder take = new StringBuilder();
        // warm up the JIT on every code path first, so the first timed run does not pay for compilation
        Dataset warm = train.rows(0, Math.min(train.n(), 4 * BATCH));
        for (String spec : List.of("softmax", "mlp:64")) {
            fullBatch(spec, warm, seed, 2, Progress.NONE);
            for (int i = 0; i < SAMPLED.length; i++) {
                if (twoBatches || i != 1) {
                    sampled(spec, warm, seed, 1, SAMPLED[i], BATCH, Progress.NONE);
                }
            }
            adam(spec, warm, seed, 1, BATCH, Progress.NONE);
        }
        int diverged = 0;
        int divergedWorking = 0;
        StringBuilder large = new StringBuilder();
        for (String spec : List.of("softmax", "mlp:64")) {
            Curve[] c = new Curve[RUNS.length];
            c[0] = fullBatch(spec, train, seed, passes, progress);
            for (int i = 0; i < SAMPLED.length; i++) {
                // --quick leaves out the strong-Wolfe run (the slowest), to stay within its time budget
                c[i + 1] = twoBatches || i != 1 ? sampled(spec, train, seed, passes, SAMPLED[i], BATCH, progress) : null;
            }
            c[5] = adam(spec, train, seed, passes, BATCH, progress);
            // the same at a larger batch (no full-batch run: it does not depend on the batch)
            Curve[] big = new Curve[RUNS.length];
            if (twoBatches) {
                for (int i = 0; i < SAMPLED.length; i++) {
                    big[i + 1] = sampled(spec, train, seed, passes, SAMPLED[i], LARGE_BATCH, progress);
                }
                big[5] = adam(spec, train, seed, passes, LARGE_BATCH, progress);
                large.append(spec).append(" at batch ").append(LARGE_BATCH).append(": lowest ").append(winner(big, 1)).append(". ");
            }
            for (Curve[] cs : twoBatches ? List.<Curve[]>of(c, big) : List.<Curve[]>of(c)) {
                for (int i = 1; i <= 4; i++) {
                    if (cs[i] != null && cs[i].outcome().startsWith("diverged")) {
                        diverged += i <= 2 ? 1 : 0;
                        divergedWorking += i >= 3 ? 1 : 0;
                    }
                }
            }
            double top = 3 * Math.log(train.classes());
            double lo = Double.POSITIVE_INFINITY;
            for (Curve k : c) {
                if (k == null) {
                    continue;
                }
                for (double v : k.loss()) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                    }
                }
            }
            String idp = spec.startsWith("mlp") ? "batch-mlp" : "batch-softmax";
            XYChart.Builder byPasses = XYChart.builder(idp, spec + ": training loss against passes", "passes over the training set",
                    "training loss").logY().yRange(lo / 1.3, top);
            XYChart.Builder bySeconds = XYChart.builder(idp + "-time", spec + ": against seconds", "seconds", "training loss")
                    .logY().yRange(lo / 1.3, top).small();
            Map<String, Object> runs = new LinkedHashMap<>();
            for (int i = 0; i < RUNS.length; i++) {
                if (c[i] == null) {
                    continue;
                }
                byPasses.line(RUNS[i], c[i].passes(), c[i].loss());
                bySeconds.line(RUNS[i], c[i].seconds(), c[i].loss());
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("finalLoss", Runs.last(c[i].loss()));
                r.put("seconds", c[i].seconds()[c[i].seconds().length - 1]);
                r.put("passes", c[i].passes()[c[i].passes().length - 1]);
                r.put("outcome", c[i].outcome());
                if (twoBatches && big[i] != null) {
                    r.put("finalLossBatch" + LARGE_BATCH, Runs.last(big[i].loss()));
                    r.put("outcomeBatch" + LARGE_BATCH, big[i].outcome());
                }
                runs.put(RUNS[i], r);
            }
            numbers.put(spec, runs);
            charts.add(byPasses.build());
            charts.add(bySeconds.build());
            double full = Runs.last(c[0].loss());
            double plain = Runs.last(c[1].loss());
            double wolfe = c[2] == null ? Double.NaN : Runs.last(c[2].loss());
            double mb = Runs.last(c[3].loss());
            double ad = Runs.last(c[5].loss());
            double tW = c[2] == null ? Double.NaN : c[2].seconds()[c[2].seconds().length - 1];
            double tM = c[3].seconds()[c[3].seconds().length - 1];
            double tA = c[5].seconds()[c[5].seconds().length - 1];
            take.append(spec).append(" at batch ").append(BATCH).append(": plain mini-batch L-BFGS ")
                    .append(c[1].outcome().startsWith("diverged") ? c[1].outcome() : "ended at " + Fmt.num(plain))
                    .append(c[2] == null ? "" : ", with strong Wolfe " + Fmt.num(wolfe) + " in " + Fmt.sig(tW / tA, 2) + "× Adam's time")
                    .append("; mb-lbfgs ").append(Fmt.num(mb)).append(" in ").append(Fmt.sig(tM / tA, 2))
                    .append("× Adam's time, Adam ").append(Fmt.num(ad)).append(", full-batch L-BFGS ").append(Fmt.num(full))
                    .append("; lowest: ").append(winner(c, 0)).append(". ");
        }
        numbers.put("passes", passes);
        numbers.put("batch", BATCH);
        numbers.put("largeBatch", LARGE_BATCH);
        numbers.put("memory", MEMORY);
        numbers.put("divergedPlain", diverged);
        numbers.put("divergedWorking", divergedWorking);
        String takeaway = "With " + passes + " passes each — " + (take.toString() + large).trim()
                + " Divergences: plain mini-batch L-BFGS" + (twoBatches ? " (with or without Wolfe) " : " ") + diverged + " of " + (twoBatches ? 8 : 2)
                + " runs, mb-lbfgs and pb-lbfgs " + divergedWorking + " of " + (twoBatches ? 8 : 4) + "."
                + (twoBatches ? "" : " (--quick runs batch " + BATCH + " only and no strong-Wolfe run; the full tour adds them at batch "
                        + LARGE_BATCH + ".)")
                + " The full race at batches 1024 and 8192 on the whole data set is in docs/PERFORMANCE.md.";
        return new Section(ctx.section(), id(), title(), teaches(), charts, null, takeaway, ctx.command(), seed,
                (System.nanoTime() - t0) * 1e-9, null, numbers);
    }

    private static Curve fullBatch(String spec, Dataset train, long seed, int passes, Progress progress) {
        Model model = Runs.model(spec, train, seed);
        double[] x0 = new double[model.paramCount()];
        dev.descent.linalg.Vec.toDouble(model.params(), x0);
        // each evaluation is a pass over the training set, timed for the loss-against-seconds chart
        TimedObjective timed = new TimedObjective(new ModelObjective(model, train), passes + 1);
        long[] done = {0};
        Result r = Minimize.run(timed, x0, new Method.Lbfgs(MEMORY, MoreThuente.DEFAULT),
                Settings.DEFAULTS.withMaxEvaluations(passes).withMaxIterations(10_000).withGradTol(0).withTrace(true), it -> {
                    progress.step(it.fEvals() - done[0]);
                    done[0] = it.fEvals();
                    return false;
                });
        List<Iterate> trace = r.trace();
        double[] p = new double[trace.size()];
        double[] s = new double[trace.size()];
        double[] l = new double[trace.size()];
        for (int i = 0; i < trace.size(); i++) {
            Iterate it = trace.get(i);
            p[i] = it.fEvals();
            s[i] = timed.secondsAt(it.fEvals());
            l[i] = it.f();
        }
        return new Curve(p, s, l, r.status().name().toLowerCase(java.util.Locale.ROOT) + " after " + r.iterations() + " iterations");
    }

    /** The lowest final loss among the runs from index {@code from}, and by how much it beats the next. */
    private static String winner(Curve[] c, int from) {
        int best = -1;
        int second = -1;
        for (int i = from; i < c.length; i++) {
            if (c[i] == null || !Double.isFinite(Runs.last(c[i].loss())) || c[i].outcome().startsWith("diverged")) {
                continue;
            }
            double v = Runs.last(c[i].loss());
            if (best < 0 || v < Runs.last(c[best].loss())) {
                second = best;
                best = i;
            } else if (second < 0 || v < Runs.last(c[second].loss())) {
                second = i;
            }
        }
        if (best < 0) {
            return "every run diverged";
        }
        String s = RUNS[best] + " (" + Fmt.num(Runs.last(c[best].loss())) + ")";
        if (second >= 0) {
            double gap = (Runs.last(c[second].loss()) / Runs.last(c[best].loss()) - 1) * 100;
            s += ", " + Fmt.sig(gap, 2) + "% below " + RUNS[second];
        }
        return s;
    }

    /** A stochastic quasi-Newton method of the library on batches of {@code batch} rows, for {@code passes} passes. */
    private static Curve sampled(String spec, Dataset train, long seed, int passes, SampledConfig config, int batch, Progress progress) {
        Model model = Runs.model(spec, train, seed);
        SampledMethod method = config.create(new ModelSample(model, train, L2.none()), Math.min(batch, train.n()), seed);
        float[] x = model.params();
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0, model.loss(train.x(), train.y(), train.n())});
        double elapsed = 0;
        double nextRecord = 0.25;
        String outcome = "completed";
        int lastPass = 0;
        while (method.passes() < passes) {
            long t = System.nanoTime();
            double f = method.step(x, config.lr());
            elapsed += (System.nanoTime() - t) * 1e-9;
            double pass = method.passes();
            if (!Double.isFinite(f) || !finite(x)) {
                outcome = "diverged (non-finite loss) after " + Fmt.num(pass) + " passes";
                points.add(new double[] {pass, elapsed, Double.NaN});
                break;
            }
            if (pass >= nextRecord) {
                double full = model.loss(train.x(), train.y(), train.n());
                points.add(new double[] {pass, elapsed, full});
                while (nextRecord <= pass) {
                    nextRecord += 0.25;
                }
                if (full > 100 * Math.log(train.classes())) {
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

    private static Curve adam(String spec, Dataset train, long seed, int passes, int batch, Progress progress) {
        Model model = Runs.model(spec, train, seed);
        Optimizer opt = Optimizers.named("adam").create(model.paramCount());
        Batches batches = new Batches(train, Math.min(batch, train.n()), seed);
        float[] xb = new float[batch * train.d()];
        int[] yb = new int[batch];
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0, model.loss(train.x(), train.y(), train.n())});
        double elapsed = 0;
        long rowsSeen = 0;
        double nextRecord = 0.25;
        model.setTraining(true);
        int lastPass = 0;
        while ((double) rowsSeen / train.n() < passes) {
            long t = System.nanoTime();
            int rows = batches.next(xb, yb);
            model.forwardBackward(xb, yb, rows);
            opt.step(model.params(), model.grads());
            rowsSeen += rows;
            elapsed += (System.nanoTime() - t) * 1e-9;
            double pass = (double) rowsSeen / train.n();
            if (pass >= nextRecord) {
                points.add(new double[] {pass, elapsed, model.loss(train.x(), train.y(), train.n())});
                nextRecord += 0.25;
            }
            while (lastPass < (int) pass && lastPass < passes) {
                lastPass++;
                progress.step(1);
            }
        }
        return curve(points, "completed");
    }

    private static boolean finite(float[] x) {
        for (float v : x) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
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
