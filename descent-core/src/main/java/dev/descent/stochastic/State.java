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

        void expect(int value, String name) {
            int v = i();
            if (v != value) {
                throw bad(name + " is " + v + ", this method has " + value);
            }
        }

        /** Clears {@code m} and pushes the saved pairs in order, which restores it exactly. */
        void memory(LbfgsMemory m, double[] s, double[] y, int capacity) {
            int count = i();
            if (count < 0 || count > capacity) {
                throw bad("it holds " + count + " curvature pairs, the memory keeps " + capacity);
            }
            m.clear();
            for (int k = 0; k < count; k++) {
                d(s);
                d(y);
                if (!m.push(s, y)) {
                    throw bad("a saved curvature pair fails the curvature test");
                }
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
