package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.io.DirectoryLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * A sweep of bad input across every command, beside {@link UsageErrorsTest}: each case exits with
 * status 2, prints exactly one line on standard error and nothing on standard output, no stack
 * trace and no Java class name, and leaves every file of the user's (a data set, a checkpoint, an
 * existing output) exactly as it was. Arguments are separated by spaces; {@code $NAME} stands for
 * a file made in {@link #files}. The cases cover the classes of issue 9: range and overflow,
 * non-finite values, sizes that cannot fit, CSV encoding and contents, outputs that are inputs or
 * cannot be written, checkpoint directories, flags that do not apply, values given twice, renamed
 * flags, typos.
 */
class BadInputSweepTest {

    @TempDir
    static Path dir;

    static final Map<String, Path> FILES = new TreeMap<>();

    static final List<String> CASES = List.of(
            // the command line itself
            "--epochs 3",
            "trian",
            "tarin --epochs 3",
            "help frob",
            "-x",
            "--version=yes",
            // train: numbers, ranges and overflow
            "train --data spiral --model softmax --optimizer sgd --epoch 3",
            "train --data spiral --model softmax --optimizer sgd --epochs -1",
            "train --data spiral --model softmax --optimizer sgd --epochs 0",
            "train --data spiral --model softmax --optimizer sgd --epochs x",
            "train --data spiral --model softmax --optimizer sgd --epochs 9223372036854775807",
            "train --data spiral --model softmax --optimizer sgd --epochs 99999999999999999999",
            "train --data spiral --model softmax --optimizer sgd --steps -5",
            "train --data spiral --model softmax --optimizer sgd --steps x",
            "train --data spiral --model softmax --optimizer sgd --batch -1",
            "train --data spiral --model softmax --optimizer sgd --batch 2147483648",
            "train --data spiral --model softmax --optimizer sgd --threads 0",
            "train --data spiral --model softmax --optimizer sgd --threads -1",
            "train --data spiral --model softmax --optimizer sgd --threads 100000",
            "train --data spiral --model softmax --optimizer sgd --clip NaN",
            "train --data spiral --model softmax --optimizer sgd --clip Infinity",
            "train --data spiral --model softmax --optimizer sgd --clip -1",
            "train --data spiral --model softmax --optimizer sgd --lr=",
            "train --data spiral --model softmax --optimizer sgd --lr -0.1",
            "train --data spiral --model softmax --optimizer sgd --lr NaN",
            "train --data spiral --model softmax --optimizer sgd --lr Infinity",
            "train --data spiral --model softmax --optimizer sgd --lr 1e400",
            "train --data spiral --model softmax --optimizer sgd --lr abc",
            "train --data spiral --model softmax --optimizer sgd --eval-every -1",
            "train --data spiral --model softmax --optimizer sgd --normalize nope",
            // train: specs
            "train --data spiral --model softmax --optimizer adam:lr=0.1 --lr 0.01",
            "train --data spiral --model softmax --optimizer adam:lr=0.1 --lr auto",
            "train --data spiral --model softmax --optimizer adam:beta1=2",
            "train --data spiral --model softmax --optimizer adam:nosuch=1",
            "train --data spiral --model softmax --optimizer sgd:momentum=-1",
            "train --data spiral --model softmax --optimizer adam:lr=NaN",
            "train --data spiral --model softmax --optimizer nope",
            "train --data spiral --model mlp:0 --optimizer sgd",
            "train --data spiral --model mlp:-5 --optimizer sgd",
            "train --data spiral --model mlp:100000,100000 --optimizer sgd",
            "train --data spiral --model mlp:2000000000 --optimizer sgd",
            "train --data spiral --model mlp: --optimizer sgd",
            "train --data spiral --model mlp:10:dropout=1 --optimizer sgd",
            "train --data spiral --model mlp:10:nosuch --optimizer sgd",
            "train --data spiral --model nope --optimizer sgd",
            "train --data spiral --model softmax --optimizer sgd --schedule cosine:steps=0",
            "train --data spiral --model softmax --optimizer sgd --schedule nope",
            "train --data spiral --model softmax --optimizer sgd --schedule step:every=0",
            // train: flags that do not apply
            "train --data spiral --model softmax --optimizer sgd --schedule-per-epoch",
            "train --data spiral --model softmax --optimizer sgd --validation 0.3",
            "train --data spiral --model softmax --optimizer sgd --label y",
            "train --data spiral --model softmax --optimizer sgd --data-dir $DIR",
            "train --data spiral --model softmax --optimizer sgd --checkpoint-every 5",
            "train --data spiral --model softmax --optimizer sgd --overwrite",
            "train --model softmax --optimizer sgd --epochs 1 --resume $CK --overwrite",
            // train: CSV files
            "train --data $CSV --model softmax --optimizer sgd --validation 1.5",
            "train --data $CSV --model softmax --optimizer sgd --validation 0",
            "train --data $CSV --model softmax --optimizer sgd --label nosuch",
            "train --data $CSV --model softmax --optimizer sgd --label 99",
            "train --data $BADUTF8 --model softmax --optimizer sgd",
            "train --data $NANCSV --model softmax --optimizer sgd",
            "train --data $INFCSV --model softmax --optimizer sgd",
            "train --data $ONEPER --model softmax --optimizer sgd",
            "train --data $EMPTY --model softmax --optimizer sgd",
            "train --data $ONECOL --model softmax --optimizer sgd",
            "train --data $RAGGED --model softmax --optimizer sgd",
            "train --data $ONECLASS --model softmax --optimizer sgd",
            "train --data $DIR/missing.csv --model softmax --optimizer sgd",
            "train --data nope --model softmax --optimizer sgd",
            "train --data $DIR --model softmax --optimizer sgd",
            // train: outputs
            "train --data $CSV --model softmax --optimizer sgd --metrics $CSV",
            "train --data $CSV --model softmax --optimizer sgd --metrics $CSVLINK",
            "train --data $CSVLINK --model softmax --optimizer sgd --metrics $CSV",
            "train --data spiral --model softmax --optimizer sgd --metrics $DIR",
            "train --data spiral --model softmax --optimizer sgd --metrics $FILE/x.csv",
            "train --data spiral --model softmax --optimizer sgd --metrics /dev/nonexistent-descent",
            "train --data spiral --model softmax --optimizer sgd --metrics $DIR/no/such/m.csv",
            "train --data spiral --model softmax --optimizer sgd --checkpoint $FILE",
            "train --data spiral --model softmax --optimizer sgd --checkpoint $FILE/ck",
            "train --data spiral --model softmax --optimizer sgd --checkpoint $CK",
            "train --data spiral --model mlp:8 --optimizer adam --checkpoint $CK --epochs 9",
            "train --data spiral --model softmax --optimizer sgd --checkpoint $LOCKED",
            "train --resume $CK --metrics $CK/checkpoint.bin",
            "train --resume $CK --batch 64",
            "train --resume $CK --checkpoint $DIR/elsewhere",
            "train --resume $CK --model mlp:3",
            "train --resume $CK --optimizer adam",
            "train --resume $CK --epochs 1",
            "train --resume $FILE",
            "train --resume $DIR/none",
            "train --resume $LOCKED",
            // minimize
            "minimize --problem rosenbrock --method lbfgs --memory 2000000000",
            "minimize --problem rosenbrock --method lbfgs --memory 0",
            "minimize --problem rosenbrock --method lbfgs --memory -1",
            "minimize --problem rosenbrock --method bfgs --memory 5",
            "minimize --problem rosenbrock --method adam --memory 3",
            "minimize --problem rosenbrock --method lbfgs --dim 2000000000",
            "minimize --problem rosenbrock --method lbfgs --dim 0",
            "minimize --problem rosenbrock --method lbfgs --dim -3",
            "minimize --problem rosenbrock --method bfgs --dim 100000",
            "minimize --problem rosenbrock --method newton --dim 100000",
            "minimize --problem rosenbrock --method bfgs --x0 NaN,1",
            "minimize --problem rosenbrock --method bfgs --x0 Infinity,1",
            "minimize --problem rosenbrock --method bfgs --x0 1",
            "minimize --problem rosenbrock --method bfgs --max-iter -1",
            "minimize --problem rosenbrock --method bfgs --max-iter x",
            "minimize --problem rosenbrock --method bfgs --max-iter 99999999999",
            "minimize --problem rosenbrock --method bfgs --grad-tol -1",
            "minimize --problem rosenbrock --method bfgs --grad-tol NaN",
            "minimize --problem rosenbrock --method adam:lr=0.1 --lr 0.01",
            "minimize --problem rosenbrock --method momentum:momentum=0.5 --momentum 0.9",
            "minimize --problem rosenbrock --method bfgs --lr 0.1",
            "minimize --problem rosenbrock --method bfgs --line-search nope",
            "minimize --problem rosenbrock --method sgd:lr=-1",
            "minimize --problem rosenbrock --method adam --lr NaN",
            "minimize --problem mgh:99 --method bfgs",
            "minimize --problem rosenbrock --method bfgs --trace $DIR",
            "minimize --problem rosenbrock --method bfgs --trace $FILE/x.csv",
            "minimize --problem rosenbrock --method bfgs --trace /dev/nonexistent-descent",
            "minimize --problem rosenbrock --method bfgs --problme rosenbrock",
            // lr-find
            "lr-find --data spiral --model softmax --optimizer sgd --steps 0",
            "lr-find --data spiral --model softmax --optimizer sgd --steps -1",
            "lr-find --data spiral --model softmax --optimizer sgd --steps 2147483648",
            "lr-find --data spiral --model softmax --optimizer sgd --start 0",
            "lr-find --data spiral --model softmax --optimizer sgd --start -1",
            "lr-find --data spiral --model softmax --optimizer sgd --start NaN",
            "lr-find --data spiral --model softmax --optimizer sgd --end Infinity",
            "lr-find --data spiral --model softmax --optimizer sgd --batch 0",
            "lr-find --data spiral --model softmax --optimizer sgd --suggest nope",
            "lr-find --data spiral --model softmax --optimizer sgd --method valley",
            "lr-find --data spiral --model softmax --optimizer sgd --plot $DIR/missing/x.svg",
            "lr-find --data spiral --model softmax --optimizer sgd --plot $FILE/x.svg",
            "lr-find --data spiral --model softmax --optimizer sgd --plot $DIR/x.png",
            "lr-find --data $SVGCSV --model softmax --optimizer sgd --plot $SVGCSV",
            "lr-find --data $BADUTF8 --model softmax --optimizer sgd",
            "lr-find --data nope --model softmax --optimizer sgd",
            "lr-find --data spiral --model mlp:100000,100000 --optimizer sgd",
            "lr-find --data spiral --model softmax --optimizer nope",
            "lr-find --data spiral --model softmax --optimizer adam:lr=NaN",
            // lr-find shares train's data options: flags that do not apply, and their ranges
            "lr-find --data spiral --model softmax --optimizer sgd --validation 0.3",
            "lr-find --data spiral --model softmax --optimizer sgd --label y",
            "lr-find --data spiral --model softmax --optimizer sgd --data-dir $DIR",
            "lr-find --data $SVGCSV --model softmax --optimizer sgd --validation 1.5",
            "lr-find --data $SVGCSV --model softmax --optimizer sgd --validation NaN",
            // minimize's progress flag
            "minimize --problem rosenbrock --method bfgs --no-progress=maybe",
            "minimize --problem rosenbrock --method bfgs --no-progres",
            // schedule
            "schedule const --until -1",
            "schedule const --until x",
            "schedule const --until 9223372036854775807 --every 1",
            "schedule const --until 100 --every 0",
            "schedule const --until 100 --every -1",
            "schedule const --every x",
            "schedule const --lr NaN",
            "schedule const --lr -1",
            "schedule const --steps 100",
            "schedule cosine",
            "schedule cosine:steps=-1",
            "schedule nope",
            "schedule step:every=0",
            "schedule warmup:steps=10+",
            // bench
            "bench nope",
            "bench step --optimizer adam --params 2000000000",
            "bench step --optimizer adam --params 0",
            "bench step --optimizer adam --params -1",
            "bench step --optimizer adam --reps 0",
            "bench step --optimizer nope",
            "bench step --optimizer adam:lr=x",
            "bench gemm --size 0",
            "bench gemm --size 100000",
            "bench gemm --backend nope",
            "bench gemm --threads 0",
            "bench gemm --threads 100000",
            "bench gemm --reps 0",
            "bench gemm --min-time -1",
            "bench scaling --dims 3",
            "bench scaling --methods nope",
            // tour
            "tour --sections 0",
            "tour --sections 8",
            "tour --sections x",
            "tour --threads 0",
            "tour --threads 100000",
            "tour --data nope",
            "tour --out $FILE",
            "tour --out $FILE/sub",
            "tour --seed x",
            "tour --qiuck");

    @BeforeAll
    static void files() throws IOException {
        FILES.put("DIR", dir);
        FILES.put("FILE", Files.writeString(dir.resolve("notes.txt"), "the user's notes\n"));
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i * 0.1).append(',').append(i % 3).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        FILES.put("CSV", Files.writeString(dir.resolve("data.csv"), csv));
        FILES.put("CSVLINK", Files.createSymbolicLink(dir.resolve("alias.csv"), dir.resolve("data.csv")));
        FILES.put("SVGCSV", Files.writeString(dir.resolve("data.svg"), csv));
        byte[] latin1 = "x,label\n1.5,caf\u00e9\n2.5,th\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        FILES.put("BADUTF8", Files.write(dir.resolve("latin1.csv"), latin1));
        FILES.put("NANCSV", Files.writeString(dir.resolve("nan.csv"), "x,label\n1,0\nNaN,1\n2,0\n3,1\n"));
        FILES.put("INFCSV", Files.writeString(dir.resolve("inf.csv"), "x,label\n1,0\ninf,1\n2,0\n3,1\n"));
        FILES.put("ONEPER", Files.writeString(dir.resolve("one.csv"), "x,label\n1,a\n2,b\n3,c\n"));
        FILES.put("EMPTY", Files.writeString(dir.resolve("empty.csv"), ""));
        FILES.put("ONECOL", Files.writeString(dir.resolve("onecol.csv"), "1\n2\n"));
        FILES.put("RAGGED", Files.writeString(dir.resolve("ragged.csv"), "x,y,label\n1,2,0\n3,1\n"));
        FILES.put("ONECLASS", Files.writeString(dir.resolve("oneclass.csv"), "x,label\n1,0\n2,0\n3,0\n"));
        Path ck = dir.resolve("ck");
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("train", "--data", "spiral", "--model", "softmax", "--optimizer", "sgd", "--epochs", "2",
                "--checkpoint", ck.toString(), "--json")).isZero();
        FILES.put("CK", ck);
        Path locked = dir.resolve("locked");
        FILES.put("LOCKED", locked);
        Files.createDirectories(locked);
    }

    static Stream<String> cases() {
        return CASES.stream();
    }

    static String expand(String line) {
        String s = line;
        for (Map.Entry<String, Path> e : FILES.entrySet().stream().sorted((a, b) -> b.getKey().length() - a.getKey().length()).toList()) {
            s = s.replace("$" + e.getKey(), e.getValue().toString());
        }
        return s;
    }

    /** Every file under the temporary directory with its contents (links as their target), but the lock file. */
    static Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                String key = dir.relativize(p).toString();
                if (p.getFileName().toString().equals(DirectoryLock.FILE)) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    m.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    m.put(key, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(p))));
                } else {
                    m.put(key, Files.isDirectory(p) ? "dir" : "other");
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void badInputExitsTwoWithOneLineAndChangesNoFile(String line) throws IOException {
        String expanded = expand(line);
        Map<String, String> before = snapshot();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (DirectoryLock other = DirectoryLock.acquire(FILES.get("LOCKED"), "the other run")) {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            code = cl.execute(expanded.split(" "));
        }
        String e = err.toString();
        assertThat(code).as(expanded + " -> " + e).isEqualTo(2);
        assertThat(e.strip()).as(expanded).startsWith("descent: ").hasLineCount(1).hasSizeGreaterThan("descent: ".length());
        assertThat(e + out).as(expanded).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.");
        assertThat(out.toString()).as(expanded).isEmpty();
        assertThat(snapshot()).as(expanded + ": the user's files").isEqualTo(before);
    }

    @Test
    void thereAreAtLeast150Cases() {
        assertThat(CASES).doesNotHaveDuplicates();
        assertThat(CASES.size() + UsageErrorsTest.class.getDeclaredMethods().length).isGreaterThanOrEqualTo(150);
        assertThat(CASES.size()).isGreaterThanOrEqualTo(150);
    }

    @Test
    void typosGetDidYouMean() {
        for (String[] c : List.of(new String[] {"train --data spiral --epoch 3", "did you mean --epochs"},
                new String[] {"trian", "did you mean train"}, new String[] {"minimize --problem rosenbrock --method bfgs --problme x", "did you mean --problem"})) {
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err));
            assertThat(cl.execute(c[0].split(" "))).isEqualTo(2);
            assertThat(err.toString()).as(c[0]).contains(c[1]);
        }
    }

    @Test
    void noCommandPrintsTheCommandListAndExits2() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute()).isEqualTo(2);
        assertThat(err.toString()).contains("Commands:", "tour", "train", "minimize", "lr-find", "schedule", "bench");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theOutOfMemoryAdviceFitsTheCommand() {
        assertThat(Main.memoryAdvice("minimize", "--method", "newton")).contains("lbfgs, newton-cg");
        assertThat(Main.memoryAdvice("minimize", "--method=lbfgs")).doesNotContain("lbfgs").contains("--memory");
        assertThat(Main.memoryAdvice("train", "--model", "mlp:4096")).contains("--model").doesNotContain("lbfgs");
        assertThat(Main.memoryAdvice("lr-find")).contains("--model").doesNotContain("lbfgs");
        assertThat(Main.memoryAdvice("bench", "step")).contains("--params").doesNotContain("lbfgs");
        assertThat(Main.memoryAdvice("tour")).contains("--quick");
        List<String> lines = new ArrayList<>();
        StringWriter err = new StringWriter();
        Main.guarded(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, new PrintWriter(err), "train", "--model", "mlp:4096");
        lines.addAll(err.toString().strip().lines().toList());
        assertThat(lines).singleElement().asString().contains("-Xmx", "smaller --model or --batch");
    }
}
