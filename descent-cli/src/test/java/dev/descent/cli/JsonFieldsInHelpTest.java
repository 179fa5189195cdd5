package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fields a command's help says its --json object has are the fields it prints, in order. */
class JsonFieldsInHelpTest {

    private static String out(String... args) {
        var cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute(args)).as(String.join(" ", args)).isZero();
        return out.toString();
    }

    /** The names between the braces of the help's "--json prints one object {...}" line. */
    private static List<String> helpFields(String command) {
        String help = out(command, "--help").replaceAll("\\s+", " ");
        int at = help.indexOf("--json prints one object {");
        assertThat(at).as(command + " --help names its JSON fields").isNotNegative();
        int from = help.indexOf('{', at) + 1;
        return Arrays.stream(help.substring(from, help.indexOf('}', from)).split(",")).map(String::strip).toList();
    }

    private static List<String> printedFields(String json) throws Exception {
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(json.strip()).fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void scheduleLrFindAndTourPrintTheFieldsTheirHelpLists(@TempDir Path dir) throws Exception {
        assertThat(printedFields(out("schedule", "cosine:steps=100", "--lr", "0.1", "--json"))).isEqualTo(helpFields("schedule"));
        assertThat(printedFields(out("lr-find", "--data", "spiral", "--model", "mlp:16", "--optimizer", "sgd", "--steps", "40",
                "--json"))).isEqualTo(helpFields("lr-find"));
        assertThat(printedFields(out("tour", "--quick", "--sections", "1", "--no-progress", "--out", dir.resolve("r").toString(),
                "--json"))).isEqualTo(helpFields("tour"));
    }
}
