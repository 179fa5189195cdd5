package dev.descent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties: decaying schedules fall monotonically from lr0; the spec parser never crashes. */
class SchedulePropertiesTest {

    /** A decaying schedule and its lr0. */
    record Decaying(Schedule schedule, double lr0) {}

    @Provide
    Arbitrary<Decaying> decaying() {
        Arbitrary<Double> lr0 = Arbitraries.doubles().between(1e-8, 10).ofScale(12);
        Arbitrary<Double> frac = Arbitraries.doubles().between(0, 1).ofScale(12);
        Arbitrary<Long> steps = Arbitraries.longs().between(1, 100_000);
        Arbitrary<Double> gamma = Arbitraries.doubles().between(1e-6, 1).ofScale(12);
        return Arbitraries.oneOf(
                Combinators.combine(lr0, steps, gamma).as((l, n, g) -> new Decaying(Schedule.step(l, n, g), l)),
                Combinators.combine(lr0, Arbitraries.longs().between(1, 10_000).set().ofMinSize(1).ofMaxSize(6), gamma)
                        .as((l, m, g) -> new Decaying(Schedule.multiStep(l,
                                m.stream().mapToLong(Long::longValue).sorted().toArray(), g), l)),
                Combinators.combine(lr0, Arbitraries.doubles().between(0, 1).ofScale(12))
                        .as((l, k) -> new Decaying(Schedule.exponential(l, k), l)),
                Combinators.combine(lr0, gamma, steps)
                        .as((l, r, n) -> new Decaying(Schedule.exponentialStaircase(l, r, n), l)),
                Combinators.combine(lr0, Arbitraries.doubles().between(0, 10).ofScale(12))
                        .as((l, k) -> new Decaying(Schedule.inverseTime(l, k), l)),
                Combinators.combine(lr0, frac, Arbitraries.doubles().between(0.1, 5).ofScale(12), steps)
                        .as((l, e, p, n) -> new Decaying(Schedule.polynomial(l, e * l, p, n), l)),
                Combinators.combine(lr0, steps, frac).as((l, n, m) -> new Decaying(Schedule.cosine(l, n, m * l), l)),
                Combinators.combine(lr0, frac, steps)
                        .as((l, e, n) -> new Decaying(Schedule.linear(l, 1, e, n), l)),
                lr0.map(l -> new Decaying(Schedule.constant(l), l)));
    }

    @Property(tries = 300)
    void everyDecayingScheduleStartsAtLr0AndNeverRises(@ForAll("decaying") Decaying d,
            @ForAll("starts") long from) {
        Schedule s = d.schedule();
        assertThat(s.at(0)).as("%s at 0", s).isEqualTo(d.lr0());
        double prev = s.at(0);
        for (long t = 1; t < 200; t++) { // the first steps, where most of the shape is
            double v = s.at(t);
            assertThat(v).as("%s at %d", s, t).isLessThanOrEqualTo(prev).isGreaterThanOrEqualTo(0);
            prev = v;
        }
        prev = s.at(from);
        for (long t = from + 1; t < from + 200; t++) { // and a window anywhere later
            double v = s.at(t);
            assertThat(v).as("%s at %d", s, t).isLessThanOrEqualTo(prev).isGreaterThanOrEqualTo(0);
            prev = v;
        }
    }

    @Provide
    Arbitrary<Long> starts() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 200_000), Arbitraries.longs().between(0, Long.MAX_VALUE - 1000));
    }

    @Property(tries = 200)
    void warmRestartsStartEveryCycleAtLr0AndFallWithinIt(@ForAll("lrs") double lr0,
            @ForAll("cycles") long t0, @ForAll("mults") long mult, @ForAll("fractions") double min) {
        Schedule s = Schedule.cosineWarmRestarts(lr0, t0, mult, min * lr0);
        long start = 0;
        long len = t0;
        for (int cycle = 0; cycle < 4; cycle++) {
            assertThat(s.at(start)).isEqualTo(lr0);
            for (long t = start + 1; t < start + len; t++) {
                assertThat(s.at(t)).isLessThanOrEqualTo(s.at(t - 1));
            }
            start += len;
            len *= mult;
        }
    }

    @Provide
    Arbitrary<Double> lrs() {
        return Arbitraries.doubles().between(1e-6, 1).ofScale(12);
    }

    @Provide
    Arbitrary<Long> cycles() {
        return Arbitraries.longs().between(1, 50);
    }

    @Provide
    Arbitrary<Long> mults() {
        return Arbitraries.longs().between(1, 3);
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1).ofScale(12);
    }

    // ------------------------------------------------------------------ the parser never crashes

    @Provide
    Arbitrary<String> specs() {
        Arbitrary<String> token = Arbitraries.of(
                "const", "constant", "step", "multistep", "exp", "inv", "poly", "cosine", "restarts", "linear",
                "warmup", "onecycle", "plateau", "lr", "every", "gamma", "milestones", "k", "rate", "steps", "power",
                "end", "min", "t0", "mult", "start", "pct", "div", "final_div", ":", ":", "=", "=", ",", ",", "+",
                ";", " ", "0", "1", "30", "0.1", "1e-5", "1e+5", "-1", "1e999", "9999999999999999999999", ".",
                "e", "E", "nan", "NaN", "Infinity", "0x10", "1_0", "\t", "\n", "é", "∞", "\u0000");
        return Arbitraries.oneOf(
                token.list().ofMaxSize(14).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("step:every=30,gamma+;.e-1").ofMaxLength(40));
    }

    @Property(tries = 3000)
    void theParserReturnsAScheduleOrAOneLineError(@ForAll("specs") String spec, @ForAll boolean withBase) {
        Schedule s;
        try {
            s = withBase ? ScheduleSpec.parse(spec, 0.1) : ScheduleSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as("message for %s", spec).isNotBlank();
            return;
        }
        assertThat(s).isNotNull();
        for (long t : new long[] {0, 1, 7, 1000, 123_456_789, Long.MAX_VALUE}) {
            double v = s.at(t);
            assertThat(v).as("%s at %d", spec, t).isNotNaN().isGreaterThanOrEqualTo(0);
        }
    }

    @Property(tries = 1000)
    void thePlateauParserReturnsSettingsOrAnError(@ForAll("specs") String spec) {
        try {
            assertThat(ScheduleSpec.parsePlateau(spec)).isNotNull();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 200)
    void aValidGeneratedSpecMatchesItsFactory(@ForAll("lrs") double lr0, @ForAll("cycles") long every,
            @ForAll("fractions") double gamma) {
        double g = Math.max(gamma, 1e-3);
        Schedule parsed = ScheduleSpec.parse("step:every=" + every + ",gamma=" + g, lr0);
        Schedule built = Schedule.step(lr0, every, g);
        double[] a = new double[100];
        double[] b = new double[100];
        for (int t = 0; t < 100; t++) {
            a[t] = parsed.at(t);
            b[t] = built.at(t);
        }
        assertThat(Arrays.equals(a, b)).isTrue();
    }
}
