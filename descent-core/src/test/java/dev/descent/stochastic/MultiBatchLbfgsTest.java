package dev.descent.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MultiBatchLbfgsTest {

    private static final int N = 2000;
    private static final int DIM = 20;

    @Test
    void pairUsesTheSameExamplesAtBothPointsWithoutAnExtraGradient() {
        Quadratics f = new Quadratics(N, DIM, 100, 1.0, 1);
        MultiBatchLbfgs cfg = MultiBatchLbfgs.DEFAULT.withLr(1);
        MultiBatchRun run = (MultiBatchRun) cfg.create(f, 200, 7);
        float[] x = new float[DIM];
        run.step(x, 1);
        float[] x1 = x.clone();
        // first iteration: one gradient over the 200 fresh rows, in two blocks N (150) and O (50)
        assertEquals(2, f.gradientCalls.size());
        int[] overlap = f.gradientCalls.get(1).rows();
        assertEquals(50, overlap.length);
        f.gradientCalls.clear();
        f.gradientRows = 0;
        run.step(x, 1);
        // second iteration: blocks O_0 (the same 50 rows, at the new point), N_1 (100), O_1 (50): 200 rows, no extra gradient
        assertEquals(200, f.gradientRows);
        assertArrayEquals(overlap, f.gradientCalls.get(0).rows());
        assertArrayEquals(x1, f.gradientCalls.get(0).theta());
        // the stored pair: s = x1 − x0, y = g_O(x1) − g_O(x0) = diag(h)·s exactly for this objective
        assertEquals(1, run.memory().pairs());
        double[] s = new double[DIM];
        double[] y = new double[DIM];
        run.memory().pair(0, s, y);
        for (int j = 0; j < DIM; j++) {
            assertEquals(x1[j], s[j], 0);
            assertEquals(f.h[j] * s[j], y[j], 1e-9 * Math.max(1, Math.abs(f.h[j] * s[j])));
        }
        assertEquals(1, run.stats().pairsAccepted());
        // every row of the second sample except the overlap is fresh
        int[] fresh = f.gradientCalls.get(1).rows();
        for (int r : fresh) {
            assertTrue(Arrays.stream(overlap).noneMatch(o -> o == r));
        }
    }

    @Test
    void fullOverlapSpendsOneExtraGradientOnThePreviousBatch() {
        Quadratics f = new Quadratics(N, DIM, 100, 1.0, 2);
        MultiBatchRun run = (MultiBatchRun) new MultiBatchLbfgs(1, 1, 10, 0.2, 1e-4, 10).create(f, 100, 3);
        float[] x = new float[DIM];
        run.step(x, 1);
        int[] first = f.gradientCalls.get(0).rows();
        f.gradientCalls.clear();
        f.gradientRows = 0;
        run.step(x, 1);
        assertEquals(200, f.gradientRows);
        assertArrayEquals(first, f.gradientCalls.get(0).rows());
        assertEquals(1, run.memory().pairs());
        assertEquals(100, run.lastBatch());
    }

    @Test
    void overlapSearchTakesTheSameStepsWithoutForwardPassesWhenEveryStepIsAccepted() {
        Quadratics fb = new Quadratics(N, DIM, 10, 0.05, 3);
        Quadratics fo = new Quadratics(N, DIM, 10, 0.05, 3);
        MultiBatchLbfgs batch = MultiBatchLbfgs.DEFAULT;
        SampledMethod b = batch.create(fb, 200, 5);
        SampledMethod o = batch.withSearch(MultiBatchLbfgs.Search.OVERLAP).create(fo, 200, 5);
        float[] xb = new float[DIM];
        float[] xo = new float[DIM];
        for (int k = 0; k < 12; k++) { // far from the optimum: no trial fails on either sample
            b.step(xb, 1);
            o.step(xo, 1);
        }
        assertEquals(0, b.stats().lineSearchBacktracks());
        assertEquals(0, o.stats().lineSearchBacktracks());
        assertArrayEquals(xb, xo); // the same iterates, bit for bit
        assertEquals(0, fo.lossRows, "no forward pass");
        assertEquals(fb.gradientRows, fo.gradientRows);
        assertEquals(12 * 200 / 3.0 / N, b.passes() - o.passes(), 1e-12); // the batch search's forward passes, 1/3 each
    }

    @Test
    void withFullOverlapTheOverlapSearchIsTheBatchSearchOneIterationLater() {
        Quadratics fb = new Quadratics(N, DIM, 100, 0.5, 4);
        Quadratics fo = new Quadratics(N, DIM, 100, 0.5, 4);
        MultiBatchLbfgs batch = new MultiBatchLbfgs(3, 1, 10, 0.2, 1e-4, 10);
        SampledMethod b = batch.create(fb, 100, 6);
        SampledMethod o = batch.withSearch(MultiBatchLbfgs.Search.OVERLAP).create(fo, 100, 6);
        float[] xb = new float[DIM];
        float[] xo = new float[DIM];
        for (int k = 0; k < 25; k++) {
            b.step(xb, 3);
            o.step(xo, 3);
        }
        o.settle(xo);
        assertTrue(b.stats().lineSearchBacktracks() > 0); // t = 3 overshoots now and then
        assertEquals(b.stats(), o.stats()); // the same test on the same sample S_k: the same halvings
        assertArrayEquals(xb, xo);
    }

    @Test
    void overlapSearchBacktracksAStepTheOverlapRejects() {
        Quadratics f = new Quadratics(N, DIM, 100, 0.5, 4);
        MultiBatchLbfgs cfg = new MultiBatchLbfgs(50, 0.25, 10, 0.2, 1e-4, 20, MultiBatchLbfgs.Search.OVERLAP);
        SampledMethod run = cfg.create(f, 200, 8);
        float[] x = new float[DIM];
        double f0 = f.full(x);
        for (int k = 0; k < 40; k++) {
            assertTrue(Double.isFinite(run.step(x, 50)));
        }
        run.settle(x); // the last step, tested (it overshoots at lr 50 and is backtracked)
        assertTrue(run.stats().lineSearchBacktracks() > 0);
        assertTrue(f.lossRows > 0);
        assertTrue(f.full(x) < 0.1 * f0 + 0.9 * optimum(f), f.full(x) + " from " + f0);
    }

    @Test
    void overlapSearchWithoutHalvingsPutsARejectedStepBackAndDropsItsPair() {
        Quadratics f = new Quadratics(N, DIM, 10, 0.5, 6);
        MultiBatchRun run = (MultiBatchRun) new MultiBatchLbfgs(1e4, 0.25, 10, 0.2, 1e-4, 0, MultiBatchLbfgs.Search.OVERLAP)
                .create(f, 200, 9);
        float[] x = new float[DIM];
        run.step(x, 1e4); // the trial step from 0, untested yet
        float[] x0 = new float[DIM];
        f.gradientCalls.clear();
        run.step(x, 1e4);
        // A (the 50 overlap rows) at the trial point, rejected, then again at x₀ = 0 where the run stays
        assertArrayEquals(f.gradientCalls.get(0).rows(), f.gradientCalls.get(1).rows());
        assertArrayEquals(x0, f.gradientCalls.get(1).theta());
        assertEquals(1, run.stats().lineSearchFailures());
        assertEquals(0, run.memory().pairs());
        assertEquals(0, run.stats().pairsAccepted() + run.stats().pairsDamped());
    }

    @Test
    void smallCurvatureIsDampedToEpsilonTimesSBs() {
        double[] s = {1, 0, 0};
        double[] bs = {2, 0, 0};       // sᵀBs = 2
        double[] y = {0.1, 5, -3};      // yᵀs = 0.1 < 0.2·2
        assertEquals(Curvature.DAMPED, Curvature.test(s, y, bs, 0.2));
        double sy = y[0];
        assertEquals(0.2 * 2, sy, 1e-15);
        double th = (1 - 0.2) * 2 / (2 - 0.1);
        assertEquals(th * 5, y[1], 1e-15);
        assertEquals(th * -3, y[2], 1e-15);
        double[] good = {1, 1, 1};
        assertEquals(Curvature.ACCEPTED, Curvature.test(s, good, bs, 0.2));
        assertArrayEquals(new double[] {1, 1, 1}, good);
    }

    @Test
    void withoutDampingNegativeCurvatureIsSkipped() {
        double[] s = {1, 2};
        double[] bs = {1, 1};
        double[] y = {-1, 0};
        assertEquals(Curvature.SKIPPED, Curvature.test(s, y, bs, 0));
        assertArrayEquals(new double[] {-1, 0}, y);
        assertEquals(Curvature.SKIPPED, Curvature.test(s, new double[] {Double.NaN, 1}, bs, 0.2));
        // end to end: moving every target by 3s between the two points makes y = g_O(x1) − g_O(x0) = (1 − 3)·diag(h)·s,
        // negative curvature, and without damping nothing is stored
        Quadratics f = new Quadratics(N, DIM, 10, 1.0, 4);
        MultiBatchRun run = (MultiBatchRun) new MultiBatchLbfgs(1, 0.25, 10, 0, 1e-4, 10).create(f, 200, 5);
        float[] x = new float[DIM];
        run.step(x, 1);
        for (double[] row : f.c) {
            for (int j = 0; j < DIM; j++) {
                row[j] += 3 * x[j];
            }
        }
        run.step(x, 1);
        assertEquals(1, run.stats().pairsSkipped());
        assertEquals(0, run.memory().pairs());
    }

    @Test
    void nonFiniteDirectionClearsTheMemoryAndTakesSteepestDescent() {
        Quadratics f = new Quadratics(N, 2, 1, 0.1, 5);
        MultiBatchRun run = (MultiBatchRun) MultiBatchLbfgs.DEFAULT.create(f, 100, 6);
        // a pair that passes the curvature test (sᵀy = 1e-300 > 0) but whose ρ = 1e300 overflows the two loops
        assertTrue(run.memory().push(new double[] {1, 0}, new double[] {1e-300, 1}));
        float[] x = {0, 0};
        double before = run.step(x, 1);
        assertEquals(1, run.stats().resets());
        // steepest descent from 0 on h = 1: θ moves towards the sample mean c̄ ≈ 1..2 in both coordinates
        assertTrue(x[0] > 0 && x[1] > 0, Arrays.toString(x));
        assertTrue(f.full(x) < before);
    }

    @Test
    void convergesOnAnIllConditionedNoisyQuadraticWithoutDivergence() {
        for (double r : new double[] {0.25, 0.5, 1}) {
            for (long seed = 0; seed < 3; seed++) {
                Quadratics f = new Quadratics(N, DIM, 1000, 0.5, 10 + seed);
                SampledMethod run = new MultiBatchLbfgs(1, r, 10, 0.2, 1e-4, 10).create(f, 256, seed);
                float[] x = new float[DIM];
                double f0 = f.full(x);
                for (int k = 0; k < 60; k++) {
                    double fb = run.step(x, 1);
                    assertTrue(Double.isFinite(fb));
                    assertTrue(f.full(x) <= f0, "objective above its start at r " + r + " seed " + seed);
                }
                double best = optimum(f);
                assertTrue(f.full(x) - best < 0.02 * (f0 - best), "r " + r + " seed " + seed + ": " + f.full(x) + " vs " + best);
                assertTrue(run.stats().pairsAccepted() + run.stats().pairsDamped() > 30);
            }
        }
    }

    /** F at θ = c̄ (the exact minimizer of this quadratic). */
    static double optimum(Quadratics f) {
        float[] m = new float[f.dimension()];
        for (int j = 0; j < m.length; j++) {
            double s = 0;
            for (double[] row : f.c) {
                s += row[j];
            }
            m[j] = (float) (s / f.c.length);
        }
        return f.full(m);
    }
}
