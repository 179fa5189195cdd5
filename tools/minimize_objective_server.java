// Serves one descent test problem over stdin/stdout so that scipy minimizes exactly the same
// function as descent (used by minimize_scipy_goldens.py and minimize_scipy_compare.py).
//
//   java -cp descent-cli/target/descent-cli-all.jar tools/minimize_objective_server.java NAME [DIM]
//
// First output line: "n fStar x0_1 ... x0_n". Then, for every input line "x_1 ... x_n", one output
// line "f g_1 ... g_n". Numbers are written with Double.toString, which round-trips exactly.
import dev.descent.problems.Problem;
import dev.descent.problems.Problems;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public class minimize_objective_server {
    public static void main(String[] args) throws Exception {
        Problem p = args.length > 1 ? Problems.named(args[0], Integer.parseInt(args[1])) : Problems.named(args[0]);
        int n = p.dimension();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder().append(n).append(' ').append(p.fStar());
        for (double v : p.x0()) {
            b.append(' ').append(v);
        }
        out.println(b);
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        double[] x = new double[n];
        double[] g = new double[n];
        String line;
        while ((line = in.readLine()) != null) {
            String[] t = line.trim().split("\\s+");
            for (int i = 0; i < n; i++) {
                x[i] = Double.parseDouble(t[i]);
            }
            double f = p.objective().evaluate(x, g);
            b.setLength(0);
            b.append(f);
            for (double v : g) {
                b.append(' ').append(v);
            }
            out.println(b);
            out.flush();
        }
    }
}
