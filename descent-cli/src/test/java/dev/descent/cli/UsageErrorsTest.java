package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * A sweep of bad input across every command: each must exit with status 2 and print exactly one
 * non-empty line on standard error (nothing on standard output), and never a stack trace. Every
 * case fails before any work starts, so the sweep stays fast.
 */
class UsageErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "frobnicate",
        "--frob",
        "help nope",
        "tour --frob",
        "tour --sections=9",
        "tour --seed=x",
        "tour --threads=0",
        "tour --data=nope",
        "tour --data=fashion-mnist --data-dir=/nonexistent-descent-dir",
        "train",
        "train --model=mlp:64",
        "train --model=mlp:64 --optimizer=nope",
        "train --model=mlp:x --optimizer=adam --data=spiral",
        "train --model=mlp:64 --optimizer=adam --batch=x",
        "train --model=mlp:64 --optimizer=adam --batch=0",
        "train --model=mlp:64 --optimizer=adam --schedule=bogus",
        "train --model=mlp:64 --optimizer=adam --data=/nonexistent-descent.csv",
        "train --model=mlp:64 --optimizer=adam --lr=-1",
        "train --model=mlp:64 --optimizer=adam:lr=x",
        "train --resume=/nonexistent-descent-dir",
        "minimize",
        "minimize --problem=rosenbrock",
        "minimize --problem=nope --method=bfgs",
        "minimize --problem=rosenbrock --method=nope",
        "minimize --problem=rosenbrock --method=bfgs --max-iter=x",
        "minimize --problem=rosenbrock --method=bfgs --x0=1,x",
        "minimize --problem=rosenbrock --method=bfgs --x0=1,2,3",
        "minimize --problem=rosenbrock --method=adam --schedule=bogus",
        "lr-find",
        "lr-find --model=softmax --optimizer=nope --data=spiral",
        "lr-find --model=softmax --optimizer=adam --start=x",
        "lr-find --model=softmax --optimizer=adam --start=10 --end=1",
        "lr-find --model=softmax --optimizer=adam --steps=0",
        "lr-find --model=softmax --optimizer=adam --batch=0",
        "lr-find --model=softmax --optimizer=adam --suggest=nope",
        "lr-find --model=softmax --optimizer=adam --plot=chart.png",
        "lr-find --model=softmax --optimizer=adam --data=spiral --plot=/nonexistent-descent-dir/chart.svg",
        "lr-find --model=softmax --optimizer=adam --data=nope",
        "lr-find --model=nope --optimizer=adam --data=spiral",
        "lr-find --model=softmax --optimizer=adam --data=fashion-mnist --data-dir=/nonexistent-descent-dir",
        "schedule",
        "schedule bogus",
        "schedule cosine",
        "schedule cosine:steps=x",
        "schedule const --until=x",
        "schedule const --until=-1",
        "schedule const --every=0",
        "schedule const --lr=-1",
        "schedule const --until=100000000 --every=1",
        "bench frob",
        "bench step",
        "bench step --optimizer=nope",
        "bench step --optimizer=adam --params=0",
        "bench step --optimizer=adam --params=x",
        "bench step --optimizer=adam --reps=0",
        "bench gemm --size=0",
        "bench gemm --backend=nope",
        "bench gemm --reps=x",
        "bench gemm --threads=0",
        "bench gemm --min-time=-1",
        "bench scaling --dims=3",
        "bench scaling --methods=nope",
    })
    void badInputExitsTwoWithOneLine(String line) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(line.split(" "));
        String e = err.toString();
        assertThat(code).as(line + " -> " + e).isEqualTo(2);
        assertThat(e.strip()).as(line).startsWith("descent: ").hasLineCount(1).hasSizeGreaterThan("descent: ".length());
        assertThat(e + out).as(line).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).as(line).isEmpty();
    }

    @Test
    void anUnknownCommandIsNamedWithTheCommands() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).startsWith("descent: unknown command 'frobnicate'; commands: tour, train")
                .contains("(see 'descent --help')");
    }

    @Test
    void aFileSystemFailureSaysWhatWentWrong() {
        assertThat(Main.failure(new NoSuchFileException("/x/y")))
                .isEqualTo("no such file or directory: /x/y");
        assertThat(Main.failure(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/x"))))
                .isEqualTo("permission denied: /x");
        assertThat(Main.failure(new IllegalStateException("the run diverged"))).isEqualTo("the run diverged");
        assertThat(Main.failure(new NullPointerException())).doesNotContain("Exception", "java.").contains("DESCENT_DEBUG=1");
    }

    @Test
    void runningOutOfHeapIsOneLineWithTheFix() {
        StringWriter err = new StringWriter();
        int status = Main.guarded(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, new PrintWriter(err));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString().strip().lines()).singleElement().asString()
                .startsWith("descent: out of memory (Java heap space)")
                .contains("-Xmx");
        assertThat(Main.guarded(() -> 0, new PrintWriter(err))).isZero();
    }
}
