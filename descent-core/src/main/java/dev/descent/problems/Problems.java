package dev.descent.problems;

import dev.descent.spec.SpecException;
import dev.descent.spec.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of test problems, looked up by name.
 *
 * <p>Names, keys and words are case-insensitive (the rule of every spec), and errors quote the
 * wrong fragment and its column ({@link dev.descent.spec.Token#error}). Names:
 * <ul>
 *   <li>the 35 problems of Moré, Garbow and Hillstrom, <i>Testing unconstrained optimization
 *       software</i>, ACM TOMS 7(1) 17–41 (1981), as {@code mgh:1} … {@code mgh:35} or by their
 *       readable names ({@code rosenbrock}, {@code freudenstein-roth}, … {@code chebyquad}; see
 *       {@link #names()}), with the paper's residuals, standard starting points and reported
 *       minimum values. {@code rosenbrock} with a dimension other than 2 is the extended
 *       Rosenbrock function;</li>
 *   <li>{@code quadratic[:kappa=K,seed=S,rotate=true|false]}: ½(x − 1)ᵀA(x − 1) with condition
 *       number κ (default 100), eigenvalues spaced geometrically in [1, κ] and a seeded random
 *       rotation (default seed 1; {@code rotate=false} keeps A diagonal); default n = 10;</li>
 *   <li>{@code logreg[:samples=N,lambda=L,seed=S]}: L2-regularized logistic regression on a
 *       seeded synthetic data set (default N = 200, λ = 0.01, n = 10 features).</li>
 * </ul>
 *
 * <p>Each call builds a new {@link Problem}, so problems taken by different threads share no
 * state. An unknown name, a bad parameter or a dimension the problem does not accept throws
 * {@link IllegalArgumentException} with a message naming the valid choices.
 *
 * <pre>{@code
 * Problem p = Problems.named("wood");
 * double[] x = p.x0();
 * double[] g = new double[p.dimension()];
 * double f = p.objective().evaluate(x, g);   // f = 19192 at the standard start
 * }</pre>
 */
public final class Problems {

    /** Builds a problem at dimension n with the given spec parameters. */
    private interface Factory {
        Problem make(int n, Params params);
    }

    private record Entry(String name, List<String> aliases, Dimensions dims, List<String> params,
            Factory factory) {}

    private static final List<Entry> ENTRIES = new ArrayList<>();
    private static final Map<String, Entry> BY_NAME = new LinkedHashMap<>();

    static {
        fixed(1, "rosenbrock", Dimensions.multipleOf(2, 2),
                (n, p) -> n == 2 ? Rosenbrock.problem() : ExtendedRosenbrock.problem(n));
        fixed(2, "freudenstein-roth", Dimensions.fixed(2), (n, p) -> FreudensteinRoth.problem());
        fixed(3, "powell-badly-scaled", Dimensions.fixed(2),
                (n, p) -> PowellBadlyScaled.problem());
        fixed(4, "brown-badly-scaled", Dimensions.fixed(2), (n, p) -> BrownBadlyScaled.problem());
        fixed(5, "beale", Dimensions.fixed(2), (n, p) -> Beale.problem());
        fixed(6, "jennrich-sampson", Dimensions.fixed(2), (n, p) -> JennrichSampson.problem());
        fixed(7, "helical-valley", Dimensions.fixed(3), (n, p) -> HelicalValley.problem());
        fixed(8, "bard", Dimensions.fixed(3), (n, p) -> Bard.problem());
        fixed(9, "gaussian", Dimensions.fixed(3), (n, p) -> Gaussian.problem());
        fixed(10, "meyer", Dimensions.fixed(3), (n, p) -> Meyer.problem());
        fixed(11, "gulf", Dimensions.fixed(3), (n, p) -> Gulf.problem());
        fixed(12, "box3", Dimensions.fixed(3), (n, p) -> Box3.problem());
        fixed(13, "powell-singular", Dimensions.fixed(4), (n, p) -> PowellSingular.problem());
        fixed(14, "wood", Dimensions.fixed(4), (n, p) -> Wood.problem());
        fixed(15, "kowalik-osborne", Dimensions.fixed(4), (n, p) -> KowalikOsborne.problem());
        fixed(16, "brown-dennis", Dimensions.fixed(4), (n, p) -> BrownDennis.problem());
        fixed(17, "osborne1", Dimensions.fixed(5), (n, p) -> Osborne1.problem());
        fixed(18, "biggs-exp6", Dimensions.fixed(6), (n, p) -> BiggsExp6.problem());
        fixed(19, "osborne2", Dimensions.fixed(11), (n, p) -> Osborne2.problem());
        fixed(20, "watson", new Dimensions(2, 31, 1, Watson.DEFAULT_DIMENSION),
                (n, p) -> Watson.problem(n));
        fixed(21, "extended-rosenbrock",
                Dimensions.multipleOf(2, ExtendedRosenbrock.DEFAULT_DIMENSION),
                (n, p) -> ExtendedRosenbrock.problem(n));
        fixed(22, "extended-powell", Dimensions.multipleOf(4, ExtendedPowell.DEFAULT_DIMENSION),
                (n, p) -> ExtendedPowell.problem(n));
        fixed(23, "penalty1", Dimensions.atLeast(1, Penalty1.DEFAULT_DIMENSION),
                (n, p) -> Penalty1.problem(n));
        fixed(24, "penalty2",
                new Dimensions(1, Penalty2.MAX_DIMENSION, 1, Penalty2.DEFAULT_DIMENSION),
                (n, p) -> Penalty2.problem(n));
        fixed(25, "variably-dimensioned",
                Dimensions.atLeast(1, VariablyDimensioned.DEFAULT_DIMENSION),
                (n, p) -> VariablyDimensioned.problem(n));
        fixed(26, "trigonometric", Dimensions.atLeast(1, Trigonometric.DEFAULT_DIMENSION),
                (n, p) -> Trigonometric.problem(n));
        fixed(27, "brown-almost-linear",
                Dimensions.atLeast(1, BrownAlmostLinear.DEFAULT_DIMENSION),
                (n, p) -> BrownAlmostLinear.problem(n));
        fixed(28, "discrete-boundary-value",
                Dimensions.atLeast(1, DiscreteBoundaryValue.DEFAULT_DIMENSION),
                (n, p) -> DiscreteBoundaryValue.problem(n));
        fixed(29, "discrete-integral", Dimensions.atLeast(1, DiscreteIntegral.DEFAULT_DIMENSION),
                (n, p) -> DiscreteIntegral.problem(n));
        fixed(30, "broyden-tridiagonal",
                Dimensions.atLeast(1, BroydenTridiagonal.DEFAULT_DIMENSION),
                (n, p) -> BroydenTridiagonal.problem(n));
        fixed(31, "broyden-banded", Dimensions.atLeast(1, BroydenBanded.DEFAULT_DIMENSION),
                (n, p) -> BroydenBanded.problem(n));
        withM(32, "linear-full-rank", (n, m) -> LinearFullRank.problem(n, m));
        withM(33, "linear-rank1", (n, m) -> LinearRank1.problem(n, m));
        withM(34, "linear-rank1-zero", (n, m) -> LinearRank1Zero.problem(n, m));
        fixed(35, "chebyquad", Dimensions.atLeast(1, Chebyquad.DEFAULT_DIMENSION),
                (n, p) -> Chebyquad.problem(n));
        add(new Entry("quadratic", List.of(), Dimensions.atLeast(1, Quadratic.DEFAULT_DIMENSION),
                List.of("kappa", "seed", "rotate"),
                (n, p) -> Quadratic.problem(n, p.real("kappa", Quadratic.DEFAULT_KAPPA, 1, 1e16),
                        p.integer("seed", Quadratic.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE),
                        p.bool("rotate", true))));
        add(new Entry("logreg", List.of("logistic-regression"), Dimensions.atLeast(1, 10),
                List.of("samples", "lambda", "seed"),
                (n, p) -> logreg(n, (int) p.integer("samples", 200, 1, 100_000_000),
                        p.real("lambda", 0.01, 1e-12, 1e6),
                        p.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE))));
    }

    private Problems() {}

    private static void fixed(int number, String name, Dimensions dims, Factory factory) {
        add(new Entry(name, List.of("mgh:" + number), dims, List.of(), factory));
    }

    /**
     * Problems 32–34, where the paper leaves m ≥ n free: the default is n = 5, m = 10 and, for
     * another n, m = 2n; the spec parameter {@code m} (e.g. {@code linear-rank1:m=50}) overrides.
     */
    private static void withM(int number, String name,
            java.util.function.BiFunction<Integer, Integer, Problem> make) {
        add(new Entry(name, List.of("mgh:" + number), Dimensions.atLeast(1, 5), List.of("m"),
                (n, p) -> make.apply(n, (int) p.integer("m", 2L * n, n, 1_000_000))));
    }

    private static void add(Entry e) {
        ENTRIES.add(e);
        BY_NAME.put(e.name(), e);
        for (String alias : e.aliases()) {
            BY_NAME.put(alias, e);
        }
    }

    /**
     * The synthetic logistic-regression problem: x0 = 0; x* and f* computed by
     * {@link LogisticRegression#minimizer()} when N·d² ≤ 10⁹, NaN/unknown beyond.
     */
    private static Problem logreg(int d, int samples, double lambda, long seed) {
        LogisticRegression lr = LogisticRegression.synthetic(samples, d, lambda, seed);
        double[] wStar = null;
        double fStar = Double.NaN;
        if ((double) samples * d * d <= 1e9) {
            wStar = lr.minimizer();
            fStar = lr.value(wStar);
        }
        return new Problem("logreg", List.of("logistic-regression"), d, new double[d], lr, fStar,
                wStar, null, "L2-regularized logistic regression on a seeded synthetic set: N = "
                        + samples + ", d = " + d + " (last column the intercept), lambda = "
                        + lambda + ", seed " + seed + "; f* and x* by Newton's method");
    }

    /**
     * The canonical names of all problems, in catalogue order (one name per problem).
     *
     * @return an unmodifiable list
     */
    public static List<String> names() {
        List<String> out = new ArrayList<>(ENTRIES.size());
        for (Entry e : ENTRIES) {
            out.add(e.name());
        }
        return List.copyOf(out);
    }

    /**
     * Every accepted name: the canonical names followed by their aliases, e.g. "mgh:14".
     *
     * @return an unmodifiable list
     */
    public static List<String> allNames() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * The problem with this name (or spec, e.g. {@code quadratic:kappa=1e4}) at its default
     * dimension.
     *
     * @throws IllegalArgumentException for an unknown name or a bad parameter
     * @param name a catalogue name, alias or spec
     * @return the problem, with its standard x₀
     */
    public static Problem named(String name) {
        Lookup l = lookup(name);
        return l.entry.factory().make(l.entry.dims().standard(), l.params);
    }

    /**
     * The problem with this name (or spec) at dimension {@code dim}.
     *
     * @throws IllegalArgumentException for an unknown name, a bad parameter, or a dimension the
     *     problem does not accept (the message states which it does)
     * @param name a catalogue name, alias or spec
     * @param dim the dimension, one the problem accepts
     * @return the problem, with its standard x₀ for that dimension
     */
    public static Problem named(String name, int dim) {
        Lookup l = lookup(name);
        Dimensions d = l.entry.dims();
        if (!d.accepts(dim)) {
            throw new IllegalArgumentException("problem '" + l.entry.name() + "' takes dimension "
                    + d.describe() + " (default " + d.standard() + "); got " + dim);
        }
        return l.entry.factory().make(dim, l.params);
    }

    /**
     * The default dimension of the named problem.
     *
     * @param name a catalogue name, alias or spec
     * @return its default dimension
     * @throws IllegalArgumentException for an unknown name
     */
    public static int defaultDimension(String name) {
        return lookup(name).entry.dims().standard();
    }

    private record Lookup(Entry entry, Params params) {}

    private static Lookup lookup(String name) {
        if (name == null || name.isBlank()) {
            throw new SpecException("problem name is missing; valid names: " + String.join(", ", names()));
        }
        Token spec = Token.of("problem", name);
        Entry e = BY_NAME.get(spec.lower());
        if (e != null) {
            return new Lookup(e, Params.NONE);
        }
        int colon = spec.indexOf(':');
        Token head = (colon < 0 ? spec : spec.sub(0, colon)).strip();
        e = BY_NAME.get(head.lower());
        if (e == null) {
            Token what = head.lower().equals("mgh") ? spec : head;
            throw what.error("unknown problem '" + Token.quote(what.text(), 40) + "'; valid names: "
                    + String.join(", ", names()) + " (or mgh:1 ... mgh:35)");
        }
        return new Lookup(e, colon < 0 ? Params.NONE : Params.parse(spec, e.name(), e.params()));
    }

}
