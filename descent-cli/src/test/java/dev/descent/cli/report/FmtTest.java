package dev.descent.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtTest {

    @Test
    void threeSignificantDigitsInPlainOrScientificNotation() {
        assertThat(Fmt.num(0.123456)).isEqualTo("0.123");
        assertThat(Fmt.num(12.0)).isEqualTo("12");
        assertThat(Fmt.num(1234.5)).isEqualTo("1235");
        assertThat(Fmt.num(2.5e-5)).isEqualTo("2.5e-5");
        assertThat(Fmt.num(3e7)).isEqualTo("3e7");
        assertThat(Fmt.num(Double.NaN)).isEqualTo("NaN");
        assertThat(Fmt.seconds(0.0123)).isEqualTo("12.3 ms");
    }
}
