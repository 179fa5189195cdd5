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

    /**
     * The iterate stays in double: Adam at lr 0.02 on Rosenbrock reaches ‖∇f‖∞ ≤ 1e-8 within
     * 20 000 steps, where the same optimizer on float32 parameters (the training layout, and
     * what this run did before) stalls near ‖∇f‖∞ ≈ 0.09 because its steps fall below half a
     * float32 ulp of x.
     */
    @Test
    void firstOrderIteratesAreDoubleSoAdamIsNotStalledByFloat32Rounding() {
        Objective f = TestFunctions.rosenbrock(2, false);
        Result r = Minimize.run(f, new double[] {-1.2, 1}, Method.named("adam:lr=0.02"),
                Settings.DEFAULTS.withMaxIterations(20_000));
        assertThat(r.precision()).isEqualTo(Result.Precision.DOUBLE);
        assertThat(r.status()).as(r.toString()).isEqualTo(Status.CONVERGED_GRADIENT);
        assertThat(r.gradNorm()).isLessThanOrEqualTo(1e-8);

        // the same optimizer on float32 parameters, as in training
        dev.descent.optim.Optimizer o = Optimizers.parse("adam:lr=0.02").create(2);
        float[] theta = {-1.2f, 1f};
        float[] gf = new float[2];
        double[] x = new double[2];
        double[] g = new double[2];
        for (int t = 0; t < 20_000; t++) {
            x[0] = theta[0];
            x[1] = theta[1];
            f.evaluate(x, g);
            gf[0] = (float) g[0];
            gf[1] = (float) g[1];
            o.step(theta, gf, 0.02);
        }
        x[0] = theta[0];
        x[1] = theta[1];
        f.evaluate(x, g);
        assertThat(Math.max(Math.abs(g[0]), Math.abs(g[1]))).as("float32 stall").isGreaterThan(1e-2);
    }

    /** Weight decay reads θ, so such an optimizer runs on float32 parameters, and says so. */
    @Test
    void weightDecayRunsOnFloat32ParametersAndTheResultSaysSo() {
        Result r = Minimize.run(BOWL, new double[] {1, 1}, Method.named("adamw:lr=0.01,weight_decay=0.1"),
                Settings.DEFAULTS.withMaxIterations(50));
        assertThat(r.precision()).isEqualTo(Result.Precision.FLOAT32);
        assertThat(r.toString()).contains("Precision:     float32 iterates");
        assertThat((double) (float) r.x()[0]).isEqualTo(r.x()[0]);
        Result coupled = Minimize.run(BOWL, new double[] {1, 1},
                new Method.FirstOrder(new Sgd(0.1).withOptions(dev.descent.optim.Options.NONE.withWeightDecay(0.01))),
                Settings.DEFAULTS.withMaxIterations(5));
        assertThat(coupled.precision()).isEqualTo(Result.Precision.FLOAT32);
        assertThat(Minimize.run(BOWL, new double[] {1, 1}, Method.named("lion:lr=0.01"), Settings.DEFAULTS.withMaxIterations(5))
                .precision()).isEqualTo(Result.Precision.DOUBLE);
    }

    /** The same stopping tests as every other method: f, x and the relative gradient. */
    @Test
    void firstOrderRunsStopByTheSameTestsAsEveryMethod() {
        Schedule threeSteps = t -> t < 3 ? 0.1 : 0.0; // x stops moving after step 3
        Method m = new Method.FirstOrder(new Sgd(1.0), threeSteps);
        Result byX = Minimize.run(BOWL, new double[] {1, 1}, m, Settings.DEFAULTS.withXTol(1e-12).withMaxIterations(100));
        assertThat(byX.status()).isEqualTo(Status.CONVERGED_X);
        assertThat(byX.iterations()).isEqualTo(4);
        Result byF = Minimize.run(BOWL, new double[] {1, 1}, m, Settings.DEFAULTS.withFTol(1e-12).withMaxIterations(100));
        assertThat(byF.status()).isEqualTo(Status.CONVERGED_F);
        assertThat(byF.measures().relativeFChange()).isZero();
        Result byRel = Minimize.run(BOWL, new double[] {1, 1}, new Method.FirstOrder(new Sgd(0.1)),
                Settings.DEFAULTS.withGradTol(0).withRelGradTol(1e-3).withMaxIterations(10_000));
        assertThat(byRel.status()).isEqualTo(Status.CONVERGED_GRADIENT);
        assertThat(byRel.relativeGradNorm()).isLessThanOrEqualTo(1e-3);
    }

    /** A fixed budget used up is "stopped", not a failure. */
    @Test
    void aUsedUpBudgetIsStoppedNotFailed() {
        Result r = Minimize.run(BOWL, new double[] {1, 1}, Method.named("adam:lr=0.01"), Settings.DEFAULTS.withMaxIterations(10));
        assertThat(r.status()).isEqualTo(Status.ITERATION_LIMIT);
        assertThat(r.status().kind()).isEqualTo(Status.Kind.STOPPED);
        assertThat(r.status().failed()).isFalse();
        assertThat(r.converged()).isFalse();
        assertThat(r.toString()).startsWith(" * Status: stopped (iteration limit reached)");
    }
}
