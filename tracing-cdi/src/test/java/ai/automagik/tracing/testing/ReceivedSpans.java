package ai.automagik.tracing.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The spans a loopback receiver got as OTLP/HTTP JSON, read back with JSON-P. */
public final class ReceivedSpans {

    private ReceivedSpans() {
    }

    /** Every span of every request, by name (a later span of the same name replaces an earlier one). */
    public static Map<String, JsonObject> byName(LoopbackReceiver receiver) {
        Map<String, JsonObject> spans = new LinkedHashMap<>();
        for (JsonObject span : all(receiver)) {
            spans.put(span.getString("name"), span);
        }
        return spans;
    }

    /** Every span of every request, in the order received. */
    public static java.util.List<JsonObject> all(LoopbackReceiver receiver) {
        java.util.List<JsonObject> spans = new java.util.ArrayList<>();
        for (LoopbackReceiver.Request request : receiver.requests()) {
            try (JsonReader reader = Json.createReader(new StringReader(request.bodyText()))) {
                for (JsonValue resource : reader.readObject().getJsonArray("resourceSpans")) {
                    for (JsonValue scope : resource.asJsonObject().getJsonArray("scopeSpans")) {
                        for (JsonValue span : scope.asJsonObject().getJsonArray("spans")) {
                            spans.add(span.asJsonObject());
                        }
                    }
                }
            }
        }
        return spans;
    }

    /** The spans of one trace, by name. */
    public static Map<String, JsonObject> byTrace(LoopbackReceiver receiver, String traceId) {
        Map<String, JsonObject> spans = new LinkedHashMap<>();
        for (JsonObject span : all(receiver)) {
            if (span.getString("traceId").equals(traceId)) {
                spans.put(span.getString("name"), span);
            }
        }
        return spans;
    }

    /** An attribute's value as text (a string as it is, other values as JSON), null when absent. */
    public static String attribute(JsonObject span, String key) {
        if (span == null || !span.containsKey("attributes")) {
            return null;
        }
        for (JsonValue attribute : span.getJsonArray("attributes")) {
            JsonObject a = attribute.asJsonObject();
            if (a.getString("key").equals(key)) {
                JsonObject value = a.getJsonObject("value");
                if (value.containsKey("stringValue")) {
                    return value.getString("stringValue");
                }
                JsonValue only = value.values().iterator().next();
                return only instanceof jakarta.json.JsonString text ? text.getString() : only.toString();
            }
        }
        return null;
    }

    /** The attribute keys of a span and of its events. */
    public static Set<String> attributeKeys(JsonObject span) {
        Set<String> keys = new TreeSet<>();
        if (span.containsKey("attributes")) {
            span.getJsonArray("attributes").forEach(a -> keys.add(a.asJsonObject().getString("key")));
        }
        for (JsonValue event : span.containsKey("events") ? span.getJsonArray("events") : JsonValue.EMPTY_JSON_ARRAY) {
            if (event.asJsonObject().containsKey("attributes")) {
                event.asJsonObject().getJsonArray("attributes").forEach(a -> keys.add(a.asJsonObject().getString("key")));
            }
        }
        return keys;
    }

    /**
     * Waits up to {@code timeout} until at least {@code count} received spans match; returns every match.
     *
     * @throws AssertionError naming the spans that did arrive, when too few matched in time
     */
    public static List<JsonObject> await(LoopbackReceiver receiver, int count, Predicate<JsonObject> match,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<JsonObject> found = all(receiver).stream().filter(match).toList();
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " matching spans arrived; got "
                        + all(receiver).stream().map(s -> s.getString("name")).toList());
            }
            Thread.sleep(100);
        }
    }
}
