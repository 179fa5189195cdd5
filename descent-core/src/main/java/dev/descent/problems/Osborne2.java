package dev.descent.problems;

import java.util.List;

/**
 * Osborne 2 function, Moré–Garbow–Hillstrom (1981) problem 19: n = 11, m = 65,
 * rᵢ = yᵢ − (x₁exp(−tᵢx₅) + x₂exp(−(tᵢ − x₉)²x₆) + x₃exp(−(tᵢ − x₁₀)²x₇)
 * + x₄exp(−(tᵢ − x₁₁)²x₈)) with tᵢ = (i − 1)/10;
 * x0 = (1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5); f* = 4.01377·10⁻².
 *
 * <p>The data yᵢ were checked against funconstrain's {@code osborne_2.R}.
 */
final class Osborne2 extends SumOfSquares {

    private static final double[] Y = {1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847,
        0.786, 0.725, 0.746, 0.679, 0.608, 0.655, 0.616, 0.606, 0.602, 0.626, 0.651, 0.724,
        0.649, 0.649, 0.694, 0.644, 0.624, 0.661, 0.612, 0.558, 0.533, 0.495, 0.500, 0.423,
        0.395, 0.375, 0.372, 0.391, 0.396, 0.405, 0.428, 0.429, 0.523, 0.562, 0.607, 0.653,
        0.672, 0.708, 0.633, 0.668, 0.645, 0.632, 0.591, 0.559, 0.597, 0.625, 0.739, 0.710,
        0.729, 0.720, 0.636, 0.581, 0.428, 0.292, 0.162, 0.098, 0.054};

    Osborne2() {
        super(11, 65);
    }

    static Problem problem() {
        return new Problem("osborne2", List.of("mgh:19"), 11,
                new double[] {1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5}, new Osborne2(),
                4.01377e-2, null, null,
                "Moré–Garbow–Hillstrom (1981) problem 19, Osborne 2; n = 11, m = 65");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 0; i < m; i++) {
            double t = i / 10.0;
            double model = x[0] * Math.exp(-t * x[4]);
            for (int k = 0; k < 3; k++) {
                double q = t - x[8 + k];
                model += x[1 + k] * Math.exp(-q * q * x[5 + k]);
            }
            r[i] = Y[i] - model;
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 0; i < m; i++) {
            double t = i / 10.0;
            int row = i * 11;
            double e = Math.exp(-t * x[4]);
            jac[row] = -e;
            jac[row + 4] = t * x[0] * e;
            // term k: c·exp(−q²w), c = x[1+k], w = x[5+k], μ = x[8+k], q = t − μ
            for (int k = 0; k < 3; k++) {
                double c = x[1 + k];
                double w = x[5 + k];
                double q = t - x[8 + k];
                double g = Math.exp(-q * q * w);
                jac[row + 1 + k] = -g;
                jac[row + 5 + k] = c * q * q * g;
                jac[row + 8 + k] = -2 * c * q * w * g;
            }
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        for (int i = 0; i < m; i++) {
            double t = i / 10.0;
            double ri = r[i];
            double e = Math.exp(-t * x[4]);
            // rᵢ = yᵢ − model, so ∇²rᵢ = −∇²model
            addSym(h, 0, 4, ri * t * e);
            h[4 * 11 + 4] += ri * -t * t * x[0] * e;
            for (int k = 0; k < 3; k++) {
                int ic = 1 + k;
                int iw = 5 + k;
                int im = 8 + k;
                double c = x[ic];
                double w = x[iw];
                double q = t - x[im];
                double g = Math.exp(-q * q * w);
                addSym(h, ic, iw, ri * q * q * g);
                addSym(h, ic, im, ri * -2 * q * w * g);
                h[iw * 11 + iw] += ri * -c * q * q * q * q * g;
                addSym(h, iw, im, ri * -c * g * (2 * q - 2 * q * q * q * w));
                h[im * 11 + im] += ri * -2 * c * w * g * (2 * q * q * w - 1);
            }
        }
    }
}
