package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchScalingCommandTest {

    @Test
    void jsonReportsEveryPointAndASlopePerMethod() {
        MinimizeCommandTest.Run r = MinimizeCommandTest.run("bench", "scaling", "--methods", "bfgs,lbfgs", "--dims",
                "8,16,32", "--iterations", "2", "--repeats", "1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        String j = r.out().strip();
        assertThat(j).startsWith("{\"problem\":\"extended-rosenbrock\"").endsWith("}").doesNotContain("\n");
        assertThat(j.split("\"secondsPerIteration\":", -1)).hasSize(1 + 6);
        assertThat(j).contains("\"slopes\":{\"bfgs\":", "\"lbfgs\":", "\"tailSlopes\":");
    }

    @Test
    void humanTableAndBadInput() {
        MinimizeCommandTest.Run r = MinimizeCommandTest.run("bench", "scaling", "--methods", "newton", "--dims", "4,8",
                "--iterations", "1", "--repeats", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ms/iter", "newton", "fitted slope");
        MinimizeCommandTest.Run odd = MinimizeCommandTest.run("bench", "scaling", "--dims", "5");
        assertThat(odd.code()).isEqualTo(2);
        assertThat(odd.err()).contains("even");
        MinimizeCommandTest.Run adam = MinimizeCommandTest.run("bench", "scaling", "--methods", "adam", "--dims", "4");
        assertThat(adam.code()).isEqualTo(2);
        MinimizeCommandTest.Run repeats = MinimizeCommandTest.run("bench", "scaling", "--repeats", "0");
        assertThat(repeats.code()).isEqualTo(2);
        assertThat(repeats.err().strip()).contains("--repeats must be >= 1", "got 5 and 0").doesNotContain("\n");
        MinimizeCommandTest.Run many = MinimizeCommandTest.run("bench", "scaling", "--methods", "lbfgs", "--dims", "2",
                "--iterations", "1", "--repeats", "1001", "--json");
        assertThat(many.code()).as(many.err()).isZero();
        assertThat(many.out()).contains("\"runs\":1001");
        MinimizeCommandTest.Run huge = MinimizeCommandTest.run("bench", "scaling", "--methods", "bfgs", "--dims", "65536");
        assertThat(huge.code()).isEqualTo(2);
        assertThat(huge.err().strip()).contains("dense n×n matrix", "use lbfgs").doesNotContain("\n");
    }
}
