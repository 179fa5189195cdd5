package dev.descent.cli;

import dev.descent.minimize.Armijo;
import dev.descent.minimize.LineSearch;
import dev.descent.minimize.Method;
import dev.descent.minimize.MoreThuente;
import dev.descent.minimize.Settings;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code minimize}'s options for the minimizer: the L-BFGS memory and the line search (methods
 * that search along a direction), and the iteration limit and gradient tolerance (every method).
 * Their values are checked by the library and reported under the flag's name. A picocli mixin.
 */
final class MinimizerOptions {

    @Option(names = "--memory", paramLabel = "M", description = "L-BFGS memory m (default 10).")
    Integer memory;

    @Option(names = "--line-search", paramLabel = "armijo|more-thuente", description = "Line search (default more-thuente).")
    String lineSearch;

    @Option(names = "--max-iter", paramLabel = "K", description = "Iteration limit (default 1000).")
    Integer maxIter;

    @Option(names = "--grad-tol", paramLabel = "T", description = "Tolerance on the gradient's infinity norm (default 1e-8).")
    Double gradTol;

    /**
     * Refines a line-search method with {@code --memory} and {@code --line-search}.
     *
     * @param m the method named by {@code --method}
     * @param method the {@code --method} text, for messages
     * @return the refined method
     * @throws IllegalArgumentException when an option does not apply to {@code m} or is out of range
     */
    Method refine(Method m, String method) {
        if (m instanceof Method.FirstOrder) {
            if (memory != null || lineSearch != null) {
                throw new IllegalArgumentException("--memory and --line-search apply to gd, bfgs, lbfgs, newton, newton-cg and cg, not to "
                        + method);
            }
            return m;
        }
        Method refined = m;
        if (memory != null) {
            if (!(refined instanceof Method.Lbfgs l)) {
                throw new IllegalArgumentException("--memory applies to lbfgs only, not to " + method);
            }
            refined = OptionRules.forFlag("--memory", () -> new Method.Lbfgs(memory, l.lineSearch()));
        }
        if (lineSearch != null) {
            LineSearch ls = switch (lineSearch.strip().toLowerCase(Locale.ROOT)) {
                case "armijo" -> Armijo.DEFAULT;
                case "more-thuente" -> refined instanceof Method.ConjugateGradient ? MoreThuente.FOR_CG : MoreThuente.DEFAULT;
                default -> throw new IllegalArgumentException("unknown --line-search '" + lineSearch + "'; expected armijo or more-thuente");
            };
            refined = refined.withLineSearch(ls);
        }
        return refined;
    }

    /**
     * The settings with {@code --max-iter} and {@code --grad-tol} applied.
     *
     * @param base the settings to start from
     * @return the settings
     * @throws IllegalArgumentException out of range, naming the flag
     */
    Settings settings(Settings base) {
        Settings limited = maxIter == null ? base : OptionRules.forFlag("--max-iter", () -> base.withMaxIterations(maxIter));
        return gradTol == null ? limited : OptionRules.forFlag("--grad-tol", () -> limited.withGradTol(gradTol));
    }
}
