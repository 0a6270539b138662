package ai.automagik.tracing.trace;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.SpanBuilder;
import ai.automagik.tracing.SpanKind;
import ai.automagik.tracing.TraceContext;

/** Collects a span's kind and parent, then starts it through its tracer. */
final class DefaultSpanBuilder implements SpanBuilder {

    private final DefaultTracer tracer;
    private final String name;
    private SpanKind kind = SpanKind.INTERNAL;
    /** Null: the thread's current span; {@link TraceContext#INVALID}: none. */
    private TraceContext parent;

    DefaultSpanBuilder(DefaultTracer tracer, String name) {
        this.tracer = tracer;
        this.name = name == null || name.isBlank() ? "span" : name;
    }

    @Override
    public SpanBuilder setKind(SpanKind value) {
        if (value != null) {
            kind = value;
        }
        return this;
    }

    @Override
    public SpanBuilder setParent(TraceContext value) {
        parent = value == null ? TraceContext.INVALID : value;
        return this;
    }

    @Override
    public SpanBuilder setNoParent() {
        parent = TraceContext.INVALID;
        return this;
    }

    @Override
    public Span startSpan() {
        return tracer.start(name, kind, parent);
    }
}
