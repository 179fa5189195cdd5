package dev.descent.stochastic;

/**
 * An objective that is a mean over rows, evaluated on chosen rows: what the stochastic
 * quasi-Newton methods need beyond a (parameters, gradient) pair. They evaluate the loss and its
 * gradient on the rows they pick (the overlap of two batches, a line-search trial on the current
 * batch, a variance test, a Hessian sample), at points they choose.
 *
 * <p>F(θ) = (1/N) Σᵢ fᵢ(θ) + r(θ), and F_S(θ) = (1/|S|) Σ_{i∈S} fᵢ(θ) + r(θ) for a sample S of row
 * indices (r is a deterministic regularizer, for example {@link L2}). θ is float32 (the training
 * parameters); values and gradients are double.
 *
 * <p>Conventions: the sample is {@code rows[from, from + count)}, indices in [0, {@link #size()});
 * no method modifies θ or the rows; output arrays are the caller's.
 */
public interface SampledObjective {

    /**
     * The number of parameters.
     *
     * @return n, at least 1
     */
    int dimension();

    /**
     * The number of rows.
     *
     * @return N, at least 1
     */
    int size();

    /**
     * Returns F_S(θ) and writes ∇F_S(θ) into {@code grad}.
     *
     * @param theta θ, length n; not modified
     * @param rows row indices in [0, N)
     * @param from the first index of the sample in {@code rows}
     * @param count the sample size |S|, ≥ 1
     * @param grad length n, overwritten with ∇F_S(θ)
     * @return F_S(θ), the mean over the sample plus the regularizer (non-finite values are
     *     returned, never thrown)
     */
    double lossAndGradient(float[] theta, int[] rows, int from, int count, double[] grad);

    /**
     * Returns F_S(θ) alone: a forward pass, about a third of the cost of a gradient.
     *
     * @param theta θ, length n; not modified
     * @param rows row indices in [0, N)
     * @param from the first index of the sample in {@code rows}
     * @param count the sample size |S|, ≥ 1
     * @return F_S(θ)
     */
    double loss(float[] theta, int[] rows, int from, int count);

    /**
     * Whether {@link #hessianVector} is exact.
     *
     * @return true when it is exact, false when it is a difference of gradients (or missing)
     */
    default boolean hasExactHessianVector() {
        return false;
    }

    /**
     * Writes ∇²F_S(θ)·v into {@code hv}.
     *
     * @param theta θ, length n; not modified
     * @param rows row indices in [0, N)
     * @param from the first index of the sample in {@code rows}
     * @param count the sample size |S|, ≥ 1
     * @param v the direction, length n; not modified
     * @param hv length n, overwritten with ∇²F_S(θ)·v
     *
     * @throws UnsupportedOperationException when the objective has no Hessian-vector product
     */
    default void hessianVector(float[] theta, int[] rows, int from, int count, double[] v, double[] hv) {
        throw new UnsupportedOperationException("this objective has no Hessian-vector product");
    }
}
