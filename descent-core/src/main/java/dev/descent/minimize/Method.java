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

    /** The short name used on the command line and in results. */
    String name();

    /** The names {@link #named} accepts for the deterministic methods. */
    String[] DETERMINISTIC = {"gd", "newton", "bfgs", "lbfgs", "newton-cg", "cg", "cg-hz"};

    /**
     * The method called {@code name}, with its defaults: {@code gd}, {@code newton}, {@code bfgs},
     * {@code lbfgs} (m = 10), {@code newton-cg} (all with Moré–Thuente, c₂ = 0.9), {@code cg}
     * (Polak–Ribière+) and {@code cg-hz} (Hager–Zhang), both with Moré–Thuente c₂ = 0.1.
     * Any other name, or an optimizer spec such as {@code adam:lr=0.01}, is looked up with
     * {@link Optimizers#parse} and wrapped in {@link FirstOrder} at the optimizer's constant lr.
     *
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

    /** Every name {@link #named} accepts: the deterministic methods, then the optimizers. */
    static List<String> names() {
        List<String> all = new ArrayList<>(List.of(DETERMINISTIC));
        all.addAll(Optimizers.names());
        return List.copyOf(all);
    }

    /** The same method with another line search; {@link FirstOrder} has none and is returned as is. */
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

    /** Steepest descent d = −∇f with a line search. */
    record GradientDescent(LineSearch lineSearch) implements Method {
        public GradientDescent {
            require(lineSearch);
        }

        @Override
        public String name() {
            return "gd";
        }
    }

    /**
     * Newton's method with the exact Hessian, modified by adding τI until Cholesky succeeds
     * (Nocedal–Wright Algorithm 3.3). Needs {@link Objective#hasHessian()}; {@link Minimize#run}
     * rejects an objective without one.
     */
    record Newton(LineSearch lineSearch) implements Method {
        public Newton {
            require(lineSearch);
        }

        @Override
        public String name() {
            return "newton";
        }
    }

    /** BFGS with a dense inverse-Hessian approximation, O(n²) per iteration. */
    record Bfgs(LineSearch lineSearch) implements Method {
        public Bfgs {
            require(lineSearch);
        }

        @Override
        public String name() {
            return "bfgs";
        }
    }

    /**
     * Limited-memory BFGS, two-loop recursion over the {@code memory} newest pairs, O(mn) per
     * iteration.
     *
     * @param memory m ≥ 1 (default 10 in {@link #named}; liblbfgs uses 6)
     */
    record Lbfgs(int memory, LineSearch lineSearch) implements Method {
        public Lbfgs {
            if (memory < 1) {
                throw new IllegalArgumentException("memory must be >= 1, got " + memory);
            }
            require(lineSearch);
        }

        @Override
        public String name() {
            return "lbfgs";
        }
    }

    /**
     * Truncated Newton: CG on Hessian-vector products (finite differences of gradients when the
     * objective has none).
     */
    record NewtonCg(LineSearch lineSearch) implements Method {
        public NewtonCg {
            require(lineSearch);
        }

        @Override
        public String name() {
            return "newton-cg";
        }
    }

    /** Nonlinear conjugate gradient. */
    record ConjugateGradient(Variant variant, LineSearch lineSearch) implements Method {
        /** The β formula. */
        public enum Variant {
            POLAK_RIBIERE_PLUS,
            HAGER_ZHANG
        }

        public ConjugateGradient {
            if (variant == null) {
                throw new IllegalArgumentException("variant must not be null");
            }
            require(lineSearch);
        }

        @Override
        public String name() {
            return variant == Variant.HAGER_ZHANG ? "cg-hz" : "cg";
        }
    }

    /**
     * A first-order optimizer run on the objective for a fixed iteration budget
     * ({@link Settings#maxIterations()}), with the learning rate {@code schedule.at(t)} at step
     * t (or the optimizer's own lr when {@code schedule} is null). x is rounded to float32
     * parameters at the boundary, as in training; f and ∇f are evaluated in double at the
     * rounded point. It stops early only by the gradient test.
     */
    record FirstOrder(OptimizerConfig optimizer, Schedule schedule) implements Method {
        public FirstOrder {
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer must not be null");
            }
        }

        /** The optimizer at its own constant learning rate. */
        public FirstOrder(OptimizerConfig optimizer) {
            this(optimizer, null);
        }

        @Override
        public String name() {
            return optimizer.name();
        }
    }
}
