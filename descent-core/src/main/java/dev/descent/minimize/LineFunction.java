package dev.descent.minimize;

/**
 * The one-dimensional restriction φ(α) = f(x + α·d) that a {@link LineSearch} works on.
 * {@link #evaluate} computes φ(α) and remembers φ′(α) = ∇f(x + α·d)ᵀd for {@link #derivative()}.
 */
public interface LineFunction {

    /** Evaluates φ at α ≥ 0 and returns it; φ′(α) is then available from {@link #derivative()}. */
    double evaluate(double alpha);

    /** φ′ at the α of the last {@link #evaluate} call. */
    double derivative();
}
