package dev.descent.minimize;

/**
 * The one-dimensional restriction φ(α) = f(x + α·d) that a {@link LineSearch} works on.
 * {@link #evaluate} computes φ(α) and remembers φ′(α) = ∇f(x + α·d)ᵀd for {@link #derivative()}.
 */
public interface LineFunction {

    /**
     * Evaluates φ at α ≥ 0; φ′(α) is then available from {@link #derivative()}.
     *
     * @param alpha the step α ≥ 0
     * @return φ(α), possibly non-finite
     */
    double evaluate(double alpha);

    /**
     * φ′ at the α of the last {@link #evaluate} call.
     *
     * @return φ′(α) = ∇f(x + α·d)ᵀd
     */
    double derivative();
}
