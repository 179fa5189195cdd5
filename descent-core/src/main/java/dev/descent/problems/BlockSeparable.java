package dev.descent.problems;

import java.util.Arrays;

/**
 * A function that is a sum over independent blocks of {@code width} consecutive variables,
 * f(x) = Σ_b f_b(x_b): the extended problems of Moré–Garbow–Hillstrom (Rosenbrock in pairs,
 * Powell in fours). Its Hessian is block diagonal, so f, ∇f and ∇²f·v cost O(n) without
 * allocation, which lets these problems serve the n = 10⁶ benchmarks.
 *
 * <p>A subclass writes one block's value, gradient, Hessian and Hessian-vector product; this class
 * loops over the blocks, in order, and sums f from the first block to the last.
 */
abstract class BlockSeparable implements ExactSecondOrder {

    /** The number of variables, a multiple of {@link #width}. */
    final int n;
    private final int width;

    /**
     * @param n the number of variables, a multiple of {@code width} (the catalogue checks it)
     * @param width the block width, at least 1
     */
    BlockSeparable(int n, int width) {
        this.n = n;
        this.width = width;
    }

    /**
     * Returns f_b of the block starting at {@code i} and, unless {@code grad} is null, writes its
     * gradient into {@code grad[i .. i + width)}.
     */
    abstract double block(double[] x, int i, double[] grad);

    /** Writes the block's nonzero Hessian entries at rows and columns i .. i + width of the n×n {@code h}. */
    abstract void blockHessian(double[] x, int i, double[] h);

    /** Writes the block's part of ∇²f·v into {@code hv[i .. i + width)}. */
    abstract void blockHessianVector(double[] x, int i, double[] v, double[] hv);

    @Override
    public final int dimension() {
        return n;
    }

    @Override
    public final double value(double[] x) {
        return sum(x, null);
    }

    @Override
    public final double evaluate(double[] x, double[] grad) {
        return sum(x, grad);
    }

    private double sum(double[] x, double[] grad) {
        double f = 0;
        for (int i = 0; i < n; i += width) {
            f += block(x, i, grad);
        }
        return f;
    }

    /** Writes the block-diagonal ∇²f into the n×n row-major {@code h}. */
    @Override
    public final void hessian(double[] x, double[] h) {
        Arrays.fill(h, 0, n * n, 0.0);
        for (int i = 0; i < n; i += width) {
            blockHessian(x, i, h);
        }
    }

    /** Writes ∇²f·v into {@code hv}, block by block. */
    @Override
    public final void hessianVector(double[] x, double[] v, double[] hv) {
        for (int i = 0; i < n; i += width) {
            blockHessianVector(x, i, v, hv);
        }
    }
}
