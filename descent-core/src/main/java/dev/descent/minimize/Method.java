package dev.descent.minimize;

import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import java.util.ArrayList;
import java.util.List;
import dev.descent.schedule.Schedule;
import java.util.Locale;

/**
 * A minimization method: an immutable configuration, either a direction rule plus a
 * {@link LineSearch} (run by {@link Minimize}'s one generic loop, as in gonum/optimize and
 * Optim.jl) or a first-order optimizer with a learning-rate schedule ({@link FirstOrder}).
 *
 * <p>{@link #named(String)} gives each method with its defaults; the records give full control:
 * <pre>{@code
 * Method m = new Method.Lbfgs(6, MoreThuente.DEFAULT);
 * }</pre>
 */
public sealed interface Method
        permits Method.GradientDescent, Method.Newton, Method.Bfgs, Method.Lbfgs, Method.NewtonCg,
                Method.ConjugateGradient, Method.FirstOrder {

    /**
     * The short name used on the command line and in results: the first name {@link #named}
     * accepts for the method, or the optimizer's name for {@link FirstOrder}.
     *
     * @return for example {@code lbfgs}, {@code cg-hz} or {@code adam}
     */
    default String name() {
        return switch (this) {
            case GradientDescent m -> "gd";
            case Newton m -> "newton";
            case Bfgs m -> "bfgs";
            case Lbfgs m -> "lbfgs";
            case NewtonCg m -> "newton-cg";
            case ConjugateGradient m -> m.variant() == ConjugateGradient.Variant.HAGER_ZHANG ? "cg-hz" : "cg";
            case FirstOrder m -> m.optimizer().name();
        };
    }

    /** The names {@link #named} accepts for the deterministic (line-search) methods. */
    String[] DETERMINISTIC = {"gd", "newton", "bfgs", "lbfgs", "newton-cg", "cg", "cg-hz"};

    /**
     * The method called {@code name}, with its defaults: {@code gd}, {@code newton}, {@code bfgs},
     * {@code lbfgs} (m = 10), {@code newton-cg} (all with Moré–Thuente, c₂ = 0.9), {@code cg}
     * (Polak–Ribière+) and {@code cg-hz} (Hager–Zhang), both with Moré–Thuente c₂ = 0.1.
     * Any other name, or an optimizer spec such as {@code adam:lr=0.01}, is looked up with
     * {@link Optimizers#parse} and wrapped in {@link FirstOrder} at the optimizer's constant lr.
     * Names ignore case.
     *
     * @param name a method name or an optimizer spec
     * @return the method with its defaults
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    static Method named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "gd", "steepest-descent" -> new GradientDescent(MoreThuente.DEFAULT);
            case "newton" -> new Newton(MoreThuente.DEFAULT);
            case "bfgs" -> new Bfgs(MoreThuente.DEFAULT);
            case "lbfgs", "l-bfgs" -> new Lbfgs(10, MoreThuente.DEFAULT);
            case "newton-cg", "newtoncg" -> new NewtonCg(MoreThuente.DEFAULT);
            case "cg", "cg-pr" -> new ConjugateGradient(ConjugateGradient.Variant.POLAK_RIBIERE_PLUS, MoreThuente.FOR_CG);
            case "cg-hz" -> new ConjugateGradient(ConjugateGradient.Variant.HAGER_ZHANG, MoreThuente.FOR_CG);
            default -> {
                String head = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
                if (!Optimizers.names().contains(head.strip().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("unknown method '" + name + "'; expected one of "
                            + String.join(", ", names()));
                }
                yield new FirstOrder(Optimizers.parse(name));
            }
        };
    }

    /**
     * Every name {@link #named} accepts: the deterministic methods, then the optimizers.
     *
     * @return an immutable list
     */
    static List<String> names() {
        List<String> all = new ArrayList<>(List.of(DETERMINISTIC));
        all.addAll(Optimizers.names());
        return List.copyOf(all);
    }

    /**
     * The same method with another line search; {@link FirstOrder} has none and is returned as is.
     *
     * @param ls the line search, not null
     * @return a new method
     */
    default Method withLineSearch(LineSearch ls) {
        return switch (this) {
            case GradientDescent m -> new GradientDescent(ls);
            case Newton m -> new Newton(ls);
            case Bfgs m -> new Bfgs(ls);
            case Lbfgs m -> new Lbfgs(m.memory(), ls);
            case NewtonCg m -> new NewtonCg(ls);
            case ConjugateGradient m -> new ConjugateGradient(m.variant(), ls);
            case FirstOrder m -> m;
        };
    }

    private static LineSearch require(LineSearch ls) {
        if (ls == null) {
            throw new IllegalArgumentException("lineSearch must not be null");
        }
        return ls;
    }

    /**
     * Steepest descent d = −∇f with a line search; the first trial step is 1/‖∇f‖₂ at the start,
     * then αₖ₋₁·∇fₖ₋₁ᵀdₖ₋₁ / ∇fₖᵀdₖ (Nocedal–Wright eq. 3.60).
     *
     * @param lineSearch the line search, not null; {@link #named} uses {@link MoreThuente#DEFAULT}
     */
    record GradientDescent(LineSearch lineSearch) implements Method {
        /** Checks that the line search is given. */
        public GradientDescent {
            require(lineSearch);
        }
    }

    /**
     * Newton's method with the exact Hessian, modified by adding τI until Cholesky succeeds
     * (Nocedal–Wright Algorithm 3.3). Needs {@link Objective#hessian()}; {@link Minimize#run}
     * rejects an objective without one. O(n³) per iteration, n ≤ 46340 (the n×n array).
     *
     * @param lineSearch the line search, not null; {@link #named} uses {@link MoreThuente#DEFAULT}
     *     (first trial α = 1)
     */
    record Newton(LineSearch lineSearch) implements Method {
        /** Checks that the line search is given. */
        public Newton {
            require(lineSearch);
        }
    }

    /**
     * BFGS with a dense inverse-Hessian approximation H (Nocedal–Wright eq. 6.17, H₀ scaled by
     * sᵀy/yᵀy before the first update, pairs with sᵀy ≤ 0 skipped), O(n²) per iteration,
     * n ≤ 46340 (the n×n array).
     *
     * @param lineSearch the line search, not null; {@link #named} uses {@link MoreThuente#DEFAULT}
     */
    record Bfgs(LineSearch lineSearch) implements Method {
        /** Checks that the line search is given. */
        public Bfgs {
            require(lineSearch);
        }
    }

    /**
     * Limited-memory BFGS, two-loop recursion over the {@code memory} newest pairs, O(mn) per
     * iteration.
     *
     * @param memory m ≥ 1 (default 10 in {@link #named}; liblbfgs uses 6)
     * @param lineSearch the line search, not null; {@link #named} uses {@link MoreThuente#DEFAULT}
     */
    record Lbfgs(int memory, LineSearch lineSearch) implements Method {
        /** Checks m ≥ 1 and that the line search is given. */
        public Lbfgs {
            if (memory < 1) {
                throw new IllegalArgumentException("memory must be >= 1, got " + memory);
            }
            require(lineSearch);
        }
    }

    /**
     * Truncated Newton: CG on Hessian-vector products (finite differences of gradients when the
     * objective has none, one gradient each), stopped at ‖r‖ ≤ min(0.5, √‖∇f‖)·‖∇f‖ or at
     * negative curvature (Nocedal–Wright Algorithm 7.1).
     *
     * @param lineSearch the line search, not null; {@link #named} uses {@link MoreThuente#DEFAULT}
     *     (first trial α = 1)
     */
    record NewtonCg(LineSearch lineSearch) implements Method {
        /** Checks that the line search is given. */
        public NewtonCg {
            require(lineSearch);
        }
    }

    /**
     * Nonlinear conjugate gradient d = −∇fₖ₊₁ + β·dₖ.
     *
     * @param variant the β formula, not null
     * @param lineSearch the line search, not null; {@link #named} uses {@link MoreThuente#FOR_CG}
     *     (c₂ = 0.1: CG needs a more exact search)
     */
    record ConjugateGradient(Variant variant, LineSearch lineSearch) implements Method {
        /** The β formula. */
        public enum Variant {
            /** β = max(0, ∇fₖ₊₁ᵀyₖ / ‖∇fₖ‖²) (Nocedal–Wright eq. 5.45); name {@code cg}. */
            POLAK_RIBIERE_PLUS,
            /** Hager and Zhang (2005), with their lower bound ηₖ; name {@code cg-hz}. */
            HAGER_ZHANG
        }

        /** Checks that the variant and the line search are given. */
        public ConjugateGradient {
            if (variant == null) {
                throw new IllegalArgumentException("variant must not be null");
            }
            require(lineSearch);
        }
    }

    /**
     * A first-order optimizer run on the objective for a budget of
     * {@link Settings#maxIterations()} steps, with the learning rate {@code schedule.at(t)} at
     * step t (or the optimizer's own lr when {@code schedule} is null). It stops by the same
     * tests as every method (gradient, f, x, limits, callback); a used-up budget is
     * {@link Status#ITERATION_LIMIT}, which is "stopped", not a failure.
     *
     * <p>Precision: x stays in double and each step adds the optimizer's update, computed in
     * float32 from a float32 copy of ∇f, so no step is lost to float32 rounding of x. An
     * optimizer whose step reads θ itself (weight decay, coupled or decoupled) runs on float32
     * parameters instead, as in training, and its result says
     * {@link Result.Precision#FLOAT32}.
     *
     * @param optimizer the optimizer configuration, not null
     * @param schedule the learning rate per step, or null for the optimizer's constant lr
     */
    record FirstOrder(OptimizerConfig optimizer, Schedule schedule) implements Method {
        /** Checks that the optimizer is given. */
        public FirstOrder {
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer must not be null");
            }
        }

        /**
         * The optimizer at its own constant learning rate.
         *
         * @param optimizer the optimizer configuration, not null
         */
        public FirstOrder(OptimizerConfig optimizer) {
            this(optimizer, null);
        }
    }
}
