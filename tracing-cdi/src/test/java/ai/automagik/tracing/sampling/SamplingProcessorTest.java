package ai.automagik.tracing.sampling;

import ai.automagik.tracing.Scope;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.spi.Clock;
import ai.automagik.tracing.trace.ContextBridge;
import ai.automagik.tracing.trace.DefaultTracer;
import ai.automagik.tracing.trace.ObservabilityState;
import ai.automagik.tracing.trace.SpanData;
import ai.automagik.tracing.trace.TelemetrySink;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace's buffer is opened by the first of its children to end (a lone root never holds one), by exactly one
 * thread however many children end at once; children that end after the root ended follow the root's
 * decision; when no buffer can be had the root is still kept and its children are not.
 */
class SamplingProcessorTest {

    /** What the processor hands on. */
    static final class Kept implements KeptTraces {
        final List<List<SpanData>> traces = new CopyOnWriteArrayList<>();
        final List<SpanData> late = new CopyOnWriteArrayList<>();

        @Override
        public void kept(List<SpanData> trace) {
            traces.add(List.copyOf(trace));
        }

        @Override
        public void late(SpanData span) {
            late.add(span);
        }
    }

    private static final ObservabilityState ON = new ObservabilityState() {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public boolean captureContent() {
            return false;
        }
    };

    private final Kept kept = new Kept();

    /** {@code baseRate} 1.0 keeps every trace, 0.0 the first of each name only; at most {@code maxOpen} buffers. */
    private TraceSampler sampler(double baseRate, int maxOpen) {
        return new TraceSampler(baseRate, 1.0, 86_400_000L, 1_000_000_000, 1_000_000_000, maxOpen, false);
    }

    private DefaultTracer tracer(TraceSampler sampler) {
        return new DefaultTracer(TelemetrySink.OFF, ON, new SamplingProcessor(sampler, 1000, List.of(kept)),
                ContextBridge.NONE, Clock.SYSTEM, sampler);
    }

    @Test
    void aRootWithoutChildrenOpensNoBuffer() {
        TraceSampler sampler = sampler(1.0, 0);
        DefaultTracer tracer = tracer(sampler);
        for (int i = 0; i < 5; i++) {
            tracer.startSpan("lone").end();
        }
        assertThat(sampler.counts()).containsEntry("buffer_overflow", 0L);
        assertThat(kept.traces).hasSize(5).allSatisfy(trace -> assertThat(trace).hasSize(1));
    }

    @Test
    void aChildThatEndsAfterItsRootFollowsTheRootsDecision() {
        TraceSampler sampler = sampler(0.0, 10);
        DefaultTracer tracer = tracer(sampler);
        tracer.startSpan("root").end(); // the first of its name: kept
        Span notSampled = tracer.startSpan("root");
        Runnable dropped = tracer.wrap(() -> tracer.startSpan("late child").end());
        notSampled.end();
        dropped.run();
        assertThat(kept.traces).hasSize(1);
        assertThat(kept.late).isEmpty();

        Span keptRoot = tracer.startSpan("other root");
        Runnable later = tracer.wrap(() -> tracer.startSpan("late child").end());
        keptRoot.end();
        later.run();
        assertThat(kept.traces).hasSize(2);
        assertThat(kept.late).extracting(SpanData::name).containsExactly("late child");
        assertThat(kept.late.get(0).parentSpanId()).isEqualTo(kept.traces.get(1).get(0).spanId());
        assertThat(sampler.openTraces()).isZero();
    }

    @Test
    void aChildStillOpenWhenItsRootEndsIsALateSpan() {
        DefaultTracer tracer = tracer(sampler(1.0, 10));
        Span root = tracer.startSpan("root");
        Span child = tracer.startSpan("child");
        try (Scope ignored = root.makeCurrent()) {
            root.end();
        }
        child.end();
        assertThat(kept.traces.get(0)).extracting(SpanData::name).containsExactly("root");
        assertThat(kept.late).extracting(SpanData::name).containsExactly("child");
    }

    @Test
    void withoutABufferTheRootIsKeptAndItsChildrenAreNot() {
        TraceSampler sampler = sampler(1.0, 0);
        DefaultTracer tracer = tracer(sampler);
        try (Span root = tracer.startSpan("root")) {
            try (Span child = tracer.startSpan("child")) {
                child.setAttribute("k", "v");
                assertThat(child.context().traceId()).isEqualTo(root.context().traceId());
            }
        }
        assertThat(kept.traces).hasSize(1);
        assertThat(kept.traces.get(0)).extracting(SpanData::name).containsExactly("root");
        assertThat(kept.late).isEmpty();
        assertThat(sampler.counts()).containsEntry("buffer_overflow", 1L);
    }

    @RepeatedTest(20)
    void childrenEndingTogetherOnManyThreadsShareOneBuffer() throws Exception {
        int threads = 4;
        TraceSampler sampler = sampler(1.0, 1);
        DefaultTracer tracer = tracer(sampler);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Span root = tracer.startSpan("root");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                done.add(pool.submit(tracer.wrap(() -> {
                    Span child = tracer.startSpan("child " + n);
                    await(start);
                    child.end();
                })));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(5, TimeUnit.SECONDS);
            }
            root.end();
            // one open-trace slot only: a second buffer for the same trace would have overflowed
            assertThat(sampler.counts()).containsEntry("buffer_overflow", 0L);
            assertThat(kept.traces.get(0)).hasSize(threads + 1);
            assertThat(kept.late).isEmpty();
            assertThat(sampler.openTraces()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @RepeatedTest(20)
    void aChildRacingItsRootsEndIsEitherBufferedOrLateNeverLost() throws Exception {
        DefaultTracer tracer = tracer(sampler(1.0, 10));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Span root = tracer.startSpan("root");
            CountDownLatch start = new CountDownLatch(1);
            Future<?> child = pool.submit(tracer.wrap(() -> {
                Span span = tracer.startSpan("child");
                await(start);
                span.end();
            }));
            start.countDown();
            root.end();
            child.get(5, TimeUnit.SECONDS);
            long children = kept.traces.get(0).stream().filter(s -> s.name().equals("child")).count()
                    + kept.late.size();
            assertThat(children).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
