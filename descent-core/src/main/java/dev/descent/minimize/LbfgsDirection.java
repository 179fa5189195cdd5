package dev.descent.minimize;

/**
 * L-BFGS as a {@link Direction}: the two-loop recursion over the m newest curvature pairs
 * (Nocedal &amp; Wright, 2nd ed., Algorithm 7.4, H₀ = γI with γ = sᵀy / yᵀy, eq. 7.20), held in an
 * {@link LbfgsMemory} that skips pairs with sᵀy ≤ 0. O(mn) per direction, no allocation after
 * construction.
 */
final class LbfgsDirection implements Direction {
    private final LbfgsMemory memory;

    LbfgsDirection(int n, int m) {
        this.memory = new LbfgsMemory(n, m, 0);
    }

    @Override
    public double compute(double[] x, double[] g, double[] d) {
        return memory.twoLoop(g, d);
    }

    @Override
    public void step(double[] x, double[] xNew, double[] g, double[] gNew, double alpha, double[] s, double[] y) {
        memory.pushStep(x, xNew, g, gNew);
    }

    @Override
    public void update(double[] s, double[] y, double alpha) {
        memory.push(s, y);
    }

    @Override
    public void reset() {
        memory.clear();
    }

    @Override
    public boolean unitStep() {
        return memory.pairs() > 0;
    }

    /** The number of stored pairs (for tests). */
    int pairs() {
        return memory.pairs();
    }
}
