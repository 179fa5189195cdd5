package dev.descent.problems;

import java.util.List;

/**
 * Biggs EXP6 function, Moré–Garbow–Hillstrom (1981) problem 18: n = 6, m ≥ n (here m = 13),
 * rᵢ = x₃exp(−tᵢx₁) − x₄exp(−tᵢx₂) + x₆exp(−tᵢx₅) − yᵢ with tᵢ = 0.1i and
 * yᵢ = exp(−tᵢ) − 5exp(−10tᵢ) + 3exp(−4tᵢ); x0 = (1, 2, 1, 1, 1, 1);
 * f* = 0 at (1, 10, 1, 5, 4, 3) (not unique: swapping the pairs (x₁, x₃) and (x₅, x₆) gives
 * another); the paper also reports the local minimum f = 5.65565·10⁻³.
 */
final class BiggsExp6 extends SumOfSquares {

    BiggsExp6() {
        super(6, 13);
    }

    static Problem problem() {
        return new Problem("biggs-exp6", List.of("mgh:18"), 6, new double[] {1, 2, 1, 1, 1, 1},
                new BiggsExp6(), 0, null, new double[] {5.65565e-3},
                "Moré–Garbow–Hillstrom (1981) problem 18, Biggs EXP6; n = 6, m = 13;"
                        + " f* = 0 at (1, 10, 1, 5, 4, 3) and (4, 10, 3, 5, 1, 1);"
                        + " local minimum f = 5.65565e-3");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 1; i <= m; i++) {
            double t = 0.1 * i;
            double y = Math.exp(-t) - 5 * Math.exp(-10 * t) + 3 * Math.exp(-4 * t);
            r[i - 1] = x[2] * Math.exp(-t * x[0]) - x[3] * Math.exp(-t * x[1])
                    + x[5] * Math.exp(-t * x[4]) - y;
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 1; i <= m; i++) {
            double t = 0.1 * i;
            double e1 = Math.exp(-t * x[0]);
            double e2 = Math.exp(-t * x[1]);
            double e5 = Math.exp(-t * x[4]);
            int row = (i - 1) * 6;
            jac[row] = -t * x[2] * e1;
            jac[row + 1] = t * x[3] * e2;
            jac[row + 2] = e1;
            jac[row + 3] = -e2;
            jac[row + 4] = -t * x[5] * e5;
            jac[row + 5] = e5;
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        for (int i = 1; i <= m; i++) {
            double t = 0.1 * i;
            double e1 = Math.exp(-t * x[0]);
            double e2 = Math.exp(-t * x[1]);
            double e5 = Math.exp(-t * x[4]);
            double ri = r[i - 1];
            h[0] += ri * t * t * x[2] * e1;
            addSym(h, 0, 2, ri * -t * e1);
            h[7] += ri * -t * t * x[3] * e2;
            addSym(h, 1, 3, ri * t * e2);
            h[28] += ri * t * t * x[5] * e5;
            addSym(h, 4, 5, ri * -t * e5);
        }
    }
}
