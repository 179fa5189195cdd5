#!/usr/bin/python3
"""Golden values for dev.descent.problems.LogisticRegression, from scipy.

Draws a small seeded data set with numpy, evaluates the L2-regularized logistic loss
    f(w) = mean(log(1 + exp(-y_i a_i.w))) + lam/2 |w|^2,  y_i in {-1, +1}
with scipy.special.log_expit, and minimizes it with scipy.optimize.minimize(method="trust-exact")
using the exact Hessian, then polishes with three plain Newton steps to a gradient norm near
machine precision. Writes the data, f and the
gradient at two points, w* and f* to
descent-core/src/test/resources/dev/descent/problems/logreg_golden.txt, which
LogisticRegressionTest reads.

Run: /usr/bin/python3 tools/problems_logreg_scipy.py   (written with scipy 1.10.1, numpy 1.24.2)
"""
import os
import sys

import numpy as np
import scipy
from scipy.optimize import minimize
from scipy.special import expit, log_expit

N, D, LAM, SEED = 30, 3, 0.05, 20261128


def data():
    rng = np.random.default_rng(SEED)
    a = np.column_stack([rng.standard_normal((N, D - 1)), np.ones(N)])
    w_true = np.array([1.5, -2.0, 0.3])
    p = expit(a @ w_true)
    labels = (rng.random(N) < p).astype(float)  # 1 positive, 0 negative
    return a, labels


def objective(a, labels):
    y = np.where(labels == 1, 1.0, -1.0)

    def f(w):
        return -np.mean(log_expit(y * (a @ w))) + LAM / 2 * w @ w

    def grad(w):
        m = y * (a @ w)
        return -(a.T @ (y * expit(-m))) / N + LAM * w

    def hess(w):
        s = expit(a @ w)
        return (a.T * (s * (1 - s))) @ a / N + LAM * np.eye(D)

    return f, grad, hess


def main():
    a, labels = data()
    f, grad, hess = objective(a, labels)
    res = minimize(f, np.zeros(D), jac=grad, hess=hess, method="trust-exact",
                   options={"gtol": 1e-14, "maxiter": 200})
    w_star = res.x
    for _ in range(3):  # polish with plain Newton steps (trust-exact stops near |g| ~ 1e-11)
        w_star = w_star - np.linalg.solve(hess(w_star), grad(w_star))
    if np.max(np.abs(grad(w_star))) > 1e-12:
        sys.exit("scipy did not converge: |g| = %g" % np.max(np.abs(grad(w_star))))
    points = [np.zeros(D), np.array([0.7, -1.1, 0.4])]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    out = os.path.join(root, "descent-core/src/test/resources/dev/descent/problems/logreg_golden.txt")
    lines = ["# logistic-regression golden from tools/problems_logreg_scipy.py",
             "# scipy %s, numpy %s, python %s" % (scipy.__version__, np.__version__,
                                                   sys.version.split()[0]),
             "# lines: N D lambda; N rows 'a_1 .. a_D label'; then 'point w.. f g..' lines;"
             " then 'star w*.. f*'",
             "%d %d %r" % (N, D, LAM)]
    for i in range(N):
        lines.append(" ".join(repr(float(v)) for v in a[i]) + " " + repr(float(labels[i])))
    for w in points:
        lines.append("point " + " ".join(repr(float(v)) for v in w) + " " + repr(float(f(w)))
                     + " " + " ".join(repr(float(v)) for v in grad(w)))
    lines.append("star " + " ".join(repr(float(v)) for v in w_star) + " " + repr(float(f(w_star))))
    with open(out + ".tmp", "w") as fh:
        fh.write("\n".join(lines) + "\n")
    os.replace(out + ".tmp", out)
    print("wrote", out, "f* =", f(w_star), "iterations", res.nit)


if __name__ == "__main__":
    main()
