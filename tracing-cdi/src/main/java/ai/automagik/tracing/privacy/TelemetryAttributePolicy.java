package ai.automagik.tracing.privacy;

import ai.automagik.tracing.otlp.Attributes;

import java.util.Map;
import java.util.Set;

/**
 * What a telemetry event may carry: only the keys of its type's schema, with string values scrubbed
 * of personal data, paths reduced to their last segment, and capped at {@value #MAX_STRING} characters.
 * The event itself is never dropped.
 */
public final class TelemetryAttributePolicy {

    public static final int MAX_STRING = 50;
    public static final Set<String> SYSTEM_KEYS = Set.of("system.os", "system.os_version", "system.java_version",
            "system.architecture", "system.is_container");

    private static final Map<String, Set<String>> SCHEMA = Map.of(
            "system.startup", Set.of(),
            "agent.run", Set.of("event.agent_name", "event.framework", "event.success", "event.duration_ms"),
            "agent.error", Set.of("event.error_type", "event.component"),
            "tool.executed", Set.of("event.tool_name", "event.success", "event.duration_ms"),
            "llm.call", Set.of("event.model", "event.provider", "event.input_tokens", "event.output_tokens",
                    "event.success", "event.duration_ms"),
            "api.request", Set.of("event.method", "event.route", "event.status_code", "event.duration_ms",
                    "event.success"),
            "cli.command", Set.of("event.command", "event.success", "event.duration_ms"),
            "feature.used", Set.of("event.feature_name", "event.feature_category"),
            "test.event", Set.of());

    private static final TelemetryAttributePolicy DEFAULTS = new TelemetryAttributePolicy(Sanitizer.defaults());

    private final Sanitizer sanitizer;

    private TelemetryAttributePolicy(Sanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    public static TelemetryAttributePolicy defaults() {
        return DEFAULTS;
    }

    /** The {@code event.*} keys an event type may send; unknown types send none. */
    public Set<String> allowedKeys(String eventType) {
        return SCHEMA.getOrDefault(eventType, Set.of());
    }

    public Attributes apply(String eventType, Map<String, Object> eventAttributes) {
        Set<String> allowed = allowedKeys(eventType);
        Attributes result = new Attributes(allowed.size() + SYSTEM_KEYS.size());
        if (eventAttributes == null) {
            return result;
        }
        eventAttributes.forEach((key, value) -> {
            if (allowed.contains(key) && value != null) {
                result.put(key, clean(key, value));
            }
        });
        return result;
    }

    private Object clean(String key, Object value) {
        if (value instanceof Boolean || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Number number) {
            return value instanceof Float ? (Object) number.doubleValue() : (Object) number.longValue();
        }
        String text = sanitizer.scrub(value.toString());
        if (!key.equals("event.route")) {
            text = lastPathSegment(text);
        }
        return text.length() <= MAX_STRING ? text : text.substring(0, MAX_STRING);
    }

    private static String lastPathSegment(String text) {
        int slash = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
        if (slash < 0 || slash == text.length() - 1) {
            return text;
        }
        return text.substring(slash + 1);
    }
}
