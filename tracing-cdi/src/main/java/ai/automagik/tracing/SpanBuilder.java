package ai.automagik.tracing;

/**
 * Starts a span with a chosen kind and parent, as OpenTelemetry's {@code SpanBuilder} does: by default an
 * {@link SpanKind#INTERNAL} span whose parent is the calling thread's current span. Obtained from
 * {@link Tracer#spanBuilder(String)}; a builder starts one span.
 *
 * <pre>{@code
 * Span request = tracer.spanBuilder("GET /orders/{id}")
 *         .setKind(SpanKind.SERVER)
 *         .setParent(TraceContext.fromTraceparent(header).orElse(TraceContext.INVALID))
 *         .startSpan();
 * }</pre>
 */
public interface SpanBuilder {

    SpanBuilder setKind(SpanKind kind);

    /**
     * The parent of the new span: a context from another process (an incoming {@code traceparent}) or of a
     * span of this one; an invalid context makes the span the root of a new trace. Whatever is current on
     * the calling thread is then ignored.
     */
    SpanBuilder setParent(TraceContext parent);

    /** The new span is the root of a new trace, whatever is current on the calling thread. */
    SpanBuilder setNoParent();

    /**
     * Starts the span and makes it the calling thread's current span. Never null: a no-op span when nothing
     * would be recorded. A {@link SpanKind#SERVER} span keeps its context (for the response's
     * {@code traceparent}) whenever telemetry or observability is on.
     */
    Span startSpan();
}
