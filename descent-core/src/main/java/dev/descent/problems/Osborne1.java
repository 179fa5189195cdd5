package dev.descent.problems;

import java.util.List;

/**
 * Osborne 1 function, Moré–Garbow–Hillstrom (1981) problem 17: n = 5, m = 33,
 * rᵢ = yᵢ − (x₁ + x₂exp(−tᵢx₄) + x₃exp(−tᵢx₅)) with tᵢ = 10(i − 1);
 * x0 = (0.5, 1.5, −1, 0.01, 0.02); f* = 5.46489·10⁻⁵.
 */
final class Osborne1 extends SumOfSquares {

    private static final double[] Y = {0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850,
        0.818, 0.784, 0.751, 0.718, 0.685, 0.658, 0.628, 0.603, 0.580, 0.558, 0.538, 0.522,
        0.506, 0.490, 0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.420, 0.414, 0.411,
        0.406};

    Osborne1() {
        super(5, 33);
    }

    static Problem problem() {
        return new Problem("osborne1", List.of("mgh:17"), 5,
                new double[] {0.5, 1.5, -1, 0.01, 0.02}, new Osborne1(), 5.46489e-5, null, null,
                "Moré–Garbow–Hillstrom (1981) problem 17, Osborne 1; n = 5, m = 33");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 0; i < m; i++) {
            double t = 10.0 * i;
            r[i] = Y[i] - (x[0] + x[1] * Math.exp(-t * x[3]) + x[2] * Math.exp(-t * x[4]));
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 0; i < m; i++) {
            double t = 10.0 * i;
            double e4 = Math.exp(-t * x[3]);
            double e5 = Math.exp(-t * x[4]);
            int row = i * 5;
            jac[row] = -1;
            jac[row + 1] = -e4;
            jac[row + 2] = -e5;
            jac[row + 3] = x[1] * t * e4;
            jac[row + 4] = x[2] * t * e5;
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        for (int i = 0; i < m; i++) {
            double t = 10.0 * i;
            double e4 = Math.exp(-t * x[3]);
            double e5 = Math.exp(-t * x[4]);
            double ri = r[i];
            addSym(h, 1, 3, ri * t * e4);
            h[3 * 5 + 3] += ri * -x[1] * t * t * e4;
            addSym(h, 2, 4, ri * t * e5);
            h[4 * 5 + 4] += ri * -x[2] * t * t * e5;
        }
    }
}
