package dev.descent.cli;

import dev.descent.cli.report.Json;
import dev.descent.data.Normalization;
import dev.descent.linalg.Gemm;
import dev.descent.nn.ModelSpec;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import dev.descent.train.EpochProfile;
import dev.descent.train.EpochProfiler;
import dev.descent.train.Network;
import dev.descent.train.ThreadedNetwork;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code descent bench train}: the time of a training epoch beside the time of its matrix
 * multiplies alone ({@link EpochProfiler}), with the breakdown of the rest.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Time training epochs and, in the same run, the exact matrix multiplies one epoch performs; "
                + "print both, their ratio and where the rest of the time goes.")
public final class BenchTrainCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "SPEC", defaultValue = "mlp:256,128",
            description = "Model spec, as in train (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "128", description = "Mini-batch rows (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "Threads, as in train: data-parallel replicas, or matrix-multiply threads for models with "
                    + "batch norm or dropout (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--data", paramLabel = "DATA", defaultValue = "embedded",
            description = "Training data, as in train (default: ${DEFAULT-VALUE}; fashion-mnist for the full 60,000 rows).")
    String data;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the Fashion-MNIST files are (default: Debian's dataset-fashion-mnist).")
    java.nio.file.Path dataDir;

    @Option(names = "--optimizer", paramLabel = "SPEC", defaultValue = "adam", description = "Optimizer spec (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "3", description = "Timed epochs, after one warm-up epoch (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--replays", paramLabel = "R", defaultValue = "5",
            description = "Timed replays of one epoch's matrix multiplies (default: ${DEFAULT-VALUE}).")
    int replays;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public void run() {
        range("--batch", batch, 1, 1 << 20);
        range("--threads", threads, 1, 256);
        range("--epochs", epochs, 1, 1000);
        range("--replays", replays, 1, 1000);
        TrainData d;
        try {
            d = TrainData.load(data, dataDir, null, 0.1, seed, Normalization.Mode.parse("per-feature"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ModelSpec ms = ModelSpec.parse(model, d.train().d(), d.train().classes());
        OptimizerConfig oc = Optimizers.parse(optimizer);
        int rows = Math.min(batch, d.train().n());
        int before = Gemm.threads();
        EpochProfile p;
        String backend;
        try (ThreadedNetwork tn = ThreadedNetwork.build(ms, seed, rows, threads)) {
            Network net = tn.network();
            backend = tn.describe();
            p = EpochProfiler.profile(net, oc, d.train(), rows, seed, 1, epochs, replays);
        } finally {
            Gemm.setThreads(before);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("gemm", p.breakdown().gemm());
            b.put("forwardBackwardOther", p.breakdown().forwardBackwardOther());
            b.put("optimizerStep", p.breakdown().optimizerStep());
            b.put("batchAndLoop", p.breakdown().batchAndLoop());
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("model", ms.toString());
            o.put("batch", rows);
            o.put("threads", threads);
            o.put("optimizer", optimizer);
            o.put("data", d.name());
            o.put("epochs", p.epochs());
            o.put("epochSeconds", p.epochSeconds());
            o.put("epochSecondsRange", new double[] {p.epochMin(), p.epochMax()});
            o.put("gemmSeconds", p.gemmSeconds());
            o.put("gemmSecondsRange", new double[] {p.gemmMin(), p.gemmMax()});
            o.put("gemmBoundRatio", p.gemmBoundRatio());
            o.put("epochCpuSeconds", p.epochCpuSeconds());
            o.put("gemmCpuSeconds", p.gemmCpuSeconds());
            o.put("cpuBoundRatio", p.cpuBoundRatio());
            o.put("gemmCalls", p.gemmCalls());
            o.put("gemmGflop", p.gemmGflop());
            o.put("breakdown", b);
            o.put("backend", backend);
            out.println(Json.write(o));
        } else {
            out.printf(Locale.ROOT, "%s, batch %d, %d thread%s, %s on %s (%d rows); %s%n", ms, rows, threads,
                    threads == 1 ? "" : "s", optimizer, d.name(), d.train().n(), backend);
            out.printf(Locale.ROOT, "epoch (median of %d)      %7.3f s  (%.3f–%.3f)%n", p.epochs(), p.epochSeconds(),
                    p.epochMin(), p.epochMax());
            out.printf(Locale.ROOT, "its matrix multiplies     %7.3f s  (%.3f–%.3f; %d products, %.1f GFLOP, %.1f GFLOPS)%n",
                    p.gemmSeconds(), p.gemmMin(), p.gemmMax(), p.gemmCalls(), p.gemmGflop(), p.gemmGflop() / p.gemmSeconds());
            out.printf(Locale.ROOT, "epoch / matrix multiplies %7.3f%n", p.gemmBoundRatio());
            if (!Double.isNaN(p.cpuBoundRatio())) {
                out.printf(Locale.ROOT, "in CPU time               %7.3f  (epoch %.3f s, matrix multiplies %.3f s: leaves out "
                        + "the time other processes held the core)%n", p.cpuBoundRatio(), p.epochCpuSeconds(), p.gemmCpuSeconds());
            }
            out.printf(Locale.ROOT, "breakdown per epoch: matrix multiplies %.3f s, rest of forward/backward %.3f s, "
                            + "optimizer step %.3f s, batches and loop %.3f s%n",
                    p.breakdown().gemm(), p.breakdown().forwardBackwardOther(), p.breakdown().optimizerStep(),
                    p.breakdown().batchAndLoop());
        }
        out.flush();
    }

    private void range(String flag, long v, long lo, long hi) {
        if (v < lo || v > hi) {
            throw new CommandLine.ParameterException(spec.commandLine(), flag + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
