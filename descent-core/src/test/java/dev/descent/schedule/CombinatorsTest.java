package dev.descent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** sequence (optax join_schedules), warmup, scale, and the checks of every factory. */
class CombinatorsTest {

    @Test
    void sequenceCountsEachLaterScheduleFromItsBoundary() {
        Schedule a = Schedule.constant(1);
        Schedule b = t -> 100 + t;
        Schedule c = t -> 1000 + t;
        Schedule s = Schedule.sequence(List.of(a, b, c), 10, 25);
        assertThat(s.at(0)).isEqualTo(1);
        assertThat(s.at(9)).isEqualTo(1);
        assertThat(s.at(10)).isEqualTo(100); // b at its own step 0
        assertThat(s.at(24)).isEqualTo(114);
        assertThat(s.at(25)).isEqualTo(1000); // c sees steps from boundary 25 (optax join_schedules)
        assertThat(s.at(30)).isEqualTo(1005);
        Schedule chained = a.then(10, b).then(25, c);
        for (long t = 0; t < 40; t++) {
            assertThat(chained.at(t)).isEqualTo(s.at(t));
        }
    }

    @Test
    void warmupRampsLinearlyToTheFollowingScheduleThenHandsOver() {
        Schedule cos = Schedule.cosine(0.4, 100, 0);
        Schedule w = Schedule.warmup(4, 0.0, cos);
        assertThat(new double[] {w.at(0), w.at(1), w.at(2), w.at(3)}).containsExactly(0.0, 0.1, 0.2, 0.30000000000000004);
        assertThat(w.at(4)).isEqualTo(0.4);
        assertThat(w.at(54)).isEqualTo(cos.at(50));
        Schedule fromHalf = Schedule.warmup(10, 0.5, Schedule.constant(2));
        assertThat(fromHalf.at(0)).isEqualTo(1.0);
        assertThat(fromHalf.at(5)).isEqualTo(1.5);
        assertThat(fromHalf.at(10)).isEqualTo(2.0);
    }

    @Test
    void linearWarmupIsPyTorchLinearLrFromAStartFactorToOne() {
        Schedule w = Schedule.linearWarmup(0.3, 3, 0);
        assertThat(new double[] {w.at(0), w.at(1), w.at(3), w.at(99)}).containsExactly(
                new double[] {0.0, 0.1, 0.3, 0.3}, within(1e-16));
    }

    @Test
    void scaleMultiplies() {
        Schedule s = Schedule.step(1.0, 2, 0.5);
        assertThat(Schedule.scale(s, 3).at(5)).isEqualTo(0.75);
        assertThat(s.scaled(0.1).at(0)).isEqualTo(0.1);
    }

    @Test
    void oneCycleRisesToTheMaximumThenAnnealsToTheFloorAndStays() {
        Schedule s = Schedule.oneCycle(0.1, 100);
        assertThat(s.at(0)).isCloseTo(0.1 / 25, within(1e-17));
        assertThat(s.at(29)).isEqualTo(0.1);
        assertThat(s.at(99)).isEqualTo(0.1 / 25 / 1e4);
        assertThat(s.at(1_000_000)).isEqualTo(s.at(99));
    }

    @Test
    void warmRestartsRestartAtTheCycleBoundaries() {
        Schedule s = Schedule.cosineWarmRestarts(1.0, 5, 2, 0);
        // cycles: [0,5), [5,15), [15,35), [35,75)
        for (long start : new long[] {0, 5, 15, 35}) {
            assertThat(s.at(start)).as("restart at %d", start).isEqualTo(1.0);
        }
        assertThat(s.at(10)).isCloseTo(0.5, within(1e-15)); // halfway through the 10-step cycle
        assertThat(Schedule.cosineWarmRestarts(1.0, 5, 2, 0).at(Long.MAX_VALUE)).isBetween(0.0, 1.0);
        assertThat(Schedule.cosineWarmRestarts(1.0, 7, 1, 0).at(Long.MAX_VALUE)).isBetween(0.0, 1.0);
    }

    @Test
    void factoriesRejectBadArgumentsNamingTheParameter() {
        assertThatThrownBy(() -> Schedule.constant(-0.1)).hasMessage("lr0 must be a finite number ≥ 0, got -0.1");
        assertThatThrownBy(() -> Schedule.constant(Double.NaN)).hasMessageStartingWith("lr0 must be");
        assertThatThrownBy(() -> Schedule.step(0.1, 0, 0.1)).hasMessage("every must be a step count ≥ 1, got 0");
        assertThatThrownBy(() -> Schedule.step(0.1, 3, 0)).hasMessageStartingWith("gamma must be a finite number > 0");
        assertThatThrownBy(() -> Schedule.multiStep(0.1, new long[0], 0.1)).hasMessageStartingWith("milestones must");
        assertThatThrownBy(() -> Schedule.multiStep(0.1, new long[] {0, 3}, 0.1)).hasMessageStartingWith("milestones must");
        assertThatThrownBy(() -> Schedule.exponential(0.1, Double.POSITIVE_INFINITY)).hasMessageStartingWith("k must");
        assertThatThrownBy(() -> Schedule.exponentialStaircase(0.1, -2, 1)).hasMessageStartingWith("rate must");
        assertThatThrownBy(() -> Schedule.inverseTime(0.1, -1)).hasMessageStartingWith("k must be a finite number ≥ 0");
        assertThatThrownBy(() -> Schedule.polynomial(0.1, 0.2, 1, 10)).hasMessage("end must be in [0.0, 0.1], got 0.2");
        assertThatThrownBy(() -> Schedule.polynomial(0.1, 0, 0, 10)).hasMessageStartingWith("power must");
        assertThatThrownBy(() -> Schedule.cosine(0.1, 0, 0)).hasMessageStartingWith("steps must");
        assertThatThrownBy(() -> Schedule.cosineWarmRestarts(0.1, 10, 0, 0)).hasMessageStartingWith("tMult must");
        assertThatThrownBy(() -> Schedule.linear(0.1, 1.5, 1, 5)).hasMessageStartingWith("startFactor must be in [0.0, 1.0]");
        assertThatThrownBy(() -> Schedule.oneCycle(0.1, 100, 1.0, 25, 1e4)).hasMessageStartingWith("pctStart·steps must");
        assertThatThrownBy(() -> Schedule.oneCycle(0.1, 100, 0.3, 0, 1e4)).hasMessageStartingWith("divFactor must");
        assertThatThrownBy(() -> Schedule.sequence(List.of(Schedule.constant(1)), 5)).hasMessageStartingWith("boundaries must hold");
        assertThatThrownBy(() -> Schedule.sequence(List.of(Schedule.constant(1), Schedule.constant(2)), 0))
                .hasMessageStartingWith("boundaries must be strictly increasing");
        assertThatThrownBy(() -> Schedule.warmup(10, 0, null)).hasMessage("then must not be null");
        assertThatThrownBy(() -> Schedule.scale(Schedule.constant(1), -1)).hasMessageStartingWith("factor must");
        assertThatThrownBy(() -> Schedule.constant(1).at(-1)).hasMessage("step t must be ≥ 0, got -1");
    }
}
