package dev.descent.minimize;

/** d = −∇f(x). */
final class SteepestDescentDirection implements Direction {

    @Override
    public double compute(double[] x, double[] g, double[] d) {
        direction(x, g, d);
        return dev.descent.linalg.Vec.dot(d, g);
    }

    private void direction(double[] x, double[] g, double[] d) {
        for (int i = 0; i < g.length; i++) {
            d[i] = -g[i];
        }
    }

    @Override
    public boolean unitStep() {
        return false;
    }
}
