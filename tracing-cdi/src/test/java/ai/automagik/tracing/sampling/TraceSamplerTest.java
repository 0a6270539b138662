package ai.automagik.tracing.sampling;

import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.trace.HeadDecision;
import ai.automagik.tracing.trace.SpanData;
import ai.automagik.tracing.trace.SpanRole;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sampler's rules over one process's traces: the start decides (first of its type, probability, the per-type
 * cap, the caller's flag); the end may still keep a trace its start did not, for an error or slowness, each capped.
 */
class TraceSamplerTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);

    private static TraceSampler sampler(double base, int perSecond) {
        return sampler(base, perSecond, perSecond, 3);
    }

    private static TraceSampler sampler(double base, int perSecond, int tailPerSecond, int maxOpen) {
        return new TraceSampler(base, 1.0, 1000, perSecond, tailPerSecond, maxOpen, false);
    }

    /** A trace of our own, from its start now to its end {@code durationMillis} later. */
    private Decision run(TraceSampler sampler, String name, long durationMillis, boolean failed) {
        long start = clock.get();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HeadDecision head = sampler.decide(name, null, random.nextLong(), random.nextLong() | 1, start);
        return sampler.decide(name, head, failed, durationMillis * 1_000_000L, start + durationMillis * 1_000_000L,
                false);
    }

    static SpanData span(String name, long start, long end, int status) {
        return new SpanData(1, 2, 3, 0, name, 1, SpanRole.GENERIC, null, null, start, end, null, List.of(), status,
                null, null, null, null, null, null, "");
    }

    @Test
    void withBaseRateZeroErrorsAndFirstOccurrencesAreKeptAndNormalRunsAreNot() {
        TraceSampler sampler = sampler(0.0, 10);
        assertThat(run(sampler, "invoke_agent simple", 5, false)).isEqualTo(Decision.FIRST);
        for (int i = 0; i < 50; i++) {
            clock.addAndGet(1_000_000_000L); // one second each: the cap on error traces does not act here
            assertThat(run(sampler, "invoke_agent simple", 5, false)).isEqualTo(Decision.NOT_SAMPLED);
            assertThat(run(sampler, "invoke_agent simple", 5, true)).isEqualTo(Decision.ERROR);
        }
        assertThat(run(sampler, "invoke_agent simple", 1500, false)).isEqualTo(Decision.SLOW);
        assertThat(sampler.counts()).containsEntry("first", 1L).containsEntry("not_sampled", 50L)
                .containsEntry("error", 50L).containsEntry("slow", 1L);
        assertThat(Decision.ERROR.partial()).isTrue();
        assertThat(Decision.FIRST.partial()).isFalse();
        assertThat(sampler.openTraces()).isZero();
    }

    @Test
    void aFloodOfFailingRequestsKeepsAtMostTheCapOfErrorTracesPerTypePerSecond() {
        TraceSampler sampler = sampler(0.0, 10, 10, 10_000);
        run(sampler, "POST /api/agents/{name}/run", 1, false); // the first of its type
        long start = clock.get();
        int kept = 0;
        for (int i = 0; i < 5500; i++) {
            clock.set(start + i * 2_545_454L); // 5,500 aborted requests in 14 s
            if (run(sampler, "POST /api/agents/{name}/run", 1, true).keep()) {
                kept++;
            }
        }
        assertThat(kept).isBetween(140, 150);
        assertThat(sampler.counts()).containsEntry("error", (long) kept).containsEntry("error_rate_limited", 5500L - kept)
                .containsEntry("first", 1L);
        // errors of another type, and slow traces, have windows of their own
        run(sampler, "GET /api/agents", 1, false);
        assertThat(run(sampler, "GET /api/agents", 1, true)).isEqualTo(Decision.ERROR);
        assertThat(run(sampler, "POST /api/agents/{name}/run", 1500, false)).isEqualTo(Decision.SLOW);
    }

    @Test
    void slowTracesAreCappedToo() {
        TraceSampler sampler = sampler(0.0, 10, 3, 10_000);
        run(sampler, "a", 1, false);
        for (int i = 0; i < 3; i++) {
            assertThat(run(sampler, "a", 1500, false)).isEqualTo(Decision.SLOW);
        }
        assertThat(run(sampler, "a", 1500, false)).isEqualTo(Decision.SLOW_RATE_LIMITED);
        clock.addAndGet(1_000_000_000L);
        assertThat(run(sampler, "a", 1500, false)).isEqualTo(Decision.SLOW);
    }

    @Test
    void keptTracesAreRateLimitedPerTypePerSecond() {
        TraceSampler sampler = sampler(1.0, 2);
        run(sampler, "a", 1, false);
        assertThat(run(sampler, "a", 1, false)).isEqualTo(Decision.RANDOM);
        assertThat(run(sampler, "a", 1, false)).isEqualTo(Decision.RANDOM);
        assertThat(run(sampler, "a", 1, false)).isEqualTo(Decision.RATE_LIMITED);
        assertThat(run(sampler, "b", 1, false)).isEqualTo(Decision.FIRST);
        clock.addAndGet(1_000_000_000L);
        assertThat(run(sampler, "a", 1, false)).isEqualTo(Decision.RANDOM);
    }

    @Test
    void threadsRacingForOneWindowKeepExactlyTheLimit() throws Exception {
        TraceSampler sampler = sampler(1.0, 1000);
        assertThat(run(sampler, "busy", 1, false)).isEqualTo(Decision.FIRST);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5000; i++) {
                        run(sampler, "busy", 1, false);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sampler.counts()).containsEntry("random", 1000L).containsEntry("rate_limited", 19_000L);
        clock.addAndGet(1_000_000_000L);
        assertThat(run(sampler, "busy", 1, false)).isEqualTo(Decision.RANDOM);
    }

    @Test
    void aThreadMovingBetweenTypesGivesBackThePermitsItHeldSoEachTypeKeepsItsLimit() {
        TraceSampler sampler = sampler(1.0, 1000);
        assertThat(run(sampler, "a", 1, false)).isEqualTo(Decision.FIRST);
        assertThat(run(sampler, "b", 1, false)).isEqualTo(Decision.FIRST);
        for (int i = 0; i < 3000; i++) {
            run(sampler, "a", 1, false);
            run(sampler, "b", 1, false);
        }
        assertThat(sampler.counts()).containsEntry("random", 2000L).containsEntry("rate_limited", 4000L);
    }

    @Test
    void permitsHeldWhenTheSecondEndsAreNotUsedInTheNext() {
        TraceSampler sampler = sampler(1.0, 100);
        run(sampler, "a", 1, false);
        for (int i = 0; i < 3; i++) {
            assertThat(run(sampler, "a", 1, false)).isEqualTo(Decision.RANDOM); // holds a block of 6
        }
        clock.addAndGet(1_000_000_000L);
        int kept = 0;
        for (int i = 0; i < 300; i++) {
            if (run(sampler, "a", 1, false) == Decision.RANDOM) {
                kept++;
            }
        }
        assertThat(kept).isEqualTo(100);
    }

    @Test
    void theCallersFlagDecidesTheStartAndAnErrorStillKeepsAPartOfATraceTheCallerDidNotSample() {
        TraceSampler sampler = sampler(1.0, 0, 10, 3); // not even one trace of our own per second
        TraceContext sampled = TraceContext.of(5, 6, 7, TraceContext.FLAG_SAMPLED, "");
        TraceContext notSampled = TraceContext.of(5, 6, 7, 0, "");
        HeadDecision caller = sampler.decide("GET /api/x", sampled, 5, 6, clock.get());
        assertThat(caller).isEqualTo(Decision.CALLER);
        assertThat(sampler.sampled(caller)).isTrue();
        HeadDecision dropped = sampler.decide("GET /api/x", notSampled, 5, 6, clock.get());
        assertThat(sampler.sampled(dropped)).isFalse();
        assertThat(sampler.decide("GET /api/x", dropped, true, 1, clock.get(), false)).isEqualTo(Decision.ERROR);
        assertThat(sampler.decide("GET /api/x", dropped, false, 1, clock.get(), true)).isEqualTo(Decision.DOWNSTREAM);
        assertThat(sampler.decide("GET /api/x", dropped, false, 1, clock.get(), false))
                .isEqualTo(Decision.NOT_SAMPLED);
        assertThat(Decision.DOWNSTREAM.partial()).isTrue();
    }

    @Test
    void inCollectorModeEveryTraceSaysSampledWhateverTheLocalVerdict() {
        TraceSampler sampler = new TraceSampler(0.0, 1.0, 1000, 10, 10, 3, true);
        run(sampler, "a", 1, false);
        HeadDecision second = sampler.decide("a", null, 1, 2, clock.get());
        assertThat(second.keep()).isFalse();
        assertThat(sampler.sampled(second)).isTrue();
    }

    @Test
    void openTracesAreBounded() {
        TraceSampler sampler = sampler(1.0, 10);
        assertThat(sampler.tryOpen()).isTrue();
        assertThat(sampler.tryOpen()).isTrue();
        assertThat(sampler.tryOpen()).isTrue();
        assertThat(sampler.tryOpen()).isFalse();
        assertThat(sampler.counts()).containsEntry("buffer_overflow", 1L);
    }

    @Test
    void aTraceBufferIsBoundedAndLateSpansFollowTheDecision() {
        TraceBuffer buffer = new TraceBuffer(2);
        SpanData span = span("x", 0, 1, 0);
        buffer.add(span);
        buffer.add(span);
        buffer.add(span);
        assertThat(buffer.overflow()).isEqualTo(1);
        assertThat(buffer.decide(Decision.RANDOM)).hasSize(2);
        assertThat(buffer.add(span)).isEqualTo(Decision.RANDOM);
    }
}
