package ai.automagik.tracing.provider;

import ai.automagik.tracing.otlp.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last few traces the sampler kept, as they were sent, for operators to look at. A lock-free ring:
 * adding costs the caller one atomic increment and one store, so it can sit on the span's end path.
 */
public final class RecentTraces {

    private final int maxSpansPerTrace;
    private final AtomicReferenceArray<List<SpanData>> ring;
    private final AtomicLong added = new AtomicLong();

    public RecentTraces(int capacity, int maxSpansPerTrace) {
        this.ring = new AtomicReferenceArray<>(capacity);
        this.maxSpansPerTrace = maxSpansPerTrace;
    }

    /** Keeps {@code spans}, which the caller must not change afterwards. */
    void add(List<SpanData> spans) {
        List<SpanData> kept = spans.size() <= maxSpansPerTrace ? spans : List.copyOf(spans.subList(0, maxSpansPerTrace));
        long slot = added.getAndIncrement();
        ring.lazySet((int) (slot % ring.length()), kept);
    }

    /** Newest first; each trace's spans in the order they ended (the root last). */
    public List<List<SpanData>> list() {
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
