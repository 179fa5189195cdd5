package dev.descent.optim;

/** The state of {@link Adam} and {@link AdamW}: moments m, v (and v̂max with AMSGrad). */
final class AdamState extends FlatOptimizer {

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double decoupledDecay;
    private final float[] vmax;

    AdamState(OptimizerConfig config, ParamGroups groups, double beta1, double beta2, double eps,
            double decoupledDecay, boolean amsgrad) {
        super(config, groups, amsgrad ? 3 : 2);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.decoupledDecay = decoupledDecay;
        this.vmax = amsgrad ? arrays[2] : null;
    }

    /** This step's bias corrections 1 − β1^t and 1 − β2^t (once per step, not per range). */
    private double bc1;
    private double bc2;

    @Override
    void startStep() {
        bc1 = 1 - Math.pow(beta1, t);
        bc2 = 1 - Math.pow(beta2, t);
    }

    @Override
    void update(float[] p, float[] g, int from, int to, double lr, float lambda, double lambdaScale, float scale,
            float clipValue) {
        double stepSize = lr / bc1;
        float decay = (float) (1 - lr * decoupledDecay * lambdaScale);
        Kernels.adam(p, g, arrays[0], arrays[1], vmax, from, to, scale, clipValue, lambda, decay, (float) beta1,
                (float) (1 - beta1), (float) beta2, (float) (1 - beta2), (float) Math.sqrt(bc2), (float) eps,
                (float) -stepSize);
    }
}
