package ai.automagik.tracing.otlp;

import java.util.List;

/**
 * One span (or telemetry event) in the form OTLP sends it, made on an export worker. Ids are kept as longs and
 * turned into hex by the encoder on a worker thread, so the caller's thread never formats strings.
 *
 * @param parentSpanId 0 for a root span
 * @param kind OTLP {@code SpanKind} number (1 internal, 2 server, 3 client)
 * @param statusCode OTLP {@code StatusCode} number (0 unset, 1 ok, 2 error)
 * @param constantAttributes written after {@code attributes} (a telemetry event's system description), or null
 */
public record OtlpSpan(
        long traceIdHigh,
        long traceIdLow,
        long spanId,
        long parentSpanId,
        String name,
        int kind,
        long startEpochNanos,
        long endEpochNanos,
        Attributes attributes,
        List<SpanEvent> events,
        int statusCode,
        String statusMessage,
        String traceState,
        ConstantAttributes constantAttributes) implements EncodableSpan {

    public static final int KIND_INTERNAL = 1;
    public static final int KIND_SERVER = 2;
    public static final int KIND_CLIENT = 3;

    public static final int STATUS_UNSET = 0;
    public static final int STATUS_OK = 1;
    public static final int STATUS_ERROR = 2;

    public OtlpSpan {
        traceState = traceState == null ? "" : traceState;
    }

    /** A span without constant attributes. */
    public OtlpSpan(long traceIdHigh, long traceIdLow, long spanId, long parentSpanId, String name, int kind,
            long startEpochNanos, long endEpochNanos, Attributes attributes, List<SpanEvent> events, int statusCode,
            String statusMessage, String traceState) {
        this(traceIdHigh, traceIdLow, spanId, parentSpanId, name, kind, startEpochNanos, endEpochNanos, attributes,
                events, statusCode, statusMessage, traceState, null);
    }

    /** A span without trace state (telemetry events, tests). */
    public OtlpSpan(long traceIdHigh, long traceIdLow, long spanId, long parentSpanId, String name, int kind,
            long startEpochNanos, long endEpochNanos, Attributes attributes, List<SpanEvent> events, int statusCode,
            String statusMessage) {
        this(traceIdHigh, traceIdLow, spanId, parentSpanId, name, kind, startEpochNanos, endEpochNanos, attributes,
                events, statusCode, statusMessage, "", null);
    }

    public boolean isError() {
        return statusCode == STATUS_ERROR;
    }
}
