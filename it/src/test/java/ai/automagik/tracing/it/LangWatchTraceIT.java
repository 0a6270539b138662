package ai.automagik.tracing.it;

import ai.automagik.tracing.testing.LoopbackReceiver;
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
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run of the sample researcher agent produces one trace at LangWatch (OTLP/HTTP JSON with the Bearer
 * key): the agent span with the LangChain4j chat span and two tool spans as children, GenAI attributes
 * and token counts. The same trace reaches a generic OTLP endpoint. The key never appears in a log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LangWatchTraceIT {

    private static final String KEY = "sk-lw-it0secret0key0that0must0never0be0logged";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LoopbackReceiver langwatch;
    private static LoopbackReceiver collector;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        langwatch = LoopbackReceiver.start();
        collector = LoopbackReceiver.start();
        LoopbackReceiver telemetry = LoopbackReceiver.start();
        telemetry.close();
        return ReferenceDeployment.war("langwatch.war", Map.of(
                "langwatch.api.key", KEY,
                "langwatch.endpoint", "http://127.0.0.1:" + langwatch.port(),
                "automagik.otlp.endpoint", collector.uri("/v1/traces").toString(),
                "automagik.otlp.headers", "x-scope-orgid=it",
                "automagik.sampling.rate", "1.0",
                "automagik.telemetry.endpoint", "http://127.0.0.1:" + LoopbackReceiver.closedPort() + "/v1/traces"));
    }

    @AfterAll
    static void stopReceivers() {
        if (langwatch != null) {
            langwatch.close();
            collector.close();
        }
    }

    private static List<JsonObject> spans(LoopbackReceiver receiver) {
        List<JsonObject> spans = new ArrayList<>();
        for (LoopbackReceiver.Request request : receiver.requests()) {
            try (JsonReader reader = Json.createReader(new StringReader(request.bodyText()))) {
                for (JsonValue resource : reader.readObject().getJsonArray("resourceSpans")) {
                    for (JsonValue scope : resource.asJsonObject().getJsonArray("scopeSpans")) {
                        scope.asJsonObject().getJsonArray("spans").forEach(s -> spans.add(s.asJsonObject()));
                    }
                }
            }
        }
        return spans;
    }

    private static JsonObject named(List<JsonObject> spans, String name) {
        return spans.stream().filter(s -> s.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.stream()
                        .map(s -> s.getString("name")).toList()));
    }

    private static Optional<JsonObject> attribute(JsonObject span, String key) {
        return span.getJsonArray("attributes").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("key").equals(key)).map(a -> a.getJsonObject("value")).findFirst();
    }

    private static String text(JsonObject span, String key) {
        return attribute(span, key).map(v -> v.getString("stringValue")).orElse(null);
    }

    private static void awaitSpans(LoopbackReceiver receiver, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (spans(receiver).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @Test
    void theResearcherRunIsOneTraceAtLangWatchAndAtTheOtlpEndpoint() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/agents/researcher/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"what is a span\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        awaitSpans(langwatch, 5);
        List<JsonObject> spans = spans(langwatch);
        assertThat(spans).hasSize(5);
        assertThat(spans).extracting(s -> s.getString("traceId")).containsOnly(spans.get(0).getString("traceId"));
        assertThat(response.body()).contains(spans.get(0).getString("traceId"));

        JsonObject request = named(spans, "POST /api/agents/{name}/run");
        JsonObject agent = named(spans, "invoke_agent researcher");
        JsonObject chat = named(spans, "chat fake-gpt-mini");
        JsonObject search = named(spans, "execute_tool web_search");
        JsonObject calculator = named(spans, "execute_tool calculator");
        assertThat(request.containsKey("parentSpanId")).isFalse();
        assertThat(agent.getString("parentSpanId")).isEqualTo(request.getString("spanId"));
        assertThat(List.of(chat, search, calculator)).allSatisfy(child ->
                assertThat(child.getString("parentSpanId")).isEqualTo(agent.getString("spanId")));

        assertThat(text(agent, "gen_ai.operation.name")).isEqualTo("invoke_agent");
        assertThat(text(agent, "gen_ai.agent.name")).isEqualTo("researcher");
        assertThat(text(agent, "langwatch.span.type")).isEqualTo("agent");
        assertThat(text(agent, "langwatch.input")).isEqualTo("what is a span");
        assertThat(text(chat, "gen_ai.operation.name")).isEqualTo("chat");
        assertThat(text(chat, "gen_ai.request.model")).isEqualTo("fake-gpt-mini");
        assertThat(text(chat, "gen_ai.response.model")).isEqualTo("fake-gpt-mini-2026-01");
        assertThat(text(chat, "langwatch.span.type")).isEqualTo("llm");
        assertThat(attribute(chat, "gen_ai.usage.input_tokens").orElseThrow().getString("intValue")).matches("[1-9][0-9]*");
        assertThat(attribute(chat, "gen_ai.usage.output_tokens").orElseThrow().getString("intValue")).matches("[1-9][0-9]*");
        assertThat(text(chat, "gen_ai.input.messages")).contains("what is a span");
        assertThat(text(search, "gen_ai.tool.name")).isEqualTo("web_search");
        assertThat(text(search, "langwatch.span.type")).isEqualTo("tool");
        assertThat(text(search, "langwatch.input")).contains("what is a span");

        assertThat(langwatch.requests()).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/api/otel/v1/traces");
            assertThat(r.headers().get("authorization")).isEqualTo("Bearer " + KEY);
            assertThat(r.headers().get("content-type")).isEqualTo("application/json");
        });

        awaitSpans(collector, 5);
        assertThat(spans(collector)).extracting(s -> s.getString("spanId"))
                .containsExactlyInAnyOrderElementsOf(spans.stream().map(s -> s.getString("spanId")).toList());
        assertThat(collector.requests()).allSatisfy(r -> {
            assertThat(r.headers()).containsEntry("x-scope-orgid", "it").doesNotContainKey("authorization");
            assertThat(r.path()).isEqualTo("/v1/traces");
        });

        assertThat(ReferenceDeployment.serverLogText()).as("server logs").doesNotContain(KEY).doesNotContain(KEY.substring(5, 20));
    }

}
