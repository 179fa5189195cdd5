package dev.descent.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProgressiveBatchLbfgsTest {

    /**
     * One-dimensional rows fᵢ(θ) = ½(θ − cᵢ)² with cᵢ ~ N(0, σ²): ∇fᵢ·v = (θ − cᵢ)·v has variance
     * σ²v² exactly. The batch-means estimate from 16 blocks is unbiased: its average over 400
     * samples is within 5% of σ²v² (its relative standard error there is √(2/15)/20 ≈ 1.8%).
     */
    @Test
    void batchMeansVarianceEstimateIsUnbiasedOnAProblemWithKnownVariance() {
        double sigma = 3;
        double v = 0.5;
        SplittableRandom r = new SplittableRandom(11);
        int k = 16;
        int m = 64;
        double sum = 0;
        int reps = 400;
        for (int rep = 0; rep < reps; rep++) {
            double[][] g = new double[k][1];
            int[] sizes = new int[k];
            for (int b = 0; b < k; b++) {
                double mean = 0;
                for (int i = 0; i < m; i++) {
                    mean += 0.7 - sigma * Quadratics.gaussian(r); // θ − cᵢ at θ = 0.7
                }
                g[b][0] = mean / m;
                sizes[b] = m;
            }
            sum += MultiBatchRun.exampleVariance(g, sizes, new double[] {v});
        }
        double expected = sigma * sigma * v * v;
        assertEquals(expected, sum / reps, 0.05 * expected);
    }

    @Test
    void noisyGradientsGrowTheBatchAndNoiselessOnesDoNot() {
        // σ = 0: every row is the same function, the direction has no variance, the batch stays
        Quadratics exact = new Quadratics(5000, 5, 10, 0, 1);
        SampledMethod a = ProgressiveBatchLbfgs.DEFAULT.create(exact, 64, 2);
        float[] x = new float[5];
        for (int k = 0; k < 20; k++) {
            a.step(x, 1);
        }
        assertEquals(64, a.batch());
        assertEquals(0, a.stats().batchIncreases());
        // σ = 5 against means of 1..2: near the minimum the per-example variance dwarfs the mean, the batch grows
        Quadratics noisy = new Quadratics(5000, 5, 10, 5, 1);
        SampledMethod b = ProgressiveBatchLbfgs.DEFAULT.create(noisy, 64, 2);
        float[] y = new float[5];
        int last = b.batch();
        for (int k = 0; k < 30; k++) {
            b.step(y, 1);
            assertTrue(b.batch() >= last, "the sample never shrinks");
            last = b.batch();
        }
        assertTrue(b.batch() > 64, "batch " + b.batch());
        assertTrue(b.stats().batchIncreases() > 0);
        assertTrue(b.batch() <= 5000);
        // a stricter test (θ = 0.5) grows it further over the same iterations
        SampledMethod c = ProgressiveBatchLbfgs.DEFAULT.withTheta(0.5).create(noisy, 64, 2);
        float[] z = new float[5];
        for (int k = 0; k < 30; k++) {
            c.step(z, 1);
        }
        assertTrue(c.batch() > b.batch(), c.batch() + " vs " + b.batch());
    }

    /**
     * The norm test sees the noise plateau that the inner-product test misses in many dimensions:
     * on a 200-dimensional noisy quadratic from batch 64, θ = 0.9 grows the sample under the norm
     * test and not (or less) under the inner-product test.
     */
    @Test
    void normTestGrowsTheBatchOnTheNoisePlateau() {
        Quadratics f = new Quadratics(5000, 200, 10, 3, 7);
        SampledMethod inner = ProgressiveBatchLbfgs.DEFAULT.create(f, 64, 1);
        SampledMethod norm = StochasticMethods.parse("pb-lbfgs:test=norm").create(f, 64, 1);
        float[] a = new float[200];
        float[] b = new float[200];
        for (int k = 0; k < 25; k++) {
            inner.step(a, 1);
            norm.step(b, 1);
        }
        assertTrue(norm.batch() > Math.max(64, inner.batch()), norm.batch() + " vs " + inner.batch());
        assertTrue(f.full(b) < f.full(a));
    }

    /**
     * From batch 64 on a noisy ill-conditioned quadratic (the per-example variance dwarfs the
     * gradient near the minimum), θ = 0.5 grows the sample to the whole set within 80 iterations
     * and ends within 0.5% of the initial gap; the default θ = 0.9 grows it far less and stays
     * on a noise plateau, but never above its start.
     */
    @Test
    void endsNearTheMinimumWithoutDivergence() {
        for (long seed = 0; seed < 3; seed++) {
            Quadratics f = new Quadratics(4000, 20, 1000, 2.0, 30 + seed);
            SampledMethod plain = ProgressiveBatchLbfgs.DEFAULT.create(f, 64, seed);
            float[] w = new float[20];
            double w0 = f.full(w);
            for (int k = 0; k < 80; k++) {
                assertTrue(Double.isFinite(plain.step(w, 1)));
                assertTrue(f.full(w) <= w0);
            }
            SampledMethod run = ProgressiveBatchLbfgs.DEFAULT.withTheta(0.5).create(f, 64, seed);
            float[] x = new float[20];
            double f0 = f.full(x);
            for (int k = 0; k < 80; k++) {
                assertTrue(Double.isFinite(run.step(x, 1)));
                assertTrue(f.full(x) <= f0);
            }
            double best = MultiBatchLbfgsTest.optimum(f);
            assertTrue(f.full(x) - best < 0.005 * (f0 - best), "seed " + seed + ": " + f.full(x) + " vs " + best + ", batch " + run.batch());
        }
    }
}
