package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.nn.Evaluation;
import dev.descent.linalg.Gemm;
import dev.descent.linalg.GemmRecorder;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerConfig;
import java.util.Arrays;
import java.util.List;

/**
 * Measures how close training runs to its matrix-multiply time (the benchmark behind
 * {@code descent bench train}). It trains {@code net} with a {@link Trainer} for some warm-up
 * epochs, then for the timed epochs while a {@link GemmRecorder} records every matrix multiply
 * and the network and optimizer are timed from the outside; afterwards it replays one epoch's
 * recorded products alone. The result compares the two and breaks the rest down
 * ({@link EpochProfile}).
 *
 * <p>Besides the wall clock, it measures the training thread's CPU time over the timed epochs and
 * the replays' CPU time: on a machine shared with other work, the CPU-time ratio leaves out the
 * time other processes held the core (cache and memory-bandwidth contention stay in both).
 *
 * <p>The network is trained in place (this is a benchmark: its parameters end wherever the
 * epochs took them). Evaluation is off (no validation set), so epochs hold only training work.
 */
public final class EpochProfiler {

    private EpochProfiler() {}

    /**
     * Profiles training epochs.
     *
     * @param net the network, trained in place
     * @param optimizer the optimizer configuration; fresh state is created for {@code net}
     * @param train the training set
     * @param batch rows per mini-batch, in [1, train.n()]
     * @param seed the batch order's seed
     * @param warmupEpochs untimed epochs first (JIT compilation, caches), ≥ 0
     * @param epochs timed epochs, ≥ 1
     * @param replays timed replays of one epoch's matrix multiplies, ≥ 1
     * @return the timed epochs, the replayed matrix multiplies and the breakdown of the rest
     * @throws IllegalArgumentException on a value outside its range
     */
    public static EpochProfile profile(Network net, OptimizerConfig optimizer, Dataset train, int batch, long seed,
                                       int warmupEpochs, int epochs, int replays) {
        if (warmupEpochs < 0 || epochs < 1 || replays < 1) {
            throw new IllegalArgumentException("need warmupEpochs >= 0, epochs >= 1, replays >= 1; got "
                    + warmupEpochs + ", " + epochs + ", " + replays);
        }
        if (batch < 1 || batch > train.n()) {
            throw new IllegalArgumentException("batch must be in [1, " + train.n() + "], got " + batch);
        }
        Optimizer opt = optimizer.create(net.params().length);
        if (warmupEpochs > 0) {
            new Trainer(TrainConfig.forEpochs(warmupEpochs, batch, seed), net, opt, t -> optimizer.lr())
                    .fit(train, null, TrainListener.none());
        }
        TimedNetwork tn = new TimedNetwork(net);
        TimedOptimizer to = new TimedOptimizer(opt);
        Thread trainer = Thread.currentThread();
        TrainResult r;
        GemmRecorder rec = GemmRecorder.start();
        long cpu0 = GemmRecorder.threadCpuNanos();
        long cpu1;
        try {
            r = new Trainer(TrainConfig.forEpochs(epochs, batch, seed + 1), tn, to, t -> optimizer.lr())
                    .fit(train, null, TrainListener.none());
        } finally {
            cpu1 = GemmRecorder.threadCpuNanos();
            rec.close();
        }
        List<Double> times = r.history().epochSeconds();
        double[] ep = times.stream().mapToDouble(Double::doubleValue).toArray();
        GemmRecorder.Replays replay = rec.replays(replays);
        double[] gemm = replay.wallSeconds();
        double[] gemmCpu = replay.cpuSeconds();
        for (int i = 0; i < gemm.length; i++) {
            gemm[i] /= epochs; // the recording holds all timed epochs
            gemmCpu[i] /= epochs;
        }
        boolean oneThread = rec.callsPerThread().size() == 1 && cpu0 >= 0;
        double epochCpu = oneThread ? (cpu1 - cpu0) * 1e-9 / epochs : Double.NaN;
        double total = r.trainSeconds();
        double gemmOnTrainer = rec.secondsOn(trainer);
        double fb = tn.nanos * 1e-9;
        double step = (to.nanos + tn.stepNanos) * 1e-9;
        EpochProfile.Breakdown b = new EpochProfile.Breakdown(gemmOnTrainer / epochs, (fb - gemmOnTrainer) / epochs,
                step / epochs, (total - fb - step) / epochs);
        return new EpochProfile(epochs, median(ep), min(ep), max(ep), median(gemm), min(gemm), max(gemm),
                rec.count() / epochs, rec.flops() / epochs * 1e-9, b, Gemm.describe(), epochCpu,
                oneThread ? median(gemmCpu) : Double.NaN);
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElse(Double.NaN);
    }

    /** Times the forward/backward passes of a network. */
    private static final class TimedNetwork implements Network {
        private final Network net;
        long nanos;
        long stepNanos;

        TimedNetwork(Network net) {
            this.net = net;
        }

        @Override public float[] params() { return net.params(); }
        @Override public float[] grads() { return net.grads(); }
        @Override public Evaluation evaluate(Dataset data) { return net.evaluate(data); }
        @Override public byte[] exportState() { return net.exportState(); }
        @Override public void importState(byte[] state) { net.importState(state); }

        /** The network's own step (split over its threads, for a {@link ParallelNetwork}), timed as the optimizer's. */
        @Override
        public void step(Optimizer optimizer, double lr, double clipNorm) {
            long t0 = System.nanoTime();
            net.step(optimizer instanceof TimedOptimizer t ? t.opt : optimizer, lr, clipNorm);
            stepNanos += System.nanoTime() - t0;
        }

        @Override
        public double lossAndGradient(float[] x, int[] y, int rows) {
            long t0 = System.nanoTime();
            double l = net.lossAndGradient(x, y, rows);
            nanos += System.nanoTime() - t0;
            return l;
        }

        @Override
        public double lossAndGradient(float[] x, float[] targets, int rows) {
            long t0 = System.nanoTime();
            double l = net.lossAndGradient(x, targets, rows);
            nanos += System.nanoTime() - t0;
            return l;
        }
    }

    /** Times the updates of an optimizer. */
    private static final class TimedOptimizer implements Optimizer {
        private final Optimizer opt;
        long nanos;

        TimedOptimizer(Optimizer opt) {
            this.opt = opt;
        }

        @Override public OptimizerConfig config() { return opt.config(); }
        @Override public long steps() { return opt.steps(); }
        @Override public byte[] exportState() { return opt.exportState(); }
        @Override public void importState(byte[] state) { opt.importState(state); }
        @Override public int bytesPerParam() { return opt.bytesPerParam(); }

        @Override
        public void step(float[] params, float[] grads, double lr) {
            long t0 = System.nanoTime();
            opt.step(params, grads, lr);
            nanos += System.nanoTime() - t0;
        }
    }
}
