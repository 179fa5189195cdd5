package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every optimizer and option combination against 50-step PyTorch 1.13 trajectories written by
 * {@code tools/optim_torch_goldens.py} on the float32 problem g(x) = a·(x − c) + 0.1·x³.
 */
class OptimizerGoldenTest {

    /** Float32 tolerance: |x − x_torch| ≤ ABS + REL·|x_torch| at every step. */
    static final double REL = 2e-6;
    static final double ABS = 1e-6;

    record Case(String name, String spec, double k, String groups, List<float[]> rows) {}

    record Goldens(String header, float[] a, float[] c, float[] x0, List<Case> cases) {}

    static Goldens load() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                OptimizerGoldenTest.class.getResourceAsStream("torch_goldens.txt"), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            float[] a = null;
            float[] c = null;
            float[] x0 = null;
            List<Case> cases = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "a" -> a = floats(f, 1);
                    case "c" -> c = floats(f, 1);
                    case "x0" -> x0 = floats(f, 1);
                    case "case" -> {
                        int n = Integer.parseInt(f[5]);
                        List<float[]> rows = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            rows.add(floats(in.readLine().split(" "), 0));
                        }
                        cases.add(new Case(f[1], f[2], Double.parseDouble(f[3]), f[4], rows));
                    }
                    default -> throw new IllegalStateException("unexpected line " + line);
                }
            }
            return new Goldens(header, a, c, x0, cases);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static float[] floats(String[] f, int from) {
        float[] v = new float[f.length - from];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.parseFloat(f[from + i]);
        }
        return v;
    }

    /** The golden problem's gradient, in the same float32 operations as the script. */
    static void grad(float[] x, float[] a, float[] c, float[] g) {
        for (int i = 0; i < x.length; i++) {
            g[i] = a[i] * (x[i] - c[i]) + 0.1f * x[i] * x[i] * x[i];
        }
    }

    static ParamGroups groups(String text, int n) {
        if (text.equals("whole")) {
            return ParamGroups.whole(n);
        }
        List<ParamGroup> list = new ArrayList<>();
        for (String r : text.split(";")) {
            String[] f = r.split(":");
            list.add(new ParamGroup(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3])));
        }
        return new ParamGroups(n, list);
    }

    @Test
    void goldensStateTheirTorchVersionAndCoverEveryOptimizer() {
        Goldens g = load();
        assertTrue(g.header().contains("torch 1.13"), g.header());
        for (String name : Optimizers.names()) {
            assertTrue(g.cases().stream().anyMatch(c -> c.spec().startsWith(name + ":")), "no golden for " + name);
        }
        for (Case c : g.cases()) {
            assertTrue(c.rows().size() >= 50, c.name());
        }
    }

    @TestFactory
    Stream<DynamicTest> matchesTorch() {
        Goldens g = load();
        return g.cases().stream().map(c -> DynamicTest.dynamicTest(c.name() + " (" + c.spec() + ")", () -> {
            OptimizerConfig config = Optimizers.parse(c.spec());
            int n = g.x0().length;
            Optimizer opt = config.create(groups(c.groups(), n));
            float[] x = g.x0().clone();
            float[] grad = new float[n];
            double maxDiff = 0;
            String worst = "";
            boolean ok = true;
            for (int t = 0; t < c.rows().size(); t++) {
                grad(x, g.a(), g.c(), grad);
                opt.step(x, grad, config.lr() / (1 + c.k() * t));
                float[] ref = c.rows().get(t);
                for (int i = 0; i < n; i++) {
                    double d = Math.abs((double) x[i] - ref[i]);
                    if (d > maxDiff) {
                        maxDiff = d;
                        worst = "step " + (t + 1) + " index " + i + ": descent " + x[i] + ", torch " + ref[i];
                    }
                    if (!(d <= ABS + REL * Math.abs(ref[i]))) {
                        ok = false;
                    }
                }
            }
            if (!ok) {
                fail(c.name() + ": max |diff| " + maxDiff + " at " + worst);
            }
        }));
    }
}
