package dev.descent.cli.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis with readable ticks: 1-2-5 steps when the range spans under three decades,
 * powers of ten (every one, or every k-th when there are many) otherwise; labels are plain text
 * from {@link Fmt#num}.
 */
final class NiceLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;

    NiceLogAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1e-300);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical
                ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        double lo = getLowerBound();
        double hi = getUpperBound();
        List<NumberTick> ticks = new ArrayList<>();
        if (!(lo > 0) || !(hi > lo)) {
            return ticks;
        }
        int k0 = (int) Math.floor(Math.log10(lo));
        int k1 = (int) Math.ceil(Math.log10(hi));
        double decades = Math.log10(hi / lo);
        double[] mantissas = decades < 1.2 ? new double[] {1, 1.5, 2, 3, 5, 7} : decades < 3 ? new double[] {1, 2, 5} : new double[] {1};
        int every = decades <= 8 ? 1 : (int) Math.ceil(decades / 8);
        for (int k = k0; k <= k1; k++) {
            if (mantissas.length == 1 && Math.floorMod(k, every) != 0) {
                continue;
            }
            for (double m : mantissas) {
                double v = m * Math.pow(10, k);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    ticks.add(new NumberTick(TickType.MAJOR, v, Fmt.num(v), anchor, anchor, 0.0));
                }
            }
        }
        return ticks;
    }
}
