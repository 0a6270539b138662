package ai.automagik.tracing.sampling;

import ai.automagik.tracing.trace.SpanData;
import ai.automagik.tracing.trace.SpanRole;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TailSamplerTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);

    private TailSampler sampler(double base, int perSecond) {
        return new TailSampler(base, 1.0, 1000, perSecond, perSecond, 3);
    }

    /** A root that started at the test clock's time: its end time is what the per-second windows count by. */
    private SpanData root(String name, long durationMillis, int status) {
        long start = clock.get();
        return span(name, start, start + durationMillis * 1_000_000L, status);
    }

    static SpanData span(String name, long start, long end, int status) {
        return new SpanData(1, 2, 3, 0, name, 1, SpanRole.GENERIC, null, null, start, end, null, List.of(), status,
                null, null, null, null, null, null);
    }

    private Decision decide(TailSampler sampler, SpanData root, boolean childFailed) {
        return sampler.decide(root, childFailed);
    }

    @Test
    void withBaseRateZeroErrorsAndFirstOccurrencesAreKeptAndNormalRunsAreNot() {
        TailSampler sampler = sampler(0.0, 10);
        assertThat(decide(sampler, root("invoke_agent simple", 5, 0), false)).isEqualTo(Decision.FIRST);
        for (int i = 0; i < 50; i++) {
            clock.addAndGet(1_000_000_000L); // one second each: the cap on error traces does not act here
            assertThat(decide(sampler, root("invoke_agent simple", 5, 0), false)).isEqualTo(Decision.NOT_SAMPLED);
            assertThat(decide(sampler, root("invoke_agent simple", 5, 0), true)).isEqualTo(Decision.ERROR);
            assertThat(decide(sampler, root("invoke_agent simple", 5, SpanData.STATUS_ERROR), false))
                    .isEqualTo(Decision.ERROR);
        }
        assertThat(decide(sampler, root("invoke_agent simple", 1500, 0), false)).isEqualTo(Decision.SLOW);
        assertThat(sampler.counts()).containsEntry("first", 1L).containsEntry("not_sampled", 50L)
                .containsEntry("error", 100L).containsEntry("slow", 1L);
        assertThat(sampler.openTraces()).isZero();
    }

    @Test
    void aFloodOfFailingRequestsKeepsAtMostTheCapOfErrorTracesPerTypePerSecond() {
        TailSampler sampler = new TailSampler(0.1, 1.0, 1000, 10, 10, 10_000);
        long start = clock.get();
        int kept = 0;
        for (int i = 0; i < 5500; i++) {
            clock.set(start + i * 2_545_454L); // 5,500 aborted requests in 14 s
            if (decide(sampler, root("POST /api/agents/{name}/run", 1, SpanData.STATUS_ERROR), false).keep()) {
                kept++;
            }
        }
        assertThat(kept).isBetween(140, 150);
        assertThat(sampler.counts()).containsEntry("error", (long) kept).containsEntry("error_rate_limited", 5500L - kept);
        // errors of another type, and slow traces, have windows of their own
        assertThat(decide(sampler, root("GET /api/agents", 1, SpanData.STATUS_ERROR), false)).isEqualTo(Decision.ERROR);
        assertThat(decide(sampler, root("POST /api/agents/{name}/run", 1500, 0), false)).isEqualTo(Decision.SLOW);
    }

    @Test
    void slowTracesAreCappedToo() {
        TailSampler sampler = new TailSampler(0.1, 1.0, 1000, 10, 3, 10_000);
        for (int i = 0; i < 3; i++) {
            assertThat(decide(sampler, root("a", 1500, 0), false)).isEqualTo(Decision.SLOW);
        }
        assertThat(decide(sampler, root("a", 1500, 0), false)).isEqualTo(Decision.SLOW_RATE_LIMITED);
        clock.addAndGet(1_000_000_000L);
        assertThat(decide(sampler, root("a", 1500, 0), false)).isEqualTo(Decision.SLOW);
    }

    @Test
    void keptTracesAreRateLimitedPerTypePerSecond() {
        TailSampler sampler = sampler(1.0, 2);
        decide(sampler, root("a", 1, 0), false);
        assertThat(decide(sampler, root("a", 1, 0), false)).isEqualTo(Decision.RANDOM);
        assertThat(decide(sampler, root("a", 1, 0), false)).isEqualTo(Decision.RANDOM);
        assertThat(decide(sampler, root("a", 1, 0), false)).isEqualTo(Decision.RATE_LIMITED);
        assertThat(decide(sampler, root("b", 1, 0), false)).isEqualTo(Decision.FIRST);
        clock.addAndGet(1_000_000_000L);
        assertThat(decide(sampler, root("a", 1, 0), false)).isEqualTo(Decision.RANDOM);
    }

    @Test
    void threadsRacingForOneWindowKeepExactlyTheLimit() throws Exception {
        TailSampler sampler = sampler(1.0, 1000);
        SpanData root = root("busy", 1, 0);
        assertThat(sampler.decide(root, false)).isEqualTo(Decision.FIRST);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5000; i++) {
                        sampler.decide(root, false);
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
        assertThat(sampler.decide(root("busy", 1, 0), false)).isEqualTo(Decision.RANDOM);
    }

    @Test
    void aThreadMovingBetweenTypesGivesBackThePermitsItHeldSoEachTypeKeepsItsLimit() {
        TailSampler sampler = sampler(1.0, 1000);
        assertThat(sampler.decide(root("a", 1, 0), false)).isEqualTo(Decision.FIRST);
        assertThat(sampler.decide(root("b", 1, 0), false)).isEqualTo(Decision.FIRST);
        for (int i = 0; i < 3000; i++) {
            sampler.decide(root("a", 1, 0), false);
            sampler.decide(root("b", 1, 0), false);
        }
        assertThat(sampler.counts()).containsEntry("random", 2000L).containsEntry("rate_limited", 4000L);
    }

    @Test
    void permitsHeldWhenTheSecondEndsAreNotUsedInTheNext() {
        TailSampler sampler = sampler(1.0, 100);
        sampler.decide(root("a", 1, 0), false);
        for (int i = 0; i < 3; i++) {
            assertThat(sampler.decide(root("a", 1, 0), false)).isEqualTo(Decision.RANDOM); // holds a block of 6
        }
        clock.addAndGet(1_000_000_000L);
        int kept = 0;
        for (int i = 0; i < 300; i++) {
            if (sampler.decide(root("a", 1, 0), false) == Decision.RANDOM) {
                kept++;
            }
        }
        assertThat(kept).isEqualTo(100);
    }

    @Test
    void openTracesAreBounded() {
        TailSampler sampler = sampler(1.0, 10);
        assertThat(sampler.tryOpen()).isTrue();
        assertThat(sampler.tryOpen()).isTrue();
        assertThat(sampler.tryOpen()).isTrue();
        assertThat(sampler.tryOpen()).isFalse();
        assertThat(sampler.counts()).containsEntry("buffer_overflow", 1L);
    }

    @Test
    void aTraceBufferIsBoundedAndLateSpansFollowTheDecision() {
        TraceBuffer buffer = new TraceBuffer(2);
        SpanData span = root("x", 1, 0);
        buffer.add(span);
        buffer.add(span);
        buffer.add(span);
        assertThat(buffer.overflow()).isEqualTo(1);
        assertThat(buffer.decide(Decision.RANDOM)).hasSize(2);
        assertThat(buffer.add(span)).isEqualTo(Decision.RANDOM);
    }
}
