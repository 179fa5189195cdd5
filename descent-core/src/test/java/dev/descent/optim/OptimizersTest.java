package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The registry and the spec parser. */
class OptimizersTest {

    @Test
    void namesGiveTorchDefaults() {
        assertThat(Optimizers.names()).containsExactly("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam",
                "adamw", "nadam", "radam", "adamax", "adadelta", "lion");
        assertThat(Optimizers.named("sgd")).isEqualTo(Sgd.defaults());
        assertThat(Optimizers.named("momentum")).isEqualTo(new Sgd(0.01, 0.9, false));
        assertThat(Optimizers.named("nesterov")).isEqualTo(new Sgd(0.01, 0.9, true));
        assertThat(Optimizers.named("adagrad")).isEqualTo(AdaGrad.defaults());
        assertThat(Optimizers.named("rmsprop")).isEqualTo(RmsProp.defaults());
        assertThat(Optimizers.named("adam")).isEqualTo(new Adam(1e-3, 0.9, 0.999, 1e-8));
        assertThat(Optimizers.named("adamw")).isEqualTo(new AdamW(1e-3, 0.9, 0.999, 1e-8, 0.01, false, Options.NONE));
        assertThat(Optimizers.named("nadam")).isEqualTo(new NAdam(2e-3, 0.9, 0.999, 1e-8, 4e-3, Options.NONE));
        assertThat(Optimizers.named("radam")).isEqualTo(RAdam.defaults());
        assertThat(Optimizers.named("adamax")).isEqualTo(new Adamax(2e-3, 0.9, 0.999, 1e-8, Options.NONE));
        assertThat(Optimizers.named("adadelta")).isEqualTo(new AdaDelta(1.0, 0.9, 1e-6, Options.NONE));
        assertThat(Optimizers.named("lion")).isEqualTo(new Lion(1e-4, 0.9, 0.99, 0, Options.NONE));
        for (String name : Optimizers.names()) {
            assertThat(Optimizers.named(name).name()).isEqualTo(name.equals("momentum") || name.equals("nesterov")
                    ? "sgd" : name);
        }
    }

    @Test
    void specsSetKeys() {
        assertThat(Optimizers.parse("adam:lr=1e-3,beta2=0.99")).isEqualTo(new Adam(1e-3, 0.9, 0.99, 1e-8));
        assertThat(Optimizers.parse("sgd:lr=0.1,momentum=0.9,nesterov=true")).isEqualTo(new Sgd(0.1, 0.9, true));
        assertThat(Optimizers.parse(" ADAMW : lr = 3e-4 , weight_decay=0.1 ,amsgrad=TRUE"))
                .isEqualTo(new AdamW(3e-4, 0.9, 0.999, 1e-8, 0.1, true, Options.NONE));
        assertThat(Optimizers.parse("rmsprop:centered=true,momentum=0.9,weight_decay=1e-4,maximize=true,"
                + "clip_norm=1,clip_value=0.5"))
                .isEqualTo(new RmsProp(0.01, 0.99, 1e-8, 0.9, true, false, new Options(1e-4, true, 1, 0.5)));
        assertThat(Optimizers.parse("lion:weight_decay=0.5").options().weightDecay()).isZero();
        assertThat(((Lion) Optimizers.parse("lion:weight_decay=0.5")).weightDecay()).isEqualTo(0.5);
        assertThat(Optimizers.parse("adagrad:lr_decay=0.1,initial_accumulator_value=0.2,eps=1e-6"))
                .isEqualTo(new AdaGrad(0.01, 0.1, 0.2, 1e-6, Options.NONE));
        assertThat(Optimizers.parse("nadam:momentum_decay=0.01")).isEqualTo(
                new NAdam(2e-3, 0.9, 0.999, 1e-8, 0.01, Options.NONE));
        assertThat(Optimizers.parse("adadelta:rho=0.95")).isEqualTo(new AdaDelta(1.0, 0.95, 1e-6, Options.NONE));
    }

    @Test
    void malformedSpecsNameTheBadPart() {
        assertThatThrownBy(() -> Optimizers.parse("adamm:lr=1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown optimizer 'adamm'").hasMessageContaining("adamw, nadam");
        assertThatThrownBy(() -> Optimizers.parse("adam:lr=1e-3,beta3=0.9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown key beta3")
                .hasMessageContaining("valid keys: lr, beta1, beta2, eps, amsgrad, weight_decay, maximize, clip_norm");
        assertThatThrownBy(() -> Optimizers.parse("sgd:lr=abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'abc' for lr").hasMessageContaining("expected a number");
        assertThatThrownBy(() -> Optimizers.parse("sgd:nesterov=yes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yes' for nesterov");
        assertThatThrownBy(() -> Optimizers.parse("sgd:lr")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected key=value but got 'lr'");
        assertThatThrownBy(() -> Optimizers.parse("sgd:lr=1,,momentum=0.9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected key=value");
        assertThatThrownBy(() -> Optimizers.parse("sgd:lr=1,lr=2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lr' given twice");
        assertThatThrownBy(() -> Optimizers.parse("adam:")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty parameter list");
        assertThatThrownBy(() -> Optimizers.parse("adam:beta1=1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beta1 must be in [0, 1)");
        assertThatThrownBy(() -> Optimizers.parse("adam:beta1=1,foo=2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key foo");
        assertThatThrownBy(() -> Optimizers.named("adam:lr=1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Optimizers.parse");
        assertThatThrownBy(() -> Optimizers.parse("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valid names");
    }

    @Provide
    Arbitrary<String> specLike() {
        Arbitrary<String> junk = Arbitraries.strings().withChars("adamsgdlrbet12=,:.e-+ _xyzTRUEfalsNIn").ofMaxLength(30);
        Arbitrary<String> nearly = Arbitraries.of(Optimizers.names()).flatMap(n -> Arbitraries.strings()
                .withChars("lrbetamomnsv_12=,.e-0.9truefals").ofMaxLength(25).map(rest -> n + ":" + rest));
        return Arbitraries.oneOf(junk, nearly);
    }

    @Property(tries = 500)
    void theParserNeverCrashes(@ForAll("specLike") String spec) {
        try {
            OptimizerConfig config = Optimizers.parse(spec);
            assertThat(Optimizers.names()).anyMatch(n -> n.equals(config.name()));
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
