package dev.descent.cli.report;

import java.util.Arrays;

/**
 * Contour lines of a function sampled on a grid, by marching squares (Lorensen and Cline's
 * marching cubes in two dimensions): each grid cell whose corners straddle the level contributes
 * one or two segments, their ends placed by linear interpolation along the cell's edges. The
 * result is a list of points where each segment is two points followed by a NaN break, the form
 * {@link Series.Style#CONTOUR} draws.
 */
public final class Contours {

    private Contours() {}

    /**
     * The segments of the iso-lines f = level for every level.
     *
     * @param xs the grid's x coordinates, increasing, length nx ≥ 2
     * @param ys the grid's y coordinates, increasing, length ny ≥ 2
     * @param f f[j][i] = f(xs[i], ys[j]); non-finite cells are skipped
     * @param levels the contour levels
     * @return {x[], y[]}: segments as (x0,y0),(x1,y1),(NaN,NaN) triples
     */
    public static double[][] segments(double[] xs, double[] ys, double[][] f, double[] levels) {
        int nx = xs.length;
        int ny = ys.length;
        if (nx < 2 || ny < 2 || f.length != ny) {
            throw new IllegalArgumentException("the grid needs at least 2×2 points and f[j][i] with j < ys.length");
        }
        double[] outX = new double[64];
        double[] outY = new double[64];
        int n = 0;
        double[] px = new double[4];
        double[] py = new double[4];
        for (double level : levels) {
            for (int j = 0; j + 1 < ny; j++) {
                for (int i = 0; i + 1 < nx; i++) {
                    // corners counter-clockwise: 0 = (i,j), 1 = (i+1,j), 2 = (i+1,j+1), 3 = (i,j+1)
                    double f0 = f[j][i], f1 = f[j][i + 1], f2 = f[j + 1][i + 1], f3 = f[j + 1][i];
                    if (!(Double.isFinite(f0) && Double.isFinite(f1) && Double.isFinite(f2) && Double.isFinite(f3))) {
                        continue;
                    }
                    int k = 0;
                    // edges: bottom (0-1), right (1-2), top (2-3), left (3-0)
                    if ((f0 < level) != (f1 < level)) {
                        px[k] = lerp(xs[i], xs[i + 1], f0, f1, level);
                        py[k++] = ys[j];
                    }
                    if ((f1 < level) != (f2 < level)) {
                        px[k] = xs[i + 1];
                        py[k++] = lerp(ys[j], ys[j + 1], f1, f2, level);
                    }
                    if ((f2 < level) != (f3 < level)) {
                        px[k] = lerp(xs[i + 1], xs[i], f2, f3, level);
                        py[k++] = ys[j + 1];
                    }
                    if ((f3 < level) != (f0 < level)) {
                        px[k] = xs[i];
                        py[k++] = lerp(ys[j + 1], ys[j], f3, f0, level);
                    }
                    if (k < 2) {
                        continue;
                    }
                    if (outX.length < n + 6) {
                        outX = Arrays.copyOf(outX, 2 * outX.length + 6);
                        outY = Arrays.copyOf(outY, 2 * outY.length + 6);
                    }
                    if (k == 2) {
                        n = segment(outX, outY, n, px[0], py[0], px[1], py[1]);
                    } else {
                        // a saddle: decide the pairing by the value at the cell's centre
                        double centre = 0.25 * (f0 + f1 + f2 + f3);
                        if ((centre < level) == (f0 < level)) {
                            n = segment(outX, outY, n, px[0], py[0], px[1], py[1]);
                            n = segment(outX, outY, n, px[2], py[2], px[3], py[3]);
                        } else {
                            n = segment(outX, outY, n, px[0], py[0], px[3], py[3]);
                            n = segment(outX, outY, n, px[1], py[1], px[2], py[2]);
                        }
                    }
                }
            }
        }
        return new double[][] {Arrays.copyOf(outX, n), Arrays.copyOf(outY, n)};
    }

    /**
     * Levels for a function that spans decades (Rosenbrock, Beale): {@code count} levels spaced
     * geometrically above the grid's minimum, from {@code fMin + span·1e-3} to the grid's median.
     *
     * @param f the function's values on the grid, f[row][column]
     * @param count the number of levels, ≥ 1
     * @return the levels, ascending
     */
    public static double[] geometricLevels(double[][] f, int count) {
        double lo = Double.POSITIVE_INFINITY;
        int total = 0;
        for (double[] row : f) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    total++;
                }
            }
        }
        double[] all = new double[total];
        int t = 0;
        for (double[] row : f) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    all[t++] = v;
                }
            }
        }
        Arrays.sort(all);
        double hi = all[(int) (0.9 * (total - 1))];
        double span = hi - lo;
        double[] levels = new double[count];
        double a = span * 1e-3;
        for (int k = 0; k < count; k++) {
            levels[k] = lo + a * Math.pow(span / a, (double) k / (count - 1));
        }
        return levels;
    }

    private static int segment(double[] x, double[] y, int n, double x0, double y0, double x1, double y1) {
        x[n] = x0;
        y[n++] = y0;
        x[n] = x1;
        y[n++] = y1;
        x[n] = Double.NaN;
        y[n++] = Double.NaN;
        return n;
    }

    private static double lerp(double a, double b, double fa, double fb, double level) {
        double t = (level - fa) / (fb - fa);
        return a + t * (b - a);
    }
}
