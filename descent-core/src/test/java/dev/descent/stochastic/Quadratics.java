package dev.descent.stochastic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A sampled test objective with known answers: fᵢ(θ) = ½ Σⱼ hⱼ(θⱼ − cᵢⱼ)², so
 * ∇F_S = h ⊙ (θ − c̄_S) and ∇²F_S = diag(h) for every sample. Records every gradient call (the
 * point and the rows) so tests can check which examples a pair used.
 */
final class Quadratics implements SampledObjective {

    record Call(float[] theta, int[] rows) {}

    final double[] h;
    final double[][] c;
    final List<Call> gradientCalls = new ArrayList<>();
    long gradientRows;
    long lossRows;

    /** N rows in n dimensions; hⱼ from 1 to {@code condition} (log-spaced), cᵢⱼ = μⱼ + σ·N(0,1). */
    Quadratics(int rows, int n, double condition, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        h = new double[n];
        for (int j = 0; j < n; j++) {
            h[j] = Math.pow(condition, n == 1 ? 0 : (double) j / (n - 1));
        }
        double[] mu = new double[n];
        for (int j = 0; j < n; j++) {
            mu[j] = 1 + r.nextDouble();
        }
        c = new double[rows][n];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = mu[j] + sigma * gaussian(r);
            }
        }
    }

    static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    @Override
    public int dimension() {
        return h.length;
    }

    @Override
    public int size() {
        return c.length;
    }

    @Override
    public double lossAndGradient(float[] theta, int[] rows, int from, int count, double[] grad) {
        gradientCalls.add(new Call(theta.clone(), java.util.Arrays.copyOfRange(rows, from, from + count)));
        gradientRows += count;
        java.util.Arrays.fill(grad, 0);
        double f = 0;
        for (int k = from; k < from + count; k++) {
            double[] ci = c[rows[k]];
            for (int j = 0; j < h.length; j++) {
                double e = theta[j] - ci[j];
                f += 0.5 * h[j] * e * e;
                grad[j] += h[j] * e;
            }
        }
        for (int j = 0; j < h.length; j++) {
            grad[j] /= count;
        }
        return f / count;
    }

    @Override
    public double loss(float[] theta, int[] rows, int from, int count) {
        lossRows += count;
        double f = 0;
        for (int k = from; k < from + count; k++) {
            double[] ci = c[rows[k]];
            for (int j = 0; j < h.length; j++) {
                double e = theta[j] - ci[j];
                f += 0.5 * h[j] * e * e;
            }
        }
        return f / count;
    }

    /** F over all rows. */
    double full(float[] theta) {
        int[] all = new int[c.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        long keep = lossRows;
        double f = loss(theta, all, 0, all.length);
        lossRows = keep;
        return f;
    }

    @Override
    public boolean hasExactHessianVector() {
        return true;
    }

    @Override
    public void hessianVector(float[] theta, int[] rows, int from, int count, double[] v, double[] hv) {
        for (int j = 0; j < h.length; j++) {
            hv[j] = h[j] * v[j];
        }
    }
}
