package dev.descent.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.data.Dataset;
import dev.descent.minimize.Iterate;
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.train.ModelObjective;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The distributed objective against descent-core's single-machine {@link ModelObjective} on the
 * same rows (blocks of 64 rows = the model's chunks), in one {@code local[2]} session.
 */
class SparkObjectiveTest {

    static final double LAMBDA = 1e-2;
    static final int BLOCK = 64;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static TrainingSet synthetic(int rows, int d, int k, int partitions) {
        return SparkData.load(spark, "synthetic:rows=" + rows + ",features=" + d + ",classes=" + k + ",seed=3",
                SparkData.Options.DEFAULTS.withPartitions(partitions).withBlockRows(BLOCK));
    }

    /** f and ∇f of ModelObjective plus (λ/2)‖W‖² on the weights. */
    static double reference(ModelRecipe recipe, Dataset data, double[] x, double[] g) {
        ModelObjective single = new ModelObjective(recipe.build(), data);
        double f = single.evaluate(x, g);
        boolean[] w = recipe.weightMask();
        for (int i = 0; i < x.length; i++) {
            if (w[i]) {
                f += 0.5 * LAMBDA * x[i] * x[i];
                g[i] += LAMBDA * x[i];
            }
        }
        return f;
    }

    static double[] random(int n, long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * (2 * r.nextDouble() - 1);
        }
        return x;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 7})
    void softmaxValueAndGradientEqualTheSingleMachineObjective(int partitions) {
        TrainingSet set = synthetic(1000, 12, 4, partitions);
        try {
            assertThat(set.partitions()).isEqualTo(partitions);
            assertThat(set.rows()).isEqualTo(1000);
            ModelRecipe recipe = ModelRecipe.of("softmax", 12, 4, 0, BLOCK);
            SparkObjective obj = new SparkObjective(set, recipe, LAMBDA);
            Dataset local = SparkData.collect(set);
            for (long seed = 1; seed <= 2; seed++) {
                double[] x = random(obj.dimension(), seed, 0.5);
                double[] g = new double[x.length];
                double[] gRef = new double[x.length];
                double f = obj.evaluate(x, g);
                double fRef = reference(recipe, local, x, gRef);
                assertThat(Math.abs(f - fRef)).isLessThanOrEqualTo(1e-12 * Math.abs(fRef));
                assertThat(maxDiff(g, gRef)).isLessThanOrEqualTo(1e-12 * maxAbs(gRef));
            }
            assertThat(obj.passes()).isEqualTo(2);
        } finally {
            set.unpersist();
        }
    }

    @Test
    void logisticAndMlpObjectivesEqualTheSingleMachineObjective() {
        TrainingSet set = synthetic(700, 9, 2, 3);
        try {
            Dataset local = SparkData.collect(set);
            for (String model : new String[] {"logistic", "mlp:6"}) {
                ModelRecipe recipe = ModelRecipe.of(model, 9, 2, 5, BLOCK);
                SparkObjective obj = new SparkObjective(set, recipe, LAMBDA);
                double[] x = obj.initialPoint();
                double[] noise = random(x.length, 7, 0.3);
                for (int i = 0; i < x.length; i++) {
                    x[i] += noise[i];
                }
                double[] g = new double[x.length];
                double[] gRef = new double[x.length];
                double f = obj.evaluate(x, g);
                double fRef = reference(recipe, local, x, gRef);
                assertThat(Math.abs(f - fRef)).as(model).isLessThanOrEqualTo(1e-12 * Math.abs(fRef));
                assertThat(maxDiff(g, gRef)).as(model).isLessThanOrEqualTo(1e-12 * maxAbs(gRef));
                assertThat(Math.abs(obj.value(x) - f)).as(model + " forward-only value").isLessThanOrEqualTo(1e-12 * f);
            }
        } finally {
            set.unpersist();
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        TrainingSet set = synthetic(600, 5, 3, 2);
        try {
            SparkObjective obj = new SparkObjective(set, ModelRecipe.of("softmax", 5, 3, 0, BLOCK), LAMBDA);
            double[] x = random(obj.dimension(), 11, 0.5);
            double[] g = new double[x.length];
            obj.evaluate(x, g);
            double[] scratch = new double[x.length];
            // the data term is evaluated in float32: a step of 1e-2 keeps rounding (≈1e-7 in f) far below the slope
            double h = 1e-2;
            for (int trial = 0; trial < 3; trial++) {
                double[] v = random(x.length, 100 + trial, 1);
                double[] xp = x.clone();
                double[] xm = x.clone();
                for (int i = 0; i < x.length; i++) {
                    xp[i] += h * v[i];
                    xm[i] -= h * v[i];
                }
                double fd = (obj.evaluate(xp, scratch) - obj.evaluate(xm, scratch)) / (2 * h);
                double gv = 0;
                for (int i = 0; i < x.length; i++) {
                    gv += g[i] * v[i];
                }
                assertThat(Math.abs(fd - gv)).isLessThanOrEqualTo(1e-4 * Math.abs(gv) + 1e-6);
            }
        } finally {
            set.unpersist();
        }
    }

    @Test
    void hessianVectorProductEqualsTheSingleMachineProduct() {
        TrainingSet set = synthetic(500, 6, 3, 2);
        try {
            ModelRecipe recipe = ModelRecipe.of("softmax", 6, 3, 0, BLOCK);
            SparkObjective obj = new SparkObjective(set, recipe, LAMBDA);
            assertThat(obj.hessianVector()).isPresent();
            double[] x = random(obj.dimension(), 3, 0.5);
            double[] v = random(obj.dimension(), 4, 1);
            double[] hv = new double[x.length];
            obj.hessianVector(x, v, hv);
            ModelObjective single = new ModelObjective(recipe.build(), SparkData.collect(set));
            double[] ref = new double[x.length];
            single.hessianVector(x, v, ref);
            boolean[] w = recipe.weightMask();
            for (int i = 0; i < ref.length; i++) {
                if (w[i]) {
                    ref[i] += LAMBDA * v[i];
                }
            }
            assertThat(maxDiff(hv, ref)).isLessThanOrEqualTo(1e-12 * maxAbs(ref));
            assertThat(obj.passes()).isEqualTo(1);
        } finally {
            set.unpersist();
        }
    }

    @Test
    void lbfgsTakesTheSameIteratesAsOnOneMachine() {
        TrainingSet set = synthetic(600, 10, 4, 3);
        try {
            ModelRecipe recipe = ModelRecipe.of("softmax", 10, 4, 0, BLOCK);
            SparkObjective dist = new SparkObjective(set, recipe, LAMBDA);
            Dataset local = SparkData.collect(set);
            ModelObjective single = new ModelObjective(recipe.build(), local);
            dev.descent.minimize.Objective singleL2 = new dev.descent.minimize.Objective() {
                @Override
                public int dimension() {
                    return single.dimension();
                }

                @Override
                public double evaluate(double[] x, double[] g) {
                    return reference(recipe, local, x, g);
                }
            };
            // 12 iterations stay well above the float32 noise floor of f (about 1e-9 here), where line
            // searches on two different summation orders could part ways
            Settings s = Settings.DEFAULTS.withMaxIterations(12).withGradTol(1e-5).withTrace(true).withTraceX(true);
            Result a = Minimize.run(dist, dist.initialPoint(), Method.named("lbfgs"), s);
            Result b = Minimize.run(singleL2, dist.initialPoint(), Method.named("lbfgs"), s);
            assertThat(a.iterations()).isEqualTo(b.iterations()).isEqualTo(12);
            assertThat(a.stats().fEvals()).isEqualTo(b.stats().fEvals());
            for (int k = 0; k < a.trace().size(); k++) {
                Iterate ia = a.trace().get(k);
                Iterate ib = b.trace().get(k);
                assertThat(Math.abs(ia.f() - ib.f())).as("f at iteration %d", k).isLessThanOrEqualTo(1e-9 * Math.abs(ib.f()));
                assertThat(maxDiff(ia.x(), ib.x())).as("x at iteration %d", k).isLessThanOrEqualTo(1e-9 * Math.max(1, maxAbs(ib.x())));
            }
            assertThat(dist.passes() + dist.reused()).isEqualTo(a.stats().fEvals());
        } finally {
            set.unpersist();
        }
    }

    /** The Java example of the README's Spark section (the code between the markers is copied there verbatim). */
    @Test
    void readmeExample() {
        // README: begin
        TrainingSet data = SparkData.load(spark, "synthetic:rows=20000,features=20,classes=5,seed=1",
                SparkData.Options.DEFAULTS.withPartitions(4));        // generated in the executors, cached once
        ModelRecipe softmax = ModelRecipe.of("softmax", data.features(), data.classes(), 0, 4096);
        SparkObjective f = new SparkObjective(data, softmax, 1e-4);  // mean loss + (λ/2)‖W‖²: one pass per evaluation
        Result r = Minimize.run(f, f.initialPoint(), Method.named("lbfgs"),
                Settings.DEFAULTS.withGradTol(1e-6).withFTol(1e-10));
        double[] coefficients = r.x();                               // W (5 × 20, row-major), then the 5 intercepts
        long passes = f.passes();                                     // treeAggregate jobs over the whole set
        data.unpersist();
        // README: end
        assertThat(r.f()).isLessThan(Math.log(5));
        assertThat(coefficients).hasSize(5 * 20 + 5);
        assertThat(passes).isPositive().isLessThanOrEqualTo(r.stats().fEvals());
    }

    @Test
    void newtonCgAndBfgsConvergeOnTheDistributedObjective() {
        TrainingSet set = synthetic(800, 6, 3, 2);
        try {
            SparkObjective obj = new SparkObjective(set, ModelRecipe.of("softmax", 6, 3, 0, BLOCK), LAMBDA);
            Settings s = Settings.DEFAULTS.withGradTol(1e-6).withMaxIterations(200);
            Result ncg = Minimize.run(obj, obj.initialPoint(), Method.named("newton-cg"), s);
            assertThat(ncg.status().name()).isEqualTo("CONVERGED_GRADIENT");
            assertThat(ncg.stats().hvEvals()).isPositive();
            Result bfgs = Minimize.run(obj, obj.initialPoint(), Method.named("bfgs"), s);
            assertThat(bfgs.status().name()).isEqualTo("CONVERGED_GRADIENT");
            assertThat(Math.abs(ncg.f() - bfgs.f())).isLessThanOrEqualTo(1e-9);
        } finally {
            set.unpersist();
        }
    }
}
