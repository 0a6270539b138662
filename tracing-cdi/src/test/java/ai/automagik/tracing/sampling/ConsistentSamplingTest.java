package ai.automagik.tracing.sampling;

import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.trace.HeadDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consistent probability sampling over many traces: two independently configured samplers at one rate keep exactly
 * the same traces, a higher rate keeps a superset, and the kept share is the threshold's probability.
 */
class ConsistentSamplingTest {

    private static final int TRACES = 100_000;
    private static final long NOW = 1_800_000_000_000_000_000L;

    private static TraceSampler sampler(double rate) {
        return new TraceSampler(rate, 1.0, 1000, 1_000_000_000, 10, 10_000, false);
    }

    /** Own traces of one type, after its first (which is kept as the first of its type). */
    private static boolean[] decisions(TraceSampler sampler, long seed) {
        Random ids = new Random(seed);
        sampler.decide("invoke_agent researcher", null, 1, 1, NOW);
        boolean[] kept = new boolean[TRACES];
        for (int i = 0; i < TRACES; i++) {
            HeadDecision decision = sampler.decide("invoke_agent researcher", null, ids.nextLong(), ids.nextLong(), NOW);
            kept[i] = decision.keep();
        }
        return kept;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.001, 0.01, 0.1, 0.25, 0.5})
    void twoIndependentSamplersAgreeOnEveryTraceAndKeepTheRatesShare(double rate) {
        boolean[] first = decisions(sampler(rate), 42);
        boolean[] second = decisions(sampler(rate), 42);
        assertThat(second).isEqualTo(first);

        int kept = 0;
        for (boolean k : first) {
            kept += k ? 1 : 0;
        }
        double p = ConsistentProbability.probability(ConsistentProbability.threshold(rate, 4));
        double expected = TRACES * p;
        double bound = 3.29 * Math.sqrt(TRACES * p * (1 - p)); // binomial, 99.9 % two-sided
        assertThat((double) kept).as("kept of %d at %s", TRACES, rate).isBetween(expected - bound, expected + bound);
    }

    @Test
    void aHigherRateKeepsEveryTraceALowerOneKeeps() {
        boolean[] tenPercent = decisions(sampler(0.1), 7);
        boolean[] quarter = decisions(sampler(0.25), 7);
        for (int i = 0; i < TRACES; i++) {
            if (tenPercent[i]) {
                assertThat(quarter[i]).as("trace %d", i).isTrue();
            }
        }
    }

    @Test
    void theCallersSampledFlagDecidesAndIsNeverRateLimited() {
        TraceSampler sampler = new TraceSampler(0.0, 1.0, 1000, 0, 0, 10, false);
        TraceContext sampled = TraceContext.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03")
                .orElseThrow();
        TraceContext notSampled = TraceContext.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-02")
                .orElseThrow();
        for (int i = 0; i < 100; i++) {
            assertThat(sampler.decide("GET /x", sampled, 1, 2, NOW)).isEqualTo(Decision.CALLER);
            assertThat(sampler.decide("GET /x", notSampled, 1, 2, NOW)).isEqualTo(Decision.NOT_SAMPLED);
        }
    }

    @Test
    void keptTracesOfOurOwnCarryTheThresholdAndTheCallersIsPassedOnOnlyWhenItAgrees() {
        TraceSampler sampler = sampler(0.1);
        assertThat(sampler.traceState(Decision.RANDOM, null)).isEqualTo("ot=th:e666");
        assertThat(sampler.traceState(Decision.FIRST, null)).as("not a probability decision").isEmpty();
        assertThat(sampler.traceState(Decision.NOT_SAMPLED, null)).isEmpty();
        // randomness 0xf… passes th:8; 0x0… does not
        TraceContext agrees = TraceContext.fromHeaders(java.util.List.of(
                "00-4bf92f3577b34da6a3ce929d0e0e4736-f0f067aa0ba902b7-03"), java.util.List.of("ot=th:8,rojo=1"))
                .orElseThrow();
        assertThat(sampler.traceState(Decision.CALLER, agrees)).isEqualTo("ot=th:8,rojo=1");
        TraceContext lowRandomness = TraceContext.fromHeaders(java.util.List.of(
                "00-4bf92f3577b34da6a000000000000001-f0f067aa0ba902b7-03"), java.util.List.of("ot=th:8,rojo=1"))
                .orElseThrow();
        assertThat(sampler.traceState(Decision.CALLER, lowRandomness)).as("sampled, but R < th: inconsistent")
                .isEqualTo("rojo=1");
        assertThat(sampler.traceState(Decision.NOT_SAMPLED, agrees)).as("not kept: no threshold").isEqualTo("rojo=1");
    }

    @Test
    void malformedTraceStatesAreCountedNeverThrown() {
        TraceSampler sampler = sampler(0.1);
        TraceContext rejected = TraceContext.fromHeaders(java.util.List.of(
                "00-4bf92f3577b34da6a3ce929d0e0e4736-f0f067aa0ba902b7-01"), java.util.List.of("FOO=1,bar=2")).orElseThrow();
        assertThat(rejected.traceState()).isEmpty();
        sampler.decide("GET /x", rejected, 1, 2, NOW);
        TraceContext badOt = TraceContext.fromHeaders(java.util.List.of(
                "00-4bf92f3577b34da6a3ce929d0e0e4736-f0f067aa0ba902b7-01"), java.util.List.of("ot=th:zz,bar=2"))
                .orElseThrow();
        assertThat(sampler.traceState(sampler.decide("GET /x", badOt, 1, 2, NOW), badOt)).isEqualTo("bar=2");
        assertThat(sampler.counts()).containsEntry("tracestate_rejected", 1L).containsEntry("ot_malformed", 1L);
    }
}
