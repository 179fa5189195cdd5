package dev.descent.minimize;

import dev.descent.linalg.Vec;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerConfig;

/**
 * Runs a first-order {@link dev.descent.optim.Optimizer} on an {@link Objective}: at step t,
 * evaluate f and ∇f at xₜ, run the stopping tests of {@link Settings} (the same as every other
 * method's), else xₜ₊₁ ← xₜ − uₜ with uₜ the optimizer's update at lr = schedule(t).
 *
 * <p>Precision. The optimizers keep float32 state and update a float32 buffer; the update rule
 * is written once, there. Here the iterate stays in double: each step hands the optimizer a
 * float32 copy of ∇f and a buffer of zeros, so the buffer comes back holding −uₜ exactly as
 * computed in float32, and x ← x + (−uₜ) in double. So no step is lost to float32 rounding of x
 * (which stalls Adam near ‖∇f‖ ≈ 2e-3 on Rosenbrock). That is exact for every rule whose update
 * does not read θ itself; weight decay does (coupled: g + λθ; decoupled: θ(1 − lr·λ)). An
 * optimizer with weight decay is therefore run on float32 parameters θ = x, as in training,
 * and its result says {@link Result.Precision#FLOAT32}. Which case applies is found by probing
 * a throwaway copy of the optimizer: one step at g = 0 changes θ only when the rule reads θ.
 */
final class FirstOrderRun {

    private FirstOrderRun() {}

    static Result run(Objective objective, double[] x0, Method.FirstOrder method, Settings settings, Callback callback) {
        int n = x0.length;
        Monitor monitor = new Monitor(settings, callback, n);
        Evaluator ev = new Evaluator(objective);
        OptimizerConfig config = method.optimizer();
        Optimizer opt = config.create(n);
        boolean float32 = readsParameters(config);
        float[] theta = new float[n];
        float[] grad = new float[n];
        double[] x = x0.clone();
        if (float32) {
            Vec.toFloat(x0, theta);
            Vec.toDouble(theta, x);
        }
        double[] g = new double[n];
        double[] xLast = new double[n];
        double[] gLast = new double[n];
        double fLast = Double.NaN;
        double gLastInf = Double.NaN;
        Result.Measures measures = Result.Measures.NONE;
        double lr = 0;
        Status status;
        int t = 0;
        while (true) {
            double f = ev.evaluate(x, g);
            double gInf = Vec.normInf(g);
            if (!Double.isFinite(f) || !Vec.isFinite(g) || !Vec.isFinite(x)) {
                status = Status.NON_FINITE;
                if (t == 0) {
                    fLast = f;
                    gLastInf = gInf;
                    System.arraycopy(x, 0, xLast, 0, n);
                    System.arraycopy(g, 0, gLast, 0, n);
                }
                break;
            }
            if (t > 0) {
                double dx = 0;
                for (int i = 0; i < n; i++) {
                    dx = Math.max(dx, Math.abs(x[i] - xLast[i]));
                }
                measures = Stopping.measures(dx, fLast, f);
            }
            System.arraycopy(x, 0, xLast, 0, n);
            System.arraycopy(g, 0, gLast, 0, n);
            fLast = f;
            gLastInf = gInf;
            double relGrad = monitor.wantsRelativeGradient() ? Stopping.relativeGradient(g, x) : Double.POSITIVE_INFINITY;
            status = monitor.check(t, x, f, gInf, relGrad, lr, ev.fEvals, measures);
            if (status != null) {
                break;
            }
            lr = method.schedule() == null ? config.lr() : method.schedule().at(t);
            Vec.toFloat(g, grad);
            if (float32) {
                opt.step(theta, grad, lr);
                Vec.toDouble(theta, x);
            } else {
                java.util.Arrays.fill(theta, 0f);
                opt.step(theta, grad, lr);
                for (int i = 0; i < n; i++) {
                    x[i] += theta[i];
                }
            }
            t++;
        }
        // t counts completed optimizer steps; when the run ended on a non-finite value, the last
        // step produced it and is not counted as an iteration that reached a valid point
        int iterations = status == Status.NON_FINITE ? Math.max(0, t - 1) : t;
        Result.Stats stats = new Result.Stats(iterations, ev.fEvals, ev.gEvals, 0, 0, monitor.seconds());
        return new Result(method.name(), new Result.Location(xLast, fLast, gLast, gLastInf), stats, status, measures,
                float32 ? Result.Precision.FLOAT32 : Result.Precision.DOUBLE, settings, monitor.trace);
    }

    /**
     * Whether the optimizer's update reads θ itself (weight decay): one step of a fresh copy at
     * θ = 1, g = 0 and a large learning rate leaves θ unchanged exactly when it does not, since
     * every rule's update is then a function of the gradient history alone, and zero at g = 0.
     */
    static boolean readsParameters(OptimizerConfig config) {
        if (config.options().weightDecay() != 0) {
            return true;
        }
        Optimizer probe = config.create(1);
        float[] theta = {1f};
        probe.step(theta, new float[] {0f}, 1e6);
        return theta[0] != 1f;
    }
}
