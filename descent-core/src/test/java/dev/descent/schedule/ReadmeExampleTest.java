package dev.descent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Java example of the README's "Schedules" section, compiled and run; the README must quote it verbatim. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRunsAndIsQuotedVerbatim() throws IOException {
        double[] seen = new double[3];
        double[] metrics = {0.9, 0.8, 0.8, 0.8, 0.8};
        // README begin
        // 100 warm-up steps to 3e-4, then cosine annealing to 1e-5 over 1000 steps
        Schedule lr = Schedule.warmup(100, 0.0, Schedule.cosine(3e-4, 1000, 1e-5));
        Schedule same = ScheduleSpec.parse("warmup:steps=100+cosine:steps=1000,min=1e-5", 3e-4);
        double atStart = lr.at(0);      // 0.0
        double peak = lr.at(100);       // 3e-4
        double end = same.at(1100);     // 1e-5, and from then on

        // reduce-on-plateau reads a metric; its state is checkpointed as bytes
        ReduceOnPlateau plateau = PlateauConfig.defaults().withPatience(2).create(0.1);
        for (double loss : metrics) {
            plateau.step(loss);         // 0.1, 0.1, 0.1, 0.1, then 0.01 (third bad epoch > patience 2)
        }
        byte[] checkpoint = plateau.exportState();
        ReduceOnPlateau resumed = PlateauConfig.defaults().withPatience(2).create(0.1);
        resumed.importState(checkpoint);
        // README end
        seen[0] = atStart;
        seen[1] = peak;
        seen[2] = end;
        assertThat(seen).containsExactly(0.0, 3e-4, 1e-5);
        assertThat(lr.at(600)).isEqualTo(same.at(600));
        assertThat(plateau.lr()).isCloseTo(0.01, within(1e-17));
        assertThat(resumed.lr()).isEqualTo(plateau.lr());

        String source = Files.readString(Path.of("src/test/java/dev/descent/schedule/ReadmeExampleTest.java"));
        String snippet = source.substring(source.indexOf("// README begin\n") + "// README begin\n".length(),
                source.indexOf("        // README end"));
        String readme = Files.readString(Path.of("../README.md"));
        String unindented = snippet.lines().map(l -> l.isBlank() ? "" : l.substring(8))
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(readme).contains(unindented);
    }
}
