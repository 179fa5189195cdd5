package dev.descent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Reduce-on-plateau's checkpoint: export, import, continue is bit-identical to never stopping. */
class ReduceOnPlateauPropertiesTest {

    @Provide
    Arbitrary<PlateauConfig> configs() {
        return Combinators.combine(
                        Arbitraries.of(PlateauConfig.Mode.class),
                        Arbitraries.doubles().between(0, 0.99).ofScale(12),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.doubles().between(0, 0.1).ofScale(12),
                        Arbitraries.of(PlateauConfig.ThresholdMode.class),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.doubles().between(0, 1e-3).ofScale(12),
                        Arbitraries.of(0.0, 1e-8, 1e-3))
                .as(PlateauConfig::new);
    }

    @Provide
    Arbitrary<List<Double>> metrics() {
        return Arbitraries.oneOf(
                        Arbitraries.doubles().between(0, 2).ofScale(12),
                        Arbitraries.of(0.5, 0.5, 0.5, Double.NaN, Double.POSITIVE_INFINITY))
                .list().ofMinSize(2).ofMaxSize(80);
    }

    @Property(tries = 300)
    void exportImportContinueIsIdentical(@ForAll("configs") PlateauConfig c, @ForAll("metrics") List<Double> m,
            @ForAll("splits") double split) {
        int k = (int) (split * m.size());
        ReduceOnPlateau straight = c.create(0.1);
        ReduceOnPlateau first = c.create(0.1);
        for (int i = 0; i < k; i++) {
            straight.step(m.get(i));
            first.step(m.get(i));
        }
        byte[] saved = first.exportState();
        ReduceOnPlateau resumed = c.create(0.1);
        resumed.importState(saved);
        assertThat(resumed.exportState()).isEqualTo(saved);
        for (int i = k; i < m.size(); i++) {
            double a = straight.step(m.get(i));
            double b = resumed.step(m.get(i));
            assertThat(Double.doubleToRawLongBits(b)).isEqualTo(Double.doubleToRawLongBits(a));
        }
        assertThat(resumed.exportState()).isEqualTo(straight.exportState());
        assertThat(resumed.steps()).isEqualTo(m.size());
    }

    @Provide
    Arbitrary<Double> splits() {
        return Arbitraries.doubles().between(0, 1).ofScale(12);
    }
}
