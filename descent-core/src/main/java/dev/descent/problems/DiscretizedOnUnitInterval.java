package dev.descent.problems;

/**
 * The shared grid of Moré–Garbow–Hillstrom (1981) problems 28 and 29, which discretize a boundary
 * value problem and an integral equation on (0, 1): n unknowns xⱼ at tⱼ = jh with h = 1/(n + 1),
 * m = n residuals, both started at x0ⱼ = tⱼ(tⱼ − 1), and both nonlinear through (xⱼ + tⱼ + 1)³.
 */
abstract class DiscretizedOnUnitInterval extends SumOfSquares {

    /** The grid spacing h = 1/(n + 1). */
    final double h;

    /** @param n the number of unknowns, at least 1 */
    DiscretizedOnUnitInterval(int n) {
        super(n, n);
        this.h = 1.0 / (n + 1);
    }

    /**
     * The starting point of both problems, x0ⱼ = tⱼ(tⱼ − 1).
     *
     * @param n the number of unknowns, at least 1
     * @return a new array of length n
     */
    static double[] start(int n) {
        double h = 1.0 / (n + 1);
        double[] x0 = new double[n];
        for (int j = 1; j <= n; j++) {
            double t = j * h;
            x0[j - 1] = t * (t - 1);
        }
        return x0;
    }

    /** xⱼ + tⱼ + 1 for the 1-based index j, the base of the cubic term. */
    final double shifted(double[] x, int j) {
        return x[j - 1] + j * h + 1;
    }
}
