package ai.automagik.tracing.sampling;

import ai.automagik.tracing.otlp.SpanData;

import java.util.ArrayList;
import java.util.List;

/**
 * The finished child spans of one local trace, held until its root ends and the sampler decides.
 * Bounded: spans beyond {@code maxSpans} are counted as overflow and not kept. Spans that end after
 * the decision follow it ({@link #add} returns the decision).
 */
public final class TraceBuffer {

    private final int maxSpans;
    private List<SpanData> spans;
    private volatile boolean error;
    private int overflow;
    private Decision decision;

    private static final TraceBuffer[] DECIDED = new TraceBuffer[Decision.values().length];

    static {
        for (Decision value : Decision.values()) {
            TraceBuffer decided = new TraceBuffer(0);
            decided.decision = value;
            DECIDED[value.ordinal()] = decided;
        }
    }

    public TraceBuffer(int maxSpans) {
        this.maxSpans = maxSpans;
    }

    /** A buffer that holds nothing and answers {@code decision} to every span added (shared). */
    public static TraceBuffer alreadyDecided(Decision decision) {
        return DECIDED[decision.ordinal()];
    }

    /** Adds a finished span; returns the decision if the trace was already decided, else null. */
    public synchronized Decision add(SpanData span) {
        if (decision != null) {
            return decision;
        }
        if (span.isError()) {
            error = true;
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

    public void markError() {
        if (!error) {
            error = true;
        }
    }

    public boolean hasError() {
        return error;
    }

    public synchronized int overflow() {
        return overflow;
    }

    /** Records the decision and hands back the buffered spans: a list the caller owns, or an empty one. */
    public synchronized List<SpanData> decide(Decision value) {
        decision = value;
        List<SpanData> taken = spans == null ? List.of() : spans;
        spans = null;
        return taken;
    }

}
