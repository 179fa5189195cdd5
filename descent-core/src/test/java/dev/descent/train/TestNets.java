package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerConfig;
import java.nio.ByteBuffer;

/** Small hand-written networks and an optimizer for the trainer's tests, independent of nn/optim. */
final class TestNets {

    private TestNets() {}

    /** Multinomial logistic regression: logits = xW + b, softmax cross-entropy. */
    static final class Softmax implements Network {
        final int d;
        final int k;
        final float[] p;
        final float[] g;
        private final double[] z;

        Softmax(int d, int k, long seed) {
            this.d = d;
            this.k = k;
            p = new float[d * k + k];
            g = new float[p.length];
            z = new double[k];
            java.util.Random r = new java.util.Random(seed);
            for (int i = 0; i < d * k; i++) {
                p[i] = (float) (0.01 * r.nextGaussian());
            }
        }

        @Override
        public float[] params() {
            return p;
        }

        @Override
        public float[] grads() {
            return g;
        }

        private double logits(float[] x, int row) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double s = p[d * k + c];
                for (int j = 0; j < d; j++) {
                    s += x[row * d + j] * p[j * k + c];
                }
                z[c] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(z[c] - max);
            }
            return max + Math.log(sum);
        }

        @Override
        public double lossAndGradient(float[] x, int[] y, int rows) {
            java.util.Arrays.fill(g, 0f);
            double loss = 0;
            for (int i = 0; i < rows; i++) {
                double lse = logits(x, i);
                loss += lse - z[y[i]];
                for (int c = 0; c < k; c++) {
                    double dz = (Math.exp(z[c] - lse) - (c == y[i] ? 1 : 0)) / rows;
                    g[d * k + c] += (float) dz;
                    for (int j = 0; j < d; j++) {
                        g[j * k + c] += (float) (x[i * d + j] * dz);
                    }
                }
            }
            return loss / rows;
        }

        @Override
        public Evaluation evaluate(Dataset data) {
            double loss = 0;
            int correct = 0;
            for (int i = 0; i < data.n(); i++) {
                double lse = logits(data.x(), i);
                loss += lse - z[data.y()[i]];
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (z[c] > z[best]) {
                        best = c;
                    }
                }
                correct += best == data.y()[i] ? 1 : 0;
            }
            return new Evaluation(loss / data.n(), (double) correct / data.n());
        }
    }

    /** Plain SGD θ ← θ − η·g, with a step counter as its state. */
    record Sgd(double lr) implements OptimizerConfig {
        @Override
        public String name() {
            return "sgd";
        }

        @Override
        public OptimizerConfig withLr(double lr) {
            return new Sgd(lr);
        }

        @Override
        public Optimizer create(int size) {
            Sgd cfg = this;
            return new Optimizer() {
                long t;

                @Override
                public OptimizerConfig config() {
                    return cfg;
                }

                @Override
                public void step(float[] params, float[] grads, double lr) {
                    float a = (float) lr;
                    for (int i = 0; i < params.length; i++) {
                        params[i] -= a * grads[i];
                    }
                    t++;
                }

                @Override
                public long steps() {
                    return t;
                }

                @Override
                public byte[] exportState() {
                    return ByteBuffer.allocate(8).putLong(t).array();
                }

                @Override
                public void importState(byte[] state) {
                    t = ByteBuffer.wrap(state).getLong();
                }
            };
        }
    }
}
