package dev.descent.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** The quadratic's spectrum (by EJML), its rotation, seeding and parameters. */
class QuadraticTest {

    private static double[] eigenvalues(Problem p) {
        int n = p.dimension();
        double[] h = new double[n * n];
        p.objective().hessian().orElseThrow().evaluate(p.x0(), h);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertThat(eig.decompose(DMatrixRMaj.wrap(n, n, h))).isTrue();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = eig.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    @Test
    void rotatedHessianHasTheGeometricSpectrumFromOneToKappa() {
        Problem p = Problems.named("quadratic:kappa=1e4,seed=5", 6);
        double[] lambda = eigenvalues(p);
        for (int i = 0; i < 6; i++) {
            assertThat(lambda[i]).isCloseTo(Math.pow(1e4, i / 5.0), within(1e-9 * 1e4));
        }
        double[] h = new double[36];
        p.objective().hessian().orElseThrow().evaluate(p.x0(), h);
        assertThat(h[1]).as("rotated: off-diagonal entries").isNotZero();
    }

    @Test
    void diagonalFormHasTheSameSpectrumAndNoRotation() {
        Problem p = Problems.named("quadratic:kappa=100,rotate=false", 3);
        double[] h = new double[9];
        p.objective().hessian().orElseThrow().evaluate(p.x0(), h);
        assertThat(h).containsExactly(1, 0, 0, 0, 10, 0, 0, 0, 100);
    }

    @Test
    void valueAtTheStartIsHalfTheSumOfTheHessian() {
        Problem p = Problems.named("quadratic", 8);
        int n = p.dimension();
        double[] h = new double[n * n];
        p.objective().hessian().orElseThrow().evaluate(p.x0(), h);
        double s = 0;
        for (double v : h) {
            s += v;
        }
        assertThat(p.objective().value(p.x0())).isCloseTo(s / 2, within(1e-12 * s));
        assertThat(p.x0()).containsOnly(0.0);
        assertThat(p.xStar()).containsOnly(1.0);
    }

    @Test
    void seedChoosesTheRotation() {
        double[] x = {0.1, 0.2, 0.3, 0.4};
        double a = Problems.named("quadratic:seed=1", 4).objective().value(x);
        double b = Problems.named("quadratic:seed=1", 4).objective().value(x);
        double c = Problems.named("quadratic:seed=2", 4).objective().value(x);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void badParametersNameTheRange() {
        assertThatThrownBy(() -> Problems.named("quadratic:kappa=0.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'kappa=0.5' at column 11 of problem spec 'quadratic:kappa=0.5': kappa must be a number in [1.0, 1.0E16], got 0.5");
        assertThatThrownBy(() -> Problems.named("quadratic:rotate=maybe"))
                .hasMessageContaining("'rotate=maybe' at column 11 of problem spec 'quadratic:rotate=maybe': 'maybe' is not true or false");
        assertThatThrownBy(() -> Problems.named("quadratic:kappa"))
                .hasMessageContaining("'kappa' at column 11 of problem spec 'quadratic:kappa': a key needs a value: kappa=VALUE");
        assertThatThrownBy(() -> Problems.named("quadratic:kappa=2,kappa=3"))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> Problems.named("quadratic:size=3"))
                .hasMessageContaining("unknown key 'size'; valid keys for quadratic: kappa, seed, rotate");
        // the one case rule: names, keys and words in any case
        assertThat(Problems.named("Quadratic:KAPPA=10,Rotate=FALSE").dimension()).isEqualTo(Problems.named("quadratic").dimension());
    }
}
