package dev.descent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text form: every example of the grammar, chaining, the base rate and the error messages. */
class ScheduleSpecTest {

    static void same(Schedule got, Schedule want, long steps) {
        for (long t = 0; t <= steps; t++) {
            assertThat(got.at(t)).as("step %d", t).isEqualTo(want.at(t));
        }
    }

    @Test
    void theIssueExamplesBuildTheirFactories() {
        same(ScheduleSpec.parse("step:every=30,gamma=0.1", 0.1), Schedule.step(0.1, 30, 0.1), 200);
        same(ScheduleSpec.parse("exp:k=0.01", 0.1), Schedule.exponential(0.1, 0.01), 200);
        same(ScheduleSpec.parse("inv:k=0.01", 0.1), Schedule.inverseTime(0.1, 0.01), 200);
        same(ScheduleSpec.parse("warmup:steps=100+cosine:steps=1000,min=1e-5", 0.1),
                Schedule.warmup(100, 0, Schedule.cosine(0.1, 1000, 1e-5)), 1300);
    }

    @Test
    void everyNameBuildsItsFactory() {
        double lr0 = 0.3;
        same(ScheduleSpec.parse("const", lr0), Schedule.constant(lr0), 10);
        same(ScheduleSpec.parse("constant:lr=0.2", lr0), Schedule.constant(0.2), 10);
        same(ScheduleSpec.parse("step:every=10", lr0), Schedule.step(lr0, 10, 0.1), 100);
        same(ScheduleSpec.parse("multistep:milestones=30;60;90,gamma=0.1", lr0),
                Schedule.multiStep(lr0, new long[] {30, 60, 90}, 0.1), 120);
        same(ScheduleSpec.parse("exp:rate=0.5,every=10", lr0), Schedule.exponentialStaircase(lr0, 0.5, 10), 100);
        same(ScheduleSpec.parse("exp:rate=0.95", lr0), Schedule.exponentialStaircase(lr0, 0.95, 1), 100);
        same(ScheduleSpec.parse("poly:steps=50,power=2,end=0.01", lr0), Schedule.polynomial(lr0, 0.01, 2, 50), 80);
        same(ScheduleSpec.parse("poly:steps=50", lr0), Schedule.polynomial(lr0, 0, 1, 50), 80);
        same(ScheduleSpec.parse("cosine:steps=100", lr0), Schedule.cosine(lr0, 100, 0), 150);
        same(ScheduleSpec.parse("restarts:t0=10,mult=2,min=0.001", lr0),
                Schedule.cosineWarmRestarts(lr0, 10, 2, 0.001), 200);
        same(ScheduleSpec.parse("restarts:t0=10", lr0), Schedule.cosineWarmRestarts(lr0, 10, 1, 0), 50);
        same(ScheduleSpec.parse("linear:steps=5", lr0), Schedule.linear(lr0, 1.0 / 3, 1, 5), 10);
        same(ScheduleSpec.parse("warmup:steps=20,start=0.1", lr0), Schedule.linearWarmup(lr0, 20, 0.1), 30);
        same(ScheduleSpec.parse("onecycle:steps=100", lr0), Schedule.oneCycle(lr0, 100), 120);
        same(ScheduleSpec.parse("onecycle:steps=100,pct=0.25,div=10,final_div=100", lr0),
                Schedule.oneCycle(lr0, 100, 0.25, 10, 100), 120);
    }

    @Test
    void chainsSwitchWhereTheEarlierPartEnds() {
        // a+b+c: b starts at len(a) = 50, c at len(a)+len(b) = 150, each counting its own steps
        Schedule s = ScheduleSpec.parse("poly:steps=50,end=0.05+cosine:steps=100,lr=0.05,min=0.01+const:lr=0.01", 0.1);
        assertThat(s.at(0)).isEqualTo(0.1);
        assertThat(s.at(49)).isEqualTo(Schedule.polynomial(0.1, 0.05, 1, 50).at(49));
        assertThat(s.at(50)).isEqualTo(0.05);
        assertThat(s.at(100)).isEqualTo(Schedule.cosine(0.05, 100, 0.01).at(50));
        assertThat(s.at(150)).isEqualTo(0.01);
        assertThat(s.at(10_000)).isEqualTo(0.01);
    }

    @Test
    void aWarmupRampsToTheFirstRateOfWhatFollows() {
        Schedule s = ScheduleSpec.parse("warmup:steps=10+step:every=5,lr=0.2,gamma=0.5", 99);
        assertThat(s.at(0)).isEqualTo(0.0);
        assertThat(s.at(5)).isCloseTo(0.1, within(1e-15));
        assertThat(s.at(10)).isEqualTo(0.2);
        assertThat(s.at(15)).isEqualTo(0.1);
        // a warmup that is last rises to the base rate and stays
        Schedule alone = ScheduleSpec.parse("warmup:steps=4", 0.8);
        assertThat(alone.at(2)).isEqualTo(0.4);
        assertThat(alone.at(100)).isEqualTo(0.8);
    }

