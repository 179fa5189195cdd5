package dev.descent.minimize;

import java.util.Optional;

/**
 * The objective built by {@link Objective#of}, {@link Objective#withHessian} and
 * {@link Objective#withHessianVector}: f and ∇f from {@code base}, each second-order capability
 * present exactly when its function is non-null (the product derived from {@code h} when only
 * the Hessian is given).
 */
record Composed(Objective base, Objective.Hessian h, Objective.HessianVector hv) implements Objective {

    /** A bare function as an objective with no second derivatives. */
    record Lambda(int dimension, ValueAndGradient fg) implements Objective {
        @Override
        public double evaluate(double[] x, double[] grad) {
            return fg.evaluate(x, grad);
        }
    }

    @Override
    public int dimension() {
        return base.dimension();
    }

    @Override
    public double evaluate(double[] x, double[] grad) {
        return base.evaluate(x, grad);
    }

    @Override
    public double value(double[] x) {
        return base.value(x);
    }

    @Override
    public Optional<Hessian> hessian() {
        return Optional.ofNullable(h);
    }

    @Override
    public Optional<HessianVector> hessianVector() {
        if (hv != null) {
            return Optional.of(hv);
        }
        return h == null ? Optional.empty() : Optional.of(HessianVector.fromHessian(base.dimension(), h));
    }
}
