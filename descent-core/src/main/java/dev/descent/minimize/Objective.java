package dev.descent.minimize;

import java.util.Optional;

/**
 * A smooth function f: ℝⁿ → ℝ to minimize, evaluated in double precision.
 *
 * <p>A lambda is enough: {@code Objective.of(n, (x, g) -> { ...write ∇f(x) into g...; return f(x); })}.
 * Second derivatives are capabilities, each given by one function:
 * {@code f.withHessian((x, h) -> ...)} and/or {@code f.withHessianVector((x, v, hv) -> ...)}
 * return an objective that has them. A class implementing {@code Objective} declares one by
 * overriding {@link #hessian()} or {@link #hessianVector()} to return the function; there is no
 * separate flag that could disagree with it. Newton needs {@link #hessian()}; Newton-CG uses
 * {@link #hessianVector()} (which the default derives from the Hessian) and falls back to a
 * finite-difference product of gradients, counted as gradient evaluations, when neither is given.
 *
 * <p>Conventions (as in gonum/optimize): output arguments are caller-owned buffers, and no
 * function may modify {@code x} (or {@code v}).
 */
public interface Objective {

    /**
     * The number of variables.
     *
     * @return n ≥ 1
     */
    int dimension();

    /**
     * Returns f(x) and writes ∇f(x) into {@code grad}.
     *
     * @param x the point, length n; not modified
     * @param grad the caller's buffer of length n, overwritten with the gradient
     * @return f(x); may be non-finite, which minimizers report as a status, never an exception
     */
    double evaluate(double[] x, double[] grad);

    /**
     * Returns f(x) alone. The default evaluates the gradient too, into a new scratch buffer;
     * objectives with a cheaper f override it.
     *
     * @param x the point, length n; not modified
     * @return f(x)
     */
    default double value(double[] x) {
        return evaluate(x, new double[dimension()]);
    }

    /**
     * The exact Hessian ∇²f, if this objective has one. The default has none.
     *
     * @return the Hessian function, or empty
     */
    default Optional<Hessian> hessian() {
        return Optional.empty();
    }

    /**
     * The exact Hessian-vector product ∇²f(x)·v, if this objective has one. The default forms it
     * from {@link #hessian()} when there is one ({@link HessianVector#fromHessian}: O(n²) per
     * product and one n×n buffer); objectives with a cheaper product override it.
     *
     * @return the product function, or empty when neither it nor the Hessian is known
     */
    default Optional<HessianVector> hessianVector() {
        return hessian().map(h -> HessianVector.fromHessian(dimension(), h));
    }

    /**
     * An objective of dimension {@code n} evaluated by {@code fg}, with no second derivatives.
     *
     * <pre>{@code
     * Objective bowl = Objective.of(2, (x, g) -> {
     *     g[0] = 2 * x[0];
     *     g[1] = 20 * x[1];
     *     return x[0] * x[0] + 10 * x[1] * x[1];
     * });
     * }</pre>
     *
     * @param n the number of variables, ≥ 1
     * @param fg returns f(x) and writes ∇f(x) into its second argument
     * @return the objective
     * @throws IllegalArgumentException when n &lt; 1 or fg is null
     */
    static Objective of(int n, ValueAndGradient fg) {
        if (n < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + n);
        }
        if (fg == null) {
            throw new IllegalArgumentException("the function must not be null");
        }
        return new Composed(new Composed.Lambda(n, fg), null, null);
    }

    /**
     * This objective with the exact Hessian {@code h}. Its {@link #hessianVector()} is this
     * objective's product when this one has a product but no Hessian, else the product formed
     * from {@code h}. f and ∇f (and {@link #value}) are this objective's.
     *
     * @param h writes ∇²f(x) into its second argument, row-major n×n
     * @return a new objective; this one is unchanged
     * @throws IllegalArgumentException when h is null
     */
    default Objective withHessian(Hessian h) {
        if (h == null) {
            throw new IllegalArgumentException("the Hessian must not be null");
        }
        return new Composed(this, h, hessian().isPresent() ? null : hessianVector().orElse(null));
    }

    /**
     * This objective with the exact Hessian-vector product {@code hv} (for Newton-CG); its
     * {@link #hessian()} stays what it was, and f and ∇f are this objective's.
     *
     * @param hv writes ∇²f(x)·v into its third argument
     * @return a new objective; this one is unchanged
     * @throws IllegalArgumentException when hv is null
     */
    default Objective withHessianVector(HessianVector hv) {
        if (hv == null) {
            throw new IllegalArgumentException("the Hessian-vector product must not be null");
        }
        return new Composed(this, hessian().orElse(null), hv);
    }

    /** f and ∇f in one call: the function behind {@link Objective#of}. */
    @FunctionalInterface
    interface ValueAndGradient {
        /**
         * Returns f(x) and writes ∇f(x) into {@code grad}.
         *
         * @param x the point; not modified
         * @param grad the caller's buffer of length n, overwritten with the gradient
         * @return f(x)
         */
        double evaluate(double[] x, double[] grad);
    }

    /** The exact Hessian of an objective. */
    @FunctionalInterface
    interface Hessian {
        /**
         * Writes ∇²f(x) into {@code h}.
         *
         * @param x the point; not modified
         * @param h the caller's buffer of length n², overwritten row-major
         */
        void evaluate(double[] x, double[] h);
    }

    /** The exact Hessian-vector product of an objective. */
    @FunctionalInterface
    interface HessianVector {
        /**
         * Writes ∇²f(x)·v into {@code hv}.
         *
         * @param x the point; not modified
         * @param v the direction, length n; not modified
         * @param hv the caller's buffer of length n, overwritten with the product
         */
        void evaluate(double[] x, double[] v, double[] hv);

        /**
         * The product formed from a full Hessian: one n×n buffer (allocated at the first
         * product), O(n²) per product. The returned function is not safe for concurrent use.
         *
         * @param n the dimension, ≥ 1
         * @param h the Hessian
         * @return H(x)·v computed densely
         */
        static HessianVector fromHessian(int n, Hessian h) {
            if ((long) n * n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a dense " + n + "×" + n + " Hessian does not fit in a Java array");
            }
            double[][] holder = new double[1][];
            return (x, v, hv) -> {
                if (holder[0] == null) {
                    holder[0] = new double[n * n];
                }
                double[] buf = holder[0];
                h.evaluate(x, buf);
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    int row = i * n;
                    for (int j = 0; j < n; j++) {
                        s += buf[row + j] * v[j];
                    }
                    hv[i] = s;
                }
            };
        }
    }
}
