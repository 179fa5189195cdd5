package dev.descent.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.data.Dataset;
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Objective;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.stochastic.MultiBatchLbfgs;
import dev.descent.stochastic.SampledMethod;
import dev.descent.stochastic.SampledObjective;
import dev.descent.train.ModelObjective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Multi-batch L-BFGS on Spark ({@code --method mb-lbfgs}): descent-core's {@link MultiBatchLbfgs}
 * on a {@link SampledSparkObjective} whose sampling units are partitions, in {@code local[2]}.
 */
class MultiBatchSparkTest {

    static final double LAMBDA = 1e-2;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** 16 partitions of 100 rows (blocks of 50), 6 features, 3 classes. */
    static TrainingSet sixteen() {
        return SparkData.load(spark, "synthetic:rows=1600,features=6,classes=3,seed=5",
                SparkData.Options.DEFAULTS.withPartitions(16).withBlockRows(50));
    }

    /** One recorded call of the sampled objective. */
    record Call(boolean gradient, Set<Integer> partitions, float[] theta) {}

    /** Records every call, then delegates. */
    static final class Recorder implements SampledObjective {
        final SampledObjective inner;
        final List<Call> calls = new ArrayList<>();

        Recorder(SampledObjective inner) {
            this.inner = inner;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public int size() {
            return inner.size();
        }

        @Override
        public double lossAndGradient(float[] theta, int[] rows, int from, int count, double[] grad) {
            calls.add(new Call(true, set(rows, from, count), theta.clone()));
            return inner.lossAndGradient(theta, rows, from, count, grad);
        }

        @Override
        public double loss(float[] theta, int[] rows, int from, int count) {
            calls.add(new Call(false, set(rows, from, count), theta.clone()));
            return inner.loss(theta, rows, from, count);
        }

        static Set<Integer> set(int[] rows, int from, int count) {
            Set<Integer> s = new HashSet<>();
            for (int i = from; i < from + count; i++) {
                s.add(rows[i]);
            }
            return s;
        }
    }

    @Test
    void aSampleIsOneJobOverItsPartitionsAndEstimatesTheFullObjective() {
        TrainingSet set = sixteen();
        try {
            ModelRecipe recipe = ModelRecipe.of("softmax", 6, 3, 0, 50);
            SparkObjective full = new SparkObjective(set, recipe, LAMBDA);
            SampledSparkObjective sampled = new SampledSparkObjective(full);
            assertThat(sampled.size()).isEqualTo(16);
            double[] x = SparkObjectiveTest.random(full.dimension(), 3, 0.5);
            float[] theta = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                theta[i] = (float) x[i];
                x[i] = theta[i];
            }
            // the rows of partitions 1, 4 and 6, on the driver
            List<List<Block>> byPartition = set.blocks().glom().collect();
            int[] sample = {6, 1, 4};
            List<Block> blocks = new ArrayList<>();
            for (int p : sample) {
                blocks.addAll(byPartition.get(p));
            }
            Dataset rows = rows(blocks, 6, 3);
            double[] gRef = new double[x.length];
            double mean = new ModelObjective(recipe.build(), rows).evaluate(x, gRef);
            // F_S = (P/N)/|S| · Σ_{i∈S} ℓᵢ + (λ/2)‖W‖², with Σ ℓᵢ = m · mean
            double scale = 16.0 / 1600 / 3 * rows.n();
            double fRef = scale * mean;
            boolean[] w = recipe.weightMask();
            for (int i = 0; i < x.length; i++) {
                gRef[i] *= scale;
                if (w[i]) {
                    fRef += 0.5 * LAMBDA * x[i] * x[i];
                    gRef[i] += LAMBDA * x[i];
                }
            }
            double[] g = new double[x.length];
            double f = sampled.lossAndGradient(theta, new int[] {9, 6, 1, 4}, 1, 3, g);
            assertThat(Math.abs(f - fRef)).isLessThanOrEqualTo(1e-12 * fRef);
            assertThat(SparkObjectiveTest.maxDiff(g, gRef)).isLessThanOrEqualTo(1e-12 * SparkObjectiveTest.maxAbs(gRef));
            assertThat(Math.abs(sampled.loss(theta, sample, 0, 3) - f)).isLessThanOrEqualTo(1e-12 * f);
            assertThat(sampled.jobs()).isEqualTo(2);
            assertThat(sampled.passes()).isEqualTo(2 * 300 / 1600.0); // two jobs over 3 of 16 partitions
            // a partition drawn twice (a sample across two epochs of the order) counts twice
            double[] gTwice = new double[x.length];
            double fTwice = sampled.lossAndGradient(theta, new int[] {4, 6, 4}, 0, 3, gTwice);
            double[] g46 = new double[x.length];
            double[] g4 = new double[x.length];
            double f46 = sampled.lossAndGradient(theta, new int[] {4, 6}, 0, 2, g46);
            double f4 = sampled.lossAndGradient(theta, new int[] {4}, 0, 1, g4);
            // F_{4,6,4} = (2·F_{4,6} + F_4)/3, penalty and all (it is in every term once)
            assertThat(Math.abs(fTwice - (2 * f46 + f4) / 3)).isLessThanOrEqualTo(1e-12 * fTwice);
            for (int i = 0; i < x.length; i++) {
                assertThat(Math.abs(gTwice[i] - (2 * g46[i] + g4[i]) / 3)).isLessThanOrEqualTo(1e-12 * SparkObjectiveTest.maxAbs(gTwice));
            }
            assertThat(full.passes()).isZero();                     // no job over the whole set
            // every partition once: the full objective
            int[] all = new int[16];
            Arrays.setAll(all, i -> i);
            double[] gAll = new double[x.length];
            double[] gFull = new double[x.length];
            double fAll = sampled.lossAndGradient(theta, all, 0, 16, gAll);
            double fFull = full.evaluate(x, gFull);
            assertThat(Math.abs(fAll - fFull)).isLessThanOrEqualTo(1e-12 * fFull);
            assertThat(SparkObjectiveTest.maxDiff(gAll, gFull)).isLessThanOrEqualTo(1e-12 * SparkObjectiveTest.maxAbs(gFull));
        } finally {
            set.unpersist();
        }
    }

