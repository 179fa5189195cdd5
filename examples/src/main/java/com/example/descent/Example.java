package com.example.descent;

import dev.descent.data.FashionMnist;
import dev.descent.data.Split;
import dev.descent.linalg.Gemm;
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Objective;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.optim.Optimizers;
import dev.descent.train.ModelNetwork;
import dev.descent.train.TrainConfig;
import dev.descent.train.TrainListener;
import dev.descent.train.TrainResult;
import dev.descent.train.TrainStatus;
import dev.descent.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a user of descent does first: minimize their own function, train a small model on the
 * embedded Fashion-MNIST subset, save it and load it back. Exits with status 1 when a result is
 * not what it should be, so that the build that runs it fails; {@code -Dexpect.gemm=NAME} also
 * checks the matrix-multiply backend in use, and {@code -Dexpect.report=TEXT} that the backend's
 * report (why it was chosen) contains TEXT.
 */
public final class Example {

    private Example() {}

    public static void main(String[] args) throws IOException {
        // which matrix multiply runs, and why (also logged once by Gemm when it is not OpenBLAS)
        System.out.println(Gemm.selectionReport());
        String expected = System.getProperty("expect.gemm");
        check(expected == null || expected.equals(Gemm.backend().id()),
                "expected the " + expected + " backend, got " + Gemm.backend().id());
        String why = System.getProperty("expect.report");
        check(why == null || Gemm.selectionReport().contains(why), "the backend report does not say '" + why + "'");

        // 1. My own function: the least-squares line through four points, minimum at (a, b) = (1, 2)
        double[] t = {0, 1, 2, 3};
        double[] y = {1, 3, 5, 7};
        Objective line = Objective.of(2, (x, g) -> {
            double f = 0;
            g[0] = 0;
            g[1] = 0;
            for (int i = 0; i < t.length; i++) {
                double r = x[0] + x[1] * t[i] - y[i];
                f += r * r;
                g[0] += 2 * r;
                g[1] += 2 * r * t[i];
            }
            return f;
        });
        Result r = Minimize.run(line, new double[] {0, 0}, Method.named("lbfgs"), Settings.DEFAULTS);
        System.out.printf("line fit: a = %.6f, b = %.6f, status %s%n", r.x()[0], r.x()[1], r.status());
        check(r.status().converged(), "L-BFGS did not converge: " + r.status());
        check(Math.abs(r.x()[0] - 1) < 1e-6 && Math.abs(r.x()[1] - 2) < 1e-6, "wrong minimum " + r);

        // 2. Train softmax regression on the embedded subset for one epoch
        long seed = 7;
        Split data = FashionMnist.embedded();
        Model model = ModelSpec.parse("softmax", 784, 10).build(seed, 128);
        TrainResult trained = new Trainer(TrainConfig.forEpochs(1, 128, seed), new ModelNetwork(model),
                Optimizers.parse("adam:lr=0.01").create(model.paramCount()), step -> 0.01)
                .fit(data.train(), data.heldOut(), TrainListener.none());
        double accuracy = model.evaluate(data.heldOut().x(), data.heldOut().y(), data.heldOut().n()).accuracy();
        System.out.printf("trained: %s, %d steps, test accuracy %.3f%n", trained.status(), trained.steps(), accuracy);
        check(trained.status() == TrainStatus.COMPLETED, "training ended " + trained.status());
        check(accuracy > 0.7, "test accuracy " + accuracy + " after one epoch");

        // 3. Save it (architecture, parameters, layer state; checked with a CRC) and load it back
        Path file = Files.createTempFile("descent-example", ".bin");
        try {
            model.save(file);
            Model loaded = Model.load(file);
            double again = loaded.evaluate(data.heldOut().x(), data.heldOut().y(), data.heldOut().n()).accuracy();
            System.out.printf("reloaded from %s: test accuracy %.3f%n", file.getFileName(), again);
            check(again == accuracy, "the reloaded model scores " + again + ", not " + accuracy);
        } finally {
            Files.deleteIfExists(file);
        }
        System.out.println("example: all checks passed");
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            System.err.println("example: " + problem);
            System.exit(1);
        }
    }
}
