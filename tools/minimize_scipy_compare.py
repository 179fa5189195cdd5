"""scipy's L-BFGS-B on the whole descent catalogue (the 35 Moré–Garbow–Hillstrom problems at their
default dimensions, plus extended Rosenbrock / extended Powell at n = 100 and 1000 and an
ill-conditioned quadratic), with scipy's default options (m = 10, ftol = 2.22e-9, gtol = 1e-5,
maxiter = maxfun = 15000). The functions are descent's own, served by
tools/minimize_objective_server.java. Debian python3-scipy 1.10.1, numpy 1.24.2.

Usage: /usr/bin/python3 tools/minimize_scipy_compare.py > /tmp/scipy_lbfgsb.jsonl
then:   java -cp descent-cli/target/descent-cli-all.jar tools/minimize_scipy_compare.java /tmp/scipy_lbfgsb.jsonl
One JSON line per problem: problem, dim, nfev, nit, f, success, message.

With arguments, runs only the given problems instead of the catalogue, each as SPEC or SPEC@DIM,
e.g. the noise study of docs/PERFORMANCE.md (one-ulp changes of kappa and other rotation seeds):
  /usr/bin/python3 tools/minimize_scipy_compare.py quadratic:kappa=10000@100 \
      quadratic:kappa=10000.000000000002@100 quadratic:kappa=10000,seed=2@100 ...
DESCENT_CP (a class path) replaces descent-cli/target/descent-cli-all.jar for the Java side.
"""
import json
import os
import subprocess
import sys

import numpy as np
import scipy
from scipy.optimize import minimize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minimize_bridge import JAR, JAVA, JavaProblem  # noqa: E402

EXTRA = [("extended-rosenbrock", 100), ("extended-rosenbrock", 1000), ("extended-powell", 100),
         ("extended-powell", 1000), ("quadratic:kappa=10000", 100)]


def catalogue():
    src = ('import dev.descent.problems.Problems; public class L { public static void main(String[] a) {'
           ' for (String n : Problems.names()) System.out.println(n); } }')
    path = "/tmp/minimize_scipy_compare_L.java"
    with open(path, "w") as fh:
        fh.write(src)
    out = subprocess.run([JAVA, "-cp", JAR, path], capture_output=True, text=True, check=True).stdout.split()
    return [(n, None) for n in out if n not in ("quadratic", "logreg")] + [("logreg", None)] + EXTRA


print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__}))
def from_args(args):
    out = []
    for a in args:
        name, _, dim = a.partition("@")
        out.append((name, int(dim) if dim else None))
    return out


for name, dim in (from_args(sys.argv[1:]) if len(sys.argv) > 1 else catalogue()):
    p = JavaProblem(name, dim)
    r = minimize(p.fg, np.array(p.x0), jac=True, method="L-BFGS-B")
    p.close()
    print(json.dumps({"problem": name, "dim": p.n, "nfev": int(r.nfev), "nit": int(r.nit), "f": float(r.fun),
                      "success": bool(r.success), "message": str(r.message)}), flush=True)
