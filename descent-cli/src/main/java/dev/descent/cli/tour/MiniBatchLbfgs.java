package dev.descent.cli.tour;

import dev.descent.linalg.Vec;
import dev.descent.minimize.LbfgsMemory;
import dev.descent.minimize.LineFunction;
import dev.descent.minimize.LineSearch;
import dev.descent.minimize.LineStep;
import dev.descent.minimize.Objective;

/**
 * L-BFGS driven one mini-batch at a time, the way {@code torch.optim.LBFGS} behaves when each
 * {@code step(closure)} sees a new batch with {@code max_iter=1}: the curvature pair is
 * s = t·d and y = ∇f_k(x_k) − ∇f_{k−1}(x_{k−1}), gradients of two different batches; the
 * direction is the two-loop recursion (Nocedal and Wright, Algorithm 7.4) with H₀ = (sᵀy/yᵀy)·I,
 * by {@link LbfgsMemory}; pairs with sᵀy ≤ 1e-10 are skipped; the first step is min(1, 1/‖g‖₁)·lr.
 * Without a line search the step is t = lr (torch's {@code line_search_fn=None}); with one, t comes from a strong-Wolfe
 * search on the current batch (torch's {@code 'strong_wolfe'}). This is an experiment of the tour
 * (section 5), not a production minimizer: the deterministic L-BFGS is {@code minimize.Method.Lbfgs}.
 */
final class MiniBatchLbfgs {

    private final double lr;
    private final LineSearch lineSearch;
    private final LbfgsMemory memory;
    private final double[] s;
    private final double[] y;
    private final double[] g;
    private final double[] gPrev;
    private final double[] d;
    private final double[] xTrial;
    private final double[] gTrial;
    private double tPrev;
    private long iteration;
    /** Batch evaluations so far (line-search trials included). */
    long evaluations;

    MiniBatchLbfgs(int n, int m, double lr, LineSearch lineSearch) {
        this.lr = lr;
        this.lineSearch = lineSearch;
        memory = new LbfgsMemory(n, m, 1e-10);
        s = new double[n];
        y = new double[n];
        g = new double[n];
        gPrev = new double[n];
        d = new double[n];
        xTrial = new double[n];
        gTrial = new double[n];
    }

    /** One iteration on {@code batch} from x (updated in place); returns the batch loss at the start. */
    double step(Objective batch, double[] x) {
        double f = batch.evaluate(x, g);
        evaluations++;
        if (!Double.isFinite(f)) {
            return f;
        }
        int n = x.length;
        double t;
        double dg;
        if (iteration == 0) {
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            double l1 = 0;
            for (double v : g) {
                l1 += Math.abs(v);
            }
            t = Math.min(1, 1 / l1) * lr;
            dg = Vec.dot(d, g);
        } else {
            // the pair from the last step: s = t·d, y = g − gPrev (two different batches)
            for (int i = 0; i < n; i++) {
                s[i] = tPrev * d[i];
                y[i] = g[i] - gPrev[i];
            }
            memory.push(s, y);
            dg = memory.twoLoop(g, d);
            t = lr;
        }
        System.arraycopy(g, 0, gPrev, 0, n);
        if (lineSearch == null) {
            Vec.axpy(t, d, x);
        } else if (dg < 0) {
            LineFunction phi = new LineFunction() {
                double derivative;

                @Override
                public double evaluate(double a) {
                    Vec.addScaled(xTrial, x, a, d);
                    double v = batch.evaluate(xTrial, gTrial);
                    evaluations++;
                    derivative = Vec.dot(gTrial, d);
                    return v;
                }

                @Override
                public double derivative() {
                    return derivative;
                }
            };
            LineStep ls = lineSearch.search(phi, f, dg, t);
            if (ls.accepted()) {
                t = ls.alpha();
                Vec.axpy(t, d, x);
            } else {
                t = 0;
                memory.clear(); // no decrease along d on this batch: forget the curvature pairs
            }
        }
        tPrev = t;
        iteration++;
        return f;
    }
}
