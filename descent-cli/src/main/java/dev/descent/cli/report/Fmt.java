package dev.descent.cli.report;

import java.util.Locale;

/** Number formatting for the report's text: short, locale-independent, readable. */
public final class Fmt {

    private Fmt() {}

    /**
     * A number for people, in plain or scientific notation as fits.
     *
     * @param v the number; NaN and ±∞ print as NaN and ±∞
     * @param digits significant digits, ≥ 1
     * @return for example {@code 0.0123} or {@code 4.56e-7}
     */
    public static String sig(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            int decimals = Math.max(0, digits - 1 - (int) Math.floor(Math.log10(a)));
            String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
            return decimals > 0 && s.contains(".") ? stripZeros(s) : s;
        }
        String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        int e = s.indexOf('e');
        String mantissa = stripZeros(s.substring(0, e));
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + exponent;
    }

    /**
     * A number with three significant digits.
     *
     * @param v the number
     * @return {@link #sig sig(v, 3)}
     */
    public static String num(double v) {
        return sig(v, 3);
    }

    /**
     * Seconds, with a unit that keeps them readable.
     *
     * @param s the time in seconds
     * @return three significant digits in µs, ms or s
     */
    public static String seconds(double s) {
        if (s < 1e-3) {
            return sig(s * 1e6, 3) + " µs";
        }
        if (s < 1) {
            return sig(s * 1e3, 3) + " ms";
        }
        return sig(s, 3) + " s";
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
