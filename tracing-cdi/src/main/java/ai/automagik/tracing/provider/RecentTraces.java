package ai.automagik.tracing.provider;

import ai.automagik.tracing.otlp.SpanData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/** The last few traces the sampler kept, as they were sent, for operators to look at. */
public final class RecentTraces {

    private final int capacity;
    private final int maxSpansPerTrace;
    private final Deque<List<SpanData>> traces = new ArrayDeque<>();

    public RecentTraces(int capacity, int maxSpansPerTrace) {
        this.capacity = capacity;
        this.maxSpansPerTrace = maxSpansPerTrace;
    }

    void add(List<SpanData> spans) {
        List<SpanData> kept = List.copyOf(spans.size() <= maxSpansPerTrace ? spans : spans.subList(0, maxSpansPerTrace));
        synchronized (traces) {
            if (traces.size() == capacity) {
                traces.removeFirst();
            }
            traces.addLast(kept);
        }
    }

    /** Newest first; each trace's spans in the order they ended (the root last). */
    public List<List<SpanData>> list() {
        synchronized (traces) {
            List<List<SpanData>> copy = new ArrayList<>(traces);
            Collections.reverse(copy);
            return copy;
        }
    }
}
