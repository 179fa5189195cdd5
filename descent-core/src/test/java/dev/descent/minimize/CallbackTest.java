package dev.descent.minimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-iteration callback of {@link Minimize#run(Objective, double[], Method, Settings, Callback)}. */
class CallbackTest {

    @Test
    void seesEveryIterateAndCanStopTheRun() {
        Objective f = TestFunctions.rosenbrock(2, true);
        List<Integer> seen = new ArrayList<>();
        List<Double> fs = new ArrayList<>();
        Result r = Minimize.run(f, new double[] {-1.2, 1}, Method.named("lbfgs"), Settings.DEFAULTS.withTrace(true), it -> {
            seen.add(it.iter());
            fs.add(it.f());
            assertThat(it.x()).hasSize(2);
            return it.f() < 1e-3;
        });
        assertThat(r.status()).isEqualTo(Status.STOPPED_BY_CALLBACK);
        assertThat(r.status().kind()).isEqualTo(Status.Kind.STOPPED);
        assertThat(r.f()).isLessThan(1e-3);
        assertThat(fs.get(fs.size() - 2)).isGreaterThanOrEqualTo(1e-3);
        assertThat(seen).hasSize(r.iterations() + 1);
        assertThat(seen.getFirst()).isZero();
        assertThat(r.trace()).hasSize(seen.size());
        assertThat(r.toString()).startsWith(" * Status: stopped (stopped by the callback)");
    }

    @Test
    void convergenceAtTheSameIterateWinsAndFirstOrderRunsCallToo() {
        Objective f = TestFunctions.rosenbrock(2, true);
        Result r = Minimize.run(f, new double[] {-1.2, 1}, Method.named("bfgs"), Settings.DEFAULTS.withGradTol(1e-6),
                it -> it.gradNorm() <= 1e-6);
        assertThat(r.status()).isEqualTo(Status.CONVERGED_GRADIENT);

        int[] calls = new int[1];
        Result adam = Minimize.run(f, new double[] {-1.2, 1}, Method.named("adam:lr=0.02"), Settings.DEFAULTS, it -> ++calls[0] > 10);
        assertThat(adam.status()).isEqualTo(Status.STOPPED_BY_CALLBACK);
        assertThat(adam.iterations()).isEqualTo(10);
    }

    /** For n &gt; 10 without traceX, the callback still sees x (the live array). */
    @Test
    void largeProblemsStillShowX() {
        Objective f = TestFunctions.rosenbrock(20, false);
        double[][] last = new double[1][];
        Result r = Minimize.run(f, TestFunctions.rosenbrockStart(20), Method.named("lbfgs"), Settings.DEFAULTS.withTrace(true), it -> {
            last[0] = it.x().clone();
            return false;
        });
        assertThat(r.trace().getLast().x()).isNull();
        assertThat(last[0]).containsExactly(r.x());
    }
}
