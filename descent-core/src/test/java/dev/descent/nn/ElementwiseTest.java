package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Elementwise#signumOfNonNegative} is {@code Math.signum} on the values ReLU's and
 * LeakyReLU's gradients give it (max(x, 0): +0, positive, +∞, NaN), bit for bit.
 */
class ElementwiseTest {

    private static void check(int bits) {
        float y = Float.intBitsToFloat(bits);
        float expected = Math.signum(y);
        float got = Elementwise.signumOfNonNegative(y);
        if (Float.isNaN(expected)) {
            assertThat(got).as(Integer.toHexString(bits)).isNaN();
        } else {
            assertThat(Float.floatToRawIntBits(got)).as(Integer.toHexString(bits))
                    .isEqualTo(Float.floatToRawIntBits(expected));
        }
    }

    @Test
    void everySubnormalAndTheEndsOfTheRange() {
        for (int bits = 0; bits <= 0x00800000; bits++) { // +0, every subnormal, the smallest normal
            check(bits);
        }
        check(0x7f7fffff); // the largest float
        check(0x7f800000); // +inf
        check(0x7fc00000); // the canonical NaN
        check(0x7f800001); // a signalling NaN
    }

    @Test
    void normalsAcrossEveryExponent() {
        for (long bits = 0x00800000L; bits < 0x7f800000L; bits += 4099) { // a prime stride: every exponent, many mantissas
            check((int) bits);
        }
    }

    @Test
    void reluGradientIsDyTimesTheSignum() {
        ReLU relu = new ReLU(1);
        float[] ys = {0f, Float.MIN_VALUE, 1e-30f, 0.5f, 3f, Float.POSITIVE_INFINITY};
        float[] dys = {-2.5f, -0f, 0f, 1.25f, -1e-40f};
        for (float y : ys) {
            for (float dy : dys) {
                assertThat(Float.floatToRawIntBits(relu.gradient(y, y, dy))).as(y + ", " + dy)
                        .isEqualTo(Float.floatToRawIntBits(dy * Math.signum(y)));
            }
        }
    }
}
