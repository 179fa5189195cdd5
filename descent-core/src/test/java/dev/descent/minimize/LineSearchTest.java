package dev.descent.minimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The six test functions of Moré &amp; Thuente (1994), Section 5, with the paper's parameters
 * (μ = c₁, η = c₂), from initial steps {1e-3, 0.1, 1, 10, 1e3}.
 */
class LineSearchTest {

    /** φ, φ′ and the paper's (μ, η). */
    record Phi(String name, DoubleUnaryOperator f, DoubleUnaryOperator df, double mu, double eta) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Phi> functions() {
        List<Phi> out = new ArrayList<>();
        double b1 = 2;
        out.add(new Phi("1: -a/(a^2+2)", a -> -a / (a * a + b1),
                a -> (a * a - b1) / ((a * a + b1) * (a * a + b1)), 0.001, 0.1));
        double b2 = 0.004;
        out.add(new Phi("2: (a+b)^5-2(a+b)^4", a -> Math.pow(a + b2, 5) - 2 * Math.pow(a + b2, 4),
                a -> 5 * Math.pow(a + b2, 4) - 8 * Math.pow(a + b2, 3), 0.1, 0.1));
        double b3 = 0.01;
        double l = 39;
        out.add(new Phi("3: wiggly", a -> phi0(a, b3) + 2 * (1 - b3) / (l * Math.PI) * Math.sin(l * Math.PI * a / 2),
                a -> dphi0(a, b3) + (1 - b3) * Math.cos(l * Math.PI * a / 2), 0.1, 0.1));
        double[][] betas = {{0.001, 0.001}, {0.01, 0.001}, {0.001, 0.01}};
        int k = 4;
        for (double[] bb : betas) {
            double g1 = gamma(bb[0]);
            double g2 = gamma(bb[1]);
            double be1 = bb[0];
            double be2 = bb[1];
            out.add(new Phi(k++ + ": Yanai-Ozawa-Kaneko b=(" + be1 + "," + be2 + ")",
                    a -> g1 * Math.sqrt((1 - a) * (1 - a) + be2 * be2) + g2 * Math.sqrt(a * a + be1 * be1),
                    a -> g1 * (a - 1) / Math.sqrt((1 - a) * (1 - a) + be2 * be2) + g2 * a / Math.sqrt(a * a + be1 * be1),
                    0.001, 0.001));
        }
        return out;
    }

    private static double gamma(double b) {
        return Math.sqrt(1 + b * b) - b;
    }

    private static double phi0(double a, double b) {
        if (a <= 1 - b) {
            return 1 - a;
        }
        if (a >= 1 + b) {
            return a - 1;
        }
        return (a - 1) * (a - 1) / (2 * b) + b / 2;
    }

    private static double dphi0(double a, double b) {
        if (a <= 1 - b) {
            return -1;
        }
        if (a >= 1 + b) {
            return 1;
        }
        return (a - 1) / b;
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Phi p : functions()) {
            for (double a0 : new double[] {1e-3, 0.1, 1, 10, 1e3}) {
                out.add(Arguments.of(p, a0));
            }
        }
        return out;
    }

    /** Counts evaluations and remembers the last α, to check the search's bookkeeping. */
    static final class Line implements LineFunction {
        final Phi p;
        int evals;
        double last = Double.NaN;
        double d;

        Line(Phi p) {
            this.p = p;
        }

        @Override
        public double evaluate(double alpha) {
            evals++;
            last = alpha;
            d = p.df().applyAsDouble(alpha);
            return p.f().applyAsDouble(alpha);
        }

        @Override
        public double derivative() {
            return d;
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("cases")
    void moreThuenteSatisfiesStrongWolfe(Phi p, double alpha0) {
        double f0 = p.f().applyAsDouble(0);
        double g0 = p.df().applyAsDouble(0);
        assertThat(g0).isNegative();
        Line line = new Line(p);
        LineStep s = new MoreThuente(p.mu(), p.eta(), 1e-16, 100).search(line, f0, g0, alpha0);
        assertThat(s.outcome()).as("outcome").isEqualTo(LineStep.Outcome.SATISFIED);
        double a = s.alpha();
        assertThat(p.f().applyAsDouble(a)).as("Armijo").isLessThanOrEqualTo(f0 + p.mu() * a * g0);
        assertThat(Math.abs(p.df().applyAsDouble(a))).as("curvature").isLessThanOrEqualTo(p.eta() * Math.abs(g0));
        assertThat(s.phi()).isEqualTo(p.f().applyAsDouble(a));
        assertThat(line.last).as("last evaluation is at the returned step").isEqualTo(a);
        assertThat(s.evaluations()).isEqualTo(line.evals);
        // the paper (Table 1-6) needs at most a dozen or so evaluations on these functions
        assertThat(line.evals).isLessThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("cases")
    void armijoSatisfiesSufficientDecrease(Phi p, double alpha0) {
        double f0 = p.f().applyAsDouble(0);
        double g0 = p.df().applyAsDouble(0);
        Line line = new Line(p);
        LineStep s = new Armijo(p.mu(), 60).search(line, f0, g0, alpha0);
        assertThat(s.outcome()).isEqualTo(LineStep.Outcome.SATISFIED);
        double a = s.alpha();
        assertThat(a).isPositive().isLessThanOrEqualTo(alpha0);
        assertThat(p.f().applyAsDouble(a)).isLessThanOrEqualTo(f0 + p.mu() * a * g0);
        assertThat(line.last).isEqualTo(a);
    }
}
