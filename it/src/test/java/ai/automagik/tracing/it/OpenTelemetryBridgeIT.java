package ai.automagik.tracing.it;

import ai.automagik.tracing.testing.LoopbackReceiver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MicroProfile Telemetry on (its SDK exporting OTLP protobuf to a loopback receiver) beside Automagik's
 * own OTLP export to another: each researcher run is one trace, MicroProfile Telemetry's server span the
 * parent of our {@code invoke_agent} span, whose children are the chat and the two tools, and we add no
 * server span of our own. The {@code api.request} telemetry event stays.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
// Payara Micro 6.2025.10 exported no span at all with the same application-level otel.* configuration (nothing
// reached the loopback receiver); its MicroProfile Telemetry set-up is not worked out yet
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "payara-micro")
class OpenTelemetryBridgeIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ROUTE = "/api/agents/{name}/run";
    private static LoopbackReceiver telemetry;
    private static LoopbackReceiver collector;
    private static LoopbackReceiver openTelemetry;

    @ArquillianResource
    URL base;

    /** One span as read off either wire: hex ids, name, kind (OTLP's number). */
    record WireSpan(String name, String traceId, String spanId, String parentSpanId, int kind) {
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        telemetry = LoopbackReceiver.start();
        collector = LoopbackReceiver.start();
        openTelemetry = LoopbackReceiver.start();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("automagik.telemetry.endpoint", telemetry.uri("/v1/traces").toString());
        config.put("automagik.otlp.endpoint", collector.uri("/v1/traces").toString());
        config.put("automagik.sampling.rate", "1.0");
        config.put("automagik.sampling.max.per.second", "1000");
        config.put("automagik.trace.batch.timeout.ms", "50");
        // MicroProfile Telemetry's SDK for this application only, as OTEL_* variables would set it for a server
        config.put("otel.sdk.disabled", "false");
        config.put("otel.service.name", "automagik-it-otel");
        config.put("otel.traces.exporter", "otlp");
        config.put("otel.metrics.exporter", "none");
        config.put("otel.logs.exporter", "none");
        config.put("otel.exporter.otlp.protocol", "http/protobuf");
        config.put("otel.exporter.otlp.traces.endpoint", openTelemetry.uri("/v1/traces").toString());
        config.put("otel.bsp.schedule.delay", "100");
        return ReferenceDeployment.war("otel.war", config);
    }

    @AfterAll
    static void stopReceivers() {
        if (telemetry != null) {
            telemetry.close();
            collector.close();
            openTelemetry.close();
        }
    }

    @Test
    void eachResearcherRunIsOneTraceUnderMicroProfileTelemetrysServerSpan() throws Exception {
        List<String> replyTraceIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/agents/researcher/run"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"run " + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(200);
            replyTraceIds.add(json(reply.body()).getString("traceId"));
        }
        List<WireSpan> servers = await(() -> openTelemetrySpans().stream()
                .filter(s -> s.name().equals("POST " + ROUTE) || s.name().endsWith(ROUTE)).toList(), 3);
        List<WireSpan> ours = await(() -> collectorSpans(), 12);

        assertThat(servers).extracting(WireSpan::kind).containsOnly(2);
        assertThat(servers).extracting(WireSpan::traceId).containsExactlyInAnyOrderElementsOf(replyTraceIds);
        assertThat(ours).as("no second server span").noneMatch(s -> s.name().contains(ROUTE) || s.kind() == 2);
        for (WireSpan server : servers) {
            List<WireSpan> trace = ours.stream().filter(s -> s.traceId().equals(server.traceId())).toList();
            WireSpan run = single(trace, "invoke_agent researcher");
            assertThat(run.parentSpanId()).as("our agent span's parent is the server span").isEqualTo(server.spanId());
            assertThat(trace).filteredOn(s -> !s.equals(run)).extracting(WireSpan::name)
                    .containsExactlyInAnyOrder("chat fake-gpt-mini", "execute_tool web_search", "execute_tool calculator");
            assertThat(trace).filteredOn(s -> !s.equals(run)).extracting(WireSpan::parentSpanId).containsOnly(run.spanId());
        }
        assertThat(await(() -> telemetryRoutes(), 3)).containsOnly(ROUTE);
    }

    private static WireSpan single(List<WireSpan> spans, String name) {
        List<WireSpan> named = spans.stream().filter(s -> s.name().equals(name)).toList();
        assertThat(named).as(name + " in " + spans).hasSize(1);
        return named.get(0);
    }

    private static <T> List<T> await(java.util.function.Supplier<List<T>> read, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<T> found = read.get();
        while (found.size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = read.get();
        }
        assertThat(found).as("at least " + atLeast).hasSizeGreaterThanOrEqualTo(atLeast);
        return found;
    }

    private static List<WireSpan> openTelemetrySpans() {
        List<WireSpan> spans = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (LoopbackReceiver.Request request : openTelemetry.requests()) {
            assertThat(request.headers().get("content-type")).isEqualTo("application/x-protobuf");
            ExportTraceServiceRequest export;
            try {
                export = ExportTraceServiceRequest.parseFrom(request.body());
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new AssertionError("not OTLP protobuf", e);
            }
            for (ResourceSpans resource : export.getResourceSpansList()) {
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    scope.getSpansList().forEach(s -> spans.add(new WireSpan(s.getName(),
                            hex.formatHex(s.getTraceId().toByteArray()), hex.formatHex(s.getSpanId().toByteArray()),
                            hex.formatHex(s.getParentSpanId().toByteArray()), s.getKindValue())));
                }
            }
        }
        return spans;
    }

    private static List<WireSpan> collectorSpans() {
        List<WireSpan> spans = new ArrayList<>();
        for (JsonObject span : jsonSpans(collector)) {
            spans.add(new WireSpan(span.getString("name"), span.getString("traceId"), span.getString("spanId"),
                    span.getString("parentSpanId", ""), span.getInt("kind")));
        }
        return spans;
    }

    private static List<String> telemetryRoutes() {
        List<String> routes = new ArrayList<>();
        for (JsonObject span : jsonSpans(telemetry)) {
            if (span.getString("name").equals("api.request")) {
                attribute(span, "event.route").ifPresent(routes::add);
            }
        }
        return routes;
    }

    private static Optional<String> attribute(JsonObject span, String key) {
        return span.getJsonArray("attributes").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("key").equals(key))
                .map(a -> a.getJsonObject("value").getString("stringValue", "")).findFirst();
    }

    private static List<JsonObject> jsonSpans(LoopbackReceiver receiver) {
        List<JsonObject> spans = new ArrayList<>();
        for (LoopbackReceiver.Request request : receiver.requests()) {
            for (JsonValue resource : json(request.bodyText()).getJsonArray("resourceSpans")) {
                for (JsonValue scope : resource.asJsonObject().getJsonArray("scopeSpans")) {
                    scope.asJsonObject().getJsonArray("spans").forEach(s -> spans.add(s.asJsonObject()));
                }
            }
        }
        return spans;
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
