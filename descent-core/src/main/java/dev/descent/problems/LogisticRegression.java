package dev.descent.problems;

import dev.descent.minimize.Objective;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * L2-regularized logistic regression on a data set, as an {@link Objective} of the weights
 * w ∈ ℝᵈ:
 *
 * <pre>
 *   f(w) = (1/N) Σᵢ log(1 + exp(−yᵢ aᵢᵀw)) + (λ/2)‖w‖²,   yᵢ ∈ {−1, +1}
 *   ∇f   = −(1/N) Σᵢ yᵢ σ(−yᵢaᵢᵀw) aᵢ + λw
 *   ∇²f  = (1/N) Σᵢ σ(mᵢ)σ(−mᵢ) aᵢaᵢᵀ + λI,   mᵢ = yᵢaᵢᵀw
 * </pre>
 *
 * <p>There is no separate intercept: include a column of ones in the design matrix for one (the
 * synthetic set does). With λ &gt; 0 the objective is strictly convex with a unique minimizer,
 * which {@link #minimizer()} computes by Newton's method. The losses use a stable softplus, so
 * large margins neither overflow nor lose the gradient. Evaluations are O(N·d) without
 * allocation; the Hessian-vector product is O(N·d). Holds scratch buffers: not safe for
 * concurrent use.
 */
public final class LogisticRegression implements ExactSecondOrder {

    private final double[] a;
    private final double[] y;
    private final int samples;
    private final int features;
    private final double lambda;
    private final double[] margin;
    private final double[] scratch;

    /**
     * A logistic-regression objective over the given data, which is copied.
     *
     * @param design the design matrix, row-major N×d (sample i at {@code design[i*d .. i*d+d-1]}),
     *     finite
     * @param labels N labels, each 1 (positive) or 0 or −1 (negative)
     * @param features d, at least 1, dividing {@code design.length}
     * @param lambda the L2 coefficient λ ≥ 0 (λ = 0 may leave separable data without a minimizer)
     * @throws IllegalArgumentException when the shapes disagree or a value is out of range
     */
    public LogisticRegression(double[] design, double[] labels, int features, double lambda) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be at least 1; got " + features);
        }
        if (design.length == 0 || design.length % features != 0) {
            throw new IllegalArgumentException("design has " + design.length
                    + " entries; it must be a non-empty multiple of features = " + features);
        }
        int n = design.length / features;
        if (labels.length != n) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries; the"
                    + " design matrix has " + n + " rows");
        }
        if (!(lambda >= 0 && lambda < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0; got " + lambda);
        }
        this.y = new double[n];
        for (int i = 0; i < n; i++) {
            double l = labels[i];
            if (l != 1 && l != 0 && l != -1) {
                throw new IllegalArgumentException("label " + i + " is " + l
                        + "; labels must be 1 (positive) or 0 or -1 (negative)");
            }
            y[i] = l == 1 ? 1 : -1;
        }
        for (double v : design) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("design matrix has a non-finite entry");
            }
        }
        this.a = design.clone();
        this.samples = n;
        this.features = features;
        this.lambda = lambda;
        this.margin = new double[n];
        this.scratch = new double[features];
    }

    /**
     * A seeded synthetic set: N samples with d − 1 standard normal features and a last column of
     * ones (the intercept), and labels drawn from a logistic model with standard normal weights,
     * so the classes overlap.
     *
     * @param samples N ≥ 1
     * @param features d ≥ 1 (d = 1 is the intercept alone)
     * @param lambda λ ≥ 0
     * @param seed the seed of the {@link SplittableRandom} that draws everything
     * @return the problem, its data drawn once from the seed
     */
    public static LogisticRegression synthetic(int samples, int features, double lambda,
            long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1; got " + samples);
        }
        if (features < 1) {
            throw new IllegalArgumentException("features must be at least 1; got " + features);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] wTrue = new double[features];
        for (int j = 0; j < features; j++) {
            wTrue[j] = rng.nextGaussian();
        }
        double[] design = new double[samples * features];
        double[] labels = new double[samples];
        for (int i = 0; i < samples; i++) {
            double s = 0;
            for (int j = 0; j < features; j++) {
                double v = j == features - 1 ? 1 : rng.nextGaussian();
                design[i * features + j] = v;
                s += v * wTrue[j];
            }
            labels[i] = rng.nextDouble() < 1 / (1 + Math.exp(-s)) ? 1 : 0;
        }
        return new LogisticRegression(design, labels, features, lambda);
    }

    /**
     * The number of samples N.
     *
     * @return N ≥ 1
     */
    public int samples() {
        return samples;
    }

    /**
     * The L2 coefficient λ.
     *
     * @return λ ≥ 0
     */
    public double lambda() {
        return lambda;
    }

    @Override
    public int dimension() {
        return features;
    }

    /** log(1 + exp(z)) without overflow. */
    private static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** σ(z) = 1/(1 + exp(−z)) without overflow. */
    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    @Override
    public double evaluate(double[] w, double[] grad) {
        int d = features;
        double loss = 0;
        Arrays.fill(grad, 0, d, 0.0);
        for (int i = 0; i < samples; i++) {
            int row = i * d;
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += a[row + j] * w[j];
            }
            double m = y[i] * s;
            loss += softplus(-m);
            double c = -y[i] * sigmoid(-m);
            for (int j = 0; j < d; j++) {
                grad[j] += c * a[row + j];
            }
        }
        double reg = 0;
        for (int j = 0; j < d; j++) {
            reg += w[j] * w[j];
            grad[j] = grad[j] / samples + lambda * w[j];
        }
        return loss / samples + lambda / 2 * reg;
    }

    @Override
    public double value(double[] w) {
        return evaluate(w, scratch);
    }

    /**
     * Writes ∇²f into the d×d row-major {@code h}.
     *
     * @param w the weights, length d; not modified
     * @param h the output, length d², overwritten
     */
    @Override
    public void hessian(double[] w, double[] h) {
        int d = features;
        Arrays.fill(h, 0, d * d, 0.0);
        for (int i = 0; i < samples; i++) {
            int row = i * d;
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += a[row + j] * w[j];
            }
            double p = sigmoid(s);
            double c = p * (1 - p) / samples;
            for (int j = 0; j < d; j++) {
                double cj = c * a[row + j];
                for (int k = 0; k <= j; k++) {
                    h[j * d + k] += cj * a[row + k];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            h[j * d + j] += lambda;
            for (int k = 0; k < j; k++) {
                h[k * d + j] = h[j * d + k];
            }
        }
    }

    /**
     * Writes ∇²f·v into {@code hv} without forming the Hessian, O(N·d).
     *
     * @param w the weights, length d; not modified
     * @param v the direction, length d; not modified
     * @param hv the output, length d, overwritten
     */
    @Override
    public void hessianVector(double[] w, double[] v, double[] hv) {
        int d = features;
        Arrays.fill(hv, 0, d, 0.0);
        for (int i = 0; i < samples; i++) {
            int row = i * d;
            double s = 0;
            double u = 0;
            for (int j = 0; j < d; j++) {
                s += a[row + j] * w[j];
                u += a[row + j] * v[j];
            }
            double p = sigmoid(s);
            double c = p * (1 - p) * u / samples;
            for (int j = 0; j < d; j++) {
                hv[j] += c * a[row + j];
            }
        }
        for (int j = 0; j < d; j++) {
            hv[j] += lambda * v[j];
        }
    }

    /**
     * The minimizer w*, by Newton's method from w = 0 with a backtracking (Armijo) step and a
     * Cholesky solve, until ‖∇f‖∞ ≤ 1e-12·max(1, |f|) or 100 iterations. It costs
     * O(N·d² + d³) per iteration: a reference solution for the catalogue, not a minimizer to race.
     *
     * @throws IllegalStateException when λ = 0 and the Hessian is not positive definite
     * @return a new array holding w*
     */
    public double[] minimizer() {
        int d = features;
        double[] w = new double[d];
        double[] g = new double[d];
        double[] h = new double[d * d];
        double[] step = new double[d];
        double[] trial = new double[d];
        double f = evaluate(w, g);
        for (int iter = 0; iter < 100; iter++) {
            double gInf = 0;
            for (double gj : g) {
                gInf = Math.max(gInf, Math.abs(gj));
            }
            if (gInf <= 1e-12 * Math.max(1, Math.abs(f))) {
                break;
            }
            hessian(w, h);
            choleskySolve(h, g, step, d);
            double slope = 0;
            for (int j = 0; j < d; j++) {
                step[j] = -step[j];
                slope += g[j] * step[j];
            }
            double t = 1;
            double ft = f;
            for (int k = 0; k < 60; k++) {
                for (int j = 0; j < d; j++) {
                    trial[j] = w[j] + t * step[j];
                }
                ft = value(trial);
                if (ft <= f + 1e-4 * t * slope) {
                    break;
                }
                t /= 2;
            }
            if (!(ft <= f)) {
                break;
            }
            System.arraycopy(trial, 0, w, 0, d);
            f = evaluate(w, g);
        }
        return w;
    }

    /** Solves H·x = b for symmetric positive definite H (destroyed) by Cholesky, H = LLᵀ. */
    private static void choleskySolve(double[] h, double[] b, double[] x, int d) {
        for (int j = 0; j < d; j++) {
            double s = h[j * d + j];
            for (int k = 0; k < j; k++) {
                s -= h[j * d + k] * h[j * d + k];
            }
            if (!(s > 0)) {
                throw new IllegalStateException("the Hessian is not positive definite;"
                        + " use lambda > 0");
            }
            double ljj = Math.sqrt(s);
            h[j * d + j] = ljj;
            for (int i = j + 1; i < d; i++) {
                double t = h[i * d + j];
                for (int k = 0; k < j; k++) {
                    t -= h[i * d + k] * h[j * d + k];
                }
                h[i * d + j] = t / ljj;
            }
        }
        for (int i = 0; i < d; i++) {
            double t = b[i];
            for (int k = 0; k < i; k++) {
                t -= h[i * d + k] * x[k];
            }
            x[i] = t / h[i * d + i];
        }
        for (int i = d - 1; i >= 0; i--) {
            double t = x[i];
            for (int k = i + 1; k < d; k++) {
                t -= h[k * d + i] * x[k];
            }
            x[i] = t / h[i * d + i];
        }
    }
}
