package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Optimizers#spec} writes what {@link Optimizers#parse} reads back to an equal record. */
class SpecRoundTripTest {

    static Arbitrary<Double> unit() {
        return Arbitraries.doubles().between(0, 1).ofScale(12).filter(v -> v < 1);
    }

    static Arbitrary<Double> positive() {
        // mantissas with many digits times powers of ten: values whose decimal form is long
        return Combinators.combine(Arbitraries.doubles().between(1, 10).ofScale(12), Arbitraries.integers().between(-12, 1))
                .as((m, e) -> m * Math.pow(10, e));
    }

    static Arbitrary<Double> nonNegative() {
        return Arbitraries.oneOf(Arbitraries.just(0.0), positive());
    }

    static Arbitrary<Options> options() {
        Arbitrary<Double> clip = Arbitraries.oneOf(Arbitraries.just(Double.POSITIVE_INFINITY), positive());
        return Combinators.combine(nonNegative(), Arbitraries.of(true, false), clip, clip).as(Options::new);
    }

    @Provide
    Arbitrary<OptimizerConfig> configs() {
        Arbitrary<Double> lr = nonNegative();
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Arbitraries.oneOf(
                Combinators.combine(lr, unit(), flag, options()).as((a, m, n, o) -> (OptimizerConfig)
                        new Sgd(a, n && m == 0 ? 0.5 : m, 0, n, o)),
                Combinators.combine(lr, unit(), Arbitraries.doubles().between(0, 1).ofScale(9), options())
                        .as((a, m, d, o) -> (OptimizerConfig) new Sgd(a, m, d, false, o)),
                Combinators.combine(lr, nonNegative(), nonNegative(), positive(), options()).as(AdaGrad::new),
                Combinators.combine(lr, unit(), positive(), unit(), flag, flag, options())
                        .as((a, al, e, m, c, bc, o) -> (OptimizerConfig) new RmsProp(a, al, e, m, c, bc && !c, o)),
                Combinators.combine(lr, unit(), unit(), positive(), flag, options()).as(Adam::new),
                Combinators.combine(lr, unit(), unit(), positive(), nonNegative(), flag, options()).as(AdamW::new),
                Combinators.combine(lr, unit(), unit(), positive(), nonNegative(), options()).as(NAdam::new),
                Combinators.combine(lr, unit(), unit(), positive(), options()).as(RAdam::new),
                Combinators.combine(lr, unit(), unit(), positive(), options()).as(Adamax::new),
                Combinators.combine(lr, unit(), positive(), options()).as(AdaDelta::new),
                Combinators.combine(lr, unit(), unit(), nonNegative(), options()).as(Lion::new));
    }

    @Property(tries = 300)
    void parseReadsSpecBack(@ForAll("configs") OptimizerConfig config) {
        assertThat(Optimizers.parse(Optimizers.spec(config))).isEqualTo(config);
    }

    @Test
    void specsOfDefaultsAndOptions() {
        assertThat(Optimizers.spec(Adam.defaults())).isEqualTo("adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1.0E-8,amsgrad=false");
        assertThat(Optimizers.spec(new Sgd(0.1, 0.9, true).withOptions(Options.NONE.withWeightDecay(5e-4).withClipNorm(1))))
                .isEqualTo("nesterov:lr=0.1,momentum=0.9,dampening=0.0,nesterov=true,weight_decay=5.0E-4,clip_norm=1.0");
        // the preset a configuration matches is its printed name, and set options are kept
        assertThat(Optimizers.spec(Optimizers.parse("momentum"))).isEqualTo("momentum:lr=0.01,momentum=0.9,dampening=0.0,nesterov=false");
        assertThat(Optimizers.spec(Optimizers.parse("sgd:lr=0.1"))).isEqualTo("sgd:lr=0.1,momentum=0.0,dampening=0.0,nesterov=false");
        assertThat(Optimizers.spec(Optimizers.parse("adam:beta2=0.99,weight_decay=0.1")))
                .isEqualTo("adam:lr=0.001,beta1=0.9,beta2=0.99,eps=1.0E-8,amsgrad=false,weight_decay=0.1");
        for (String name : Optimizers.names()) {
            assertThat(Optimizers.spec(Optimizers.named(name))).startsWith(name + ":");
        }
        OptimizerConfig adamw = new AdamW(1e-3, 0.1).withOptions(Options.NONE.withWeightDecay(0.01).withMaximize(true));
        assertThat(Optimizers.spec(adamw)).endsWith("weight_decay=0.1,amsgrad=false,coupled_weight_decay=0.01,maximize=true");
        assertThatThrownBy(() -> Optimizers.parse("adam:coupled_weight_decay=0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown key 'coupled_weight_decay'");
    }

    @Test
    void everyRecordOfTheSealedInterfaceHasAnEntry() {
        // the registry is the one source of names: a record missing from it fails here
        for (Class<?> record : OptimizerConfig.class.getPermittedSubclasses()) {
            assertThat(Optimizers.entries()).as(record.getSimpleName()).anyMatch(e -> e.type() == record);
        }
        assertThat(Optimizers.entries()).allMatch(e -> e.type().isRecord());
    }
}
