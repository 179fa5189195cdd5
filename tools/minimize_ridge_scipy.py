# The ridge regression of descent-core RidgeRegressionTest (same SplitMix64 data), solved by
# scipy.optimize.minimize with its defaults. Run: python3 tools/minimize_ridge_scipy.py
import numpy as np, scipy
from scipy.optimize import minimize
M64 = (1 << 64) - 1
class SplitMix:
    def __init__(s, seed): s.x = seed & M64
    def next(s):
        s.x = (s.x + 0x9E3779B97F4A7C15) & M64
        z = s.x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)
    def uniform(s):  # in [-1, 1)
        return (s.next() >> 11) * 2.0**-53 * 2 - 1
def data(m=200, n=50, lam=1.0, noise=1.0, seed=8):
    r = SplitMix(seed)
    A = np.array([[r.uniform() for j in range(n)] for i in range(m)])
    w = np.array([r.uniform() for j in range(n)])
    b = A @ w + noise * np.array([r.uniform() for i in range(m)])
    return A, b, lam
A, b, lam = data()
def fg(w):
    r = A @ w - b
    return 0.5 * r @ r + 0.5 * lam * w @ w, A.T @ r + lam * w
H = A.T @ A + lam * np.eye(A.shape[1])
wstar = np.linalg.solve(H, A.T @ b)
print("scipy", scipy.__version__, "f* =", repr(fg(wstar)[0]), "cond", np.linalg.cond(H), "wstar[0]", repr(wstar[0]))
x0 = np.zeros(A.shape[1])
for meth in ["L-BFGS-B", "BFGS", "CG", "Newton-CG"]:
    kw = dict(hessp=lambda w, v: H @ v) if meth == "Newton-CG" else {}
    res = minimize(fg, x0, jac=True, method=meth, **kw)
    g = fg(res.x)[1]
    print(f"{meth:10s} success={res.success} status={res.status} nit={res.nit} nfev={res.nfev} |g|inf={np.abs(g).max():.2e} |x-x*|inf={np.abs(res.x-wstar).max():.2e} msg={res.message!r}")
