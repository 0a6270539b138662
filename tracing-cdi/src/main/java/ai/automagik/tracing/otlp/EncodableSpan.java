package ai.automagik.tracing.otlp;

import java.util.List;

/**
 * What the encoder reads of a span: an {@link OtlpSpan} made for export, or an ended span that needs no
 * mapping (the conventions added nothing, nothing to mask), sent as it is without a copy.
 */
public interface EncodableSpan {

    long traceIdHigh();

    long traceIdLow();

    long spanId();

    /** 0 for a root span. */
    long parentSpanId();

    String name();

    /** OTLP {@code SpanKind} number. */
    int kind();

    long startEpochNanos();

    long endEpochNanos();

    /** Null when there are none. */
    Attributes attributes();

    List<SpanEvent> events();

    /** OTLP {@code StatusCode} number. */
    int statusCode();

    String statusMessage();

    /** The W3C {@code tracestate} of the span's context, empty when none. */
    String traceState();

    /** Attributes written after the span's own, the same for many spans; null when none. */
    default ConstantAttributes constantAttributes() {
        return null;
    }
}
