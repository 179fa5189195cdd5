package dev.descent.minimize;

/** An {@link Objective} with call counters; one per run. */
final class Evaluator {
    final Objective objective;
    long fEvals;
    long gEvals;
    long hEvals;
    long hvEvals;

    Evaluator(Objective objective) {
        this.objective = objective;
    }

    double evaluate(double[] x, double[] g) {
        fEvals++;
        gEvals++;
        return objective.evaluate(x, g);
    }

    void hessian(double[] x, double[] h) {
        hEvals++;
        objective.hessian(x, h);
    }

    void hessianVector(double[] x, double[] v, double[] hv) {
        hvEvals++;
        objective.hessianVector(x, v, hv);
    }
}
