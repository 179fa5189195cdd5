// The descent side of tools/minimize_scipy_compare.py: reads scipy L-BFGS-B's JSON lines, runs
// descent's L-BFGS (m = 10, Moré–Thuente) with the same stopping rules as scipy's defaults
// (||g||_inf <= 1e-5, (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1) <= 2.22e-9, 15000 iterations and
// evaluations) on each problem, and prints a table, the geometric mean of the evaluation ratios
// descent/scipy, and the problems that scipy solves and descent does not. "Solves" = reaches f*
// or a local minimum the reference reports, to 1e-5 relative (max(1, |f*|)).
//
// Two descent configurations are run: descent's own Moré–Thuente constants (MoreThuente.DEFAULT:
// c1 = 1e-4, c2 = 0.9, xtol = 1e-16, at most 40 evaluations per search; the liblbfgs ones), and
// scipy L-BFGS-B's (its lnsrlb calls dcsrch with ftol = 1e-3, gtol = 0.9, xtol = 0.1, and
// maxls = 20), the column "sLS". The summary lines are printed for both.
//
//   java -cp descent-cli/target/descent-cli-all.jar tools/minimize_scipy_compare.java FILE.jsonl
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.MoreThuente;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.problems.Problem;
import dev.descent.problems.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class minimize_scipy_compare {

    static String str(String line, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
        return m.find() ? m.group(1) : null;
    }

    static double num(String line, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-+0-9.eE]+|NaN|Infinity|-Infinity)").matcher(line);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    static boolean reached(Problem p, double f) {
        if (!p.hasFStar()) {
            return false;
        }
        boolean ok = close(f, p.fStar());
        for (double lm : p.localMinima()) {
            ok |= close(f, lm);
        }
        return ok;
    }

    static boolean close(double f, double t) {
        return Math.abs(f - t) <= 1e-5 * Math.max(1, Math.abs(t));
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.DEFAULTS.withGradTol(1e-5).withFTol(2.220446049250313e-09).withMaxIterations(15000)
                .withMaxEvaluations(15000);
        Method lbfgs = new Method.Lbfgs(10, MoreThuente.DEFAULT);
        Method lbfgsScipyLs = new Method.Lbfgs(10, new MoreThuente(1e-3, 0.9, 0.1, 20));
        double logSum2 = 0, logBoth2 = 0;
        int both2 = 0;
        long totalDescent2 = 0;
        List<String> missed2 = new ArrayList<>();
        double logSum = 0;
        int count = 0;
        double logBoth = 0;
        int both = 0;
        long totalScipy = 0, totalDescent = 0;
        List<String> missed = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-24s %5s | %7s %6s %-5s | %7s %6s %-5s %-20s | %6s | %5s %6s%n", "problem", "n",
                "scipy", "nit", "known", "descent", "iter", "known", "status", "ratio", "sLS", "ratio");
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String name = str(line, "problem");
            if (name == null) {
                System.out.println("# " + line);
                continue;
            }
            int dim = (int) num(line, "dim");
            Problem p = Problems.named(name, dim);
            double sf = num(line, "f");
            long sfev = (long) num(line, "nfev");
            Result r = Minimize.run(p.objective(), p.x0(), lbfgs, s);
            boolean sOk = reached(p, sf);
            boolean dOk = reached(p, r.f());
            double ratio = (double) r.stats().fEvals() / sfev;
            logSum += Math.log(ratio);
            count++;
            totalScipy += sfev;
            totalDescent += r.stats().fEvals();
            if (sOk && dOk) {
                logBoth += Math.log(ratio);
                both++;
            }
            Result r2 = Minimize.run(p.objective(), p.x0(), lbfgsScipyLs, s);
            boolean d2Ok = reached(p, r2.f());
            double ratio2 = (double) r2.fEvals() / sfev;
            logSum2 += Math.log(ratio2);
            totalDescent2 += r2.fEvals();
            if (sOk && d2Ok) {
                logBoth2 += Math.log(ratio2);
                both2++;
            }
            if (sOk && !d2Ok) {
                missed2.add(name + " n=" + dim + " (scipy f=" + sf + ", descent f=" + r2.f() + ", " + r2.status() + ")");
            }
            if (sOk && !dOk) {
                missed.add(name + " n=" + dim + " (scipy f=" + sf + ", descent f=" + r.f() + ", " + r.status() + ")");
            }
            if (dOk && !sOk) {
                extra.add(name + " n=" + dim);
            }
            System.out.printf(Locale.ROOT, "%-24s %5d | %7d %6d %-5s | %7d %6d %-5s %-20s | %6.3f | %5d %6.3f%n", name, dim,
                    sfev, (long) num(line, "nit"), sOk, r.stats().fEvals(), r.iterations(), dOk, r.status(), ratio,
                    r2.fEvals(), ratio2);
        }
        System.out.printf(Locale.ROOT, "%nproblems: %d; evaluations in total: scipy %d, descent %d (ratio %.3f)%n",
                count, totalScipy, totalDescent, (double) totalDescent / totalScipy);
        System.out.printf(Locale.ROOT, "geometric mean of descent/scipy evaluation ratios: %.4f%n", Math.exp(logSum / count));
        System.out.printf(Locale.ROOT, "geometric mean over the %d problems both solve: %.4f%n", both, Math.exp(logBoth / both));
        System.out.println("solved by scipy but not by descent: " + (missed.isEmpty() ? "none" : String.join("; ", missed)));
        System.out.println("solved by descent but not by scipy: " + (extra.isEmpty() ? "none" : String.join("; ", extra)));
        System.out.printf(Locale.ROOT, "%nwith scipy's line-search constants (c1 = 1e-3, c2 = 0.9, xtol = 0.1, 20 evaluations):%n");
        System.out.printf(Locale.ROOT, "evaluations in total: scipy %d, descent %d (ratio %.3f)%n", totalScipy, totalDescent2,
                (double) totalDescent2 / totalScipy);
        System.out.printf(Locale.ROOT, "geometric mean of descent/scipy evaluation ratios: %.4f%n", Math.exp(logSum2 / count));
        System.out.printf(Locale.ROOT, "geometric mean over the %d problems both solve: %.4f%n", both2, Math.exp(logBoth2 / both2));
        System.out.println("solved by scipy but not by descent: " + (missed2.isEmpty() ? "none" : String.join("; ", missed2)));
    }
}
