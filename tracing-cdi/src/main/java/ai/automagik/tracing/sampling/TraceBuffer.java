package ai.automagik.tracing.sampling;

import ai.automagik.tracing.otlp.SpanData;

import java.util.ArrayList;
import java.util.List;

/**
 * The finished spans of one local trace, held until its root ends and the sampler decides. Bounded:
 * spans beyond {@code maxSpans} are counted as overflow and not kept. Spans that end after the
 * decision follow it ({@link #decided()}).
 */
public final class TraceBuffer {

    private final int maxSpans;
    private final List<SpanData> spans = new ArrayList<>(4);
    private boolean error;
    private int overflow;
    private Decision decision;

    public TraceBuffer(int maxSpans) {
        this.maxSpans = maxSpans;
    }

    /** Adds a finished span; returns the decision if the trace was already decided, else null. */
    public synchronized Decision add(SpanData span) {
        if (span.isError()) {
            error = true;
        }
        if (decision != null) {
            return decision;
        }
        if (spans.size() >= maxSpans) {
            overflow++;
        } else {
            spans.add(span);
        }
        return null;
    }

    public synchronized void markError() {
        error = true;
    }

    public synchronized boolean hasError() {
        return error;
    }

    public synchronized int overflow() {
        return overflow;
    }

    /** Records the decision and hands back the buffered spans, leaving the buffer empty. */
    public synchronized List<SpanData> decide(Decision value) {
        decision = value;
        List<SpanData> copy = new ArrayList<>(spans);
        spans.clear();
        return copy;
    }

    public synchronized Decision decided() {
        return decision;
    }
}
