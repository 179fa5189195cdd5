package dev.descent.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json}: every command prints exactly one JSON object on standard output instead of
 * its text (progress stays on standard error). A picocli mixin.
 */
final class JsonOption {

    @Option(names = "--json", description = "Print one JSON object on standard output instead of text.")
    boolean json;
}
