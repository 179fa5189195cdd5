package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.spec.SpecException;
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
        bad("adamm:lr=1", "'adamm' at column 1 of optimizer spec 'adamm:lr=1': unknown optimizer 'adamm'; valid names: "
                + "sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, nadam, radam, adamax, adadelta, lion");
        bad("adam:lr=1e-3,beta3=0.9", "'beta3=0.9' at column 14 of optimizer spec 'adam:lr=1e-3,beta3=0.9': unknown key "
                + "'beta3'; valid keys for adam: lr, beta1, beta2, eps, amsgrad, weight_decay, maximize, clip_norm, "
                + "clip_value");
        bad("sgd:lr=abc", "'lr=abc' at column 5 of optimizer spec 'sgd:lr=abc': 'abc' is not a number");
        bad("sgd:lr=NaN", "'NaN' is not a number");
        bad("sgd:lr=Infinity", "'Infinity' is not a number");
        bad("sgd:lr=1e999", "'1e999' is out of range");
        bad("sgd:nesterov=yes", "'nesterov=yes' at column 5 of optimizer spec 'sgd:nesterov=yes': 'yes' is not true or false");
        bad("sgd:lr", "'lr' at column 5 of optimizer spec 'sgd:lr': a key needs a value: lr=VALUE");
        bad("sgd:lr=1,,momentum=0.9", "'' at column 10 of optimizer spec 'sgd:lr=1,,momentum=0.9': empty KEY=VALUE");
        bad("sgd:lr=1,lr=2", "'lr=2' at column 10 of optimizer spec 'sgd:lr=1,lr=2': key 'lr' given twice");
        bad("adam:", "optimizer spec 'adam:': nothing after ':'");
        bad("adam:beta1=1", "'beta1=1' at column 6 of optimizer spec 'adam:beta1=1': beta1 must be in [0, 1), got 1.0");
        bad("adam:beta1=1,foo=2", "unknown key 'foo'");
        bad("adamw:coupled_weight_decay=-1", "'coupled_weight_decay=-1' at column 7 of optimizer spec "
                + "'adamw:coupled_weight_decay=-1': coupled_weight_decay must be a finite number ≥ 0, got -1.0");
        bad("nesterov:momentum=0", "optimizer spec 'nesterov:momentum=0': nesterov needs momentum > 0");
        bad("", "empty optimizer spec; write NAME or NAME:KEY=VALUE,..., NAME one of sgd, momentum");
        assertThatThrownBy(() -> Optimizers.named("adam:lr=1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Optimizers.parse");
    }

    static void bad(String spec, String message) {
        assertThatThrownBy(() -> Optimizers.parse(spec)).isInstanceOf(SpecException.class)
                .hasMessageContaining(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void namesKeysAndWordsIgnoreCase() {
        // the one case rule of every spec: names, keys and true/false in any case
        assertThat(Optimizers.parse("ADAM:LR=0.1,Beta2=0.99,AMSGRAD=True"))
                .isEqualTo(new Adam(0.1, 0.9, 0.99, 1e-8, true, Options.NONE));
        assertThat(Optimizers.parse("Momentum:Clip_Norm=1E0")).isEqualTo(
                new Sgd(0.01, 0.9, false).withOptions(Options.NONE.withClipNorm(1)));
    }

    @Test
    void veryLongSpecsAreQuotedShortened() {
        String junk = "adam:lr=0.1," + "x".repeat(10_000) + "=1";
        String m = message(junk);
        assertThat(m.length()).isLessThan(400);
        assertThat(m).contains("at column 13 of optimizer spec 'adam:lr=0.1,xxx").contains("...' (10014 characters)")
                .contains("unknown key 'xxxxxxxxxx");
        String longName = message("y".repeat(10_000));
        assertThat(longName.length()).isLessThan(400);
        assertThat(longName).contains("valid names: sgd");
    }

    static String message(String spec) {
        try {
            Optimizers.parse(spec);
        } catch (SpecException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for a spec of " + spec.length() + " characters");
    }

    @Test
    void theHelpIsDerivedFromTheEntries() {
        assertThat(Optimizers.usage()).hasSize(Optimizers.names().size() + 1);
        assertThat(Optimizers.usage().getLast()).contains("coupled_weight_decay for adamw, lion");
        assertThat(Optimizers.usage().get(5)).startsWith("adam[:lr=0.001,beta1=0.9,beta2=0.999,eps=1.0E-8,amsgrad=false]  Adam");
        assertThat(Optimizers.usage().get(1)).startsWith("momentum[:lr=0.01,momentum=0.9,dampening=0.0,nesterov=false]");
        for (var e : Optimizers.entries()) {
            assertThat(e.keys()).contains("lr", "maximize", "clip_norm", "clip_value");
            assertThat(e.params()).allMatch(p -> !p.help().isBlank());
            assertThat(Optimizers.named(e.name())).isEqualTo(e.defaults());
        }
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
