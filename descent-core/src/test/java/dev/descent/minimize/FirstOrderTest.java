package dev.descent.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.optim.Optimizers;
import dev.descent.optim.Sgd;
import dev.descent.schedule.Schedule;
import org.junit.jupiter.api.Test;

class FirstOrderTest {

    /** f(x) = ½ Σ cᵢ xᵢ², c = (1, 10). */
    private static final Objective BOWL = new Objective() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double evaluate(double[] x, double[] g) {
            g[0] = x[0];
            g[1] = 10 * x[1];
            return 0.5 * (x[0] * x[0] + 10 * x[1] * x[1]);
        }
    };

    @Test
    void plainSgdMatchesTheClosedFormIterates() {
        // x_{t+1} = (1 − lr·c) x_t, in float32 parameters
        double lr = 0.05;
        Result r = Minimize.run(BOWL, new double[] {1, 1}, new Method.FirstOrder(new Sgd(lr)),
                Settings.DEFAULTS.withMaxIterations(10).withTrace(true));
        assertThat(r.status()).isEqualTo(Status.ITERATION_LIMIT);
        assertThat(r.iterations()).isEqualTo(10);
        assertThat(r.stats().fEvals()).isEqualTo(11);
        float a = 1, b = 1;
        for (int t = 0; t < 10; t++) {
            a = (float) (a - lr * a);
            b = (float) (b - lr * 10 * b);
        }
        assertThat(r.x()[0]).isCloseTo(a, within(1e-6));
        assertThat(r.x()[1]).isCloseTo(b, within(1e-6));
        assertThat(r.f()).isEqualTo(BOWL.value(r.x()));
        assertThat(r.trace()).hasSize(11);
        assertThat(r.trace().get(3).step()).isEqualTo(lr);
    }

    @Test
    void scheduleDrivesTheLearningRateAndGradientTestStopsEarly() {
        Schedule halfThenZero = t -> t < 3 ? 0.1 : 0.0;
        Result r = Minimize.run(BOWL, new double[] {1, 1}, new Method.FirstOrder(new Sgd(1.0), halfThenZero),
                Settings.DEFAULTS.withMaxIterations(6).withTrace(true));
        // three steps of lr 0.1, then the point stops moving
        assertThat(r.trace().get(3).x()).containsExactly(r.trace().get(6).x());
        assertThat(r.trace().get(5).step()).isZero();

        Result c = Minimize.run(BOWL, new double[] {1, 1}, new Method.FirstOrder(new Sgd(0.1)),
                Settings.DEFAULTS.withGradTol(1e-3).withMaxIterations(10_000));
        assertThat(c.status()).isEqualTo(Status.CONVERGED_GRADIENT);
        assertThat(c.gradNorm()).isLessThanOrEqualTo(1e-3);
    }

    @Test
    void adamRacesNewtonOnRosenbrockAndReportsHonestly() {
        Objective f = TestFunctions.rosenbrock(2, true);
        Result adam = Minimize.run(f, new double[] {-1.2, 1}, Method.named("adam:lr=0.02"),
                Settings.DEFAULTS.withMaxIterations(3000));
        assertThat(adam.method()).isEqualTo("adam");
        assertThat(adam.status()).isEqualTo(Status.ITERATION_LIMIT);
        assertThat(adam.f()).isLessThan(24.2).isEqualTo(f.value(adam.x()));
        assertThat(Method.named("adamw")).isInstanceOf(Method.FirstOrder.class);
        assertThat(Method.names()).contains("lbfgs", "adam", "nesterov");
    }

    @Test
    void divergingLearningRateEndsNonFiniteWithLastFiniteX() {
        Result r = Minimize.run(BOWL, new double[] {1, 1}, new Method.FirstOrder(Optimizers.parse("sgd:lr=10")),
                Settings.DEFAULTS.withMaxIterations(10_000));
        assertThat(r.status()).isEqualTo(Status.NON_FINITE);
        assertThat(Double.isFinite(r.f())).isTrue();
        assertThat(r.x()[1]).isFinite();
    }
}
