package ai.automagik.tracing.sampling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The threshold arithmetic against the OpenTelemetry specification's examples ("TraceState: Probability Sampling"). */
class ConsistentProbabilityTest {

    /** The specification's table of 1-in-N probabilities with precision 3, 4 and 5. */
    @ParameterizedTest
    @CsvSource({
        "1, 0, 0, 0",
        "0.5, 8, 8, 8",
        "0.3333333333333333, aab, aaab, aaaab",
        "0.25, c, c, c",
        "0.2, ccd, cccd, ccccd",
        "0.125, e, e, e",
        "0.1, e66, e666, e6666",
        "0.0625, f, f, f",
        "0.01, fd71, fd70a, fd70a4",
        "0.001, ffbe7, ffbe77, ffbe76d",
        "0.0001, fff972, fff9724, fff97247",
        "0.00001, ffff584, ffff583a, ffff583a5",
        "0.000001, ffffef4, ffffef39, ffffef391"})
    void probabilitiesBecomeTheSpecificationsThresholds(double p, String three, String four, String five) {
        assertThat(ConsistentProbability.encode(ConsistentProbability.threshold(p, 3))).isEqualTo(three);
        assertThat(ConsistentProbability.encode(ConsistentProbability.threshold(p, 4))).isEqualTo(four);
        assertThat(ConsistentProbability.encode(ConsistentProbability.threshold(p, 5))).isEqualTo(five);
    }

    @Test
    void thresholdsDecodeToTheSpecificationsProbabilities() {
        assertThat(ConsistentProbability.probability(ConsistentProbability.decodeThreshold("e666")))
                .isEqualTo(0.100006103515625);
        assertThat(ConsistentProbability.probability(ConsistentProbability.decodeThreshold("fd70a")))
                .isEqualTo(0.010000228881835938);
        assertThat(ConsistentProbability.probability(ConsistentProbability.decodeThreshold("aaab")))
                .isEqualTo(0.3333282470703125);
        assertThat(ConsistentProbability.probability(ConsistentProbability.decodeThreshold("c"))).isEqualTo(0.25);
        assertThat(ConsistentProbability.probability(ConsistentProbability.decodeThreshold("4"))).isEqualTo(0.75);
        assertThat(ConsistentProbability.probability(ConsistentProbability.decodeThreshold("08"))).isEqualTo(0.96875);
        assertThat(ConsistentProbability.probability(ConsistentProbability.decodeThreshold("0"))).isEqualTo(1.0);
        assertThat(ConsistentProbability.decodeThreshold("fd70a4")).isEqualTo(0xfd70a400000000L);
    }

    @Test
    void encodingIsFourteenDigitsWithoutTrailingZeros() {
        assertThat(ConsistentProbability.encode(0x3a436f7842456L)).isEqualTo("03a436f7842456");
        assertThat(ConsistentProbability.encode(0x80000000000000L)).isEqualTo("8");
        assertThat(ConsistentProbability.encode(0x11000000000000L)).isEqualTo("11");
        assertThat(ConsistentProbability.encode(0)).isEqualTo("0");
        assertThat(ConsistentProbability.encodeRandomness(0x3a436f7842456L)).isEqualTo("03a436f7842456");
        assertThat(ConsistentProbability.encodeRandomness(0)).isEqualTo("00000000000000");
        assertThat(ConsistentProbability.decodeThreshold("10000000000000")).isEqualTo(0x10000000000000L);
        assertThat(ConsistentProbability.encode(ConsistentProbability.decodeThreshold("10000000000000"))).isEqualTo("1");
        assertThat(ConsistentProbability.encode(ConsistentProbability.decodeThreshold("1234500000000"))).isEqualTo("12345");
    }

    @Test
    void malformedValuesAreRefused() {
        assertThat(ConsistentProbability.decodeThreshold("")).isEqualTo(-1);
        assertThat(ConsistentProbability.decodeThreshold("100000000000000")).as("15 digits").isEqualTo(-1);
        assertThat(ConsistentProbability.decodeThreshold("x")).isEqualTo(-1);
        assertThat(ConsistentProbability.decodeThreshold("C")).as("upper case").isEqualTo(-1);
        assertThat(ConsistentProbability.decodeRandomness("1234567890abcde")).as("15 digits").isEqualTo(-1);
        assertThat(ConsistentProbability.decodeRandomness("1000000000000")).as("13 digits").isEqualTo(-1);
        assertThat(ConsistentProbability.decodeRandomness("6e6d1a75832a2f")).isEqualTo(0x6e6d1a75832a2fL);
    }

    @Test
    void aTraceIsKeptWhenItsRandomnessReachesTheThreshold() {
        long rv = 0x6e6d1a75832a2fL; // the specification's example: sampled for every T up to it (p >= 56.9 %)
        assertThat(ConsistentProbability.keeps(rv, rv)).isTrue();
        assertThat(ConsistentProbability.keeps(rv, rv + 1)).isFalse();
        assertThat(ConsistentProbability.keeps(rv, ConsistentProbability.decodeThreshold("6"))).isTrue();
        assertThat(ConsistentProbability.keeps(rv, ConsistentProbability.decodeThreshold("7"))).isFalse();
        assertThat(ConsistentProbability.probability(rv)).isCloseTo(0.569, within(0.001));
        assertThat(ConsistentProbability.keeps(0, 0)).as("th:0 keeps everything").isTrue();
        assertThat(ConsistentProbability.keeps(ConsistentProbability.RANDOMNESS_MASK, ConsistentProbability.MAX_THRESHOLD))
                .as("p = 0 keeps nothing").isFalse();
        // the trace id's right-most 7 bytes are its randomness
        assertThat(ConsistentProbability.randomness(0x00112233445566778L)).isEqualTo(0x12233445566778L);
    }
}
