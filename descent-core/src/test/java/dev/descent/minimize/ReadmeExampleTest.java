package dev.descent.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's "Minimization" example, compiled and run; the README must quote it verbatim. */
class ReadmeExampleTest {

    @Test
    void readmeExample() {
        // README: begin
        // f(x, y) = (1 − x)² + 100 (y − x²)²: return f, write ∇f into the caller's buffer g
        Objective rosenbrock = Objective.of(2, (x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        });
        Result r = Minimize.run(rosenbrock, new double[] {-1.2, 1}, Method.named("lbfgs"),
                Settings.DEFAULTS.withGradTol(1e-10).withTrace(true));
        // r.status() == Status.CONVERGED_GRADIENT, r.x() ≈ (1, 1); r.trace() holds every iterate,
        // r.stats() the work; System.out.println(r) prints the Optim.jl-style summary

        // second derivatives are capabilities, each one function: Newton needs the Hessian
        Objective withHessian = rosenbrock.withHessian((x, h) -> {
            h[0] = 2 - 400 * (x[1] - 3 * x[0] * x[0]);
            h[1] = h[2] = -400 * x[0];
            h[3] = 200;
        });
        Result newton = Minimize.run(withHessian, new double[] {-1.2, 1}, Method.named("newton"));

        // a callback sees every iterate and may stop the run
        Result early = Minimize.run(rosenbrock, new double[] {-1.2, 1}, Method.named("bfgs"),
                Settings.DEFAULTS, it -> it.f() < 1e-4);
        // early.status() == Status.STOPPED_BY_CALLBACK

        // a first-order optimizer for a fixed budget: x stays in double
        Result adam = Minimize.run(rosenbrock, new double[] {-1.2, 1}, Method.named("adam:lr=0.02"),
                Settings.DEFAULTS.withMaxIterations(2000));
        // adam.status() == Status.ITERATION_LIMIT: "stopped" (the budget was used), not a failure
        // README: end
        assertThat(r.status()).isEqualTo(Status.CONVERGED_GRADIENT);
        assertThat(r.x()[0]).isCloseTo(1, within(1e-8));
        assertThat(r.trace()).hasSize(r.iterations() + 1);
        assertThat(r.toString()).contains("success");
        assertThat(newton.status()).isEqualTo(Status.CONVERGED_GRADIENT);
        assertThat(newton.stats().hEvals()).isPositive();
        assertThat(early.status()).isEqualTo(Status.STOPPED_BY_CALLBACK);
        assertThat(early.f()).isLessThan(1e-4);
        assertThat(adam.status()).isEqualTo(Status.ITERATION_LIMIT);
        assertThat(adam.status().failed()).isFalse();
        assertThat(adam.toString()).startsWith(" * Status: stopped (iteration limit reached)");
    }

    @Test
    void theReadmeShowsThisCode() throws IOException {
        String test = Files.readString(Path.of("src/test/java/dev/descent/minimize/ReadmeExampleTest.java"));
        String body = test.substring(test.indexOf("// README: begin\n") + 17, test.indexOf("        // README: end"));
        String unindented = body.lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .collect(Collectors.joining("\n"));
        assertThat(Files.readString(Path.of("../README.md"))).contains(unindented);
    }
}
