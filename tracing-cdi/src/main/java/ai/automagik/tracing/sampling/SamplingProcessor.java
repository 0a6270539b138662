package ai.automagik.tracing.sampling;

import ai.automagik.tracing.trace.LocalTrace;
import ai.automagik.tracing.trace.ReadableSpan;
import ai.automagik.tracing.trace.SpanData;
import ai.automagik.tracing.trace.SpanProcessor;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sampling's end as a span processor: the ended children of a local trace wait in a bounded buffer until its root
 * ends, then the {@link TraceSampler} decides for the whole local trace (what its start decided, or an error,
 * slowness, a callee's request) and a kept trace goes to every {@link KeptTraces} (the destinations, the recent
 * traces). A child that ends after its root follows the decision. A trace kept at its end that its start did not
 * keep is marked partial and its root's context says sampled from then on (for the response's headers); in
 * collector mode every trace goes on, with its verdict. Spans not recorded for observability pass by.
 * <p>
 * The trace's {@link LocalTrace#samplingState() state} moves, without a lock, from nothing, through
 * {@link #OPENING} (one thread, the first child to end, takes an open-trace slot), to an open buffer or
 * {@link #OVERFLOW} (no slot was free), to the {@link Decision} once the root ended; the buffer itself is
 * synchronized. Whoever meets {@link #OPENING} waits the few instructions it lasts.
 */
public final class SamplingProcessor implements SpanProcessor {

    /** The trace could not be buffered: its children are lost until the decision. */
    private static final Object OVERFLOW = new Object();
    /** A child is taking an open-trace slot for the trace's buffer. */
    private static final Object OPENING = new Object();

    private final TraceSampler sampler;
    private final int maxSpansPerTrace;
    private final KeptTraces[] downstream;
    private final boolean exportAll;

    public SamplingProcessor(TraceSampler sampler, int maxSpansPerTrace, List<KeptTraces> downstream) {
        this.sampler = sampler;
        this.maxSpansPerTrace = maxSpansPerTrace;
        this.downstream = downstream.toArray(new KeptTraces[0]);
        this.exportAll = sampler.collectorMode();
    }

    public TraceSampler sampler() {
        return sampler;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (!span.isObserved()) {
            return;
        }
        if (span.isLocalRoot()) {
            rootEnded(span);
        } else {
            childEnded(span);
        }
    }

    private void rootEnded(ReadableSpan span) {
        LocalTrace open = span.localTrace();
        Decision decision = sampler.decide(span.name(), span.headDecision(), span.isError() || open != null
                && open.hasError(), span.durationNanos(), span.endEpochNanos(), open != null && open.keepRequested());
        if (decision.partial()) {
            span.markKept();
        }
        if (exportAll || decision.partial()) {
            span.openLocalTrace().verdict(decision.reason(), decision.keep(), decision.partial());
        }
        // a root that never had a child leaves its decision for spans started under it from now on
        LocalTrace trace = span.closeLocalTrace(decision);
        List<SpanData> children = trace == null ? null : settle(trace.samplingState(), decision);
        if (!exportAll && !decision.keep()) {
            return;
        }
        SpanData root = span.toSpanData();
        List<SpanData> spans;
        if (children == null || children.isEmpty()) {
            spans = List.of(root);
        } else {
            children.add(root);
            spans = children;
        }
        for (KeptTraces kept : downstream) {
            kept.kept(spans);
        }
    }

    /** Publishes the decision; returns the children buffered until now (null when none were). */
    private List<SpanData> settle(AtomicReference<Object> state, Decision decision) {
        for (int spins = 0; ; spins++) {
            Object current = state.get();
            if (current == OPENING) {
                awaitOtherThread(spins);
                continue;
            }
            if (current instanceof TraceBuffer buffer) {
                List<SpanData> children = buffer.decide(decision);
                state.set(decision);
                sampler.release();
                return children;
            }
            if (state.compareAndSet(current, decision)) {
                return null; // no child had ended, or none could be buffered
            }
        }
    }

    private void childEnded(ReadableSpan span) {
        LocalTrace trace = span.localTrace();
        if (trace == null) {
            return;
        }
        AtomicReference<Object> state = trace.samplingState();
        SpanData data = span.toSpanData();
        for (int spins = 0; ; spins++) {
            Object current = state.get();
            if (current instanceof Decision decision) {
                late(data, decision);
                return;
            }
            if (current instanceof TraceBuffer buffer) {
                Decision decided = buffer.add(data);
                if (decided != null) {
                    late(data, decided);
                }
                return;
            }
            if (current == OVERFLOW) {
                return;
            }
            if (current == OPENING) {
                awaitOtherThread(spins);
            } else if (state.compareAndSet(null, OPENING)) {
                state.set(sampler.tryOpen() ? new TraceBuffer(maxSpansPerTrace) : OVERFLOW);
            }
        }
    }

    /** Another thread is in the middle of a short, non-blocking step on the trace's state. */
    private static void awaitOtherThread(int spins) {
        if (spins < 100) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    private void late(SpanData span, Decision decision) {
        if (exportAll || decision.keep()) {
            for (KeptTraces kept : downstream) {
                kept.late(span);
            }
        }
    }
}
