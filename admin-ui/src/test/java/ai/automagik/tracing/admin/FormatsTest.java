package ai.automagik.tracing.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @Test
    void dollarsShowCentsAboveOneAndFourSignificantDigitsBelow() {
        assertThat(Formats.usd(1234.5)).isEqualTo("$1,234.50");
        assertThat(Formats.usd(1)).isEqualTo("$1.00");
        assertThat(Formats.usd(0.000435)).isEqualTo("$0.000435");
        assertThat(Formats.usd(0.0123456)).isEqualTo("$0.01235");
        assertThat(Formats.usd(0)).isEqualTo("$0");
    }
}
