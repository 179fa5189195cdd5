package dev.descent.cli;

import dev.descent.data.Normalization;
import dev.descent.io.DirectoryLock;
import dev.descent.io.OutputFile;
import dev.descent.linalg.Gemm;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import dev.descent.schedule.ReduceOnPlateau;
import dev.descent.schedule.Schedule;
import dev.descent.schedule.ScheduleSpec;
import dev.descent.minimize.Iterate;
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Objective;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.stochastic.L2;
import dev.descent.stochastic.ModelSample;
import dev.descent.stochastic.QuasiNewtonStats;
import dev.descent.stochastic.SampledConfig;
import dev.descent.stochastic.SampledMethod;
import dev.descent.stochastic.StochasticMethods;
import dev.descent.train.Checkpoint;
import dev.descent.train.ModelObjective;
import dev.descent.train.PenalizedNetwork;
import dev.descent.nn.Evaluation;
import dev.descent.train.History;
import dev.descent.train.ModelNetwork;
import dev.descent.train.Network;
import dev.descent.train.ParallelNetwork;
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
import dev.descent.train.LrFinder;
import dev.descent.train.LrFinderResult;
import dev.descent.train.LrSweep;
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
            description = "embedded (Fashion-MNIST subset in the jar, 6000+1000), fashion-mnist (the full set), spiral, blobs, moons, or a FILE.csv (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the Fashion-MNIST IDX files are (default: " + dev.descent.data.FashionMnist.DEBIAN_DIR + ").")
    Path dataDir;

    @Option(names = "--label", paramLabel = "COLUMN", description = "The CSV label column, by header name or 0-based index (default: the last).")
    String label;

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0.2",
            description = "The held-out share of a CSV file, stratified (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--normalize", paramLabel = "MODE", defaultValue = "none",
            description = "none, global or per-feature standardization, statistics from the training set (default: ${DEFAULT-VALUE}).")
    String normalize;

    @Option(names = "--model", paramLabel = "SPEC", description = "softmax, mlp:256,128, mlp:256,128:tanh, mlp:100:bn:dropout=0.2, ... (required).")
    String model;

    @Option(names = "--optimizer", paramLabel = "SPEC", completionCandidates = OptimizerNames.class,
            description = "NAME[:KEY=VALUE,...], NAME one of ${COMPLETION-CANDIDATES}; keys are PyTorch's argument names, e.g. adam:lr=1e-3,beta2=0.99;"
                    + " also the mini-batch quasi-Newton methods mb-lbfgs, pb-lbfgs, sqn, naive-lbfgs, or full-batch lbfgs, newton-cg"
                    + " (one iteration per step, --epochs counts passes) (required).")
    String optimizer;

    @Option(names = "--l2", paramLabel = "LAMBDA", defaultValue = "0",
            description = "Add (LAMBDA/2)·||W||² over the weights (not biases) to the training objective, for every optimizer (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--lr", paramLabel = "X|auto", description = "The base learning rate (default: the optimizer's), or auto: run"
            + " lr-find first (1e-7 to 10 over 100 batches, the valley) and use the learning rate it suggests; give the rate here or"
            + " in the --optimizer spec (adam:lr=0.1), not both.")
    String lr;

    @Option(names = "--schedule", paramLabel = "SPEC", description = "A learning-rate schedule (cosine:steps=2000, step:every=1000,gamma=0.5, plateau:patience=2, ...); default constant.")
    String schedule;

    @Option(names = "--schedule-per-epoch", description = "Read the schedule at the epoch number instead of the step.")
    boolean schedulePerEpoch;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "128", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--epochs", paramLabel = "E", description = "Passes over the training set (default: 5, unless --steps is given).")
    Long epochs;

    @Option(names = "--steps", paramLabel = "N", description = "A step budget (stops at whichever of --epochs and --steps comes first).")
    Long steps;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seeds initialization, batch order and synthetic data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", description = "Threads: data-parallel replicas for models without batch norm or dropout, else matrix-multiply threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--clip", paramLabel = "C", defaultValue = "0", description = "Clip the gradient's global L2 norm to C (default: 0 = off).")
    double clip;

    @Option(names = "--eval-every", paramLabel = "N", defaultValue = "0", description = "Also evaluate every N steps (epoch ends always do).")
    long evalEvery;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "Write checkpoints to DIR (atomically, with a checksum).")
    Path checkpoint;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0", description = "Checkpoint every N steps instead of at each epoch end.")
    long checkpointEvery;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run checkpointed in DIR (or a checkpoint file) with its"
            + " original options; --epochs or --steps extend it.")
    Path resume;

    @Option(names = "--overwrite", description = "Start a new run in a --checkpoint directory that holds another run's checkpoint,"
            + " deleting that checkpoint (without it, such a run is refused).")
    boolean overwrite;

    @Option(names = "--metrics", paramLabel = "FILE", description = "Write every evaluation to FILE: CSV for .csv, JSON lines otherwise.")
    Path metrics;

    @Option(names = "--json", description = "Print one JSON object with the outcome instead of text.")
    boolean json;

    @Option(names = "--no-progress", description = "No progress bar (it is drawn only when standard error is a terminal).")
    boolean noProgress;

    /** Options that are the run itself; with --resume they come from the checkpoint. */
    private static final Set<String> RUN_OPTIONS = Set.of("--data", "--data-dir", "--label", "--validation", "--normalize",
            "--model", "--optimizer", "--lr", "--schedule", "--schedule-per-epoch", "--batch", "--epochs", "--steps",
            "--seed", "--threads", "--clip", "--eval-every", "--checkpoint-every", "--l2");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();

        Checkpoint resumed = null;
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        // keep this command's own arguments: drop "train" and anything before it
        List<String> args = new ArrayList<>(all.subList(all.indexOf(spec.name()) + 1, all.size()));
        TrainCommand run = this;
        if (resume != null) {
            if (overwrite) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--overwrite starts a new run and --resume continues one: give one of them");
            }
            if (checkpoint != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--checkpoint applies to a new run; a resumed run keeps writing to the directory it resumes from");
            }
            try {
                resumed = Checkpoint.read(resume);
            } catch (Checkpoint.CorruptException e) {
                throw new IllegalArgumentException(e.getMessage() + e.backup().map(b -> ": resume from it with descent train --resume "
                        + quoted(b)).orElse(""), e);
            }
            run = original(resumed);
        } else {
            if (model == null || optimizer == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "train needs --model SPEC and --optimizer SPEC (or --resume DIR)");
            }
            if (!spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
                args.addAll(List.of("--seed", Long.toString(seed))); // kept explicitly, so that a later default cannot change a resume
            }
            run.savedArgs = String.join("\u0000", args);
        }
        return run.train(resumed, out);
    }

    /** The arguments kept in the checkpoint, from which --resume rebuilds the run. */
    private String savedArgs;

    /** Refuses flags that would be silently ignored with the other flags given. */
    private void refuseFlagsThatDoNotApply() {
        CommandLine.ParseResult pr = spec.commandLine().getParseResult();
        boolean csv = !TrainData.BUILT_IN.contains(data);
        for (String f : List.of("--validation", "--label")) {
            if (pr.hasMatchedOption(f) && !csv) {
                throw new CommandLine.ParameterException(spec.commandLine(), f + " applies to a CSV --data file, not to --data " + data
                        + ", which has its own held-out set");
            }
        }
        if (pr.hasMatchedOption("--data-dir") && !data.equals("fashion-mnist")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--data-dir applies to --data fashion-mnist, not to --data " + data);
        }
        if (pr.hasMatchedOption("--checkpoint-every") && checkpoint == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--checkpoint-every applies with --checkpoint DIR; give both");
        }
        if (pr.hasMatchedOption("--overwrite") && checkpoint == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--overwrite applies with --checkpoint DIR; give both");
        }
        if (schedulePerEpoch && schedule == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--schedule-per-epoch applies with --schedule SPEC; give both");
        }
    }

    /** Options that may change when a run is resumed: the budget, so that a finished run can be extended. */
    private static final Set<String> EXTENDABLE = Set.of("--epochs", "--steps");

    /**
     * Rebuilds the original command from the checkpoint's arguments, with --epochs and --steps
     * replaced when given (an extension), refusing other options whose value differs from the
     * original run's (an option given with the value the run had, explicitly or by default, is
     * not a conflict).
     */
    private TrainCommand original(Checkpoint c) {
        String joined = c.meta().get("args");
        if (joined == null) {
            throw new IllegalArgumentException(resume + ": the checkpoint was not written by 'descent train' (no arguments in it)");
        }
        List<String> origArgs = new ArrayList<>(joined.isEmpty() ? List.of() : List.of(joined.split("\u0000", -1)));
        if (!c.meta().containsKey("optimizerSpec") && !origArgs.contains("--seed") && origArgs.stream().noneMatch(a -> a.startsWith("--seed="))) {
            origArgs.addAll(0, List.of("--seed", "0")); // written before --seed defaulted to 1 (and was kept explicitly)
        }
        TrainCommand o = new TrainCommand();
        CommandLine ocl = new CommandLine(o);
        ocl.setOverwrittenOptionsAllowed(true);
        ocl.parseArgs(origArgs.toArray(new String[0]));
        CommandLine.ParseResult pr = spec.commandLine().getParseResult();
        List<String> extension = new ArrayList<>();
        for (CommandLine.Model.OptionSpec opt : pr.matchedOptions()) {
            String name = opt.longestName();
            if (!RUN_OPTIONS.contains(name)) {
                continue;
            }
            Object mine = opt.getValue();
            Object theirs = ocl.getCommandSpec().findOption(name).getValue();
            if (EXTENDABLE.contains(name)) {
                extension.add(name);
                extension.add(String.valueOf(mine));
                continue;
            }
            if (!sameValue(mine, theirs)) {
                String given = String.join(" ", pr.matchedOption(name).stringValues());
                CommandLine.Model.OptionSpec orig = ocl.getParseResult().matchedOption(name);
                throw new IllegalArgumentException("--resume: " + name + " " + given + " differs from the checkpointed run's "
                        + (orig == null ? String.valueOf(theirs) + " (the default)" : String.join(" ", orig.stringValues()))
                        + "; drop it to continue that run, or start a new one");
            }
        }
        if (!extension.isEmpty()) {
            origArgs.addAll(extension);
            o = new TrainCommand();
            ocl = new CommandLine(o);
            ocl.setOverwrittenOptionsAllowed(true);
            ocl.parseArgs(origArgs.toArray(new String[0]));
        }
        o.spec = ocl.getCommandSpec();
        o.savedArgs = String.join("\u0000", origArgs);
        o.extended = !extension.isEmpty();
        o.checkpoint = Files.isDirectory(resume) ? resume : resume.toAbsolutePath().getParent();
        o.resume = resume;
        o.metrics = metrics != null ? metrics : o.metrics;
        o.json = json;
        o.noProgress = noProgress;
        return o;
    }

    /** Whether --epochs or --steps were given on --resume. */
    private boolean extended;

    /** Equal option values: numbers by value (so 1e-2 is 0.01), arrays by contents. */
    private static boolean sameValue(Object a, Object b) {
        if (java.util.Objects.deepEquals(a, b)) {
            return true;
        }
        if (a instanceof String x && b instanceof String y) {
            try {
                return Double.parseDouble(x.strip()) == Double.parseDouble(y.strip());
            } catch (NumberFormatException e) {
                return x.strip().equals(y.strip());
            }
        }
        return a instanceof Number x && b instanceof Number y && x.doubleValue() == y.doubleValue();
    }

    /** A path as a shell word: quoted when it holds anything but plain characters. */
    static String quoted(Path p) {
        String s = p.toString();
        return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private Integer train(Checkpoint resumed, PrintWriter out) throws Exception {
        Limits.threads("--threads", threads, spec.commandLine().getErr());
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be ≥ 1, got " + batch);
        }
        if (!(validation > 0 && validation < 1)) {
            throw new IllegalArgumentException("--validation must be in (0, 1), got " + validation);
        }
        long e = epochs != null ? epochs : (steps != null ? 0 : 5);
        long s = steps != null ? steps : 0;
        TrainConfig cfg;
        try {
            cfg = new TrainConfig(e, s, batch, seed, clip, evalEvery, checkpointEvery, schedulePerEpoch,
                    TrainConfig.DEFAULT_SPIKE_FACTOR, TrainConfig.DEFAULT_LR_CUT, TrainConfig.DEFAULT_MAX_FAILURES);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(flagNames(bad.getMessage()), bad);
        }
        if (resumed == null) {
            refuseFlagsThatDoNotApply();
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("--l2 must be finite and ≥ 0, got " + l2);
        }
        String optName = optimizer.strip().toLowerCase(Locale.ROOT);
        boolean fullBatch = optName.equals("lbfgs") || optName.equals("newton-cg");
        boolean sampled = StochasticMethods.isSampled(optimizer);
        if (fullBatch || sampled) {
            if (lr != null && lr.strip().equalsIgnoreCase("auto")) {
                throw new IllegalArgumentException("--lr auto runs lr-find, which tunes first-order optimizers; give --lr a number for " + optName);
            }
            if (clip != 0) {
                throw new IllegalArgumentException("--clip applies to first-order optimizers; drop it for " + optName);
            }
            if (schedule != null && schedule.strip().startsWith("plateau")) {
                throw new IllegalArgumentException("--schedule plateau is for first-order optimizers; use a schedule of the step for " + optName);
            }
        }
        if (fullBatch && (checkpoint != null || resumed != null || schedule != null || lr != null)) {
            throw new IllegalArgumentException("full-batch " + optName + " runs one minimization without checkpoints, schedule or lr;"
                    + " drop --checkpoint, --resume, --schedule and --lr (or use mb-lbfgs for mini-batches)");
        }
        // output paths are checked before any data is read, so that a typo fails at once
        if (checkpoint != null) {
            checkWritable(checkpoint);
        }
        TrainMetrics mw = metrics == null ? null : new TrainMetrics(metrics);
        Path csv = TrainData.BUILT_IN.contains(data) ? null : Path.of(data);
        if (checkpoint != null) {
            for (String f : List.of(Checkpoint.FILE, Checkpoint.PREVIOUS)) {
                OutputFile.requireNotInput(metrics, "--metrics", checkpoint.resolve(f), "the checkpoint");
                OutputFile.requireNotInput(checkpoint.resolve(f), "the checkpoint", csv, "--data");
            }
        }
        OutputFile.requireNotInput(metrics, "--metrics", csv, "--data");
        OutputFile.requireNotInput(metrics, "--metrics", resume, "--resume");
        if (checkpoint == null) {
            return train(resumed, cfg, mw, out);
        }
        // one run per checkpoint directory: a second one exits 2 naming the first
        String holder = "descent train " + String.join(" ", savedArgs.split("\u0000", -1));
        DirectoryLock lock;
        try {
            lock = DirectoryLock.acquire(checkpoint, holder.length() > 300 ? holder.substring(0, 297) + "..." : holder);
        } catch (IOException bad) {
            throw new IllegalArgumentException("--checkpoint: cannot lock " + checkpoint + " (" + OutputFile.reason(bad)
                    + "); choose a writable directory", bad);
        } catch (IllegalArgumentException busy) {
            throw new IllegalArgumentException("--checkpoint: " + busy.getMessage(), busy);
        }
        try (lock) {
            Checkpoint.deleteTemporaries(checkpoint);
            if (resumed == null && Checkpoint.existsIn(checkpoint)) {
                if (!overwrite) {
                    throw new IllegalArgumentException("--checkpoint: " + checkpoint + " holds another run's checkpoint; continue it with"
                            + " descent train --resume " + quoted(checkpoint) + ", or give --overwrite to replace it, or choose another directory");
                }
                Checkpoint.deleteIn(checkpoint);
            }
            // Ctrl-C (SIGINT) or kill (SIGTERM): say how to continue; the JVM exits with 130 (143)
            Thread hook = new Thread(() -> {
                if (!finished) {
                    System.err.println();
                    System.err.println("descent: interrupted; the last checkpoint in " + checkpoint + " is kept:"
                            + " continue with descent train --resume " + quoted(checkpoint));
                    System.err.flush();
                }
            }, "descent-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return train(resumed, cfg, mw, out);
            } finally {
                finished = true;
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting: the hook runs, and sees that the run finished
                }
            }
        }
    }

    /** Set when the run ends by itself, so that the shutdown hook stays quiet. */
    private volatile boolean finished;

    private Integer train(Checkpoint resumed, TrainConfig cfg, TrainMetrics mw, PrintWriter out) throws Exception {
        Normalization.Mode norm = Normalization.Mode.parse(normalize);
        TrainData d = TrainData.load(data, dataDir, label, validation, seed, norm);
        long perEpoch = (d.train().n() + Math.min(batch, d.train().n()) - 1) / Math.min(batch, d.train().n());
        if (cfg.epochs() > Long.MAX_VALUE / perEpoch) {
            throw new IllegalArgumentException("--epochs " + cfg.epochs() + " is too large: at " + perEpoch
                    + " steps per epoch the step count overflows; give at most " + Long.MAX_VALUE / perEpoch);
        }
        if (resumed != null && extended) {
            long end = Math.min(cfg.epochs() > 0 ? cfg.epochs() * perEpoch : Long.MAX_VALUE, cfg.maxSteps() > 0 ? cfg.maxSteps() : Long.MAX_VALUE);
            if (end <= resumed.step()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "--resume: the checkpointed run is at step %d (%.2f epochs);"
                        + " to extend it give more --epochs or --steps than that", resumed.step(), resumed.step() / (double) perEpoch));
            }
        }

        ModelSpec ms = ModelSpec.parse(model, d.train().d(), d.train().classes());
        Limits.model(ms, model);
        String optName = optimizer.strip().toLowerCase(Locale.ROOT);
        boolean fullBatch = optName.equals("lbfgs") || optName.equals("newton-cg");
        boolean sampled = StochasticMethods.isSampled(optimizer);
        int rowsMax = Math.min(fullBatch ? Math.max(batch, 4096) : batch, d.train().n());
        Model m = ms.build(seed, rowsMax);
        ModelNetwork net = new ModelNetwork(m);
        Network trained = net;
        var st = m.exportState();
        boolean parallel = threads > 1 && st.buffers().length == 0 && st.rng().length == 0 && !sampled && !fullBatch;
        if (parallel) {
            // data parallel: one replica per thread, each with single-threaded matrix multiplies
            List<Model> replicas = new ArrayList<>(List.of(m));
            for (int i = 1; i < threads; i++) {
                replicas.add(ms.build(seed, (rowsMax + threads - 1) / threads));
            }
            Gemm.setThreads(1);
            trained = new ParallelNetwork(replicas);
        } else {
            Gemm.setThreads(threads);
        }
        String backend = Gemm.describe() + (parallel ? "; data parallel, " + threads + " replicas" : "");
        L2 penalty = L2.weights(m, l2);
        if (fullBatch) {
            long e = cfg.epochs();
            long s = cfg.maxSteps();
            return fullBatch(m, d, penalty, optName, e, s, mw, backend, out);
        }
        ModelSample sample = new ModelSample(m, d.train(), penalty);
        SampledConfig qn = sampled ? StochasticMethods.parse(optimizer) : null;
        if (l2 > 0 && !sampled) {
            trained = new PenalizedNetwork(trained, penalty);
        }
        OptimizerConfig oc = sampled ? null : Optimizers.parse(optimizer);
        if (!sampled) {
            refuseTwice(optimizer, "--optimizer", "lr", "--lr", lr);
        }
        String lrFound = null;
        if (lr != null && lr.strip().equalsIgnoreCase("auto")) {
            // the range test on the freshly initialized model, which it leaves as it was (so a resume finds the same lr)
            LrFinderResult found = LrSweep.run(m, oc, d.train(), rowsMax, seed, LrFinder.defaults());
            oc = oc.withLr(found.suggestion());
            lrFound = String.format(Locale.ROOT, "lr auto: lr-find chose %s (valley; steepest %s, minimum/10 %s; %d of 100 steps)",
                    fmt(found.suggestion()), fmt(found.suggestion(LrFinderResult.Method.STEEPEST)),
                    fmt(found.suggestion(LrFinderResult.Method.MINIMUM)), found.size());
        } else if (lr != null) {
            double v;
            try {
                v = Double.parseDouble(lr.strip());
            } catch (NumberFormatException bad) {
                throw new IllegalArgumentException("--lr must be a number or auto, got '" + lr + "'");
            }
            if (sampled) {
                qn = qn.withLr(v);
            } else {
                oc = oc.withLr(v);
            }
        }
        double lr0 = sampled ? qn.lr() : oc.lr();
        Trainer trainer;
        String sched = schedule == null ? "const" : schedule.strip();
        SampledMethod method = null;
        if (sampled) {
            method = qn.create(sample, rowsMax, seed);
            trainer = new Trainer(cfg, trained, method, ScheduleSpec.parse(sched, lr0));
        } else if (sched.startsWith("plateau")) {
            Optimizer opt = oc.create(m.paramCount());
            ReduceOnPlateau plateau = ScheduleSpec.parsePlateau(sched).create(lr0);
            trainer = new Trainer(cfg, trained, opt, plateau);
        } else {
            Optimizer opt = oc.create(m.paramCount());
            Schedule sc = ScheduleSpec.parse(sched, lr0);
            trainer = new Trainer(cfg, trained, opt, sc);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("args", savedArgs);
        meta.put("model", m.toString());
        String optLabel = sampled ? StochasticMethods.spec(qn) : Optimizers.spec(oc);
        meta.put("optimizer", sampled ? StochasticMethods.spec(qn) : oc.toString());
        meta.put("optimizerSpec", optLabel);
        trainer.trackObjective(() -> sample.objective(m.params()));
        if (checkpoint != null) {
            trainer.checkpointTo(checkpoint, meta);
        }
        boolean bar = !noProgress && Terminal.stderr();
        Listener listener = new Listener(json ? null : out, mw, bar, d.train().n(), batch, cfg, sampled);

        if (lrFound != null) {
            // human output on stdout; with --json stdout holds only the JSON object, so the choice goes to stderr
            PrintWriter where = json ? spec.commandLine().getErr() : out;
            where.println(lrFound);
            where.flush();
        }
        if (!json) {
            out.printf(Locale.ROOT, "%s on %s: %d training rows, %d held out as val (%s); %s, lr %s, batch %d, seed %d, %d thread(s), %s%n",
                    m, d.name(), d.train().n(), d.test().n(), d.heldOut(), optLabel, fmt(lr0), batch, seed, threads, backend);
            out.flush();
        }
        TrainResult r;
        try {
            r = resumed == null ? trainer.fit(d.train(), d.test(), listener) : trainer.resume(resumed, d.train(), d.test(), listener);
        } finally {
            listener.close();
            if (trained instanceof ParallelNetwork p) {
                p.close();
            }
        }
        if (mw != null) {
            mw.finish(r.history());
        }
        Evaluation tr = net.evaluate(d.train());
        Evaluation te = net.evaluate(d.test());
        History h = r.history();
        double objective = sample.objective(m.params());
        if (json) {
            TrainJson j = new TrainJson().put("status", r.status().name().toLowerCase(Locale.ROOT)).put("message", r.message())
                    .put("epochs", r.epochs()).put("steps", r.steps()).put(Quantity.TRAIN_LOSS.json, tr.loss())
                    .put(Quantity.TRAIN_ACCURACY.json, tr.accuracy()).put(Quantity.VAL_LOSS.json, te.loss())
                    .put(Quantity.VAL_ACCURACY.json, te.accuracy()).put("val", d.heldOut()).put("epochSecondsMedian", h.epochSecondsMedian())
                    .put("epochSeconds", h.epochSeconds())
                    .put("samplesPerSecond", r.samplesPerSecond()).put("divergenceEvents", h.events().size())
                    .put("backend", backend).put("threads", threads).put("model", m.toString()).put("optimizer", optLabel)
                    .put("data", d.name()).put("seed", seed)
                    .put("objective", objective).put("passes", r.passes()).put("trainSeconds", r.trainSeconds()).put("l2", l2);
            if (r.stats() != null) {
                stats(j, r.stats()).put("batch", method.batch());
            }
            out.println(j);
        } else {
            for (History.Event ev : h.events()) {
                out.printf(Locale.ROOT, "divergence at step %d (%s, loss %s): rolled back to step %d, lr ×%s%n",
                        ev.step(), ev.cause().name().toLowerCase(Locale.ROOT).replace('_', '-'), fmt(ev.loss()), ev.rolledBackTo(), fmt(ev.lrScale()));
            }
            out.println(r.message());
            out.printf(Locale.ROOT, "%s %.4f  %s %.4f | %s %.4f  %s %.4f%n", Quantity.TRAIN_LOSS.text, tr.loss(), Quantity.TRAIN_ACCURACY.text,
                    tr.accuracy(), Quantity.VAL_LOSS.text, te.loss(), Quantity.VAL_ACCURACY.text, te.accuracy());
            out.printf(Locale.ROOT, "median epoch %.3f s, %.0f samples/s%n", h.epochSecondsMedian(), r.samplesPerSecond());
            out.printf(Locale.ROOT, "objective %.6f (mean loss%s), %.2f passes, %.3f s of training%n", objective,
                    l2 > 0 ? " + L2 " + fmt(l2) : "", r.passes(), r.trainSeconds());
            if (r.stats() != null) {
                QuasiNewtonStats q = r.stats();
                out.printf(Locale.ROOT, "pairs: %d accepted, %d damped, %d skipped; line search: %d backtracks, %d failures;"
                        + " %d resets; batch %d%s%n", q.pairsAccepted(), q.pairsDamped(), q.pairsSkipped(), q.lineSearchBacktracks(),
                        q.lineSearchFailures(), q.resets(), method.batch(),
                        q.batchIncreases() > 0 ? " (grew " + q.batchIncreases() + " times)" : "");
            }
        }
        out.flush();
        return r.status() == dev.descent.train.TrainStatus.DIVERGED ? Main.EXIT_DIVERGED : 0;
    }

    /** The quasi-Newton counters as JSON fields. */
    private static TrainJson stats(TrainJson j, QuasiNewtonStats q) {
        return j.put("pairsAccepted", q.pairsAccepted()).put("pairsDamped", q.pairsDamped()).put("pairsSkipped", q.pairsSkipped())
                .put("lineSearchBacktracks", q.lineSearchBacktracks()).put("lineSearchFailures", q.lineSearchFailures())
                .put("resets", q.resets()).put("batchIncreases", q.batchIncreases());
    }

    /**
     * {@code --optimizer lbfgs|newton-cg}: one full-batch minimization of the training objective
     * (mean loss + L2) with the minimizer's defaults, one iteration per step: {@code --epochs}
     * bounds the objective evaluations (each a pass over the training set), {@code --steps} the
     * iterations. The passes reported count the evaluations plus newton-cg's Hessian-vector
     * products (each about a pass; they are not bounded by {@code --epochs}). The metrics have one row per iteration; the evaluation on the test set runs once,
     * at the end.
     */
    private Integer fullBatch(Model m, TrainData d, L2 penalty, String name, long maxPasses, long iterations, TrainMetrics mw,
            String backend, PrintWriter out) {
        ModelObjective f = new ModelObjective(m, d.train(), penalty);
        double[] x0 = f.initialPoint();
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, maxPasses > 0 ? maxPasses + 2 : 1_000_000);
        double[] clock = new double[Math.min(cap, 1_000_000)];
        long[] evals = {0};
        long[] products = {0};
        long start = System.nanoTime();
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
                    clock[(int) evals[0]] = (System.nanoTime() - start) * 1e-9;
                }
                return v;
            }

            @Override
            public java.util.Optional<HessianVector> hessianVector() {
                return f.hessianVector().map(h -> (x, v, hv) -> {
                    h.evaluate(x, v, hv);
                    products[0]++;
                });
            }
        };
        Settings settings = Settings.DEFAULTS.withTrace(true).withMaxEvaluations(maxPasses > 0 ? maxPasses : Long.MAX_VALUE)
                .withMaxIterations(iterations > 0 ? (int) Math.min(Integer.MAX_VALUE, iterations) : Integer.MAX_VALUE);
        if (!json) {
            out.printf(Locale.ROOT, "%s on %s: %d training rows, %d held out; full-batch %s, l2 %s, seed %d, %s%n",
                    m, d.name(), d.train().n(), d.test().n(), name, fmt(penalty.lambda()), seed, backend);
            out.flush();
        }
        Result r = Minimize.run(timed, x0, Method.named(name), settings);
        double seconds = (System.nanoTime() - start) * 1e-9;
        dev.descent.linalg.Vec.toFloat(r.x(), m.params());
        List<History.Record> rows = new ArrayList<>();
        for (Iterate it : r.trace()) {
            double t = clock[(int) Math.min(it.fEvals(), clock.length - 1)];
            rows.add(new History.Record(it.iter(), it.fEvals(), Double.NaN, Double.NaN, Double.NaN, it.step(), t, it.f(),
                    it.fEvals(), d.train().n(), t));
        }
        if (mw != null) {
            mw.finish(rows);
        }
        ModelNetwork net = new ModelNetwork(m);
        Evaluation tr = net.evaluate(d.train());
        Evaluation te = net.evaluate(d.test());
        String status = r.status().name().toLowerCase(Locale.ROOT);
        long passes = evals[0] + products[0];
        String message = name + " stopped: " + status + " after " + r.iterations() + " iterations and " + passes + " passes";
        if (json) {
            out.println(new TrainJson().put("status", "completed").put("message", message).put("minimizerStatus", status)
                    .put("epochs", evals[0]).put("steps", r.iterations()).put(Quantity.TRAIN_LOSS.json, tr.loss()).put(Quantity.TRAIN_ACCURACY.json, tr.accuracy())
                    .put(Quantity.VAL_LOSS.json, te.loss()).put(Quantity.VAL_ACCURACY.json, te.accuracy()).put("val", d.heldOut()).put("divergenceEvents", 0)
                    .put("backend", backend).put("threads", threads).put("model", m.toString()).put("optimizer", name)
                    .put("data", d.name()).put("seed", seed).put("objective", r.f()).put("passes", passes)
                    .put("trainSeconds", seconds).put("l2", penalty.lambda()));
        } else {
            out.println(message);
            out.printf(Locale.ROOT, "%s %.4f  %s %.4f | %s %.4f  %s %.4f%n", Quantity.TRAIN_LOSS.text, tr.loss(), Quantity.TRAIN_ACCURACY.text,
                    tr.accuracy(), Quantity.VAL_LOSS.text, te.loss(), Quantity.VAL_ACCURACY.text, te.accuracy());
            out.printf(Locale.ROOT, "objective %.6f (mean loss%s), %d passes, %.3f s of training%n", r.f(),
                    penalty.lambda() > 0 ? " + L2 " + fmt(penalty.lambda()) : "", passes, seconds);
        }
        out.flush();
        return 0;
    }

    /**
     * The one rule for a value that both a spec and a flag can give (the learning rate in train
     * and minimize, momentum and weight decay in minimize): give it once; both is a usage error.
     *
     * @param specText the optimizer spec as typed
     * @param specFlag the flag that holds it (--optimizer, --method)
     * @param key the spec's key, for example lr
     * @param flag the flag that gives the same value, for example --lr
     * @param value the flag's value, or null when not given
     */
    static void refuseTwice(String specText, String specFlag, String key, String flag, Object value) {
        if (value == null || specText == null) {
            return;
        }
        int colon = specText.indexOf(':');
        if (colon < 0) {
            return;
        }
        for (String kv : specText.substring(colon + 1).split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).strip().equalsIgnoreCase(key)) {
                throw new IllegalArgumentException(key + " is given twice, as " + specFlag + " ..." + kv.strip() + " and as " + flag + " "
                        + value + "; give it once (in the spec, or with " + flag + ")");
            }
        }
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
            throw new IllegalArgumentException("--checkpoint: cannot write in " + dir + " (" + OutputFile.reason(e)
                    + "); choose a writable directory");
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
        private final boolean sampled;

        Listener(PrintWriter out, TrainMetrics metrics, boolean bar, int n, int batch, TrainConfig cfg, boolean sampled) {
            this.sampled = sampled;
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
            if (out != null && r.step() > 0 && (sampled || r.step() % perEpoch == 0)) {
                if (bar != null) {
                    System.err.print("\r\033[K"); // clear the bar's line; it is drawn again below the epoch's line
                    System.err.flush();
                }
                out.printf(Locale.ROOT, "epoch %5.2f  step %7d  %s %.4f  %s %.4f  %s %.4f  lr %.3g  %.1fs%n",
                        r.epoch(), r.step(), Quantity.TRAIN_LOSS.text, r.trainLoss(), Quantity.VAL_LOSS.text, r.valLoss(),
                        Quantity.VAL_ACCURACY.text, r.valAccuracy(), r.lr(), r.elapsedSeconds());
                out.flush();
            }
        }

        @Override
        public void onCheckpoint(Checkpoint c) {
            if (metrics != null) {
                metrics.checkpoint(c.history());
            }
        }

        void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
