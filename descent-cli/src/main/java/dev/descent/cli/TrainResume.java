package dev.descent.cli;

import dev.descent.train.Checkpoint;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine;

/**
 * {@code train --resume DIR}: rebuilds the checkpointed run's options from the arguments kept in
 * its checkpoint, with {@code --epochs} and {@code --steps} replaced when given (an extension),
 * and refuses any other run option whose value differs from the original run's (an option given
 * with the value the run had, explicitly or by default, is not a conflict).
 */
final class TrainResume {

    private TrainResume() {}

    /** Options that are the run itself; with --resume they come from the checkpoint. */
    private static final Set<String> RUN_OPTIONS = Set.of("--data", "--data-dir", "--label", "--validation", "--normalize",
            "--model", "--optimizer", "--lr", "--schedule", "--schedule-per-epoch", "--batch", "--epochs", "--steps",
            "--seed", "--threads", "--clip", "--eval-every", "--checkpoint-every", "--l2");

    /** Options that may change when a run is resumed: the budget, so that a finished run can be extended. */
    private static final Set<String> EXTENDABLE = Set.of("--epochs", "--steps");

    /**
     * The original run's command.
     *
     * @param given the command as typed, with {@code --resume}
     * @param c the checkpoint read from {@code given.resume}
     * @return a command with the original run's options, the extension, and the typed
     *     {@code --metrics}, {@code --json} and {@code --no-progress}, writing its checkpoints
     *     where it resumes from
     * @throws IllegalArgumentException when the checkpoint holds no arguments or an option conflicts
     */
    static TrainCommand original(TrainCommand given, Checkpoint c) {
        String joined = c.meta().get("args");
        if (joined == null) {
            throw new IllegalArgumentException(given.resume + ": the checkpoint was not written by 'descent train' (no arguments in it)");
        }
        List<String> origArgs = new ArrayList<>(joined.isEmpty() ? List.of() : List.of(joined.split("\u0000", -1)));
        if (!c.meta().containsKey("optimizerSpec") && !origArgs.contains("--seed") && origArgs.stream().noneMatch(a -> a.startsWith("--seed="))) {
            origArgs.addAll(0, List.of("--seed", "0")); // written before --seed defaulted to 1 (and was kept explicitly)
        }
        CommandLine ocl = parse(origArgs);
        CommandLine.ParseResult pr = given.spec.commandLine().getParseResult();
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
                String typed = String.join(" ", pr.matchedOption(name).stringValues());
                CommandLine.Model.OptionSpec orig = ocl.getParseResult().matchedOption(name);
                throw new IllegalArgumentException("--resume: " + name + " " + typed + " differs from the checkpointed run's "
                        + (orig == null ? String.valueOf(theirs) + " (the default)" : String.join(" ", orig.stringValues()))
                        + "; drop it to continue that run, or start a new one");
            }
        }
        if (!extension.isEmpty()) {
            origArgs.addAll(extension);
            ocl = parse(origArgs);
        }
        TrainCommand o = ocl.getCommand();
        o.spec = ocl.getCommandSpec();
        o.savedArgs = String.join("\u0000", origArgs);
        o.extended = !extension.isEmpty();
        o.checkpoint = Files.isDirectory(given.resume) ? given.resume : given.resume.toAbsolutePath().getParent();
        o.resume = given.resume;
        o.metrics = given.metrics != null ? given.metrics : o.metrics;
        o.jsonOption.json = given.jsonOption.json;
        o.progress.noProgress = given.progress.noProgress;
        return o;
    }

    /** A fresh command parsed from {@code args}, where a later option overrides an earlier one. */
    private static CommandLine parse(List<String> args) {
        CommandLine cl = new CommandLine(new TrainCommand());
        cl.setOverwrittenOptionsAllowed(true);
        cl.parseArgs(args.toArray(new String[0]));
        return cl;
    }

    /** Equal option values: numbers by value (so 1e-2 is 0.01), arrays by contents. */
    private static boolean sameValue(Object a, Object b) {
        if (Objects.deepEquals(a, b)) {
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
}
