package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.cli.TrainCommandTest.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One meaning and one default per flag across commands, one name per quantity, and values checked with their flag's name. */
class ConsistencyTest {

    @TempDir
    Path dir;

    static Run run(String... args) {
        return TrainCommandTest.run(args);
    }

    /** Every option name has one default across every command that has it (for the flags whose meaning is shared). */
    @Test
    void sharedFlagsHaveOneDefault() {
        Map<String, Map<String, String>> defaults = new HashMap<>();
        collect(Main.commandLine(), defaults);
        // (--steps is a number of optimizer steps to run wherever it exists; its default is the command's own budget)
        for (String flag : List.of("--seed", "--batch", "--data", "--json", "--no-progress")) {
            assertThat(new java.util.HashSet<>(defaults.get(flag).values())).as(flag + " " + defaults.get(flag)).hasSize(1);
        }
        assertThat(defaults.get("--seed").values()).containsOnly("1");
        assertThat(defaults.get("--batch").values()).containsOnly("128");
        // renamed where the meaning differed: lr-find's rule is --suggest, schedule's horizon is --until
        assertThat(defaults.get("--method")).containsOnlyKeys("descent minimize");
        assertThat(defaults.get("--steps")).doesNotContainKey("descent schedule");
    }

    private static void collect(CommandLine cl, Map<String, Map<String, String>> out) {
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            Object initial = o.defaultValue() != null ? o.defaultValue() : o.initialValue();
            out.computeIfAbsent(o.longestName(), k -> new HashMap<>()).put(cl.getCommandSpec().qualifiedName(), String.valueOf(initial));
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            collect(sub, out);
        }
    }

    @Test
    void lrFindAndTrainLrAutoSuggestTheSameRateOnTheSameData() throws Exception {
        Run find = run("lr-find", "--data", "blobs", "--model", "mlp:16", "--optimizer", "sgd");
        assertThat(find.code()).as(find.err()).isZero();
        String suggested = find.out().replaceAll("(?s)suggested lr: (\\S+) .*", "$1");
        Run auto = run("train", "--data", "blobs", "--model", "mlp:16", "--optimizer", "sgd", "--lr", "auto", "--epochs", "1");
        assertThat(auto.code()).as(auto.err()).isZero();
        String chosen = auto.out().replaceAll("(?s)lr auto: lr-find chose (\\S+) .*", "$1");
        assertThat(Double.parseDouble(chosen)).isCloseTo(Double.parseDouble(suggested), org.assertj.core.data.Percentage.withPercentage(0.5)); // printed to 3 and 4 digits
        Path csv = dir.resolve("d.csv");
        StringBuilder b = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 60; i++) {
            b.append(i % 3).append(',').append(i * 0.01).append(',').append(i % 3).append('\n');
        }
        Files.writeString(csv, b);
        assertThat(run("lr-find", "--data", csv.toString(), "--model", "softmax", "--optimizer", "sgd", "--steps", "20").code()).isZero();
    }

    @Test
    void oneNamePerQuantityInTextCsvJsonLinesAndJson() throws Exception {
        Path csv = dir.resolve("m.csv");
        Path jsonl = dir.resolve("m.jsonl");
        Run text = run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--epochs", "1", "--metrics", csv.toString());
        Run json = run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--epochs", "1", "--metrics", jsonl.toString(),
                "--json");
        assertThat(text.out()).contains("val loss", "val accuracy", "held out as val (a stratified half)").doesNotContain("test loss");
        assertThat(Files.readAllLines(csv).getFirst()).contains("val_loss", "val_accuracy");
        assertThat(Files.readAllLines(jsonl).getLast()).contains("\"valLoss\"", "\"valAccuracy\"");
        assertThat(json.out()).contains("\"valLoss\"", "\"valAccuracy\"", "\"val\": \"a stratified half\"").doesNotContain("testLoss");
        for (Quantity q : Quantity.values()) {
            assertThat(q.csv).isEqualTo(q.text.replace(' ', '_').replace("elapsed", "elapsed_s"));
        }
    }

    @Test
    void theRunShowsTheFullOptimizerSpec() {
        Run r = run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "adam:beta2=0.99,weight_decay=0.1", "--epochs", "1",
                "--json");
        assertThat(r.out()).contains("\"optimizer\": \"adam:").contains("beta2=0.99").contains("weight_decay=0.1");
    }

    @Test
    void theLearningRateGivenTwiceIsOneRuleInTrainAndMinimize() {
        Run t = run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "adam:lr=0.1", "--lr", "0.01");
        Run m = run("minimize", "--problem", "rosenbrock", "--method", "adam:lr=0.1", "--lr", "0.01");
        for (Run r : List.of(t, m)) {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("lr is given twice", "lr=0.1", "--lr 0.01", "give it once");
        }
        assertThat(m.err()).doesNotContain("lr=0.1,lr=0.01"); // never a spec the user did not type
    }

    @Test
    void helpTextsAreWhole() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new java.io.PrintWriter(out));
        cl.execute("bench", "--help");
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("Time one optimizer step on N float32 parameters beside a STREAM triad.");
        StringWriter m = new StringWriter();
        cl = Main.commandLine();
        cl.setOut(new java.io.PrintWriter(m));
        cl.execute("minimize", "--help");
        assertThat(m.toString()).contains("--x0=a,b,...").doesNotContain("[,a,b");
        CommandLine train = Main.commandLine().getSubcommands().get("train");
        for (CommandLine.Model.OptionSpec o : train.getCommandSpec().options()) {
            String d = o.description()[0];
            String first = d.split("[ ,(]")[0];
            assertThat(Character.isUpperCase(d.charAt(0)) || List.of("embedded", "softmax", "sgd", "none").contains(first))
                    .as(o.longestName() + ": " + d).isTrue();
            if (o.paramLabel().matches("[A-Z]+")) {
                assertThat(o.paramLabel()).as(o.longestName()).isNotEqualTo("NAME");
            }
        }
    }

    private static final class StringWriter extends java.io.StringWriter {}

    @Test
    void valuesAreCheckedWithTheirFlagsName() throws Exception {
        Run x0 = run("minimize", "--problem", "rosenbrock", "--method", "bfgs", "--x0", "NaN,1");
        assertThat(x0.code()).isEqualTo(2);
        assertThat(x0.err()).contains("--x0: value 1 is NaN");
        Run memory = run("minimize", "--problem", "rosenbrock", "--method", "lbfgs", "--memory", "2000000000");
        assertThat(memory.err()).contains("--memory 2000000000").doesNotContain("-294967294");
        Run width = run("train", "--data", "spiral", "--model", "mlp:100000,100000", "--optimizer", "sgd");
        assertThat(width.err()).contains("--model mlp:100000,100000", "parameters");
        Run huge = run("schedule", "const", "--until", "9223372036854775807", "--json");
        assertThat(huge.code()).isZero();
        assertThat(huge.out()).contains("9223372036854775807").doesNotContain("-");
        Run every = run("schedule", "const", "--until", "9223372036854775807", "--every", "4611686018427387904", "--json");
        assertThat(every.out()).contains("\"steps\":[0,4611686018427387904,9223372036854775807]");
    }

    @Test
    void csvFilesAreReadStrictlyAndTheMessagesSayWhere() throws Exception {
        Path latin = Files.write(dir.resolve("latin.csv"), "x,label\n1,a\n2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Run enc = run("train", "--data", latin.toString(), "--model", "softmax", "--optimizer", "sgd");
        assertThat(enc.err()).contains("line 3 is not valid UTF-8", "save the file as UTF-8").doesNotContain("Input length");
        Path nan = Files.writeString(dir.resolve("nan.csv"), "x,label\n1,0\nNaN,1\n");
        assertThat(run("train", "--data", nan.toString(), "--model", "softmax", "--optimizer", "sgd").err())
                .contains("line 3 column 0: 'NaN' is not a finite number");
        Path inf = Files.writeString(dir.resolve("inf.csv"), "x,label\n1,0\ninf,1\n");
        assertThat(run("train", "--data", inf.toString(), "--model", "softmax", "--optimizer", "sgd").err())
                .contains("line 3 column 0: 'inf' is not a number", "features must be finite numbers");
        Path one = Files.writeString(dir.resolve("one.csv"), "x,label\n1,a\n2,b\n3,b\n");
        assertThat(run("train", "--data", one.toString(), "--model", "softmax", "--optimizer", "sgd").err())
                .contains("class 0 (of 2) has 1 row", "at least 2 rows of each class").doesNotContain("validation fraction");
        StringBuilder b = new StringBuilder("\uFEFFfeature,label\n");
        for (int i = 0; i < 40; i++) {
            b.append(i % 2 == 0 ? i : -i).append(',').append(i % 2).append('\n');
        }
        Path bom = Files.writeString(dir.resolve("bom.csv"), b);
        Run ok = run("train", "--data", bom.toString(), "--model", "softmax", "--optimizer", "sgd", "--epochs", "1", "--label", "feature",
                "--json");
        assertThat(ok.code()).as(ok.err()).isEqualTo(2); // the header's first name is "feature", not "\uFEFFfeature": found, and has 40 classes
        Run label = run("train", "--data", bom.toString(), "--model", "softmax", "--optimizer", "sgd", "--epochs", "1", "--label", "label",
                "--json");
        assertThat(label.code()).as(label.err()).isZero();
    }

    @Test
    void threadsAboveTheCoresWarn() {
        int cores = Runtime.getRuntime().availableProcessors();
        Run r = run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--epochs", "1", "--threads",
                Integer.toString(cores + 1), "--json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("warning: --threads " + (cores + 1) + " is more than the " + cores + " cores");
    }
}
