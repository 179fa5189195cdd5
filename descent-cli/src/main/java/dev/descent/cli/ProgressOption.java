package dev.descent.cli;

import picocli.CommandLine.Option;

/**
 * {@code --no-progress}: the commands that make people wait show their progress on standard
 * error, as a bar when it is a terminal ({@link Terminal#stderr()}) and otherwise as a line per
 * stage; this flag turns both off. A picocli mixin.
 */
final class ProgressOption {

    @Option(names = "--no-progress", description = "No progress on standard error: no bar on a terminal, no progress lines otherwise (results still print).")
    boolean noProgress;

    /**
     * Whether to draw a bar.
     *
     * @return true when progress is on and standard error is a terminal
     */
    boolean bar() {
        return !noProgress && Terminal.stderr();
    }

    /**
     * Whether to print progress lines.
     *
     * @return true when progress is on and standard error is not a terminal
     */
    boolean lines() {
        return !noProgress && !Terminal.stderr();
    }
}
