package ai.automagik.tracing.runtime;

import ai.automagik.tracing.sampling.KeptTraces;
import ai.automagik.tracing.trace.SpanData;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last few traces the sampler kept, for operators to look at. A lock-free ring: keeping one costs the
 * caller one atomic increment and one store. Under load it is a sample: at most one trace per
 * {@code minIntervalNanos} (of the root's end time), so threads ending traces at millions per second do not all
 * write to the same ring.
 */
final class RecentTraces implements KeptTraces {

    private final int maxSpansPerTrace;
    private final long minIntervalNanos;
    private final AtomicReferenceArray<List<SpanData>> ring;
    private final AtomicLong added = new AtomicLong();
    private volatile long lastKeptAt = Long.MIN_VALUE / 2;

    RecentTraces(int capacity, int maxSpansPerTrace, long minIntervalNanos) {
        this.ring = new AtomicReferenceArray<>(capacity);
        this.maxSpansPerTrace = maxSpansPerTrace;
        this.minIntervalNanos = minIntervalNanos;
    }

    @Override
    public void kept(List<SpanData> spans) {
        long endedAt = spans.get(spans.size() - 1).endEpochNanos();
        if (endedAt - lastKeptAt < minIntervalNanos) {
            return;
        }
        lastKeptAt = endedAt;
        List<SpanData> trace = spans.size() <= maxSpansPerTrace ? spans : List.copyOf(spans.subList(0, maxSpansPerTrace));
        long slot = added.getAndIncrement();
        ring.lazySet((int) (slot % ring.length()), trace);
    }

    @Override
    public void late(SpanData span) {
        // a span ending after its root: the recent trace shows what had ended by then
    }

    /** Newest first; each trace's spans in the order they ended (the root last). */
    List<List<SpanData>> list() {
        long end = added.get();
        int capacity = ring.length();
        List<List<SpanData>> newestFirst = new ArrayList<>(capacity);
        for (long slot = end - 1; slot >= 0 && slot >= end - capacity; slot--) {
            List<SpanData> trace = ring.get((int) (slot % capacity));
            if (trace != null) {
                newestFirst.add(List.copyOf(trace));
            }
        }
        return newestFirst;
    }
}
