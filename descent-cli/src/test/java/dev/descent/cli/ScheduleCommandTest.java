package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.schedule.Schedule;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code descent schedule}: the table, the JSON object, and bad input → exit 2 with one line. */
class ScheduleCommandTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsATableOfStepsAndRates() {
        Run r = run("schedule", "step:every=30,gamma=0.1", "--lr", "0.1", "--until", "90", "--every", "30");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().toList()).containsExactly(
                "schedule step:every=30,gamma=0.1   (lr0 = 0.1)",
                "        step  lr",
                "           0  0.1",
                "          30  0.01",
                "          60  0.001",
                "          90  0.0001");
    }

    @Test
    void jsonIsOneObjectWithTheExactRates() {
        String spec = "warmup:steps=100+cosine:steps=1000,min=1e-5";
        Run r = run("schedule", spec, "--lr", "0.001", "--until", "1100", "--every", "550", "--json");
        assertThat(r.code()).isZero();
        Schedule s = Schedule.warmup(100, 0, Schedule.cosine(0.001, 1000, 1e-5));
        assertThat(r.out()).isEqualTo("{\"spec\":\"" + spec + "\",\"lr0\":0.001,\"steps\":[0,550,1100],\"lrs\":[0.0,"
                + s.at(550) + "," + s.at(1100) + "]}" + System.lineSeparator());
        assertThat(s.at(1100)).isEqualTo(1e-5);
    }

    @Test
    void theLastStepIsPrintedEvenOffTheGridAndTheDefaultsGiveAboutTwentyRows() {
        Run r = run("schedule", "exp:k=0.01", "--until", "25", "--every", "10", "--json");
        assertThat(r.out()).contains("\"steps\":[0,10,20,25]").contains("\"lr0\":1.0");
        Run d = run("schedule", "inv:k=0.01");
        assertThat(d.code()).isZero();
        assertThat(d.out().lines().count()).isEqualTo(2 + 21); // steps 0, 5, ..., 100
    }

    @Test
    void aBadSpecExitsTwoWithTheParsersOneLineMessage() {
        Run r = run("schedule", "step:every=30,gama=0.1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("descent: 'gama=0.1' at column 15 of schedule spec 'step:every=30,gama=0.1': "
                + "unknown key 'gama'; valid keys for step: lr, every, gamma (see 'descent schedule --help')"
                + System.lineSeparator());
        Run chain = run("schedule", "exp:k=0.01+const");
        assertThat(chain.code()).isEqualTo(2);
        assertThat(chain.err()).contains("'exp:k=0.01' at column 1").contains("has no length").hasLineCount(1);
    }

    @Test
    void badOptionsExitTwo() {
        assertThat(run("schedule", "const", "--every", "0").code()).isEqualTo(2);
        assertThat(run("schedule", "const", "--until", "-1").err()).contains("--until must be ≥ 0").hasLineCount(1);
        assertThat(run("schedule", "const", "--lr", "-1").err()).contains("--lr must be a finite number ≥ 0");
        assertThat(run("schedule", "const", "--until", "100000000000", "--every", "1").err()).contains("use a larger --every");
        assertThat(run("schedule").code()).isEqualTo(2);
    }

    @Test
    void helpShowsTheGrammar() {
        Run r = run("schedule", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("warmup:steps=100+cosine:steps=1000,min=1e-5").contains("onecycle:steps=T")
                .contains("--every=K");
        assertThat(r.out().lines().mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(80);
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(ScheduleCommand.json("a\"b\\c\n\u0001", 1, new long[] {0}, new double[] {Double.NaN}))
                .isEqualTo("{\"spec\":\"a\\\"b\\\\c\\n\\u0001\",\"lr0\":1.0,\"steps\":[0],\"lrs\":[null]}");
        assertThat(ScheduleCommand.num(1.0000000000000004e-5)).isEqualTo("1e-5");
        assertThat(ScheduleCommand.num(0.00055)).isEqualTo("0.00055");
    }
}
