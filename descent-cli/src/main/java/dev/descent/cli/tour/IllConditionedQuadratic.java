package dev.descent.cli.tour;

import dev.descent.minimize.Objective;
import java.util.Optional;

/**
 * f(x, y) = ½(x² + κ·y²): the ill-conditioned bowl of the lecture, whose Hessian diag(1, κ) has
 * condition number κ. Gradient descent zig-zags across the narrow direction; Newton lands on
 * the minimum (0, 0) in one step.
 */
record IllConditionedQuadratic(double kappa) implements Objective {

    IllConditionedQuadratic {
        if (!(kappa >= 1) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be a finite number ≥ 1, got " + kappa);
        }
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double evaluate(double[] x, double[] grad) {
        grad[0] = x[0];
        grad[1] = kappa * x[1];
        return 0.5 * (x[0] * x[0] + kappa * x[1] * x[1]);
    }

    @Override
    public Optional<Hessian> hessian() {
        return Optional.of(this::hessian);
    }

    private void hessian(double[] x, double[] h) {
        h[0] = 1;
        h[1] = 0;
        h[2] = 0;
        h[3] = kappa;
    }
}
