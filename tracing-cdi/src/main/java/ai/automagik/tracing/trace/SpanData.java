package ai.automagik.tracing.trace;

import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.otlp.EncodableSpan;
import ai.automagik.tracing.otlp.SpanEvent;

import java.util.List;

/**
 * An ended span as it was recorded, immutable: nothing writes its attributes after the end. Ids are longs,
 * turned into hex by the encoder on an export worker; what the GenAI conventions make of the recorded fields
 * is decided there too (ai.automagik.tracing.conventions), so the caller's thread formats nothing.
 *
 * @param parentSpanId 0 for a root span
 * @param kind OTLP {@code SpanKind} number (1 internal, 2 server, 3 client)
 * @param attributes what the application set, null when nothing
 * @param statusCode OTLP {@code StatusCode} number (0 unset, 1 ok, 2 error)
 * @param input content given to {@code setInput}, null when none or content capture is off
 * @param genAi what a model call or tool execution recorded, null for other spans
 * @param trace what the spans of the local trace share (identity), null for a lone root without any
 * @param traceState the W3C {@code tracestate} the span's context carried, empty when none
 */
public record SpanData(
        long traceIdHigh,
        long traceIdLow,
        long spanId,
        long parentSpanId,
        String name,
        int kind,
        SpanRole role,
        String subject,
        String detail,
        long startEpochNanos,
        long endEpochNanos,
        Attributes attributes,
        List<SpanEvent> events,
        int statusCode,
        String statusMessage,
        String errorType,
        String input,
        String output,
        GenAiData genAi,
        LocalTrace trace,
        String traceState) implements EncodableSpan {

    public static final int STATUS_UNSET = 0;
    public static final int STATUS_OK = 1;
    public static final int STATUS_ERROR = 2;

    public boolean isError() {
        return statusCode == STATUS_ERROR;
    }
}
