package dev.descent.cli;

import dev.descent.data.FashionMnist;
import dev.descent.data.Normalization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The data options of the commands that train a classifier ({@code train}, {@code lr-find}):
 * one description and one default per flag, so that the same flags load the same data in both
 * (and {@code lr-find} suggests the rate that {@code train --lr auto} uses). A picocli mixin.
 */
final class DataOptions {

    /** The command this mixin belongs to, for its parse result. */
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--data", paramLabel = "DATA", defaultValue = "embedded",
            description = "embedded (Fashion-MNIST subset in the jar, 6000+1000), fashion-mnist (the full set), spiral, blobs, moons, or a FILE.csv (default: ${DEFAULT-VALUE}).")
    String data;

    /** The description of {@code --data-dir}, in every command that reads the full Fashion-MNIST. */
    static final String DATA_DIR_HELP = "Where the Fashion-MNIST IDX files are (default: " + FashionMnist.DEBIAN_DIR + ").";

    @Option(names = "--data-dir", paramLabel = "DIR", description = DATA_DIR_HELP)
    Path dataDir;

    @Option(names = "--label", paramLabel = "COLUMN", description = "The CSV label column, by header name or 0-based index (default: the last).")
    String label;

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0.2",
            description = "The held-out share of a CSV file, stratified (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--normalize", paramLabel = "MODE", defaultValue = "none",
            description = "none, global or per-feature standardization, statistics from the training set (default: ${DEFAULT-VALUE}).")
    String normalize;

    /**
     * The CSV file given as {@code --data}.
     *
     * @return its path, or null for a built-in data set
     */
    Path csv() {
        return TrainData.BUILT_IN.contains(data) ? null : Path.of(data);
    }

    /**
     * Checks the values that need no file: {@code --validation} in (0, 1).
     *
     * @throws IllegalArgumentException naming the flag
     */
    void checkValues() {
        if (!(validation > 0 && validation < 1)) {
            throw new IllegalArgumentException("--validation must be in (0, 1), got " + validation);
        }
    }

    /**
     * Refuses the flags that would be silently ignored with the {@code --data} given:
     * {@code --validation} and {@code --label} without a CSV file, {@code --data-dir} without
     * {@code fashion-mnist}.
     *
     * @throws CommandLine.ParameterException a usage error naming the flag
     */
    void refuseFlagsThatDoNotApply() {
        CommandLine.ParseResult pr = mixee.commandLine().getParseResult();
        for (String f : List.of("--validation", "--label")) {
            if (pr.hasMatchedOption(f) && csv() == null) {
                throw new CommandLine.ParameterException(mixee.commandLine(), f + " applies to a CSV --data file, not to --data " + data
                        + ", which has its own held-out set");
            }
        }
        if (pr.hasMatchedOption("--data-dir") && !data.equals("fashion-mnist")) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "--data-dir applies to --data fashion-mnist, not to --data " + data);
        }
    }

    /**
     * Loads the data.
     *
     * @param seed seeds the synthetic sets and the CSV split
     * @return the training and held-out sets, normalized as {@code --normalize} says
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException for bad values, naming the flag
     */
    TrainData load(long seed) throws IOException {
        return TrainData.load(data, dataDir, label, validation, seed, Normalization.Mode.parse(normalize));
    }
}
