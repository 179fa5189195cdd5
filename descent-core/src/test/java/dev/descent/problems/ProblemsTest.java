package dev.descent.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Name lookup, aliases, dimensions and error messages of the catalogue. */
class ProblemsTest {

    @Test
    void everyNameAndAliasResolvesToItsCanonicalProblem() {
        for (String name : Problems.names()) {
            Problem p = Problems.named(name);
            assertThat(p.name()).isEqualTo(name);
            assertThat(p.dimension()).isEqualTo(Problems.defaultDimension(name));
            for (String alias : p.aliases()) {
                assertThat(Problems.named(alias).name()).as(alias).isEqualTo(name);
            }
        }
    }

    @Test
    void lookupIgnoresCaseAndSurroundingSpace() {
        assertThat(Problems.named("  Rosenbrock ").name()).isEqualTo("rosenbrock");
        assertThat(Problems.named("MGH:1").name()).isEqualTo("rosenbrock");
    }

    @Test
    void rosenbrockWithADimensionIsTheExtendedRosenbrockFunction() {
        assertThat(Problems.named("rosenbrock").dimension()).isEqualTo(2);
        assertThat(Problems.named("rosenbrock", 2).name()).isEqualTo("rosenbrock");
        Problem p = Problems.named("rosenbrock", 8);
        assertThat(p.name()).isEqualTo("extended-rosenbrock");
        assertThat(p.dimension()).isEqualTo(8);
        assertThat(p.x0()).containsExactly(-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1);
    }

    @Test
    void extendedRosenbrockAtTwoEqualsRosenbrock() {
        Problem a = Problems.named("rosenbrock");
        Problem b = Problems.named("extended-rosenbrock", 2);
        double[] x = {0.3, -0.7};
        double[] ga = new double[2];
        double[] gb = new double[2];
        assertThat(a.objective().evaluate(x, ga))
                .isCloseTo(b.objective().evaluate(x, gb), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ga[0]).isCloseTo(gb[0], org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ga[1]).isCloseTo(gb[1], org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void extendedPowellAtFourEqualsPowellSingular() {
        Problem a = Problems.named("powell-singular");
        Problem b = Problems.named("extended-powell", 4);
        assertThat(a.x0()).containsExactly(b.x0());
        double[] x = {0.3, -0.7, 1.1, 2.0};
        assertThat(a.objective().value(x)).isEqualTo(b.objective().value(x));
    }

    @Test
    void unknownNameListsTheValidNames() {
        assertThatThrownBy(() -> Problems.named("rosenbrok"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown problem 'rosenbrok'")
                .hasMessageContaining("rosenbrock")
                .hasMessageContaining("mgh:1 ... mgh:35");
        assertThatThrownBy(() -> Problems.named("mgh:99"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown problem 'mgh:99'");
        assertThatThrownBy(() -> Problems.named(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badDimensionNamesTheValidOnes() {
        assertThatThrownBy(() -> Problems.named("beale", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("problem 'beale' takes dimension exactly 2 (default 2); got 3");
        assertThatThrownBy(() -> Problems.named("extended-rosenbrock", 5))
                .hasMessageContaining("takes dimension even");
        assertThatThrownBy(() -> Problems.named("extended-powell", 6))
                .hasMessageContaining("takes dimension a multiple of 4");
        assertThatThrownBy(() -> Problems.named("rosenbrock", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parametersOnAProblemWithoutThemAreRejected() {
        assertThatThrownBy(() -> Problems.named("beale:kappa=3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("problem spec 'beale:kappa=3': problem 'beale' takes no parameters");
    }

    @Test
    void problemRecordCopiesItsArrays() {
        Problem p = Problems.named("rosenbrock");
        p.x0()[0] = 99;
        p.xStar()[0] = 99;
        assertThat(p.x0()[0]).isEqualTo(-1.2);
        assertThat(p.xStar()[0]).isEqualTo(1);
    }

    @Test
    void problemRecordRejectsMismatchedDimensions() {
        Problem p = Problems.named("rosenbrock");
        assertThatThrownBy(() -> new Problem("x", java.util.List.of(), 3, new double[2],
                p.objective(), 0, null, null, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must agree");
    }

    @Test
    void linearProblemsTakeM() {
        Problem p = Problems.named("linear-full-rank:m=30", 7);
        assertThat(((LeastSquares) p.objective()).residualCount()).isEqualTo(30);
        assertThat(p.fStar()).isEqualTo(23);
        assertThat(((LeastSquares) Problems.named("mgh:33", 6).objective()).residualCount())
                .isEqualTo(12);
        assertThatThrownBy(() -> Problems.named("linear-rank1:m=3", 5))
                .hasMessageContaining("'m=3' at column 14 of problem spec 'linear-rank1:m=3': m must be in [5, 1000000], got 3");
    }

    @Test
    void toStringIsShortAtAnyDimension() {
        assertThat(Problems.named("wood").toString())
                .isEqualTo("Problem[wood, n=4, f*=0.0, x*=[1.0, 1.0, 1.0, 1.0]]");
        assertThat(Problems.named("extended-rosenbrock", 100_000).toString())
                .isEqualTo("Problem[extended-rosenbrock, n=100000, f*=0.0]");
    }
}
