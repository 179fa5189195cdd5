"""Goldens for descent's minimizers from scipy.optimize.minimize (Debian python3-scipy 1.10.1,
numpy 1.24.2; run with /usr/bin/python3 after building the CLI jar, e.g. `./descent --version`).

For a fixed set of catalogue problems (served by descent itself through
tools/minimize_objective_server.java, so both sides minimize the same function), runs scipy's
BFGS (gtol=1e-8), L-BFGS-B (m=10, pgtol=1e-8, ftol=0) and Newton-CG (xtol=1e-10, finite-difference
Hessian products) and writes
descent-core/src/test/resources/dev/descent/minimize/scipy_goldens.csv:
problem,dim,scipy_method,success,nit,nfev,f,x (x as ';'-separated values).
The test ScipyGoldensTest asserts that descent's bfgs, lbfgs and newton-cg reach the same minimum.
"""
import os
import sys

import numpy as np
import scipy
from scipy.optimize import minimize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minimize_bridge import ROOT, JavaProblem  # noqa: E402

PROBLEMS = [("rosenbrock", None), ("beale", None), ("helical-valley", None), ("wood", None),
            ("extended-rosenbrock", 10), ("box3", None), ("kowalik-osborne", None), ("quadratic", 10), ("logreg", None)]
METHODS = {
    "BFGS": dict(method="BFGS", options=dict(gtol=1e-8, maxiter=10000)),
    "L-BFGS-B": dict(method="L-BFGS-B", options=dict(maxcor=10, gtol=1e-8, ftol=0, maxiter=10000, maxfun=100000)),
    "Newton-CG": dict(method="Newton-CG", options=dict(xtol=1e-10, maxiter=10000)),
}

out = os.path.join(ROOT, "descent-core/src/test/resources/dev/descent/minimize/scipy_goldens.csv")
os.makedirs(os.path.dirname(out), exist_ok=True)
rows = ["# scipy %s, numpy %s; produced by tools/minimize_scipy_goldens.py" % (scipy.__version__, np.__version__),
        "problem,dim,scipy_method,success,nit,nfev,f,x"]
for name, dim in PROBLEMS:
    p = JavaProblem(name, dim)
    for label, kw in METHODS.items():
        r = minimize(p.fg, np.array(p.x0), jac=True, **kw)
        rows.append("%s,%d,%s,%s,%d,%d,%r,%s" % (name, p.n, label, bool(r.success), r.nit, r.nfev, float(r.fun),
                                              ";".join(repr(float(v)) for v in r.x)))
        print(rows[-1][:120], file=sys.stderr)
    p.close()
tmp = out + ".tmp"
with open(tmp, "w") as fh:
    fh.write("\n".join(rows) + "\n")
os.replace(tmp, out)
print("wrote", out)
