package dev.descent.cli;

import dev.descent.optim.Optimizers;
import java.util.Iterator;

/**
 * The optimizer names, read from the library's registry, for picocli's
 * {@code ${COMPLETION-CANDIDATES}} in help texts and for shell completion: a new optimizer appears
 * here without touching the CLI.
 */
public final class OptimizerNames implements Iterable<String> {

    /** Creates the candidates (picocli instantiates this class). */
    public OptimizerNames() {}

    @Override
    public Iterator<String> iterator() {
        return Optimizers.names().iterator();
    }
}
