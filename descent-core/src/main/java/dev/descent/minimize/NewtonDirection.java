package dev.descent.minimize;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Newton's direction d = −(∇²f + τI)⁻¹∇f, with τ ≥ 0 the smallest of β, 2β, 4β, ... (or
 * −min ∇²fᵢᵢ + β) that makes the matrix positive definite: Cholesky with added multiple of the
 * identity, Nocedal &amp; Wright (2nd ed.) Algorithm 3.3, β = 1e-3. The factorization is EJML's
 * dense Cholesky; O(n³) per direction.
 */
final class NewtonDirection implements Direction {
    private static final double BETA = 1e-3;
    private final int n;
    private final Evaluator ev;
    private final double[] h;
    private final DMatrixRMaj A;
    private final DMatrixRMaj b;
    private final DMatrixRMaj p;
    private final LinearSolverDense<DMatrixRMaj> chol;
    /** The τ of the last factorization (for tests and traces). */
    double lastTau;

    NewtonDirection(int n, Evaluator ev) {
        this.n = n;
        this.ev = ev;
        this.h = new double[n * n];
        this.A = new DMatrixRMaj(n, n);
        this.b = new DMatrixRMaj(n, 1);
        this.p = new DMatrixRMaj(n, 1);
        this.chol = LinearSolverFactory_DDRM.chol(n);
    }

    @Override
    public double compute(double[] x, double[] g, double[] d) {
        direction(x, g, d);
        return dev.descent.linalg.Vec.dot(d, g);
    }

    private void direction(double[] x, double[] g, double[] d) {
        ev.hessian(x, h);
        double minDiag = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minDiag = Math.min(minDiag, h[i * n + i]);
        }
        double tau = minDiag > 0 ? 0 : -minDiag + BETA;
        boolean ok = Vec_isFinite(h);
        for (int attempt = 0; ok && attempt < 200; attempt++) {
            System.arraycopy(h, 0, A.data, 0, n * n);
            for (int i = 0; i < n; i++) {
                A.data[i * n + i] += tau;
            }
            if (chol.setA(A)) {
                for (int i = 0; i < n; i++) {
                    b.data[i] = -g[i];
                }
                chol.solve(b, p);
                System.arraycopy(p.data, 0, d, 0, n);
                lastTau = tau;
                return;
            }
            tau = Math.max(2 * tau, BETA);
        }
        // a non-finite Hessian or no shift found: steepest descent (the loop checks descent)
        for (int i = 0; i < n; i++) {
            d[i] = -g[i];
        }
        lastTau = Double.NaN;
    }

    private static boolean Vec_isFinite(double[] a) {
        return dev.descent.linalg.Vec.isFinite(a);
    }

    @Override
    public boolean unitStep() {
        return true;
    }
}
