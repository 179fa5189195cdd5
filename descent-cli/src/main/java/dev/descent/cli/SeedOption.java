package dev.descent.cli;

import picocli.CommandLine.Option;

/**
 * {@code --seed}: one flag, one default (1) and one description in every command that draws
 * random numbers. A picocli mixin.
 */
final class SeedOption {

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seeds everything random: initialization, batch order, synthetic data and sampling (default: ${DEFAULT-VALUE}).")
    long seed;
}
