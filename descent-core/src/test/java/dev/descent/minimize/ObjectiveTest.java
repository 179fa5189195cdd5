package dev.descent.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@link Objective#of} and the second-order capabilities added with {@code with*}. */
class ObjectiveTest {

    /** f(x) = Σ cᵢxᵢ⁴/4 + xᵢ²/2, ∇²f = diag(3cᵢxᵢ² + 1). */
    private static final double[] C = {1, 2, 3};

    private static Objective quartic() {
        return Objective.of(3, (x, g) -> {
            double f = 0;
            for (int i = 0; i < 3; i++) {
                g[i] = C[i] * x[i] * x[i] * x[i] + x[i];
                f += C[i] * Math.pow(x[i], 4) / 4 + x[i] * x[i] / 2;
            }
            return f;
        });
    }

    private static void hessian(double[] x, double[] h) {
        java.util.Arrays.fill(h, 0);
        for (int i = 0; i < 3; i++) {
            h[i * 3 + i] = 3 * C[i] * x[i] * x[i] + 1;
        }
    }

    @Test
    void aLambdaIsAnObjectiveWithoutSecondDerivatives() {
        Objective f = quartic();
        assertThat(f.dimension()).isEqualTo(3);
        double[] g = new double[3];
        assertThat(f.evaluate(new double[] {1, 1, 1}, g)).isCloseTo(1 / 4.0 + 2 / 4.0 + 3 / 4.0 + 1.5, within(1e-15));
        assertThat(g).containsExactly(2, 3, 4);
        assertThat(f.value(new double[] {1, 1, 1})).isEqualTo(3.0);
        assertThat(f.hessian()).isEmpty();
        assertThat(f.hessianVector()).isEmpty();
        assertThatThrownBy(() -> Objective.of(0, (x, gg) -> 0)).hasMessageContaining("dimension");
        assertThatThrownBy(() -> f.withHessianVector(null)).hasMessageContaining("Hessian-vector");
    }

    @Test
    void withHessianGivesNewtonAndADerivedProduct() {
        Objective f = quartic().withHessian(ObjectiveTest::hessian);
        assertThat(f.hessian()).isPresent();
        double[] hv = new double[3];
        f.hessianVector().orElseThrow().evaluate(new double[] {1, 2, 0}, new double[] {1, 1, 1}, hv);
        assertThat(hv).containsExactly(4, 25, 1);
        Result r = Minimize.run(f, new double[] {1, -2, 3}, Method.named("newton"), Settings.DEFAULTS.withGradTol(1e-12));
        assertThat(r.status()).isEqualTo(Status.CONVERGED_GRADIENT);
        assertThat(r.stats().hEvals()).isEqualTo(r.iterations());
        assertThat(r.x()).containsExactly(new double[] {0, 0, 0}, within(1e-9));
        // Newton without a Hessian is refused, naming newton-cg
        assertThatThrownBy(() -> Minimize.run(quartic(), new double[3], Method.named("newton")))
                .hasMessageContaining("newton-cg");
    }

    /** A product given once is the one Newton-CG uses: no finite differences, counted as hvEvals. */
    @Test
    void withHessianVectorCannotBeHalfDone() {
        int[] calls = new int[1];
        Objective f = quartic().withHessianVector((x, v, hv) -> {
            calls[0]++;
            for (int i = 0; i < 3; i++) {
                hv[i] = (3 * C[i] * x[i] * x[i] + 1) * v[i];
            }
        });
        assertThat(f.hessian()).isEmpty();
        assertThat(f.hessianVector()).isPresent();
        Result r = Minimize.run(f, new double[] {1, -2, 3}, Method.named("newton-cg"), Settings.DEFAULTS.withGradTol(1e-10));
        assertThat(r.status()).isEqualTo(Status.CONVERGED_GRADIENT);
        assertThat(r.stats().hvEvals()).isPositive().isEqualTo(calls[0]);
        assertThat(r.stats().fEvals()).as("no gradient differences").isLessThanOrEqualTo(2L * r.iterations() + 1);

        Result fd = Minimize.run(quartic(), new double[] {1, -2, 3}, Method.named("newton-cg"), Settings.DEFAULTS.withGradTol(1e-10));
        assertThat(fd.stats().hvEvals()).isZero();
        assertThat(fd.stats().fEvals()).isGreaterThan(r.stats().fEvals());
    }

    @Test
    void withHessianKeepsAnExplicitProductAndTheBaseValue() {
        Objective base = new Objective() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                return quartic().evaluate(x, g);
            }

            @Override
            public double value(double[] x) {
                return -1; // a distinguishable cheap path
            }
        };
        Objective.HessianVector hv = (x, v, out) -> java.util.Arrays.fill(out, 7);
        Objective both = base.withHessianVector(hv).withHessian(ObjectiveTest::hessian);
        assertThat(both.value(new double[3])).isEqualTo(-1);
        assertThat(both.hessianVector()).containsSame(hv);
        assertThat(both.hessian()).isPresent();
    }
}
