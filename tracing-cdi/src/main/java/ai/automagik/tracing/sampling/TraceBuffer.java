package ai.automagik.tracing.sampling;

import ai.automagik.tracing.trace.SpanData;

import java.util.ArrayList;
import java.util.List;

/**
 * The ended child spans of one local trace, held until its root ends and the sampler decides. Bounded:
 * spans beyond {@code maxSpans} are counted as overflow and not kept. Spans added after the decision
 * follow it ({@link #add} returns the decision).
 */
final class TraceBuffer {

    private final int maxSpans;
    private List<SpanData> spans;
    private int overflow;
    private Decision decision;

    TraceBuffer(int maxSpans) {
        this.maxSpans = maxSpans;
    }

    /** Adds an ended span; returns the decision if the trace was already decided, else null. */
    synchronized Decision add(SpanData span) {
        if (decision != null) {
            return decision;
        }
        if (spans == null) {
            spans = new ArrayList<>(4);
        }
        if (spans.size() >= maxSpans) {
            overflow++;
        } else {
            spans.add(span);
        }
        return null;
    }

    synchronized int overflow() {
        return overflow;
    }

    /** Records the decision and hands back the buffered spans: a list the caller owns, or an empty one. */
    synchronized List<SpanData> decide(Decision value) {
        decision = value;
        List<SpanData> taken = spans == null ? new ArrayList<>(1) : spans;
        spans = null;
        return taken;
    }
}
