package dev.descent.stochastic;

import dev.descent.minimize.LbfgsMemory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Byte encoding of the methods' states: big-endian, doubles as raw bits, so values round-trip exactly. */
final class State {

    private State() {}

    /** A writer over a growing byte array. */
    static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream o = new DataOutputStream(bytes);

        Out i(int v) {
            try {
                o.writeInt(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Out l(long v) {
            try {
                o.writeLong(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Out d(double v) {
            return l(Double.doubleToRawLongBits(v));
        }

        Out d(double[] v) {
            for (double x : v) {
                d(x);
            }
            return this;
        }

        /** float32 values, each written as a double. */
        Out d(float[] v) {
            for (float x : v) {
                d(x);
            }
            return this;
        }

        Out i(int[] v, int count) {
            for (int k = 0; k < count; k++) {
                i(v[k]);
            }
            return this;
        }

        /** The memory's pairs, oldest first: count, then each s and y. */
        Out memory(LbfgsMemory m, double[] s, double[] y) {
            i(m.pairs());
            for (int k = 0; k < m.pairs(); k++) {
                m.pair(k, s, y);
                d(s).d(y);
            }
            return this;
        }

        byte[] bytes() {
            try {
                o.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }

    /** Clears {@code m} and pushes {@link In#pairs}' pairs in order, which restores the memory exactly. */
    static void restore(LbfgsMemory m, double[][] pairs) {
        m.clear();
        for (int k = 0; k < pairs.length; k += 2) {
            if (!m.push(pairs[k], pairs[k + 1])) {
                throw new IllegalStateException("a checked curvature pair was refused");
            }
        }
    }

    /** A reader that turns every malformation into one IllegalArgumentException. */
    static final class In {
        private final DataInputStream in;
        private final String what;

        In(byte[] state, String what) {
            this.in = new DataInputStream(new ByteArrayInputStream(state));
            this.what = what;
        }

        int i() {
            try {
                return in.readInt();
            } catch (IOException e) {
                throw bad("truncated");
            }
        }

        long l() {
            try {
                return in.readLong();
            } catch (IOException e) {
                throw bad("truncated");
            }
        }

        double d() {
            return Double.longBitsToDouble(l());
        }

        void d(double[] v) {
            for (int k = 0; k < v.length; k++) {
                v[k] = d();
            }
        }

        /** float32 values written by {@link Out#d(float[])}. */
        void d(float[] v) {
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) d();
            }
        }

        void expect(int value, String name) {
            int v = i();
            if (v != value) {
                throw bad(name + " is " + v + ", this method has " + value);
            }
        }

        /**
         * Reads the saved pairs ({@link Out#memory}'s format), checking each passes the curvature
         * test sᵀy &gt; threshold of the memory they go to; {@link #restore} installs them.
         *
         * @return the pairs, oldest first, each s then y
         */
        double[][] pairs(int n, int capacity, double threshold) {
            int count = i();
            if (count < 0 || count > capacity) {
                throw bad("it holds " + count + " curvature pairs, the memory keeps " + capacity);
            }
            double[][] p = new double[2 * count][n];
            for (int k = 0; k < 2 * count; k++) {
                d(p[k]);
            }
            for (int k = 0; k < count; k++) {
                double sy = 0;
                double yy = 0;
                for (int j = 0; j < n; j++) {
                    sy += p[2 * k][j] * p[2 * k + 1][j];
                    yy += p[2 * k + 1][j] * p[2 * k + 1][j];
                }
                if (!(sy > threshold) || !(yy > 0) || !Double.isFinite(sy) || !Double.isFinite(yy)) {
                    throw bad("a saved curvature pair fails the curvature test");
                }
            }
            return p;
        }

        /** {@return the bytes not read yet} */
        int remaining() {
            try {
                return in.available();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void end() {
            try {
                if (in.available() != 0) {
                    throw bad(in.available() + " bytes too many");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        IllegalArgumentException bad(String why) {
            return new IllegalArgumentException("the saved state does not belong to this " + what + " (" + why + ")");
        }
    }
}
