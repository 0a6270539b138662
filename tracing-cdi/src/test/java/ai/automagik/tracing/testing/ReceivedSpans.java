package ai.automagik.tracing.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

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
}
