package ai.automagik.tracing.otlp;

/** A timestamped event inside a span, such as {@code exception}. */
public record SpanEvent(String name, long epochNanos, Attributes attributes) {
}
