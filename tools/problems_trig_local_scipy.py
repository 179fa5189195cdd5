#!/usr/bin/python3
"""The local minimum f = 2.79506e-5 of the trigonometric function (MGH problem 26) at n = 10.

Moré, Garbow and Hillstrom (1981) report only f* = 0 for this problem, but from the standard start
x0 = (1/n, ..., 1/n) quasi-Newton methods stop at another minimum. This script reproduces it with
scipy (BFGS, L-BFGS-B, CG) and checks that the Hessian there is positive definite, so the catalogue
can list it in Problem.localMinima (dev.descent.problems.Trigonometric).

Run: /usr/bin/python3 tools/problems_trig_local_scipy.py   (checked with scipy 1.10.1, numpy 1.24.2)
Seen: f = 2.7950561218807587e-05 (BFGS, |g| 8e-11); Hessian eigenvalues 0.0626 ... 2.59.
"""
import numpy as np
import scipy
from scipy.optimize import minimize

N = 10


def residuals(x):
    i = np.arange(1, N + 1)
    return N - np.sum(np.cos(x)) + i * (1 - np.cos(x)) - np.sin(x)


def f(x):
    r = residuals(x)
    return float(r @ r)


def grad(x):
    i = np.arange(1, N + 1)
    jac = np.tile(np.sin(x), (N, 1))
    jac[np.arange(N), np.arange(N)] += i * np.sin(x) - np.cos(x)
    return 2 * jac.T @ residuals(x)


def main():
    print("scipy", scipy.__version__, "numpy", np.__version__)
    x0 = np.full(N, 1.0 / N)
    for method in ["BFGS", "L-BFGS-B", "CG"]:
        res = minimize(f, x0, jac=grad, method=method, options={"gtol": 1e-10, "maxiter": 10000})
        print("%-9s f = %.10e  |g|inf = %.1e" % (method, res.fun, np.max(np.abs(grad(res.x)))))
    x = minimize(f, x0, jac=grad, method="BFGS", options={"gtol": 1e-12}).x
    h = np.array([(grad(x + 1e-6 * e) - grad(x - 1e-6 * e)) / 2e-6 for e in np.eye(N)])
    print("x =", np.array2string(x, precision=10, separator=", "))
    print("Hessian eigenvalues:", np.linalg.eigvalsh((h + h.T) / 2))


if __name__ == "__main__":
    main()
