package ai.automagik.tracing.trace;

/**
 * A step of what happens when a span ends, composed as OpenTelemetry composes its span processors: each
 * processor has one concern (GenAI metrics, the telemetry event, sampling and export). Runs on the thread
 * that ended the span, so it must be quick and must not block; an exception it throws is contained.
 */
@FunctionalInterface
public interface SpanProcessor {

    SpanProcessor NONE = span -> { };

    void onEnd(ReadableSpan span);

    /** Stops accepting spans and releases what the processor holds; idempotent. */
    default void shutdown() {
    }
}
