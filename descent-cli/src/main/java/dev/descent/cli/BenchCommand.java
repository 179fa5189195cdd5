package dev.descent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code descent bench}: the parent of the benchmark commands; alone it prints their list. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure descent's speed: optimizer steps, matrix multiply, minimizer scaling, training epochs.",
        subcommands = {BenchGemmCommand.class, BenchStepCommand.class, BenchScalingCommand.class, BenchTrainCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
