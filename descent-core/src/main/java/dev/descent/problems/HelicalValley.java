package dev.descent.problems;

import java.util.List;

/**
 * Helical valley function, Moré–Garbow–Hillstrom (1981) problem 7: n = 3, m = 3,
 * r₁ = 10(x₃ − 10θ(x₁, x₂)), r₂ = 10(√(x₁² + x₂²) − 1), r₃ = x₃, where
 * 2πθ = arctan(x₂/x₁) for x₁ &gt; 0 and arctan(x₂/x₁) + π for x₁ &lt; 0; x0 = (−1, 0, 0);
 * f* = 0 at (1, 0, 0).
 *
 * <p>So θ ∈ (−1/4, 3/4) is continuous except across the ray x₁ = 0, x₂ &lt; 0, where it jumps
 * by 1. The paper leaves x₁ = 0 undefined; there this implementation takes the limit from
 * x₁ &gt; 0, θ = ±1/4.
 */
final class HelicalValley extends SumOfSquares {

    HelicalValley() {
        super(3, 3);
    }

    static Problem problem() {
        return new Problem("helical-valley", List.of("mgh:7"), 3, new double[] {-1, 0, 0},
                new HelicalValley(), 0, new double[] {1, 0, 0}, null,
                "Moré–Garbow–Hillstrom (1981) problem 7, helical valley; n = 3, m = 3");
    }

    static double theta(double x1, double x2) {
        if (x1 == 0) {
            return Math.copySign(0.25, x2);
        }
        double t = Math.atan(x2 / x1) / (2 * Math.PI);
        return x1 < 0 ? t + 0.5 : t;
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        r[0] = 10 * (x[2] - 10 * theta(x[0], x[1]));
        r[1] = 10 * (Math.sqrt(x[0] * x[0] + x[1] * x[1]) - 1);
        r[2] = x[2];
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        double x1 = x[0];
        double x2 = x[1];
        double s = x1 * x1 + x2 * x2;
        double rho = Math.sqrt(s);
        // ∂θ/∂x₁ = −x₂/(2πs), ∂θ/∂x₂ = x₁/(2πs)
        jac[0] = 100 * x2 / (2 * Math.PI * s);
        jac[1] = -100 * x1 / (2 * Math.PI * s);
        jac[2] = 10;
        jac[3] = 10 * x1 / rho;
        jac[4] = 10 * x2 / rho;
        jac[8] = 1;
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        double x1 = x[0];
        double x2 = x[1];
        double s = x1 * x1 + x2 * x2;
        double rho3 = s * Math.sqrt(s);
        double c = 100 / (2 * Math.PI * s * s);
        // r₁ = 10x₃ − 100θ: ∂²θ/∂x₁² = 2x₁x₂/(2πs²), ∂²θ/∂x₂² = −2x₁x₂/(2πs²),
        // ∂²θ/∂x₁∂x₂ = (x₂² − x₁²)/(2πs²)
        h[0] += r[0] * -c * 2 * x1 * x2;
        h[4] += r[0] * c * 2 * x1 * x2;
        addSym(h, 0, 1, r[0] * -c * (x2 * x2 - x1 * x1));
        // r₂ = 10(ρ − 1): ∂²ρ/∂x₁² = x₂²/ρ³, ∂²ρ/∂x₂² = x₁²/ρ³, ∂²ρ/∂x₁∂x₂ = −x₁x₂/ρ³
        h[0] += r[1] * 10 * x2 * x2 / rho3;
        h[4] += r[1] * 10 * x1 * x1 / rho3;
        addSym(h, 0, 1, r[1] * -10 * x1 * x2 / rho3);
    }
}
