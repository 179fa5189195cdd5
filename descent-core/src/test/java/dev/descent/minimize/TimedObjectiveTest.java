package dev.descent.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TimedObjective}: the same run as the bare objective, with its evaluations counted and timed. */
class TimedObjectiveTest {

    @Test
    void changesNothingInTheRunAndTimesEveryEvaluation() {
        Objective f = TestFunctions.rosenbrock(2, true);
        double[] x0 = {-1.2, 1};
        Settings s = Settings.DEFAULTS.withTrace(true);
        Result bare = Minimize.run(f, x0, Method.named("lbfgs"), s);
        TimedObjective timed = new TimedObjective(f, 1000);
        Result r = Minimize.run(timed, x0, Method.named("lbfgs"), s);
        assertThat(r.x()).containsExactly(bare.x());
        assertThat(r.iterations()).isEqualTo(bare.iterations());
        assertThat(timed.evaluations()).isEqualTo(r.stats().fEvals());
        List<Iterate> trace = r.trace();
        assertThat(timed.secondsAt(0)).isZero();
        double last = 0;
        for (Iterate it : trace) { // the times of successive iterates never go back, and end before now
            double t = timed.secondsAt(it.fEvals());
            assertThat(t).isGreaterThanOrEqualTo(last);
            last = t;
        }
        assertThat(last).isPositive().isLessThanOrEqualTo(timed.seconds());
    }

    @Test
    void countsHessianVectorProductsAndKeepsTheFirstTimesBeyondItsCapacity() {
        Objective f = TestFunctions.rosenbrock(2, true);
        TimedObjective timed = new TimedObjective(f, 2);
        Result r = Minimize.run(timed, new double[] {-1.2, 1}, Method.named("newton-cg"), Settings.DEFAULTS);
        assertThat(r.converged()).isTrue();
        assertThat(timed.hessianVectorProducts()).isEqualTo(r.stats().hvEvals()).isPositive();
        assertThat(timed.evaluations()).isGreaterThan(2);
        assertThat(timed.secondsAt(timed.evaluations())).isEqualTo(timed.secondsAt(2)).isPositive();
        assertThat(timed.hessian()).isPresent();
        assertThatThrownBy(() -> new TimedObjective(f, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
        assertThatThrownBy(() -> timed.secondsAt(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
