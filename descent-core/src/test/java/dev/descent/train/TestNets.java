package dev.descent.train;

import dev.descent.nn.Evaluation;
import dev.descent.data.Dataset;

/** A small hand-written network for the trainer's tests, independent of nn. */
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
}
