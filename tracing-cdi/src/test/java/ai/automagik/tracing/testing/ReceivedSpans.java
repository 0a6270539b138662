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
        for (LoopbackReceiver.Request request : receiver.requests()) {
            try (JsonReader reader = Json.createReader(new StringReader(request.bodyText()))) {
                for (JsonValue resource : reader.readObject().getJsonArray("resourceSpans")) {
                    for (JsonValue scope : resource.asJsonObject().getJsonArray("scopeSpans")) {
                        for (JsonValue span : scope.asJsonObject().getJsonArray("spans")) {
                            spans.put(span.asJsonObject().getString("name"), span.asJsonObject());
                        }
                    }
                }
            }
        }
        return spans;
    }
}
