package dev.descent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Continuous exponential and inverse-time (1/t) decay against the formulas Keras documents for
 * {@code tf.keras.optimizers.schedules.ExponentialDecay} and {@code InverseTimeDecay}
 * (TensorFlow is not installed here, so the formulas are written out as Keras states them), and
 * against hand-computed values.
 */
class KerasFormulasTest {

    /** Keras ExponentialDecay: lr0 · decay_rate^(step / decay_steps), staircase: floor of the exponent. */
    static double kerasExponential(double lr0, double decayRate, double decaySteps, boolean staircase, long step) {
        double p = step / decaySteps;
        return lr0 * Math.pow(decayRate, staircase ? Math.floor(p) : p);
    }

    /** Keras InverseTimeDecay: lr0 / (1 + decay_rate · step / decay_steps). */
    static double kerasInverseTime(double lr0, double decayRate, double decaySteps, long step) {
        return lr0 / (1 + decayRate * step / decaySteps);
    }

    static double rel(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }

    @Test
    void continuousExponentialIsKerasWithDecayRateEToTheMinusK() {
        double lr0 = 0.1;
        double k = 0.01;
        Schedule s = Schedule.exponential(lr0, k);
        for (long t = 0; t <= 1000; t++) {
            // pow(e^-k, t) rounds e^-k once and raises the rounding to the t-th power: ≤ ~t ulps
            assertThat(rel(s.at(t), kerasExponential(lr0, Math.exp(-k), 1, false, t))).as("step %d", t)
                    .isLessThan(1e-12);
        }
        // Keras with decay_steps = 10, decay_rate = 0.5 is k = ln 2 / 10
        Schedule half = Schedule.exponential(1.0, Math.log(2) / 10);
        for (long t = 0; t <= 200; t++) {
            assertThat(rel(half.at(t), kerasExponential(1.0, 0.5, 10, false, t))).isLessThan(1e-13);
        }
        assertThat(s.at(0)).isEqualTo(lr0);
        assertThat(s.at(100)).isCloseTo(0.1 / Math.E, within(1e-17));
        assertThat(half.at(10)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void staircaseExponentialIsKerasStaircase() {
        Schedule s = Schedule.exponentialStaircase(0.2, 0.5, 10);
        for (long t = 0; t <= 300; t++) {
            assertThat(s.at(t)).isEqualTo(kerasExponential(0.2, 0.5, 10, true, t));
        }
        assertThat(s.at(9)).isEqualTo(0.2);
        assertThat(s.at(10)).isEqualTo(0.1);
        assertThat(s.at(35)).isEqualTo(0.025);
    }

    @Test
    void inverseTimeIsKerasInverseTimeDecay() {
        Schedule s = Schedule.inverseTime(0.1, 0.01);
        for (long t = 0; t <= 1000; t++) {
            assertThat(s.at(t)).isEqualTo(kerasInverseTime(0.1, 0.01, 1, t));
        }
        // decay_steps = 10, decay_rate = 0.5  <=>  k = 0.05
        Schedule k = Schedule.inverseTime(1.0, 0.05);
        for (long t = 0; t <= 1000; t++) {
            assertThat(rel(k.at(t), kerasInverseTime(1.0, 0.5, 10, t))).isLessThan(1e-15);
        }
        assertThat(s.at(100)).isEqualTo(0.05);
        assertThat(s.at(300)).isEqualTo(0.025);
    }
}
