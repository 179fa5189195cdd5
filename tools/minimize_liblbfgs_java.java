// descent's L-BFGS on the extended Rosenbrock function, set up as liblbfgs' peer
// (/work/shared/peers/rosen_liblbfgs.c): m = 6, Moré–Thuente (c1 = 1e-4, c2 = 0.9, xtol = 1e-16,
// 40 evaluations per search), stop when ||g||_2 / max(1, ||x||_2) <= 1e-5, x0 = (-1.2, 1, ...).
// Time inside descent = wall time of Minimize.run minus the time measured inside the objective.
//
// Run (after the CLI jar is built, e.g. by ./descent --version):
//   java --add-modules jdk.incubator.vector -cp descent-cli/target/descent-cli-all.jar \
//        tools/minimize_liblbfgs_java.java [REPS] [WARMUP] [n ...]
// WARMUP runs at n = 10^4 go first and are not printed (they let the JIT compile the loops).
// One JSON line per run, with the same field names as the peer.
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.MoreThuente;
import dev.descent.minimize.Objective;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import java.util.Locale;

public class minimize_liblbfgs_java {

    static final class Rosen implements Objective {
        final int n;
        long evals;
        long evalNanos;

        Rosen(int n) {
            this.n = n;
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public double evaluate(double[] x, double[] g) {
            long t0 = System.nanoTime();
            double fx = 0;
            for (int i = 0; i < n; i += 2) {
                double t1 = 1.0 - x[i];
                double t2 = 10.0 * (x[i + 1] - x[i] * x[i]);
                g[i + 1] = 20.0 * t2;
                g[i] = -2.0 * (x[i] * g[i + 1] + t1);
                fx += t1 * t1 + t2 * t2;
            }
            evalNanos += System.nanoTime() - t0;
            evals++;
            return fx;
        }
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int[] sizes = args.length > 2 ? new int[args.length - 2] : new int[] {2, 100, 10000, 1000000};
        for (int i = 2; i < args.length; i++) {
            sizes[i - 2] = Integer.parseInt(args[i]);
        }
        Method lbfgs = new Method.Lbfgs(6, MoreThuente.DEFAULT);
        Settings s = Settings.DEFAULTS.withGradTol(0).withRelGradTol(1e-5).withMaxIterations(100_000);
        for (int w = 0; w < warmup; w++) {
            Rosen f = new Rosen(10000);
            double[] x0 = new double[10000];
            for (int i = 0; i < x0.length; i += 2) {
                x0[i] = -1.2;
                x0[i + 1] = 1.0;
            }
            Minimize.run(f, x0, lbfgs, s);
        }
        for (int n : sizes) {
            for (int rep = 0; rep < reps; rep++) {
                Rosen f = new Rosen(n);
                double[] x0 = new double[n];
                for (int i = 0; i < n; i += 2) {
                    x0[i] = -1.2;
                    x0[i + 1] = 1.0;
                }
                long t0 = System.nanoTime();
                Result r = Minimize.run(f, x0, lbfgs, s);
                double total = (System.nanoTime() - t0) * 1e-9;
                double evalS = f.evalNanos * 1e-9;
                double lib = total - evalS;
                int it = Math.max(1, r.iterations());
                System.out.printf(Locale.ROOT,
                        "{\"bench\":\"rosen_descent\",\"lib\":\"descent\",\"n\":%d,\"rep\":%d,\"status\":\"%s\",\"m\":6,"
                                + "\"iterations\":%d,\"evaluations\":%d,\"f\":%.6e,\"g_inf\":%.3e,"
                                + "\"total_s\":%.6f,\"eval_s\":%.6f,\"library_s\":%.6f,"
                                + "\"library_us_per_iter\":%.3f,\"library_ns_per_iter_per_var\":%.4f}%n",
                        n, rep, r.status(), r.iterations(), f.evals, r.f(), r.gradNorm(), total, evalS, lib,
                        lib / it * 1e6, lib / it / n * 1e9);
            }
        }
    }
}
