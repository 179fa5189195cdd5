package dev.descent.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The README's "Minimization" example, compiled and run. Keep the two in sync. */
class ReadmeExampleTest {

    @Test
    void readmeExample() {
        // --- README example start
        // f(x, y) = (1 − x)² + 100 (y − x²)², the gradient written into the caller's buffer
        Objective rosenbrock = new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                double a = 1 - x[0];
                double b = x[1] - x[0] * x[0];
                g[0] = -2 * a - 400 * x[0] * b;
                g[1] = 200 * b;
                return a * a + 100 * b * b;
            }
        };
        Result r = Minimize.run(rosenbrock, new double[] {-1.2, 1}, Method.named("lbfgs"),
                Settings.DEFAULTS.withGradTol(1e-10).withTrace(true));
        // r.status() == Status.CONVERGED_GRADIENT, r.x() ≈ (1, 1); r.trace() holds every iterate
        // and System.out.println(r) prints the Optim.jl-style summary.
        Result adam = Minimize.run(rosenbrock, new double[] {-1.2, 1}, Method.named("adam:lr=0.02"),
                Settings.DEFAULTS.withMaxIterations(2000));
        // adam.status() == Status.ITERATION_LIMIT: a fixed budget, reported honestly
        // --- README example end
        assertThat(r.status()).isEqualTo(Status.CONVERGED_GRADIENT);
        assertThat(r.x()[0]).isCloseTo(1, within(1e-8));
        assertThat(r.trace()).hasSize(r.iterations() + 1);
        assertThat(adam.status()).isEqualTo(Status.ITERATION_LIMIT);
        assertThat(r.toString()).contains("success");
    }
}
