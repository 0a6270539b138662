package ai.automagik.tracing.diagnostics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One request body as it left (or, in debug mode, would have left) the server, kept for operators to audit.
 *
 * @param contentType {@code application/json} or {@code application/x-protobuf}
 * @param start the body's first bytes (bodies reach megabytes; decoding waits for a reader)
 * @param truncated whether the body was longer than {@code start}
 * @param outcome how the request ended ({@code HTTP 200}, an error, {@code debug mode …})
 */
public record RecentPayload(Instant at, String destination, String contentType, byte[] start, boolean truncated,
        String outcome) {

    /** The body as text: UTF-8 JSON as it is, protobuf as a note of its size; cut at the kept maximum. */
    public String text() {
        if (contentType != null && contentType.contains("protobuf")) {
            return "(OTLP protobuf, " + start.length + (truncated ? "+" : "") + " bytes)";
        }
        String text = new String(start, StandardCharsets.UTF_8);
        return truncated ? text + "…[truncated]" : text;
    }
}
