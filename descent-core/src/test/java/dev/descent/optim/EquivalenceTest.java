package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Equivalences between optimizers (optax's alias tests), exact to the bit. */
class EquivalenceTest {

    static final Trajectories.Problem P = Trajectories.Problem.random(37, 7);

    @Test
    void momentumZeroIsSgd() {
        // the momentum kernel with μ = 0, τ = 0 against the plain SGD kernel, past the first step
        float[] x1 = P.x0().clone();
        float[] x2 = P.x0().clone();
        float[] buf = new float[x1.length];
        float[] g = new float[x1.length];
        for (int t = 1; t <= 60; t++) {
            P.grad(x1, g);
            Kernels.momentum(x1, g, buf, 0, x1.length, 1f, Float.POSITIVE_INFINITY, 0f, 0f, 1f, t == 1, false, -0.05f);
            P.grad(x2, g);
            Kernels.sgd(x2, g, 0, x2.length, 1f, Float.POSITIVE_INFINITY, 0f, -0.05f);
        }
        assertThat(x1).containsExactly(x2);
        // and through the public API: the momentum preset with momentum=0 is plain SGD
        assertThat(Trajectories.run(Optimizers.parse("momentum:lr=0.05,momentum=0").create(37), P, 60, 0.05))
                .containsExactly(Trajectories.run(new Sgd(0.05).create(37), P, 60, 0.05));
    }

    @Test
    void biasCorrectedRmsPropIsAdamWithBeta1Zero() {
        RmsProp rms = new RmsProp(0.02, 0.95, 1e-6, 0, false, true, Options.NONE);
        Adam adam = new Adam(0.02, 0.0, 0.95, 1e-6);
        assertThat(Trajectories.run(rms.create(37), P, 80, 0.02))
                .containsExactly(Trajectories.run(adam.create(37), P, 80, 0.02));
    }

    @Test
    void adamWWithoutDecayIsAdam() {
        AdamW adamw = new AdamW(0.03, 0.8, 0.99, 1e-7, 0, true, Options.NONE.withWeightDecay(0.01));
        Adam adam = new Adam(0.03, 0.8, 0.99, 1e-7, true, Options.NONE.withWeightDecay(0.01));
        assertThat(Trajectories.run(adamw.create(37), P, 80, 0.03))
                .containsExactly(Trajectories.run(adam.create(37), P, 80, 0.03));
    }

    static Iterable<String> names() {
        return Optimizers.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void maximizingIsMinimizingTheNegation(String name) {
        OptimizerConfig min = Optimizers.named(name);
        OptimizerConfig max = min.withOptions(min.options().withMaximize(true));
        double lr = min.lr();
        assertThat(Trajectories.run(max.create(37), P, 40, lr, -1f))
                .containsExactly(Trajectories.run(min.create(37), P, 40, lr, 1f));
    }
}
