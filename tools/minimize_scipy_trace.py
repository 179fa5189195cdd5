"""Iteration-by-iteration comparison of scipy's L-BFGS-B and descent's L-BFGS on one problem of
descent's catalogue, with the settings of tools/minimize_scipy_compare.py (m = 10, gtol = 1e-5,
ftol = 2.22e-9; descent with MoreThuente.DEFAULT). Prints the first iteration at which the two
take a different number of evaluations, and the relative difference of f after selected
iterations (how far rounding differences have grown).

Usage: /usr/bin/python3 tools/minimize_scipy_trace.py 'quadratic:kappa=10000' 100
DESCENT_CP (a class path) replaces descent-cli/target/descent-cli-all.jar for the Java side.
"""
import subprocess
import sys
import os

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minimize_bridge import JAR, JAVA, JavaProblem  # noqa: E402

DESCENT = '''import dev.descent.minimize.*; import dev.descent.problems.*;
public class T { public static void main(String[] a) {
  Problem p = Problems.named(a[0], Integer.parseInt(a[1]));
  Settings s = Settings.DEFAULTS.withGradTol(1e-5).withFTol(2.220446049250313e-9).withMaxIterations(15000)
      .withMaxEvaluations(15000).withTrace(true);
  Result r = Minimize.run(p.objective(), p.x0(), new Method.Lbfgs(10, MoreThuente.DEFAULT), s);
  for (Iterate it : r.trace()) if (it.iter() > 0) System.out.println(it.fEvals() + " " + it.f());
  System.out.println("# " + r.fEvals() + " " + r.iterations() + " " + r.status());
} }'''

name, dim = sys.argv[1], int(sys.argv[2])
p = JavaProblem(name, dim)
last = [None]


def fg(x):
    f, g = p.fg(x)
    last[0] = f
    return f, g


st = []
r = minimize(fg, np.array(p.x0), jac=True, method="L-BFGS-B", callback=lambda xk: st.append((p.calls, last[0])))
p.close()
src = "/tmp/minimize_scipy_trace_T.java"
with open(src, "w") as fh:
    fh.write(DESCENT)
out = subprocess.run([JAVA, "-cp", JAR, src, name, str(dim)], capture_output=True, text=True, check=True).stdout
dt = [(int(a), float(b)) for a, b in (line.split() for line in out.splitlines() if not line.startswith("#"))]
print(f"scipy: {r.nfev} evaluations, {r.nit} iterations, {r.message}")
print("descent:", out.splitlines()[-1][2:])
per = lambda t: [b - a for a, b in zip([1] + [e for e, _ in t], [e for e, _ in t])]
ps, pd = per(st), per(dt)
first = next((i for i in range(min(len(ps), len(pd))) if ps[i] != pd[i]), None)
print("first iteration with a different number of evaluations:", None if first is None else first + 1)
k = 1
while k <= min(len(st), len(dt)):
    fs, fd = st[k - 1][1], dt[k - 1][1]
    print(f"after iteration {k:4d}: f scipy {fs:.17g}  descent {fd:.17g}  relative difference {abs(fs - fd) / max(abs(fs), 1e-300):.1e}")
    k = k * 2 if k < 16 else k + 20
