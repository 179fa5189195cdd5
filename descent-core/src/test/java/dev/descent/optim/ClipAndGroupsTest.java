package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gradient clipping (fused, never touching the caller's array) and parameter groups. */
class ClipAndGroupsTest {

    static final Trajectories.Problem P = Trajectories.Problem.random(30, 11);

    @Test
    void clipByNormScalesTheGradientAndLeavesTheCallersArrayAlone() {
        Optimizer clipped = new Adam(0.05).withOptions(Options.NONE.withClipNorm(1.5)).create(30);
        Optimizer manual = new Adam(0.05).create(30);
        float[] x1 = P.x0().clone();
        float[] x2 = P.x0().clone();
        float[] g = new float[30];
        int scaledSteps = 0;
        for (int t = 0; t < 40; t++) {
            P.grad(x1, g);
            float[] before = g.clone();
            clipped.step(x1, g);
            assertThat(g).containsExactly(before);

            P.grad(x2, g);
            double norm = Math.sqrt(ScalarSteps.sumSquares(g, 0, 30));
            float s = (float) Math.min(1, 1.5 / (norm + 1e-6));
            scaledSteps += s < 1 ? 1 : 0;
            for (int i = 0; i < 30; i++) {
                g[i] *= s;
            }
            manual.step(x2, g);
        }
        assertThat(scaledSteps).isGreaterThan(5);
        assertThat(x1).containsExactly(x2);
    }

    @Test
    void clipByValueClampsEachEntry() {
        Optimizer clipped = new Sgd(0.02, 0.9, false).withOptions(Options.NONE.withClipValue(0.25)).create(30);
        Optimizer manual = new Sgd(0.02, 0.9, false).create(30);
        float[] x1 = P.x0().clone();
        float[] x2 = P.x0().clone();
        float[] g = new float[30];
        for (int t = 0; t < 40; t++) {
            P.grad(x1, g);
            float[] before = g.clone();
            clipped.step(x1, g);
            assertThat(g).containsExactly(before);
            P.grad(x2, g);
            for (int i = 0; i < 30; i++) {
                g[i] = Math.min(Math.max(g[i], -0.25f), 0.25f);
            }
            manual.step(x2, g);
        }
        assertThat(x1).containsExactly(x2);
    }

    @Test
    void groupsAreIndependentOptimizersWithScaledLrAndDecay() {
        OptimizerConfig config = new Adam(0.05).withOptions(Options.NONE.withWeightDecay(0.1));
        ParamGroups groups = ParamGroups.of(30, new ParamGroup(0, 10, 1, 1), new ParamGroup(10, 24, 0.1, 0),
                new ParamGroup(27, 30, 0, 1));
        Optimizer grouped = config.create(groups);
        Optimizer a = config.create(10);
        Optimizer b = new Adam(0.05 * 0.1).create(14);
        float[] x = P.x0().clone();
        float[] xa = Arrays.copyOfRange(x, 0, 10);
        float[] xb = Arrays.copyOfRange(x, 10, 24);
        float[] g = new float[30];
        for (int t = 0; t < 30; t++) {
            float[] full = x.clone();
            P.grad(x, g);
            grouped.step(x, g);
            System.arraycopy(xa, 0, full, 0, 10);
            System.arraycopy(xb, 0, full, 10, 14);
            P.grad(full, g);
            a.step(xa, Arrays.copyOfRange(g, 0, 10));
            b.step(xb, Arrays.copyOfRange(g, 10, 24));
        }
        assertThat(Arrays.copyOfRange(x, 0, 10)).containsExactly(xa);
        assertThat(Arrays.copyOfRange(x, 10, 24)).containsExactly(xb);
        // the gap [24, 27) is in no group and the last group has lr multiplier 0: both frozen
        assertThat(Arrays.copyOfRange(x, 24, 30)).containsExactly(Arrays.copyOfRange(P.x0(), 24, 30));
    }

    @Test
    void decoupledDecayFollowsTheGroupMultiplier() {
        // with a zero gradient AdamW only decays: θ ← θ·(1 − lr·λ·scale)
        AdamW config = new AdamW(0.1, 0.5);
        Optimizer opt = config.create(ParamGroups.of(4, new ParamGroup(0, 2, 1, 1), new ParamGroup(2, 4, 1, 0)));
        float[] x = {1, 2, 3, 4};
        opt.step(x, new float[4]);
        assertThat(x).containsExactly(1 * 0.95f, 2 * 0.95f, 3, 4);
    }

    @Test
    void badGroupsAreRejected() {
        assertThatThrownBy(() -> ParamGroups.of(10, ParamGroup.range(0, 6), ParamGroup.range(5, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disjoint");
        assertThatThrownBy(() -> ParamGroups.of(10, ParamGroup.range(5, 10), ParamGroup.range(0, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sorted");
        assertThatThrownBy(() -> ParamGroups.of(10, ParamGroup.range(0, 11)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size 10");
        assertThatThrownBy(() -> new ParamGroups(10, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> ParamGroup.range(4, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from <= to");
        assertThatThrownBy(() -> new ParamGroup(0, 3, -1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr_scale");
        assertThatThrownBy(() -> new ParamGroup(0, 3, 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight_decay_scale");
    }
}