    @Test
    void consecutiveSamplesOverlapAndEachPairUsesTheSamePartitionsAtBothPoints() {
        TrainingSet set = sixteen();
        try {
            SparkObjective full = new SparkObjective(set, ModelRecipe.of("softmax", 6, 3, 0, 50), LAMBDA);
            Recorder rec = new Recorder(new SampledSparkObjective(full));
            SampledMethod m = MultiBatchLbfgs.DEFAULT.create(rec, 4, 11); // |S| = 4 of 16, |O| = 1
            float[] theta = new float[full.dimension()];
            List<List<Call>> steps = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                int before = rec.calls.size();
                m.step(theta, 1);
                steps.add(rec.calls.subList(before, rec.calls.size()).stream().filter(Call::gradient).toList());
            }
            assertThat(m.stats().pairsAccepted() + m.stats().pairsDamped()).as("pairs formed").isPositive();
            for (int k = 1; k < steps.size(); k++) {
                List<Call> prev = steps.get(k - 1);
                List<Call> now = steps.get(k);
                Call overlapThen = prev.get(prev.size() - 1);   // O_{k−1} at x_{k−1}, the end of S_{k−1}
                Call overlapNow = now.get(0);                   // O_{k−1} at x_k, the start of S_k
                assertThat(now).as("step %d: jobs A, N, C", k).hasSize(3);
                assertThat(overlapNow.partitions()).as("step %d", k).isEqualTo(overlapThen.partitions()).hasSize(1);
                Set<Integer> sample = new HashSet<>();
                now.forEach(c -> sample.addAll(c.partitions()));
                assertThat(sample).as("S_%d", k).hasSize(4);
                assertThat(Arrays.equals(overlapNow.theta(), now.get(2).theta())).as("one point per sample").isTrue();
                assertThat(Arrays.equals(overlapNow.theta(), overlapThen.theta())).as("the pair spans two points").isFalse();
            }
        } finally {
            set.unpersist();
        }
    }

    @Test
    void convergesNearTheFullBatchOptimumAndTheSameSeedGivesTheSameFit() {
        TrainingSet set = SparkData.load(spark, "synthetic:rows=16000,features=6,classes=3,seed=5",
                SparkData.Options.DEFAULTS.withPartitions(16).withBlockRows(500));
        try {
            ModelRecipe recipe = ModelRecipe.of("softmax", 6, 3, 0, 500);
            SparkObjective full = new SparkObjective(set, recipe, LAMBDA);
            // the full-batch optimum, on the driver (one evaluation = one pass)
            Dataset local = SparkData.collect(set);
            Objective single = new Objective() {
                @Override
                public int dimension() {
                    return full.dimension();
                }

                @Override
                public double evaluate(double[] x, double[] g) {
                    return SparkObjectiveTest.reference(recipe, local, x, g);
                }
            };
            Result best = Minimize.run(single, full.initialPoint(), Method.named("lbfgs"), Settings.DEFAULTS.withGradTol(1e-7));
            long fullPasses = best.stats().fEvals();
            double f0 = SparkObjectiveTest.reference(recipe, local, full.initialPoint(), new double[full.dimension()]);
            MultiBatchFit.Outcome a = MultiBatchFit.run(full, new MultiBatchFit.Config(MultiBatchLbfgs.DEFAULT, 0.25, 20, 7));
            assertThat(a.batch()).isEqualTo(4);
            assertThat(a.status()).isEqualTo("ITERATION_LIMIT");
            assertThat(a.iterations()).isEqualTo(20);
            // within 0.3 % of the start's gap to the optimum, in fewer passes than the full-batch run
            assertThat(a.objective() - best.f()).isGreaterThanOrEqualTo(-1e-9).isLessThan(3e-3 * (f0 - best.f()));
            assertThat(a.passes()).isLessThan(fullPasses);
            // the seed fixes the partition order, hence the whole run
            MultiBatchFit.Config three = new MultiBatchFit.Config(MultiBatchLbfgs.DEFAULT, 0.25, 3, 7);
            MultiBatchFit.Outcome b = MultiBatchFit.run(full, three);
            MultiBatchFit.Outcome again = MultiBatchFit.run(full, three);
            MultiBatchFit.Outcome other = MultiBatchFit.run(full, new MultiBatchFit.Config(MultiBatchLbfgs.DEFAULT, 0.25, 3, 8));
            assertThat(again.x()).isEqualTo(b.x());
            assertThat(again.objective()).isEqualTo(b.objective());
            assertThat(other.x()).isNotEqualTo(b.x());
        } finally {
            set.unpersist();
        }
    }

    static Dataset rows(List<Block> blocks, int d, int k) {
        int n = blocks.stream().mapToInt(Block::rows).sum();
        float[] x = new float[n * d];
        int[] y = new int[n];
        int r = 0;
        for (Block b : blocks) {
            System.arraycopy(b.x(), 0, x, r * d, b.rows() * d);
            System.arraycopy(b.y(), 0, y, r, b.rows());
            r += b.rows();
        }
        return new Dataset(x, y, n, d, k);
    }
}
