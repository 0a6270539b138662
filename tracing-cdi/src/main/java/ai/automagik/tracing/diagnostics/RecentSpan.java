package ai.automagik.tracing.diagnostics;

import ai.automagik.tracing.SpanKind;

import java.util.Map;

/**
 * One span of a recent trace as a destination received it: the GenAI conventions applied, secrets in
 * captured content masked.
 *
 * @param parentSpanId 16 hex digits, null for a root
 * @param attributes in the order they are sent; values String, Long, Double, Boolean or a List of these
 */
public record RecentSpan(String traceId, String spanId, String parentSpanId, String name, SpanKind kind,
        long startEpochNanos, long endEpochNanos, boolean error, String statusMessage,
        Map<String, Object> attributes) {

    public RecentSpan {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    public long durationNanos() {
        return Math.max(0, endEpochNanos - startEpochNanos);
    }
}
