package ai.automagik.tracing;

/** The role of a span in a call between processes, as OpenTelemetry names it (OTLP numbers). */
public enum SpanKind {
    /** Work inside the process (agent runs, tools, commands). */
    INTERNAL(1),
    /** An incoming request handled here. */
    SERVER(2),
    /** An outgoing call to another service or a model provider. */
    CLIENT(3),
    PRODUCER(4),
    CONSUMER(5);

    private final int otlpValue;

    SpanKind(int otlpValue) {
        this.otlpValue = otlpValue;
    }

    /** The number OTLP writes for this kind. */
    public int otlpValue() {
        return otlpValue;
    }
}
