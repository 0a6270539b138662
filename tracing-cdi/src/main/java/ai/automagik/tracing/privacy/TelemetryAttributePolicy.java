package ai.automagik.tracing.privacy;

import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.otlp.Attributes;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What of a telemetry event's attributes may leave the server: only the keys of the event type's schema
 * (SPEC, "Event types") plus the {@link #SYSTEM_KEYS}; string values scrubbed by the {@link Sanitizer},
 * file paths reduced to their last segment and capped at {@link #MAX_STRING} chars. Numbers and booleans
 * keep their type. The event itself is never dropped: at worst it carries fewer attributes.
 *
 * <p>An unknown event type keeps no attributes at all, not even the system keys: the schema is the
 * allowlist, and an event the schema does not know has nothing approved to carry. {@code event.route}
 * is a route template ({@code /api/agents/{name}/run}), not a file path: it is scrubbed and capped but
 * never reduced. A {@code *_version} value that is a plain version string ({@code 11.0.20.1},
 * {@code 6.1.0-18-amd64}) is kept as it is, although a four-part version reads like an IPv4 address to
 * the Sanitizer.
 */
public final class TelemetryAttributePolicy {

    public static final int MAX_STRING = 50;

    public static final List<String> SYSTEM_KEYS = List.of("system.os", "system.os_version", "system.java_version",
            "system.architecture", "system.is_container");

    private static final String ROUTE = "event.route";
    private static final Pattern VERSION = Pattern.compile("\\d{1,9}(?:\\.\\d{1,9}){0,4}(?:[-+_][A-Za-z0-9.]{1,20}){0,4}");

    private static final Map<String, List<String>> EVENT_KEYS = Map.of(
            TelemetryEvent.SYSTEM_STARTUP, List.of(),
            TelemetryEvent.AGENT_RUN, List.of("event.agent_name", "event.framework", "event.success", "event.duration_ms"),
            TelemetryEvent.AGENT_ERROR, List.of("event.error_type", "event.component"),
            TelemetryEvent.TOOL_EXECUTED, List.of("event.tool_name", "event.success", "event.duration_ms"),
            TelemetryEvent.LLM_CALL, List.of("event.model", "event.provider", "event.input_tokens", "event.output_tokens",
                    "event.cost_usd", "event.success", "event.duration_ms"),
            TelemetryEvent.API_REQUEST, List.of("event.method", ROUTE, "event.status_code", "event.duration_ms",
                    "event.success"),
            TelemetryEvent.CLI_COMMAND, List.of("event.command", "event.success", "event.duration_ms"),
            TelemetryEvent.FEATURE_USED, List.of("event.feature_name", "event.feature_category"),
            TelemetryEvent.TEST_EVENT, List.of("event.test_id"));

    private static final TelemetryAttributePolicy DEFAULTS = new TelemetryAttributePolicy(Sanitizer.defaults());

    /**
     * Telemetry values repeat (methods, route templates, agent and model names): their cleaned form is
     * remembered, bounded, so the sanitizer runs once per distinct value. Scrubbing is deterministic.
     */
    private static final int CACHE_ENTRIES = 4096;
    private static final int CACHEABLE_LENGTH = 256;
    private final Map<String, String> cleanTexts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> cleanRoutes = new java.util.concurrent.ConcurrentHashMap<>();

    private final Sanitizer sanitizer;
    private final Map<String, Set<String>> allowed;

    private TelemetryAttributePolicy(Sanitizer sanitizer) {
        this.sanitizer = sanitizer;
        Map<String, Set<String>> byType = new HashMap<>();
        EVENT_KEYS.forEach((type, keys) -> {
            Set<String> set = new LinkedHashSet<>(SYSTEM_KEYS);
            set.addAll(keys);
            byType.put(type, Collections.unmodifiableSet(set));
        });
        this.allowed = Map.copyOf(byType);
    }

    public static TelemetryAttributePolicy defaults() {
        return DEFAULTS;
    }

    /** The attribute keys an event of this type may carry; empty for an unknown type. */
    public Set<String> allowedKeys(String eventType) {
        return allowed.getOrDefault(eventType, Set.of());
    }

    public Attributes apply(String eventType, Map<String, Object> eventAttributes) {
        Attributes result = new Attributes();
        if (eventAttributes == null) {
            return result;
        }
        Set<String> keys = allowedKeys(eventType);
        eventAttributes.forEach((key, value) -> {
            if (key != null && value != null && keys.contains(key)) {
                result.put(key, clean(key, value));
            }
        });
        return result;
    }

    /**
     * Cleans values that are not an event's own (the resource's service name and version, the system
     * description) by the same rules, keeping their keys.
     */
    public void cleanInPlace(Attributes attributes) {
        for (int i = 0; i < attributes.size(); i++) {
            attributes.put(attributes.key(i), clean(attributes.key(i), attributes.value(i)));
        }
    }

    private Object clean(String key, Object value) {
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        String text = value.toString();
        if ((key.endsWith("_version") || key.endsWith(".version")) && VERSION.matcher(text).matches()) {
            return TextLimits.cut(text, MAX_STRING);
        }
        boolean route = key.equals(ROUTE);
        Map<String, String> cache = route ? cleanRoutes : cleanTexts;
        String cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        String scrubbed = sanitizer.scrub(text);
        if (!route) {
            scrubbed = PathValues.lastSegment(scrubbed);
        }
        String cleaned = TextLimits.cut(scrubbed, MAX_STRING);
        if (text.length() <= CACHEABLE_LENGTH && cache.size() < CACHE_ENTRIES) {
            cache.put(text, cleaned);
        }
        return cleaned;
    }
}
