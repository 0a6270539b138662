package ai.automagik.tracing.trace;

import ai.automagik.tracing.Scope;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.otlp.SpanData;
import ai.automagik.tracing.sampling.Decision;
import ai.automagik.tracing.sampling.TraceBuffer;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace's buffer is opened by its first child only (a lone root never holds one), by exactly one
 * thread however many children start at once; children that start after the root ended follow the
 * root's decision; when no buffer can be had the root is still recorded and its children are not.
 */
class TraceBufferingTest {

    /** Decides {@code decision} for every trace, counts buffers opened and records late spans. */
    static final class CountingSink implements TraceSink {
        final AtomicInteger opened = new AtomicInteger();
        final List<List<SpanData>> decided = new CopyOnWriteArrayList<>();
        final List<SpanData> late = new CopyOnWriteArrayList<>();
        final List<Decision> lateDecisions = new CopyOnWriteArrayList<>();
        volatile boolean buffersAvailable = true;
        volatile Decision decision = Decision.RANDOM;

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public boolean captureContent() {
            return false;
        }

        @Override
        public TraceBuffer openTrace() {
            if (!buffersAvailable) {
                return null;
            }
            opened.incrementAndGet();
            return new TraceBuffer(1000);
        }

        @Override
        public Decision rootEnded(SpanData root, TraceBuffer buffer) {
            List<SpanData> spans = new ArrayList<>(buffer == null ? List.of() : buffer.decide(decision));
            spans.add(root);
            decided.add(spans);
            return decision;
        }

        @Override
        public void lateSpan(SpanData span, Decision decision) {
            late.add(span);
            lateDecisions.add(decision);
        }
    }

    private final CountingSink sink = new CountingSink();
    private final DefaultTracer tracer = new DefaultTracer(TelemetrySink.OFF, sink);

    @Test
    void aRootWithoutChildrenOpensNoBuffer() {
        for (int i = 0; i < 5; i++) {
            tracer.startSpan("lone").end();
        }
        assertThat(sink.opened).hasValue(0);
        assertThat(sink.decided).hasSize(5).allSatisfy(trace -> assertThat(trace).hasSize(1));
    }

    @Test
    void aChildThatStartsAfterItsRootEndedFollowsTheRootsDecision() {
        sink.decision = Decision.NOT_SAMPLED;
        Span root = tracer.startSpan("root");
        Runnable later = tracer.wrap(() -> tracer.startSpan("late child").end());
        root.end();
        later.run();
        assertThat(sink.decided).hasSize(1);
        assertThat(sink.late).extracting(SpanData::name).containsExactly("late child");
        assertThat(sink.lateDecisions).containsExactly(Decision.NOT_SAMPLED);
        assertThat(sink.late.get(0).parentSpanId()).isEqualTo(sink.decided.get(0).get(0).spanId());
        assertThat(sink.opened).hasValue(0);
    }

    @Test
    void aChildStillOpenWhenItsRootEndsIsALateSpan() {
        Span root = tracer.startSpan("root");
        Span child = tracer.startSpan("child");
        try (Scope ignored = tracer.withSpan(root)) {
            root.end();
        }
        child.end();
        assertThat(sink.decided.get(0)).extracting(SpanData::name).containsExactly("root");
        assertThat(sink.late).extracting(SpanData::name).containsExactly("child");
        assertThat(sink.opened).hasValue(1);
    }

    @Test
    void withoutABufferTheRootIsRecordedAndItsChildrenAreNot() {
        sink.buffersAvailable = false;
        try (Span root = tracer.startSpan("root")) {
            try (Span child = tracer.startSpan("child")) {
                child.setAttribute("k", "v");
                assertThat(child.context().traceId()).isEqualTo(root.context().traceId());
            }
        }
        assertThat(sink.decided).hasSize(1);
        assertThat(sink.decided.get(0)).extracting(SpanData::name).containsExactly("root");
        assertThat(sink.late).isEmpty();
    }

    @RepeatedTest(20)
    void childrenStartingTogetherOnManyThreadsShareOneBuffer() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Span root = tracer.startSpan("root");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                done.add(pool.submit(tracer.wrap(() -> {
                    await(start);
                    tracer.startSpan("child " + n).end();
                })));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(5, TimeUnit.SECONDS);
            }
            root.end();
            assertThat(sink.opened).hasValue(1);
            assertThat(sink.decided.get(0)).hasSize(threads + 1);
            assertThat(sink.late).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @RepeatedTest(20)
    void aChildRacingItsRootsEndIsEitherBufferedOrLateNeverLost() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Span root = tracer.startSpan("root");
            CountDownLatch start = new CountDownLatch(1);
            Future<?> child = pool.submit(tracer.wrap(() -> {
                await(start);
                tracer.startSpan("child").end();
            }));
            start.countDown();
            root.end();
            child.get(5, TimeUnit.SECONDS);
            long children = sink.decided.get(0).stream().filter(s -> s.name().equals("child")).count()
                    + sink.late.size();
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
