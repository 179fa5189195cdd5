package dev.descent.spark;

import dev.descent.minimize.Callback;
import dev.descent.minimize.Iterate;

/**
 * The f test of {@code descent spark fit} over a window of iterations: stop when
 * |f_{k−w} − f_k| ≤ fTol·max(|f_{k−w}|, |f_k|, 1), descent-core's relative f test applied to the
 * change over the last w iterations instead of the last one (as Breeze's L-BFGS, under MLlib,
 * compares with a history of values). One iteration of L-BFGS can gain almost nothing far from the
 * optimum (a short accepted step on an ill-conditioned problem; seen on the softmax fit,
 * which stopped 5.7e-9 above its optimum after a step that gained 6e-12); a window of w iterations
 * that together gain less than the tolerance is a much safer sign that the run is at the floor.
 * With w = 1 it is exactly core's test.
 *
 * <p>The tolerance must lie above the rounding floor of f itself: the data term is evaluated with
 * float32 kernels, and on the softmax fit (500 000 rows) its accepted values near the
 * optimum scatter by about 4e-10 relative, so a tolerance of 1e-10 never fires there and the run
 * ends only when a line search cannot decrease f (2.5× the passes). {@code descent spark fit}
 * therefore defaults to 1e-9 over 5 iterations, the {@code tol} it gives MLlib.
 */
final class FWindow implements Callback {

    private final double fTol;
    private final double[] ring;
    private long seen;
    private boolean fired;

    /**
     * @param fTol the relative tolerance, &gt; 0
     * @param window w ≥ 1 iterations
     */
    FWindow(double fTol, int window) {
        if (!(fTol > 0) || window < 1) {
            throw new IllegalArgumentException("the f test needs fTol > 0 and a window >= 1, got " + fTol + " and " + window);
        }
        this.fTol = fTol;
        this.ring = new double[window + 1];
    }

    @Override
    public boolean stop(Iterate it) {
        int w = ring.length - 1;
        ring[(int) (seen % ring.length)] = it.f();
        seen++;
        if (seen <= w) {
            return false;
        }
        double now = it.f();
        double then = ring[(int) (seen % ring.length)];
        fired = Math.abs(then - now) <= fTol * Math.max(Math.max(Math.abs(then), Math.abs(now)), 1);
        return fired;
    }

    /**
     * Whether the test stopped the run.
     *
     * @return true once it has fired
     */
    boolean fired() {
        return fired;
    }
}