    @Test
    void lrInTheSpecWinsOverTheBaseRateAndIsRequiredWithoutOne() {
        assertThat(ScheduleSpec.parse("const:lr=0.5", 0.1).at(3)).isEqualTo(0.5);
        assertThat(ScheduleSpec.parse("exp:k=0.1,lr=2").at(0)).isEqualTo(2.0);
        assertThatThrownBy(() -> ScheduleSpec.parse("exp:k=0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schedule spec 'exp:k=0.1': no learning rate")
                .hasMessageContaining("add lr=");
    }

    @Test
    void toleratesSpacesAndExponentSigns() {
        same(ScheduleSpec.parse(" warmup:steps=10 + cosine : steps = 1e+2 , min=1E-5 ", 0.1),
                Schedule.warmup(10, 0, Schedule.cosine(0.1, 100, 1e-5)), 150);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                            | empty schedule spec",
        "cosin:steps=10                | 'cosin' at column 1 of schedule spec 'cosin:steps=10': unknown schedule 'cosin'; valid names: const, step, multistep, exp, inv, poly, cosine, restarts, linear, warmup, onecycle",
        "step:every=30,gama=0.1        | 'gama=0.1' at column 15 of schedule spec 'step:every=30,gama=0.1': unknown key 'gama'; valid keys for step: lr, every, gamma",
        "step:every=30,gamma=-1        | 'gamma=-1' at column 15 of schedule spec 'step:every=30,gamma=-1': gamma must be a finite number > 0 and ≤ 1",
        "step:every=thirty             | 'every=thirty' at column 6 of schedule spec 'step:every=thirty': 'thirty' is not a whole number",
        "step:every=2.5                | 'every=2.5' at column 6 of schedule spec 'step:every=2.5': '2.5' is not a whole number ≥ 0",
        "step:every=30,gamma           | 'gamma' at column 15 of schedule spec 'step:every=30,gamma': a key needs a value: gamma=VALUE",
        "step:every=30,                | '' at column 15 of schedule spec 'step:every=30,': empty KEY=VALUE",
        "step:every=30,every=40        | 'every=40' at column 15 of schedule spec 'step:every=30,every=40': key 'every' given twice",
        "step:gamma=0.5                | schedule spec 'step:gamma=0.5': missing every=STEPS",
        "exp:k=0.1,rate=0.5            | exp takes either k= (continuous",
        "exp:k=0.1,every=3             | 'every=3' at column 11 of schedule spec 'exp:k=0.1,every=3': every= belongs to the staircase form",
        "step:every=30+cosine:steps=10 | 'step:every=30' at column 1 of schedule spec 'step:every=30+cosine:steps=10': 'step' has no length",
        "warmup:steps=10+              | '' at column 17 of schedule spec 'warmup:steps=10+': empty part after the last '+'",
        "warmup:steps=10++cosine:steps=5 | '' at column 17 of schedule spec 'warmup:steps=10++cosine:steps=5': empty part between two '+'",
        "cosine:steps=10,min=1         | 'min=1' at column 17 of schedule spec 'cosine:steps=10,min=1': min must be in [0.0, 0.1], got 1.0",
        "restarts:t0=10,mult=0         | 'mult=0' at column 16 of schedule spec 'restarts:t0=10,mult=0': mult must be a step count ≥ 1, got 0",
        "multistep:milestones=30;x     | 'milestones=30;x' at column 11 of schedule spec 'multistep:milestones=30;x': 'x' is not a whole number",
        "multistep:milestones=60;30    | milestones must be strictly increasing steps ≥ 1, got [60, 30]",
        "onecycle:steps=2              | schedule spec 'onecycle:steps=2': pct·steps must be in (1, steps)",
        "inv:k=NaN                     | 'k=NaN' at column 5 of schedule spec 'inv:k=NaN': 'NaN' is not a number",
        "exp:k=1e999                   | 'k=1e999' at column 5 of schedule spec 'exp:k=1e999': '1e999' is out of range",
        "cosine:steps=99999999999999999999 | 'steps=99999999999999999999' at column 8 of schedule spec 'cosine:steps=99999999999999999999': '99999999999999999999' is too large",
        "warmup:steps=5,lr=1+const     | 'lr=1' at column 16 of schedule spec 'warmup:steps=5,lr=1+const': a warmup followed by '+' ramps to the first rate of the next part",
        "plateau:patience=3            | reduce-on-plateau reads a metric",
        "exp:k=-0.01                   | 'k=-0.01' at column 5 of schedule spec 'exp:k=-0.01': k must be a finite number ≥ 0 (k < 0 makes the rate grow without bound)",
        "inv:k=-0.01                   | 'k=-0.01' at column 5 of schedule spec 'inv:k=-0.01': k must be a finite number ≥ 0 (k < 0 makes the rate grow without bound)",
        "exp:rate=1.5                  | 'rate=1.5' at column 5 of schedule spec 'exp:rate=1.5': rate must be a finite number > 0 and ≤ 1 (a factor > 1 makes the rate grow without bound)",
        "step:every=3,gamma=2          | 'gamma=2' at column 14 of schedule spec 'step:every=3,gamma=2': gamma must be a finite number > 0 and ≤ 1",
        "multistep:milestones=3,gamma=10 | gamma must be a finite number > 0 and ≤ 1",
        "cosine:steps=10,lr=Infinity   | 'lr=Infinity' at column 17 of schedule spec 'cosine:steps=10,lr=Infinity': 'Infinity' is not a number",
    })
    void malformedSpecsPointAtTheWrongPart(String spec, String message) {
        assertThatThrownBy(() -> ScheduleSpec.parse(spec, 0.1))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("ScheduleSpec"));
    }

    @Test
    void namesKeysAndWordsIgnoreCase() {
        same(ScheduleSpec.parse("Warmup:Steps=10+COSINE:STEPS=100,MIN=1E-5", 0.1),
                Schedule.warmup(10, 0, Schedule.cosine(0.1, 100, 1e-5)), 150);
        assertThat(ScheduleSpec.parsePlateau("PLATEAU:Mode=MAX,Threshold_Mode=Abs"))
                .isEqualTo(PlateauConfig.defaults().withMode(PlateauConfig.Mode.MAX)
                        .withThreshold(1e-4, PlateauConfig.ThresholdMode.ABS));
    }

    @Test
    void veryLongSpecsAreQuotedShortened() {
        String spec = "cosine:steps=10," + "min=0,".repeat(2000);
        assertThatThrownBy(() -> ScheduleSpec.parse(spec, 0.1)).isInstanceOf(SpecException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage().length()).isLessThan(300);
                    assertThat(e.getMessage()).contains("'min=0' at column 23").contains("given twice")
                            .contains("(12016 characters)");
                });
    }

    @Test
    void theBaseRateIsChecked() {
        assertThatThrownBy(() -> ScheduleSpec.parse("const", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr0 must be a finite number ≥ 0");
    }

    @Test
    void plateauSpecs() {
        assertThat(ScheduleSpec.parsePlateau("plateau")).isEqualTo(PlateauConfig.defaults());
        assertThat(ScheduleSpec.parsePlateau("plateau:mode=max,factor=0.5,patience=3,threshold=0.01,"
                        + "threshold_mode=abs,cooldown=2,min=1e-4,eps=0"))
                .isEqualTo(new PlateauConfig(PlateauConfig.Mode.MAX, 0.5, 3, 0.01, PlateauConfig.ThresholdMode.ABS,
                        2, 1e-4, 0));
        assertThatThrownBy(() -> ScheduleSpec.parsePlateau("plateau:mode=up"))
                .hasMessageContaining("'mode=up' at column 9 of schedule spec 'plateau:mode=up': 'up' is not one of min, max");
        assertThatThrownBy(() -> ScheduleSpec.parsePlateau("plateau:factor=1"))
                .hasMessageContaining("'factor=1' at column 9 of schedule spec 'plateau:factor=1': factor must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> ScheduleSpec.parsePlateau("plateau:min=-1"))
                .hasMessageContaining("'min=-1' at column 9 of schedule spec 'plateau:min=-1': min must be a finite number ≥ 0");
        assertThatThrownBy(() -> ScheduleSpec.parsePlateau("cosine:steps=3"))
                .hasMessageContaining("expected 'plateau'");
    }

    @Test
    void theGrammarNamesEveryScheduleAndTheExamples() {
        for (String name : new String[] {"const", "step:", "multistep:", "exp:k", "exp:rate", "inv:", "poly:",
            "cosine:", "restarts:", "linear:", "warmup:", "onecycle:", "step:every=30,gamma=0.1",
            "warmup:steps=100+cosine:steps=1000,min=1e-5", "multistep:milestones=30;60;90,gamma=0.1"}) {
            assertThat(ScheduleSpec.GRAMMAR).contains(name);
        }
    }
}
