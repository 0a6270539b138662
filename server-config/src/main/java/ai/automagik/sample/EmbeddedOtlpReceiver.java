package ai.automagik.sample;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The OTLP/HTTP JSON receiver embedded in the reference deployment, so that it runs with no outside
 * service: the default telemetry endpoint points here. A plain servlet, so its own requests are not
 * tracked (tracking them would make telemetry about telemetry). {@code GET} shows what arrived.
 */
@WebServlet("/otlp/v1/traces")
public class EmbeddedOtlpReceiver extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 8 * 1024 * 1024;

    @Inject
    transient ReceivedTelemetry received;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            response.sendError(415, "OTLP/HTTP JSON only (Content-Type: application/json)");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            response.sendError(413, "payload too large");
            return;
        }
        if ("gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"))) {
            try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = gzip.readNBytes(MAX_BODY);
            }
        }
        String json = new String(body, StandardCharsets.UTF_8);
        int spans;
        try (JsonReader reader = SampleJson.PROVIDER.createReader(new java.io.StringReader(json))) {
            spans = countSpans(reader.readObject());
        } catch (JsonException | ClassCastException e) {
            response.setStatus(400);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"not an OTLP JSON ExportTraceServiceRequest\"}");
            return;
        }
        received.add(spans, json);
        response.setStatus(200);
        response.setContentType("application/json");
        response.getWriter().write("{}");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonArrayBuilder payloads = SampleJson.PROVIDER.createArrayBuilder();
        for (ReceivedTelemetry.Payload payload : received.recent()) {
            JsonValue parsed;
            try (JsonReader reader = SampleJson.PROVIDER.createReader(new java.io.StringReader(payload.json()))) {
                parsed = reader.readValue();
            }
            payloads.add(SampleJson.PROVIDER.createObjectBuilder().add("at", payload.at().toString())
                    .add("spans", payload.spans()).add("payload", parsed));
        }
        response.setContentType("application/json");
        response.getWriter().write(SampleJson.PROVIDER.createObjectBuilder().add("requests", received.requests())
                .add("spans", received.spans()).add("recent", payloads).build().toString());
    }

    static int countSpans(JsonObject request) {
        int count = 0;
        JsonArray resourceSpans = request.getJsonArray("resourceSpans");
        if (resourceSpans == null) {
            throw new ClassCastException("no resourceSpans");
        }
        for (JsonValue resource : resourceSpans) {
            JsonArray scopes = resource.asJsonObject().getJsonArray("scopeSpans");
            if (scopes != null) {
                for (JsonValue scope : scopes) {
                    JsonArray spans = scope.asJsonObject().getJsonArray("spans");
                    count += spans == null ? 0 : spans.size();
                }
            }
        }
        return count;
    }
}
