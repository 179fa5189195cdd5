package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad hyperparameters are rejected at construction with a message naming the parameter. */
class ValidationTest {

    static final double NAN = Double.NaN;

    static void rejects(String parameter, ThrowingCallable make) {
        assertThatThrownBy(make).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(parameter);
    }

    @Test
    void negativeOrNonFiniteLearningRates() {
        for (double lr : List.of(-1e-3, NAN, Double.POSITIVE_INFINITY)) {
            rejects("lr", () -> new Sgd(lr));
            rejects("lr", () -> new AdaGrad(lr));
            rejects("lr", () -> new RmsProp(lr));
            rejects("lr", () -> new Adam(lr));
            rejects("lr", () -> new AdamW(lr, 0.01));
            rejects("lr", () -> new NAdam(lr));
            rejects("lr", () -> new RAdam(lr));
            rejects("lr", () -> new Adamax(lr));
            rejects("lr", () -> new AdaDelta(lr));
            rejects("lr", () -> new Lion(lr));
            rejects("lr", () -> Adam.defaults().withLr(lr));
        }
    }

    @Test
    void betasOutsideTheUnitInterval() {
        for (double b : List.of(-0.1, 1.0, 1.5, NAN)) {
            rejects("beta1", () -> new Adam(1e-3, b, 0.999, 1e-8));
            rejects("beta2", () -> new Adam(1e-3, 0.9, b, 1e-8));
            rejects("beta1", () -> new AdamW(1e-3, b, 0.999, 1e-8, 0.01, false, Options.NONE));
            rejects("beta2", () -> new NAdam(1e-3, 0.9, b, 1e-8, 4e-3, Options.NONE));
            rejects("beta1", () -> new RAdam(1e-3, b, 0.999, 1e-8, Options.NONE));
            rejects("beta2", () -> new Adamax(1e-3, 0.9, b, 1e-8, Options.NONE));
            rejects("beta1", () -> new Lion(1e-4, b, 0.99, 0, Options.NONE));
            rejects("alpha", () -> new RmsProp(0.01, b, 1e-8, 0, false, false, Options.NONE));
            rejects("rho", () -> new AdaDelta(1.0, b, 1e-6, Options.NONE));
            rejects("momentum", () -> new Sgd(0.01, b, false));
            rejects("momentum", () -> new RmsProp(0.01, 0.99, 1e-8, b, false, false, Options.NONE));
        }
    }

    @Test
    void nonPositiveEpsilons() {
        for (double eps : List.of(0.0, -1e-8, NAN)) {
            rejects("eps", () -> new Adam(1e-3, 0.9, 0.999, eps));
            rejects("eps", () -> new AdaGrad(0.01, 0, 0, eps, Options.NONE));
            rejects("eps", () -> new RmsProp(0.01, 0.99, eps, 0, false, false, Options.NONE));
            rejects("eps", () -> new AdamW(1e-3, 0.9, 0.999, eps, 0.01, false, Options.NONE));
            rejects("eps", () -> new NAdam(1e-3, 0.9, 0.999, eps, 4e-3, Options.NONE));
            rejects("eps", () -> new RAdam(1e-3, 0.9, 0.999, eps, Options.NONE));
            rejects("eps", () -> new Adamax(1e-3, 0.9, 0.999, eps, Options.NONE));
            rejects("eps", () -> new AdaDelta(1.0, 0.9, eps, Options.NONE));
        }
    }

    @Test
    void otherParameters() {
        rejects("dampening", () -> new Sgd(0.01, 0.9, 1.5, false, Options.NONE));
        rejects("nesterov", () -> new Sgd(0.01, 0.0, true));
        rejects("nesterov", () -> new Sgd(0.01, 0.9, 0.5, true, Options.NONE));
        rejects("lr_decay", () -> new AdaGrad(0.01, -1, 0, 1e-10, Options.NONE));
        rejects("initial_accumulator_value", () -> new AdaGrad(0.01, 0, NAN, 1e-10, Options.NONE));
        rejects("bias_correction", () -> new RmsProp(0.01, 0.99, 1e-8, 0, true, true, Options.NONE));
        rejects("weight_decay", () -> new AdamW(1e-3, -0.01));
        rejects("weight_decay", () -> new Lion(1e-4, 0.9, 0.99, NAN, Options.NONE));
        rejects("momentum_decay", () -> new NAdam(1e-3, 0.9, 0.999, 1e-8, -1, Options.NONE));
        rejects("weight_decay", () -> Options.NONE.withWeightDecay(-1));
        rejects("clip_norm", () -> Options.NONE.withClipNorm(0));
        rejects("clip_value", () -> Options.NONE.withClipValue(NAN));
        rejects("options", () -> new Adam(1e-3, 0.9, 0.999, 1e-8, false, null));
    }

    @Test
    void stepArguments() {
        Optimizer adam = new Adam(1e-3).create(4);
        rejects("size 4", () -> adam.step(new float[3], new float[4]));
        rejects("lr", () -> adam.step(new float[4], new float[4], NAN));
        rejects("lr", () -> adam.step(new float[4], new float[4], -1));
    }
}
