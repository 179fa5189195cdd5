package dev.descent.cli.tour;

/** Least-squares fits used by the takeaways. */
final class Slopes {

    private Slopes() {}

    /**
     * The slope b of the least-squares line log y = a + b·log x over the points with x, y &gt; 0
     * (the exponent of a power law y ∝ xᵇ); NaN with fewer than two such points.
     */
    static double logLog(double[] x, double[] y) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                double lx = Math.log(x[i]);
                double ly = Math.log(y[i]);
                sx += lx;
                sy += ly;
                sxx += lx * lx;
                sxy += lx * ly;
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double den = n * sxx - sx * sx;
        return den == 0 ? Double.NaN : (n * sxy - sx * sy) / den;
    }
}
