package dev.descent.cli;

import dev.descent.io.DirectoryLock;
import dev.descent.io.OutputFile;
import dev.descent.nn.ModelSpec;
import dev.descent.stochastic.StochasticMethods;
import dev.descent.train.Checkpoint;
import dev.descent.train.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code descent train}: trains a classifier with a first-order optimizer, with a progress bar on
 * standard error, metrics to a file, checkpoints and resume. Human output by default; one JSON
 * object with {@code --json}.
 *
 * <p>This class holds the options and checks them; the runs are {@link MiniBatchRun} (first-order
 * and sampled quasi-Newton methods, through the {@code Trainer}) and {@link FullBatchRun}
 * ({@code lbfgs}, {@code newton-cg}); {@link TrainResume} rebuilds a checkpointed run's options.
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

    /** Created by picocli, which then sets the options. */
    public TrainCommand() {}

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

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

    @Mixin
    SeedOption seedOption;

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

    @Mixin
    JsonOption jsonOption;

    @Mixin
    ProgressOption progress;

    /** The arguments kept in the checkpoint, from which --resume rebuilds the run. */
    String savedArgs;

    /** Whether --epochs or --steps were given on --resume. */
    boolean extended;

    /** Set when the run ends by itself, so that the shutdown hook stays quiet. */
    private volatile boolean finished;

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
                        + OptionRules.quoted(b)).orElse(""), e);
            }
            run = TrainResume.original(this, resumed);
        } else {
            if (model == null || optimizer == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "train needs --model SPEC and --optimizer SPEC (or --resume DIR)");
            }
            if (!spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
                args.addAll(List.of("--seed", Long.toString(seed()))); // kept explicitly, so that a later default cannot change a resume
            }
            run.savedArgs = String.join("\u0000", args);
        }
        return run.train(resumed, out);
    }

    /** The seed, from {@code --seed}. */
    long seed() {
        return seedOption.seed;
    }

    /** Whether {@code --json} was given. */
    boolean json() {
        return jsonOption.json;
    }

    /** The optimizer's name as typed, lower case, without a spec. */
    String optimizerName() {
        return optimizer.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the optimizer is a full-batch minimizer (lbfgs, newton-cg). */
    boolean fullBatch() {
        return optimizerName().equals("lbfgs") || optimizerName().equals("newton-cg");
    }

    /** Refuses flags that would be silently ignored with the other flags given. */
    private void refuseFlagsThatDoNotApply() {
        dataOptions.refuseFlagsThatDoNotApply();
        CommandLine.ParseResult pr = spec.commandLine().getParseResult();
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

    /** Refuses the options that the second-order and sampled methods do not take. */
    private void refuseFirstOrderOptions(Checkpoint resumed) {
        String optName = optimizerName();
        boolean fullBatch = fullBatch();
        if (fullBatch || StochasticMethods.isSampled(optimizer)) {
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
    }

    private Integer train(Checkpoint resumed, PrintWriter out) throws Exception {
        Limits.threads("--threads", threads, spec.commandLine().getErr());
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be ≥ 1, got " + batch);
        }
        dataOptions.checkValues();
        long e = epochs != null ? epochs : (steps != null ? 0 : 5);
        long s = steps != null ? steps : 0;
        TrainConfig cfg;
        try {
            cfg = new TrainConfig(e, s, batch, seed(), clip, evalEvery, checkpointEvery, schedulePerEpoch,
                    TrainConfig.DEFAULT_SPIKE_FACTOR, TrainConfig.DEFAULT_LR_CUT, TrainConfig.DEFAULT_MAX_FAILURES);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(OptionRules.flagNames(bad.getMessage()), bad);
        }
        if (resumed == null) {
            refuseFlagsThatDoNotApply();
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("--l2 must be finite and ≥ 0, got " + l2);
        }
        refuseFirstOrderOptions(resumed);
        // output paths are checked before any data is read, so that a typo fails at once
        if (checkpoint != null) {
            checkWritable(checkpoint);
        }
        TrainMetrics mw = metrics == null ? null : new TrainMetrics(metrics);
        Path csv = dataOptions.csv();
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
                            + " descent train --resume " + OptionRules.quoted(checkpoint) + ", or give --overwrite to replace it, or choose another directory");
                }
                Checkpoint.deleteIn(checkpoint);
            }
            // Ctrl-C (SIGINT) or kill (SIGTERM): say how to continue; the JVM exits with 130 (143)
            Thread hook = new Thread(() -> {
                if (!finished) {
                    System.err.println();
                    System.err.println("descent: interrupted; the last checkpoint in " + checkpoint + " is kept:"
                            + " continue with descent train --resume " + OptionRules.quoted(checkpoint));
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

    /** Loads the data, checks the budget against it, and runs the full-batch or the mini-batch run. */
    private Integer train(Checkpoint resumed, TrainConfig cfg, TrainMetrics mw, PrintWriter out) throws Exception {
        TrainData d = dataOptions.load(seed());
        long perEpoch = cfg.stepsPerEpoch(d.train().n());
        if (cfg.epochs() > Long.MAX_VALUE / perEpoch) {
            throw new IllegalArgumentException("--epochs " + cfg.epochs() + " is too large: at " + perEpoch
                    + " steps per epoch the step count overflows; give at most " + Long.MAX_VALUE / perEpoch);
        }
        if (resumed != null && extended) {
            if (cfg.totalSteps(d.train().n()) <= resumed.step()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "--resume: the checkpointed run is at step %d (%.2f epochs);"
                        + " to extend it give more --epochs or --steps than that", resumed.step(), resumed.step() / (double) perEpoch));
            }
        }
        ModelSpec ms = ModelSpec.parse(model, d.train().d(), d.train().classes());
        Limits.model(ms, model);
        if (fullBatch()) {
            return new FullBatchRun(this, d, ms, cfg, mw, out).run();
        }
        return new MiniBatchRun(this, d, ms, cfg, mw, out).run(resumed);
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
}
