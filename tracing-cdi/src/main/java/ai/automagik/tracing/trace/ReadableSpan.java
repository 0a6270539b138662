package ai.automagik.tracing.trace;

/**
 * An ended span as span processors see it, on the thread that ended it (OpenTelemetry's {@code ReadableSpan}):
 * what telemetry and metrics need is read in place, and only a processor that keeps the span asks for its
 * immutable {@link #toSpanData() data}.
 */
public interface ReadableSpan {

    SpanRole role();

    /** The span's name (for a local root, its trace's type). */
    String name();

    /** The agent, tool, model or command name, by role; null for a generic span. */
    String subject();

    /** The agent's framework or the model's provider, by role; null otherwise. */
    String detail();

    boolean isError();

    /** The failure's type (an exception class name, or {@code error}); null when the span did not fail. */
    String errorType();

    /** The model that answered, else null. */
    String responseModel();

    /** -1 when not reported. */
    long inputTokens();

    /** -1 when not reported. */
    long outputTokens();

    /** For a streamed answer, nanoseconds from the start to the first chunk; -1 otherwise. */
    long timeToFirstChunkNanos();

    /** Cache and reasoning token counts of a model call. */
    CachedUsage detailedUsage();

    /** What the call cost in US dollars, set by the application or priced at its end; NaN when unknown. */
    double costUsd();

    /** Sets the cost a price table gave, unless the application set one; only processors call it, at the end. */
    void priced(double usd);

    /** The name of the nearest agent run this span was started in (itself for an agent), null when none. */
    String enclosingAgent();

    /** Nanoseconds between start and end, from the monotonic clock. */
    long durationNanos();

    long startEpochNanos();

    long endEpochNanos();

    /** Whether the span is recorded for observability (its trace may be exported). */
    boolean isObserved();

    /** Whether it is the first span of its trace in this process. */
    boolean isLocalRoot();

    /** The trace-wide state; null for a lone root that never needed any, and for spans not observed. */
    LocalTrace localTrace();

    /** On a local root of an observed trace: what sampling decided at its start; null otherwise. */
    HeadDecision headDecision();

    /** The trace-wide state, created now on a local root that had none (to mark the trace); null when not observed. */
    LocalTrace openLocalTrace();

    /** The trace was kept at its local root's end although its start did not keep it: its context says sampled. */
    void markKept();

    /**
     * For a processor at a local root's end: its trace-wide state, or null when it never needed one. In that
     * case spans started under the root from now on get a state of their own whose sampling state is
     * {@code stateForLaterSpans} (they follow the root's decision).
     */
    LocalTrace closeLocalTrace(Object stateForLaterSpans);

    /** The immutable ended span, for processors that keep it (only for observed spans). */
    SpanData toSpanData();
}
