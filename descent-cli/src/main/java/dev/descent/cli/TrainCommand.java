package dev.descent.cli;

import dev.descent.data.Normalization;
import dev.descent.linalg.Gemm;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import dev.descent.schedule.ReduceOnPlateau;
import dev.descent.schedule.Schedule;
import dev.descent.schedule.ScheduleSpec;
import dev.descent.train.Checkpoint;
import dev.descent.train.Evaluation;
import dev.descent.train.History;
import dev.descent.train.ModelNetwork;
import dev.descent.train.Network;
import dev.descent.train.ThreadedNetwork;
import dev.descent.train.TrainConfig;
import dev.descent.train.TrainListener;
import dev.descent.train.TrainResult;
import dev.descent.train.Trainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import dev.descent.cli.tour.LrSweep;
import dev.descent.cli.tour.Progress;
import dev.descent.train.LrFinder;
import dev.descent.train.LrFinderResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code descent train}: trains a classifier with a first-order optimizer, with a progress bar on
 * standard error, metrics to a file, checkpoints and resume. Human output by default; one JSON
 * object with {@code --json}.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a classifier with mini-batch gradient descent.",
            "Example: descent train --model mlp:256,128 --optimizer adam --epochs 5 --data fashion-mnist",
            "A killed run continues with: descent train --resume DIR (ends bit-identical to an uninterrupted run)."
        })
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DATA", defaultValue = "embedded",
            description = "embedded (Fashion-MNIST subset in the jar, 6000+1000), fashion-mnist (the full set), spiral, blobs, moons, or a FILE.csv (default: ${DEFAULT-VALUE})")
    String data;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the Fashion-MNIST IDX files are (default: " + dev.descent.data.FashionMnist.DEBIAN_DIR + ")")
    Path dataDir;

    @Option(names = "--label", paramLabel = "COLUMN", description = "the CSV label column, by header name or 0-based index (default: the last)")
    String label;

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0.2",
            description = "the held-out share of a CSV file, stratified (default: ${DEFAULT-VALUE})")
    double validation;

    @Option(names = "--normalize", paramLabel = "MODE", defaultValue = "none",
            description = "none, global or per-feature standardization, statistics from the training set (default: ${DEFAULT-VALUE})")
    String normalize;

    @Option(names = "--model", paramLabel = "SPEC", description = "softmax, mlp:256,128, mlp:256,128:tanh, mlp:100:bn:dropout=0.2, ... (required)")
    String model;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, ... with optional :key=value,... (required)")
    String optimizer;

    @Option(names = "--lr", paramLabel = "X|auto", description = "the base learning rate (default: the optimizer's), or auto: run"
            + " lr-find first (1e-7 to 10 over 100 batches, the valley) and use the learning rate it suggests")
    String lr;

    @Option(names = "--schedule", paramLabel = "SPEC", description = "a learning-rate schedule (cosine:steps=2000, step:every=1000,gamma=0.5, plateau:patience=2, ...); default constant")
    String schedule;

    @Option(names = "--schedule-per-epoch", description = "read the schedule at the epoch number instead of the step")
    boolean schedulePerEpoch;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "128", description = "mini-batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--epochs", paramLabel = "E", description = "passes over the training set (default: 5, unless --steps is given)")
    Long epochs;

    @Option(names = "--steps", paramLabel = "N", description = "a step budget (stops at whichever of --epochs and --steps comes first)")
    Long steps;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seeds initialization, batch order and synthetic data (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", description = "threads: data-parallel replicas for models without batch norm or dropout, else matrix-multiply threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--clip", paramLabel = "C", defaultValue = "0", description = "clip the gradient's global L2 norm to C (default: 0 = off)")
    double clip;

    @Option(names = "--eval-every", paramLabel = "N", defaultValue = "0", description = "also evaluate every N steps (epoch ends always do)")
    long evalEvery;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "write checkpoints to DIR (atomically, with a checksum)")
    Path checkpoint;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0", description = "checkpoint every N steps instead of at each epoch end")
    long checkpointEvery;

    @Option(names = "--resume", paramLabel = "DIR", description = "continue the run checkpointed in DIR (or a checkpoint file) with its original options")
    Path resume;

    @Option(names = "--metrics", paramLabel = "FILE", description = "write every evaluation to FILE: CSV for .csv, JSON lines otherwise")
    Path metrics;

    @Option(names = "--json", description = "print one JSON object with the outcome instead of text")
    boolean json;

    @Option(names = "--no-progress", description = "no progress bar (it is drawn only when standard error is a terminal)")
    boolean noProgress;

    /** Options that are the run itself; with --resume they come from the checkpoint. */
    private static final Set<String> RUN_OPTIONS = Set.of("--data", "--data-dir", "--label", "--validation", "--normalize",
            "--model", "--optimizer", "--lr", "--schedule", "--schedule-per-epoch", "--batch", "--epochs", "--steps",
            "--seed", "--threads", "--clip", "--eval-every", "--checkpoint-every");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();

        Checkpoint resumed = null;
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        // keep this command's own arguments: drop "train" and anything before it
        List<String> args = new ArrayList<>(all.subList(all.indexOf(spec.name()) + 1, all.size()));
        TrainCommand run = this;
        if (resume != null) {
            resumed = Checkpoint.read(resume);
            run = original(resumed);
        } else if (model == null || optimizer == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "train needs --model SPEC and --optimizer NAME (or --resume DIR)");
        }
        return run.train(resumed, args, out);
    }

    /** Rebuilds the original command from the checkpoint's arguments, refusing conflicting options. */
    private TrainCommand original(Checkpoint c) {
        String joined = c.meta().get("args");
        if (joined == null) {
            throw new IllegalArgumentException(resume + ": the checkpoint was not written by 'descent train' (no arguments in it)");
        }
        List<String> origArgs = joined.isEmpty() ? List.of() : List.of(joined.split("\u0000", -1));
        TrainCommand o = new TrainCommand();
        CommandLine ocl = new CommandLine(o);
        CommandLine.ParseResult opr = ocl.parseArgs(origArgs.toArray(new String[0]));
        o.spec = ocl.getCommandSpec();
        CommandLine.ParseResult pr = spec.commandLine().getParseResult();
        for (CommandLine.Model.OptionSpec opt : pr.matchedOptions()) {
            String name = opt.longestName();
            if (!RUN_OPTIONS.contains(name)) {
                continue;
            }
            List<String> mine = pr.matchedOption(name).stringValues();
            CommandLine.Model.OptionSpec theirs = opr.matchedOption(name);
            List<String> orig = theirs == null ? List.of() : theirs.stringValues();
            if (!mine.equals(orig)) {
                throw new IllegalArgumentException("--resume: " + name + " " + String.join(" ", mine) + " differs from the checkpointed run's "
                        + (orig.isEmpty() ? "(not given)" : String.join(" ", orig)) + "; drop it to continue that run, or start a new one");
            }
        }
        o.checkpoint = Files.isDirectory(resume) ? resume : resume.toAbsolutePath().getParent();
        o.metrics = metrics != null ? metrics : o.metrics;
        o.json = json;
        o.noProgress = noProgress;
        return o;
    }

    private Integer train(Checkpoint resumed, List<String> invocation, PrintWriter out)
            throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be ≥ 1, got " + threads);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be ≥ 1, got " + batch);
        }
        if (!(validation > 0 && validation < 1)) {
            throw new IllegalArgumentException("--validation must be in (0, 1), got " + validation);
        }
        // output paths are checked before any data is read, so that a typo fails at once
        if (checkpoint != null) {
            checkWritable(checkpoint);
        }
        TrainMetrics mw = metrics == null ? null : new TrainMetrics(metrics);
        long e = epochs != null ? epochs : (steps != null ? 0 : 5);
        long s = steps != null ? steps : 0;
        TrainConfig cfg;
        try {
            cfg = new TrainConfig(e, s, batch, seed, clip, evalEvery, checkpointEvery, schedulePerEpoch, 10, 0.5, 5);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(flagNames(bad.getMessage()), bad);
        }
        Normalization.Mode norm = Normalization.Mode.parse(normalize);
        TrainData d = TrainData.load(data, dataDir, label, validation, seed, norm);

        ModelSpec ms = ModelSpec.parse(model, d.train().d(), d.train().classes());
        int rowsMax = Math.min(batch, d.train().n());
        ThreadedNetwork threaded = ThreadedNetwork.build(ms, seed, rowsMax, threads);
        Model m = threaded.model();
        ModelNetwork net = new ModelNetwork(m);
        Network trained = threaded.network();
        String backend = threaded.describe();
        OptimizerConfig oc = Optimizers.parse(optimizer);
        String lrFound = null;
        if (lr != null && lr.strip().equalsIgnoreCase("auto")) {
            // the range test on the freshly initialized model, which it leaves as it was (so a resume finds the same lr)
            LrFinderResult found = LrSweep.run(m, oc, d.train(), rowsMax, seed, LrFinder.defaults(), Progress.NONE);
            oc = oc.withLr(found.suggestion());
            lrFound = String.format(Locale.ROOT, "lr auto: lr-find chose %s (valley; steepest %s, minimum/10 %s; %d of 100 steps)",
                    fmt(found.suggestion()), fmt(found.suggestion(LrFinderResult.Method.STEEPEST)),
                    fmt(found.suggestion(LrFinderResult.Method.MINIMUM)), found.size());
        } else if (lr != null) {
            try {
                oc = oc.withLr(Double.parseDouble(lr.strip()));
            } catch (NumberFormatException bad) {
                throw new IllegalArgumentException("--lr must be a number or auto, got '" + lr + "'");
            }
        }
        Optimizer opt = oc.create(m.paramCount());
        double lr0 = oc.lr();
        Trainer trainer;
        String sched = schedule == null ? "const" : schedule.strip();
        if (sched.startsWith("plateau")) {
            ReduceOnPlateau plateau = ScheduleSpec.parsePlateau(sched).create(lr0);
            trainer = new Trainer(cfg, trained, opt, plateau);
        } else {
            Schedule sc = ScheduleSpec.parse(sched, lr0);
            trainer = new Trainer(cfg, trained, opt, sc);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("args", resumed != null ? resumed.meta().get("args") : String.join("\u0000", invocation));
        meta.put("model", m.toString());
        meta.put("optimizer", oc.toString());
        if (checkpoint != null) {
            trainer.checkpointTo(checkpoint, meta);
        }
        boolean bar = !noProgress && System.console() != null && System.console().isTerminal();
        Listener listener = new Listener(json ? null : out, mw, bar, d.train().n(), batch, cfg);

        if (lrFound != null) {
            // human output on stdout; with --json stdout holds only the JSON object, so the choice goes to stderr
            PrintWriter where = json ? spec.commandLine().getErr() : out;
            where.println(lrFound);
            where.flush();
        }
        if (!json) {
            out.printf(Locale.ROOT, "%s on %s: %d training rows, %d held out; %s, lr %s, batch %d, seed %d, %d thread(s), %s%n",
                    m, d.name(), d.train().n(), d.test().n(), oc.name(), fmt(lr0), batch, seed, threads, backend);
            out.flush();
        }
        TrainResult r;
        try {
            r = resumed == null ? trainer.fit(d.train(), d.test(), listener) : trainer.resume(resumed, d.train(), d.test(), listener);
        } finally {
            listener.close();
            threaded.close();
        }
        if (mw != null) {
            mw.write(r.history());
        }
        Evaluation tr = net.evaluate(d.train());
        Evaluation te = net.evaluate(d.test());
        History h = r.history();
        if (json) {
            out.println(new TrainJson().put("status", r.status().name().toLowerCase(Locale.ROOT)).put("message", r.message())
                    .put("epochs", r.epochs()).put("steps", r.steps()).put("trainLoss", tr.loss()).put("trainAccuracy", tr.accuracy())
                    .put("testLoss", te.loss()).put("testAccuracy", te.accuracy()).put("epochSecondsMedian", h.epochSecondsMedian())
                    .put("epochSeconds", h.epochSeconds())
                    .put("samplesPerSecond", r.samplesPerSecond()).put("divergenceEvents", h.events().size())
                    .put("backend", backend).put("threads", threads).put("model", m.toString()).put("optimizer", oc.name())
                    .put("data", d.name()).put("seed", seed));
        } else {
            for (History.Event ev : h.events()) {
                out.printf(Locale.ROOT, "divergence at step %d (%s, loss %s): rolled back to step %d, lr ×%s%n",
                        ev.step(), ev.cause().name().toLowerCase(Locale.ROOT).replace('_', '-'), fmt(ev.loss()), ev.rolledBackTo(), fmt(ev.lrScale()));
            }
            out.println(r.message());
            out.printf(Locale.ROOT, "train loss %.4f  accuracy %.4f | test loss %.4f  accuracy %.4f%n", tr.loss(), tr.accuracy(), te.loss(), te.accuracy());
            out.printf(Locale.ROOT, "median epoch %.3f s, %.0f samples/s%n", h.epochSecondsMedian(), r.samplesPerSecond());
        }
        out.flush();
        return 0;
    }

    /** TrainConfig's parameter names in a message, as this command's flags. */
    private static final Map<String, String> FLAGS = Map.of("epochs", "--epochs", "maxSteps", "--steps", "batchSize", "--batch",
            "clipNorm", "--clip", "evalEvery", "--eval-every", "checkpointEvery", "--checkpoint-every");

    static String flagNames(String message) {
        String m = message;
        for (Map.Entry<String, String> f : FLAGS.entrySet()) {
            m = m.replaceAll("\\b" + f.getKey() + "\\b", f.getValue());
        }
        return m;
    }

    /** Fails before training, with the fix, when the checkpoint directory cannot be created or written. */
    private static void checkWritable(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--checkpoint: " + dir + " is a file, not a directory; give a directory");
        }
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("--checkpoint: cannot write in " + dir + " (" + e + "); choose a writable directory");
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** Draws the progress bar, prints a line per epoch, and keeps the metrics file current. */
    private static final class Listener implements TrainListener {
        private final PrintWriter out;
        private final TrainMetrics metrics;
        private final ProgressBar bar;
        private final long perEpoch;

        Listener(PrintWriter out, TrainMetrics metrics, boolean bar, int n, int batch, TrainConfig cfg) {
            this.out = out;
            this.metrics = metrics;
            this.perEpoch = (n + Math.min(batch, n) - 1) / Math.min(batch, n);
            long total = Math.min(cfg.epochs() > 0 ? cfg.epochs() * perEpoch : Long.MAX_VALUE,
                    cfg.maxSteps() > 0 ? cfg.maxSteps() : Long.MAX_VALUE);
            this.bar = bar ? new ProgressBarBuilder().setTaskName("train").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
        }

        @Override
        public void onStep(long step, double epoch, double loss, double lr) {
            if (bar != null) {
                bar.stepTo(step);
                if (step % 10 == 0) {
                    bar.setExtraMessage(String.format(Locale.ROOT, "epoch %.2f loss %.4f", epoch, loss));
                }
            }
        }

        @Override
        public void onRecord(History.Record r) {
            if (out != null && r.step() > 0 && r.step() % perEpoch == 0 && bar == null) {
                out.printf(Locale.ROOT, "epoch %5.2f  step %7d  train loss %.4f  test loss %.4f  accuracy %.4f  lr %.3g  %.1fs%n",
                        r.epoch(), r.step(), r.trainLoss(), r.valLoss(), r.valAccuracy(), r.lr(), r.elapsedSeconds());
                out.flush();
            }
        }

        @Override
        public void onCheckpoint(Checkpoint c) {
            if (metrics != null) {
                metrics.write(c.history());
            }
        }

        void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
