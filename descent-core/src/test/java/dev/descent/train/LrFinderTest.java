package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.data.Batches;
import dev.descent.data.Dataset;
import dev.descent.data.Synthetic;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import org.junit.jupiter.api.Test;

class LrFinderTest {

    private static final Dataset SPIRAL = Synthetic.spiral(3, 100, 0.2, 1);
    private static final LrFinderSpiralMlp MLP = new LrFinderSpiralMlp(2, 32, 3);

    @Test
    void suggestionOnTheSpiralIsWithinTenTimesOfTheGridSearchBest() {
        // grid search: plain SGD from the same init for 300 steps of batch 32 at each lr
        double bestLr = Double.NaN;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int e = -6; e <= 2; e++) {
            double lr = Math.pow(10, e / 2.0);
            float[] p = MLP.init(3);
            Optimizer sgd = Optimizers.named("sgd").create(p.length);
            Batches b = new Batches(SPIRAL, 32, 5);
            LrFinder.BatchLoss loss = MLP.batchLoss(b);
            float[] g = new float[p.length];
            for (int step = 0; step < 300; step++) {
                loss.lossAndGradient(p, g);
                sgd.step(p, g, lr);
            }
            double l = MLP.fullLoss(p, SPIRAL);
            if (l < bestLoss) {
                bestLoss = l;
                bestLr = lr;
            }
        }
        float[] p = MLP.init(3);
        Optimizer sgd = Optimizers.named("sgd").create(p.length);
        LrFinderResult r = new LrFinder(1e-3, 100, 100, 0.98, 4).run(p, sgd, MLP.batchLoss(new Batches(SPIRAL, 32, 5)));
        double suggested = r.suggestion();
        assertThat(suggested / bestLr).as("valley %s vs grid best %s", suggested, bestLr).isBetween(0.1, 10.0);
    }

    @Test
    void parametersAndOptimizerStateAreRestoredExactly() {
        float[] p = MLP.init(4);
        Optimizer adam = Optimizers.named("adam").create(p.length);
        Batches b = new Batches(SPIRAL, 32, 6);
        LrFinder.BatchLoss loss = MLP.batchLoss(b);
        float[] g = new float[p.length];
        for (int i = 0; i < 5; i++) { // some optimizer state worth restoring
            loss.lossAndGradient(p, g);
            adam.step(p, g);
        }
        float[] before = p.clone();
        byte[] stateBefore = adam.exportState();
        LrFinderResult r = LrFinder.defaults().run(p, adam, loss);
        assertThat(r.size()).isGreaterThan(10);
        assertThat(p).isEqualTo(before);
        assertThat(adam.exportState()).isEqualTo(stateBefore);
        assertThat(adam.steps()).isEqualTo(5);
    }

    @Test
    void restoresEvenWhenTheLossThrows() {
        float[] p = {1f, 2f};
        Optimizer sgd = Optimizers.named("sgd").create(2);
        int[] calls = {0};
        assertThatThrownBy(() -> LrFinder.defaults().run(p, sgd, (x, g) -> {
            if (++calls[0] > 3) {
                throw new IllegalStateException("boom");
            }
            g[0] = 1;
            g[1] = 1;
            return 1.0;
        })).hasMessage("boom");
        assertThat(p).containsExactly(1f, 2f);
    }

    @Test
    void sweepIsExponentialSmoothedWithBiasCorrectionAndStopsAtFourTimesTheBest() {
        // loss(lr) = lr: the sweep records L = lr of the previous step's parameters; here the
        // loss is a pure function of the step, so the curve can be checked by hand.
        LrFinder f = new LrFinder(1e-3, 1e3, 7, 0.5, 4);
        assertThat(f.lrAt(0)).isEqualTo(1e-3);
        assertThat(f.lrAt(6)).isCloseTo(1e3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.lrAt(3)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        double[] script = {10, 8, 6, 5, 60, 80, 100};
        int[] i = {0};
        float[] p = {0f};
        LrFinderResult r = f.run(p, Optimizers.named("sgd").create(1), (x, g) -> script[i[0]++]);
        double[] s = r.smoothed();
        // a = 0.5 a + 0.5 L; L̂ = a / (1 − 0.5^(i+1))
        assertThat(s[0]).isEqualTo(10.0);
        assertThat(s[1]).isCloseTo((0.25 * 10 + 0.5 * 8) / 0.75, org.assertj.core.data.Offset.offset(1e-12));
        // smoothed at step 4 = (…)/(1−1/32) exceeds 4× the best → stop after recording it
        double a = 0;
        double best = Double.POSITIVE_INFINITY;
        int stop = -1;
        for (int k = 0; k < 7; k++) {
            a = 0.5 * a + 0.5 * script[k];
            double sk = a / (1 - Math.pow(0.5, k + 1));
            if (k > 0 && sk > 4 * best) {
                stop = k;
                break;
            }
            best = Math.min(best, sk);
        }
        assertThat(r.size()).isEqualTo(stop + 1);
        assertThat(r.stoppedEarly()).isTrue();
    }

    @Test
    void suggestionsFollowFastaiOnAKnownCurve() {
        // a U-shaped curve in log lr: minimum at lr = 1e-2, steepest descent left of it
        int n = 60;
        double[] lrs = new double[n];
        double[] sm = new double[n];
        for (int i = 0; i < n; i++) {
            double x = -6 + 6.0 * i / (n - 1); // log10 lr from -6 to 0
            lrs[i] = Math.pow(10, x);
            sm[i] = 2 - Math.tanh(2 * (x + 3.5)) + Math.max(0, x + 2) * Math.max(0, x + 2) * 4;
        }
        LrFinderResult r = new LrFinderResult(lrs, sm, sm, false, n);
        double min = r.suggestion(LrFinderResult.Method.MINIMUM);
        double steep = r.suggestion(LrFinderResult.Method.STEEPEST);
        double valley = r.suggestion(LrFinderResult.Method.VALLEY);
        int iMin = r.suggestionIndex(LrFinderResult.Method.MINIMUM);
        assertThat(min).isEqualTo(lrs[iMin] / 10);
        assertThat(Math.log10(lrs[iMin])).isBetween(-2.3, -1.8);
        assertThat(Math.log10(steep)).isBetween(-3.8, -3.2);
        assertThat(valley).isGreaterThan(lrs[n / 10]).isLessThan(lrs[iMin]);
    }

    @Test
    void invalidSettingsNameTheParameter() {
        assertThatThrownBy(() -> new LrFinder(0, 1, 10, 0.98, 4)).hasMessageContaining("start");
        assertThatThrownBy(() -> new LrFinder(1, 0.5, 10, 0.98, 4)).hasMessageContaining("end");
        assertThatThrownBy(() -> new LrFinder(1e-7, 1, 1, 0.98, 4)).hasMessageContaining("steps");
        assertThatThrownBy(() -> new LrFinder(1e-7, 1, 10, 1, 4)).hasMessageContaining("beta");
        assertThatThrownBy(() -> new LrFinder(1e-7, 1, 10, 0.9, 1)).hasMessageContaining("divergeFactor");
        assertThatThrownBy(() -> LrFinderResult.Method.parse("best")).hasMessageContaining("valley, steepest, minimum");
    }
}
