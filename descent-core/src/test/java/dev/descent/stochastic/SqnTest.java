package dev.descent.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqnTest {

    @Test
    void firstTwoLWindowsAreSgdThenPairsComeFromAveragesAndHessianProducts() {
        Quadratics f = new Quadratics(2000, 10, 100, 0.5, 3);
        Sqn cfg = new Sqn(0.005, 5, 500, 10);
        SampledMethod run = cfg.create(f, 50, 1);
        float[] x = new float[10];
        for (int k = 0; k < 9; k++) {
            run.step(x, cfg.lr());
        }
        assertEquals(0, run.stats().pairsAccepted()); // x̄_0 at step 5, no pair yet
        run.step(x, cfg.lr());
        assertEquals(1, run.stats().pairsAccepted()); // step 10 = 2L: the first pair, s = x̄_1 − x̄_0, y = diag(h)·s
        // ten batch gradients, one Hessian-vector product on 500 rows, and the warm-up's forward trials (a third each)
        long trials = 10 + run.stats().lineSearchBacktracks();
        assertEquals(10 * 50 / 2000.0 + 500 / 2000.0 + trials * 50 / (3 * 2000.0), run.passes(), 1e-12);
    }

    /**
     * With momentum the direction is the heavy ball D ← d + μ·D, or d when that is not a descent
     * direction: on a full-batch sample the warm-up (d = −g, no halving at this α) must give
     * x ← x + α·D with the gradient taken at x, in float32 as the run rounds it.
     */
    @Test
    void momentumStepsAlongTheHeavyBallDirection() {
        Quadratics f = new Quadratics(200, 6, 10, 0.5, 5);
        Quadratics same = new Quadratics(200, 6, 10, 0.5, 5);
        Sqn cfg = new Sqn(0.02, 5, 100, 5, 0.2, 0.9);
        SampledMethod run = cfg.create(f, 200, 1);
        float[] x = new float[6];
        float[] want = new float[6];
        double[] dir = new double[6];
        int[] all = new int[200];
        for (int i = 0; i < 200; i++) {
            all[i] = i;
        }
        int restarts = 0;
        for (int k = 0; k < 10; k++) { // 2L warm-up steps
            double[] g = new double[6];
            same.lossAndGradient(want, all, 0, 200, g);
            int calls = f.gradientCalls.size();
            run.step(x, cfg.lr());
            assertArrayEquals(want, f.gradientCalls.get(calls).theta(), "step " + k);
            double gD = 0;
            for (int j = 0; j < 6; j++) {
                gD += g[j] * (-g[j] + 0.9 * dir[j]);
            }
            boolean keep = gD < 0; // else the momentum restarts: D = −g
            restarts += keep ? 0 : 1;
            for (int j = 0; j < 6; j++) {
                dir[j] = -g[j] + (keep ? 0.9 * dir[j] : 0);
                want[j] = (float) (want[j] + 0.02 * dir[j]);
            }
            assertArrayEquals(want, x, "step " + k);
        }
        assertEquals(0, run.stats().lineSearchBacktracks());
        assertTrue(restarts > 0 && restarts < 5, "restarts " + restarts); // both branches ran
    }

    /**
     * When the step is too long for plain steps (α·h_max = 10): where a quasi-Newton step rises
     * above the start, the next step's batch loss trips the guard, which puts x back exactly where
     * that step began, and every later step searches the whole move, momentum included; where none
     * does, no step after the warm-up searches. Either way the run converges, and no other step
     * ends above the start.
     */
    @Test
    void aTooLongStepWithMomentumIsUndoneThenSearchedAsAWhole() {
        int undoneSeeds = 0;
        for (long seed = 0; seed < 3; seed++) {
            Quadratics f = new Quadratics(4000, 20, 100, 0.5, 70 + seed);
            float[] x = new float[20];
            double f0 = f.full(x);
            SampledMethod run = new Sqn(0.1, 10, 1000, 10, 0.2, 0.9).create(f, 64, seed);
            int bad = -1; // the step that rose above the start
            float[] before = null; // where it began
            long warmUpBacktracks = 0;
            for (int k = 0; k < 300; k++) {
                float[] start = x.clone();
                assertTrue(Double.isFinite(run.step(x, 0.1)));
                if (k == 2 * 10 - 1) {
                    warmUpBacktracks = run.stats().lineSearchBacktracks();
                }
                if (bad >= 0 && k == bad + 1) {
                    assertArrayEquals(before, x, "seed " + seed + ", step " + k);
                    assertEquals(1, run.stats().stepsUndone(), "seed " + seed + ", step " + k);
                }
                if (f.full(x) > f0) {
                    assertEquals(-1, bad, "seed " + seed + ": above the start again at step " + k + " (" + f.full(x) + " > " + f0 + ")");
                    assertEquals(0, run.stats().stepsUndone(), "seed " + seed + ", step " + k);
                    bad = k;
                    before = start;
                }
            }
            long undone = run.stats().stepsUndone();
            assertTrue(undone <= 1, "seed " + seed + ": " + run.stats());
            assertTrue(warmUpBacktracks > 0, "seed " + seed);
            if (undone == 0) {
                assertEquals(warmUpBacktracks, run.stats().lineSearchBacktracks(), "seed " + seed + ": searched after the warm-up");
            } else {
                undoneSeeds++;
            }
            assertTrue(f.full(x) - MultiBatchLbfgsTest.optimum(f) < 0.01 * (f0 - MultiBatchLbfgsTest.optimum(f)), "seed " + seed);
        }
        assertTrue(undoneSeeds > 0, "the guard never fired");
    }

    /**
     * Momentum 0.9 at the same α (α·h_max = 0.9, inside heavy ball's stable range α·h &lt; 2(1 + μ))
     * closes more of the gap than none, on every seed of an ill-conditioned quadratic, and never
     * rises above the start.
     */
    @Test
    void momentumClosesMoreOfTheGapOnAnIllConditionedQuadratic() {
        for (long seed = 0; seed < 3; seed++) {
            Quadratics f = new Quadratics(4000, 20, 1000, 0.5, 60 + seed);
            double best = MultiBatchLbfgsTest.optimum(f);
            double[] gap = new double[2];
            for (int i = 0; i < 2; i++) {
                Sqn cfg = new Sqn(0.0009, 10, 1000, 10, 0.2, i == 0 ? 0 : 0.9);
                SampledMethod run = cfg.create(f, 64, seed);
                float[] x = new float[20];
                double f0 = f.full(x);
                for (int k = 0; k < 300; k++) {
                    assertTrue(Double.isFinite(run.step(x, cfg.lr())));
                    assertTrue(f.full(x) <= f0, "step " + k);
                }
                gap[i] = f.full(x) - best;
            }
            assertTrue(gap[1] < 0.5 * gap[0], "seed " + seed + ": gap with momentum " + gap[1] + ", without " + gap[0]);
        }
    }

    @Test
    void convergesFasterThanSgdWithTheSameStepOnAnIllConditionedQuadratic() {
        for (long seed = 0; seed < 3; seed++) {
            Quadratics f = new Quadratics(4000, 20, 100, 0.5, 40 + seed);
            double best = MultiBatchLbfgsTest.optimum(f);
            float[] x = new float[20];
            float[] z = new float[20];
            double f0 = f.full(x);
            SampledMethod sqn = new Sqn(0.009, 10, 1000, 10).create(f, 64, seed);
            for (int k = 0; k < 400; k++) {
                assertTrue(Double.isFinite(sqn.step(x, 0.009)));
                assertTrue(f.full(x) <= f0);
                // plain SGD, the same step and samples of the same size
                int[] rows = new int[64];
                for (int i = 0; i < 64; i++) {
                    rows[i] = (int) ((k * 64L + i) % 4000);
                }
                double[] g = new double[20];
                f.lossAndGradient(z, rows, 0, 64, g);
                for (int j = 0; j < 20; j++) {
                    z[j] -= (float) (0.009 * g[j]);
                }
            }
            double gapSqn = f.full(x) - best;
            double gapSgd = f.full(z) - best;
            assertTrue(gapSqn < 0.5 * gapSgd, "seed " + seed + ": SQN gap " + gapSqn + ", SGD gap " + gapSgd);
            assertTrue(sqn.stats().pairsAccepted() + sqn.stats().pairsDamped() >= 30, sqn.stats().toString());
        }
    }

    /**
     * The race's divergence in miniature: curvatures from 10⁻³ to 1 and noisy rows, at a step SGD
     * takes safely (α·h_max = 0.5). The averaged iterates move mostly along the flat directions, so
     * the exact pairs have sᵀy/sᵀs near 10⁻³ and Byrd et al.'s H₀ = (sᵀy/yᵀy)·I grows to hundreds:
     * without the bound on H₀ and the damping against B₀ the steep directions overshoot and the
     * run blows up. With them the objective never rises above its start, over three seeds.
     */
    @Test
    void flatPairsDoNotBlowUpTheStepAtALargeLearningRate() {
        for (long seed = 0; seed < 3; seed++) {
            Quadratics f = new Quadratics(4000, 20, 1000, 3.0, 70 + seed);
            for (int j = 0; j < f.h.length; j++) {
                f.h[j] *= 1e-3;
            }
            float[] x = new float[20];
            double f0 = f.full(x);
            SampledMethod sqn = new Sqn(0.5, 10, 1000, 10).create(f, 64, seed);
            for (int k = 0; k < 600; k++) {
                assertTrue(Double.isFinite(sqn.step(x, 0.5)), "seed " + seed + ", step " + k);
                assertTrue(f.full(x) <= f0, "seed " + seed + ", step " + k + ": " + f.full(x) + " > " + f0);
            }
            double best = MultiBatchLbfgsTest.optimum(f);
            assertTrue(f.full(x) - best < 0.5 * (f0 - best), "seed " + seed + ": gap " + (f.full(x) - best) + " of " + (f0 - best));
            assertTrue(sqn.stats().pairsDamped() > 0, sqn.stats().toString());
        }
    }

    /**
     * Runs SQN at α = 2.5 for {@code steps} steps on a quadratic whose steepest curvature is 1
     * (SGD at α·h_max = 2.5 grows the steep coordinate by |1 − 2.5| = 1.5 per step), checking
     * after every step that the objective never rises above its start.
     *
     * @param runs filled with the three seeds' runs
     * @return for each seed, the final gap to the optimum over the starting gap
     */
    private static double[] runAtTooLargeAStep(int steps, SampledMethod[] runs) {
        double[] gaps = new double[3];
        for (int seed = 0; seed < 3; seed++) {
            Quadratics f = new Quadratics(2000, 10, 100, 0.5, 90 + seed);
            for (int j = 0; j < f.h.length; j++) {
                f.h[j] *= 0.01;
            }
            float[] x = new float[10];
            double f0 = f.full(x);
            SampledMethod sqn = new Sqn(2.5, 10, 500, 10).create(f, 64, seed);
            for (int k = 0; k < steps; k++) {
                sqn.step(x, 2.5);
                assertTrue(f.full(x) <= f0, "seed " + seed + ", step " + k + ": " + f.full(x) + " > " + f0);
            }
            double best = MultiBatchLbfgsTest.optimum(f);
            gaps[seed] = (f.full(x) - best) / (f0 - best);
            runs[seed] = sqn;
        }
        return gaps;
    }

    /** The warm-up's backtracking on the batch keeps the first 2L SGD steps from rising above the start. */
    @Test
    void warmUpStepsBacktrackOnTheirBatchFromTheStart() {
        SampledMethod[] runs = new SampledMethod[3];
        runAtTooLargeAStep(20, runs);
        for (SampledMethod sqn : runs) {
            assertTrue(sqn.stats().lineSearchBacktracks() > 0);
        }
    }

    /**
     * The same too-large α after the warm-up: without a guard the quasi-Newton steps α·H·g
     * overshoot the steep coordinates and the run rises far above its start (at step 30). The
     * guard undoes the first step whose batch loss gives back a quarter of the progress, every
     * later step searches, and the objective never rises above the start.
     */
    @Test
    void aTooLargeStepTripsTheGuardOnceAndIsSearchedFromThenOn() {
        SampledMethod[] runs = new SampledMethod[3];
        for (double gap : runAtTooLargeAStep(300, runs)) {
            assertTrue(gap < 0.1, "gap " + gap + " of the starting gap");
        }
        for (SampledMethod run : runs) {
            assertEquals(1, run.stats().stepsUndone(), run.stats().toString());
        }
    }

    /**
     * {@code settle} checks the last step on the batch the next step takes: where the guard
     * fires it undoes the step at once (the run leaves at a point below its start), and a run
     * that continues, in place or from the exported state, takes exactly the steps of one that
     * was never settled; where it does not fire, θ is left alone and the steps are the same too.
     */
    @Test
    void settleUndoesAStepTheGuardWouldUndoAndTheRunContinuesAsIfUninterrupted() {
        Quadratics f = new Quadratics(4000, 20, 100, 0.5, 70);
        Sqn cfg = new Sqn(0.1, 10, 1000, 10, 0.2, 0.9);
        SampledMethod settled = cfg.create(f, 64, 0);
        SampledMethod straight = cfg.create(f, 64, 0);
        float[] x = new float[20];
        float[] z = new float[20];
        double f0 = f.full(x);
        boolean undone = false;
        for (int k = 0; k < 100 && !undone; k++) { // seed 0 rises above the start at step 20 (the test above)
            float[] start = x.clone();
            settled.step(x, 0.1);
            straight.step(z, 0.1);
            if (k == 2 * 10 - 1) { // the end of the warm-up, which the guard lets pass: θ is left alone
                float[] kept = x.clone();
                settled.settle(x);
                assertArrayEquals(kept, x);
                assertEquals(0, settled.stats().stepsUndone());
            }
            if (f.full(x) > f0) {
                settled.settle(x);
                assertArrayEquals(start, x, "step " + k);
                assertEquals(1, settled.stats().stepsUndone());
                undone = true;
            }
        }
        assertTrue(undone, "no step rose above the start");
        SampledMethod resumed = cfg.create(f, 64, 0);
        resumed.importState(settled.exportState());
        float[] w = x.clone();
        for (int i = 0; i < 40; i++) {
            settled.step(x, 0.1);
            straight.step(z, 0.1);
            resumed.step(w, 0.1);
        }
        assertArrayEquals(z, x);
        assertArrayEquals(z, w);
        assertEquals(straight.stats(), settled.stats());
        assertArrayEquals(settled.exportState(), resumed.exportState());
        assertEquals(straight.steps(), settled.steps());
    }
}
