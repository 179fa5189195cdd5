package dev.descent.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The shared tokenizer: columns, splitting, typed values, the one error format, and a registry of another type. */
class SpecTokenizerTest {

    @Test
    void fragmentsKnowTheirColumns() {
        Token t = Token.of("schedule", "  warmup:steps=10 + cosine:steps=1e+2 ");
        assertThat(t.text()).isEqualTo("warmup:steps=10 + cosine:steps=1e+2");
        assertThat(t.column()).isEqualTo(3);
        List<Token> parts = t.split('+');
        assertThat(parts).extracting(Token::text).containsExactly("warmup:steps=10", "cosine:steps=1e+2");
        assertThat(parts).extracting(Token::column).containsExactly(3, 21);
        assertThat(Token.of("x", "a,,b").split(',')).extracting(Token::isEmpty).containsExactly(false, true, false);
        assertThat(Token.of("x", "MiXeD").lower()).isEqualTo("mixed");
    }

    @Test
    void errorsHaveOneFormat() {
        Token spec = Token.of("optimizer", "adam:lr=1,beta3=2");
        Token bad = spec.sub(10, 17);
        assertThat(bad.error("unknown key").getMessage())
                .isEqualTo("'beta3=2' at column 11 of optimizer spec 'adam:lr=1,beta3=2': unknown key");
        assertThat(spec.error("whole").getMessage()).isEqualTo("optimizer spec 'adam:lr=1,beta3=2': whole");
        assertThat(Token.of("model", "a\nb").error("x").getMessage()).doesNotContain("\n");
        assertThatThrownBy(() -> Token.of("schedule", "  ")).isInstanceOf(SpecException.class)
                .hasMessage("empty schedule spec");
    }

    @Test
    void longSpecsAreQuotedAroundTheColumn() {
        String s = "a".repeat(5000) + ",bad=1," + "b".repeat(5000);
        Token bad = new Token("problem", s, 5001, 5006);
        String m = bad.error("no").getMessage();
        assertThat(m.length()).isLessThan(Token.MAX_QUOTE + 120);
        assertThat(m).startsWith("'bad=1' at column 5002 of problem spec '...").contains(",bad=1,")
                .contains("...' (10007 characters): no");
    }

    @Test
    void typedValues() {
        Token part = Token.of("test", "x:r=1.5E-3,w=12,b=TRUE,e=Max,l=3;1;2,n=nan,big=1e999,f=2.5");
        Pairs p = Pairs.parse(part, part.sub(2, part.to() - part.from()), ',', "x",
                List.of("r", "w", "b", "e", "l", "n", "big", "f", "absent"));
        assertThat(p.real("r", 0)).isEqualTo(1.5e-3);
        assertThat(p.real("absent", 7)).isEqualTo(7);
        assertThat(p.whole("w", 0, 0, 100)).isEqualTo(12);
        assertThat(p.bool("b", false)).isTrue();
        assertThat(p.word("e", Mode.MIN, Mode.class)).isEqualTo(Mode.MAX);
        assertThat(p.wholeList("l", ';', 0, 10)).containsExactly(3, 1, 2);
        assertThatThrownBy(() -> p.real("n", 0)).hasMessageContaining("'n=nan' at column").hasMessageEndingWith("'nan' is not a number");
        assertThatThrownBy(() -> p.real("big", 0)).hasMessageEndingWith("'1e999' is out of range");
        assertThatThrownBy(() -> p.whole("f", 0, 0, 10)).hasMessageEndingWith("'2.5' is not a whole number in [0, 10]");
        assertThatThrownBy(() -> p.whole("w", 0, 0, 10)).hasMessageEndingWith("'12' is too large (at most 10)");
    }

    enum Mode { MIN, MAX }

    /** A configuration of another kind than an optimizer, as a sampled-objective method would have. */
    record Method(long memory, double overlap, boolean damped) {
        Method {
            if (memory < 1) {
                throw new IllegalArgumentException("memory must be ≥ 1, got " + memory);
            }
            if (!(overlap > 0 && overlap <= 1)) {
                throw new IllegalArgumentException("overlap must be in (0, 1], got " + overlap);
            }
        }
    }

    static final Registry<Method> METHODS = Registry.of("method", List.of(
            Entry.of("mb-lbfgs", Method.class, new Method(10, 0.25, true), "multi-batch L-BFGS",
                    List.of(Param.<Method>whole("memory", Method::memory, "pairs kept, ≥ 1"),
                            Param.<Method>real("overlap", Method::overlap, "fraction shared by two batches, in (0, 1]"),
                            Param.<Method>bool("damped", Method::damped, "Powell damping").whenSet()),
                    v -> new Method(v.whole("memory"), v.real("overlap"), v.bool("damped")))));

    @Test
    void aRegistryHoldsAnyConfigurationType() {
        assertThat(METHODS.parse("MB-LBFGS:memory=5")).isEqualTo(new Method(5, 0.25, true));
        assertThat(METHODS.spec(new Method(5, 0.5, true))).isEqualTo("mb-lbfgs:memory=5,overlap=0.5");
        assertThat(METHODS.spec(new Method(5, 0.5, false))).isEqualTo("mb-lbfgs:memory=5,overlap=0.5,damped=false");
        assertThat(METHODS.parse(METHODS.spec(new Method(3, 1, false)))).isEqualTo(new Method(3, 1, false));
        assertThat(METHODS.with(new Method(5, 0.5, true), Map.of("memory", 20L))).isEqualTo(new Method(20, 0.5, true));
        assertThat(METHODS.accepts(" MB-LBFGS:memory=x")).isTrue();
        assertThat(METHODS.accepts("adam:lr=1")).isFalse();
        assertThat(METHODS.accepts("")).isFalse();
        assertThat(METHODS.usage()).containsExactly("mb-lbfgs[:memory=10,overlap=0.25]  multi-batch L-BFGS");
        assertThatThrownBy(() -> METHODS.parse("mb-lbfgs:memory=0")).isInstanceOf(SpecException.class)
                .hasMessage("'memory=0' at column 10 of method spec 'mb-lbfgs:memory=0': memory must be ≥ 1, got 0");
        assertThatThrownBy(() -> METHODS.parse("sqn")).hasMessage("method spec 'sqn': unknown "
                + "method 'sqn'; valid names: mb-lbfgs");
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.strings().withChars("mb-lbfgsMEORYovrlap=,:;+.e0123456789 \t").ofMaxLength(40);
    }

    @Property(tries = 400)
    void parsingNeverCrashes(@ForAll("junk") String spec) {
        try {
            Method m = METHODS.parse(spec);
            assertThat(METHODS.parse(METHODS.spec(m))).isEqualTo(m);
        } catch (SpecException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }
}
