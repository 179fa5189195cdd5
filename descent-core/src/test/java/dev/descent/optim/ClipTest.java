package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Clipping by norm has one definition: the fused clip of the optimizers equals clipping the array first. */
class ClipTest {

    @Test
    void theScaleIsTorchsClipGradNorm() {
        assertThat(Clip.scale(5, 1)).isEqualTo(1 / (5 + 1e-6));
        assertThat(Clip.scale(0.5, 1)).isEqualTo(1.0);
        assertThat(Clip.scale(0, 1)).isEqualTo(1.0);
        assertThat(Clip.scale(1e300, Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Clip.scale(Double.NaN, 1)).isNaN();
        assertThat(Clip.norm(new float[] {3, 4, 12}, 0, 3)).isEqualTo(13.0);
    }

    @Test
    void fusedClippingEqualsClippingTheArrayFirst() {
        SplittableRandom r = new SplittableRandom(7);
        float[] g = new float[1003];
        float[] p0 = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) (3 * r.nextGaussian());
            p0[i] = (float) r.nextGaussian();
        }
        float[] fused = p0.clone();
        new Sgd(0.1).withOptions(Options.NONE.withClipNorm(2)).create(g.length).step(fused, g);
        float[] clipped = g.clone();
        Clip.byNorm(clipped, 2);
        float[] first = p0.clone();
        new Sgd(0.1).create(g.length).step(first, clipped);
        assertThat(fused).containsExactly(first);
        assertThat(Clip.norm(clipped, 0, clipped.length)).isLessThanOrEqualTo(2.0 + 1e-5);
    }
}
