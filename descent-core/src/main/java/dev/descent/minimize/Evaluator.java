package dev.descent.minimize;

/**
 * An {@link Objective} with call counters and its second-order capabilities, each looked up once
 * when first needed; one per run.
 */
final class Evaluator {
    final Objective objective;
    private Objective.Hessian hessian;
    private Objective.HessianVector hessianVector;
    private boolean hvLookedUp;
    long fEvals;
    long gEvals;
    long hEvals;
    long hvEvals;

    Evaluator(Objective objective) {
        this.objective = objective;
    }

    /** The exact Hessian-vector product, or null when the objective has none. */
    Objective.HessianVector hessianVector() {
        if (!hvLookedUp) {
            hessianVector = objective.hessianVector().orElse(null);
            hvLookedUp = true;
        }
        return hessianVector;
    }

    double evaluate(double[] x, double[] g) {
        fEvals++;
        gEvals++;
        return objective.evaluate(x, g);
    }

    void hessian(double[] x, double[] h) {
        hEvals++;
        if (hessian == null) {
            hessian = objective.hessian().orElseThrow(
                    () -> new IllegalArgumentException("this objective has no exact Hessian"));
        }
        hessian.evaluate(x, h);
    }

    void hessianVector(double[] x, double[] v, double[] hv) {
        hvEvals++;
        hessianVector().evaluate(x, v, hv);
    }
}
