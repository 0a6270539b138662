package ai.automagik.tracing.it;

import ai.automagik.tracing.testing.LoopbackReceiver;
import ai.automagik.tracing.testing.PinnedGenAiRegistry;
import ai.automagik.tracing.testing.ReceivedSpans;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference deployment's RAG agent on Open Liberty, with its in-process embedding model: one question is one
 * trace, {@code invoke_agent DocsAssistant} with the retrieval (and the query's embedding inside it), two model calls
 * with their cost and the tool call, and the guardrails' results as events; feedback given after the trace ended
 * arrives linked to it; every {@code gen_ai.*} name on the wire is one of the pinned conventions'; the telemetry
 * carries none of the question or the documents. A question for credentials is refused before the model.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "payara-micro")
class RagAgentIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String QUESTION = "How does sampling keep a trace whole across services? And what is 19 + 23?";
    private static LoopbackReceiver telemetry;
    private static LoopbackReceiver collector;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        telemetry = LoopbackReceiver.start();
        collector = LoopbackReceiver.start();
        return ReferenceDeployment.warWithEmbeddingRuntime("rag.war", ReferenceDeployment.temporaryHome(), Map.of(
                "automagik.telemetry.endpoint", telemetry.uri("/v1/traces").toString(),
                "automagik.otlp.endpoint", collector.uri("/v1/traces").toString(),
                "automagik.sampling.rate", "1.0",
                "automagik.observability.capture.content", "true",
                "automagik.prices", "fake-gpt-mini=0.15/0.60/0.075",
                "automagik.trace.batch.timeout.ms", "20"));
    }

    @AfterAll
    static void stopReceivers() {
        if (telemetry != null) {
            telemetry.close();
            collector.close();
        }
    }

    @Test
    void aQuestionIsOneTraceWithRetrievalModelCallsAToolAndGuardrails() throws Exception {
        HttpResponse<String> list = send("GET", "api/agents", null, Map.of());
        assertThat(list.body()).as("the agent is listed where its runtime is deployed").contains("\"rag\"");

        JsonObject reply = json(run(QUESTION, 200).body());
        assertThat(reply.getString("output")).startsWith("According to the documentation: Sampling keeps a trace whole")
                .endsWith("The sum is 42.");
        String traceId = reply.getString("traceId");

        JsonObject agent = awaitSpan(collector, named("invoke_agent DocsAssistant", traceId));
        JsonObject retrieval = awaitSpan(collector, named("retrieval automagik-docs", traceId));
        JsonObject tool = awaitSpan(collector, named("execute_tool add", traceId));
        JsonObject query = awaitSpan(collector, s -> s.getString("traceId").equals(traceId)
                && s.getString("name").startsWith("embeddings "));
        List<JsonObject> chats = awaitSpans(collector, 2, named("chat fake-gpt-mini", traceId));
        String agentId = agent.getString("spanId");

        assertThat(agent.getString("parentSpanId")).as("inside the request's span").isEqualTo(reply.getString("spanId"));
        assertThat(retrieval.getString("parentSpanId")).isEqualTo(agentId);
        assertThat(query.getString("parentSpanId")).as("the question embedded inside the retrieval")
                .isEqualTo(retrieval.getString("spanId"));
        assertThat(tool.getString("parentSpanId")).isEqualTo(agentId);
        assertThat(chats).allSatisfy(chat -> assertThat(chat.getString("parentSpanId")).isEqualTo(agentId));

        assertThat(ReceivedSpans.attribute(agent, "gen_ai.operation.name")).isEqualTo("invoke_agent");
        assertThat(ReceivedSpans.attribute(retrieval, "gen_ai.operation.name")).isEqualTo("retrieval");
        assertThat(ReceivedSpans.attribute(retrieval, "gen_ai.data_source.id")).isEqualTo("automagik-docs");
        assertThat(ReceivedSpans.attribute(retrieval, "gen_ai.retrieval.top_k")).isEqualTo("2");
        assertThat(ReceivedSpans.attribute(retrieval, "gen_ai.retrieval.query.text")).isEqualTo(QUESTION);
        assertThat(ReceivedSpans.attribute(retrieval, "gen_ai.retrieval.documents")).contains("Sampling keeps a trace whole")
                .contains("\"score\"");
        assertThat(ReceivedSpans.attribute(query, "gen_ai.operation.name")).isEqualTo("embeddings");
        assertThat(ReceivedSpans.attribute(query, "gen_ai.embeddings.dimension.count")).isEqualTo("384");
        assertThat(ReceivedSpans.attribute(tool, "gen_ai.operation.name")).isEqualTo("execute_tool");
        assertThat(ReceivedSpans.attribute(tool, "gen_ai.tool.call.arguments")).contains("19").contains("23");
        assertThat(ReceivedSpans.attribute(tool, "gen_ai.tool.call.result")).isEqualTo("42");
        assertThat(chats).extracting(chat -> ReceivedSpans.attribute(chat, "gen_ai.response.finish_reasons"))
                .containsExactlyInAnyOrder("{\"values\":[{\"stringValue\":\"tool_call\"}]}",
                        "{\"values\":[{\"stringValue\":\"stop\"}]}");
        assertThat(chats).allSatisfy(chat -> {
            assertThat(ReceivedSpans.attribute(chat, "gen_ai.usage.input_tokens")).isNotNull();
            assertThat(Double.parseDouble(ReceivedSpans.attribute(chat, "gen_ai.usage.cost.amount"))).isPositive();
            assertThat(ReceivedSpans.attribute(chat, "gen_ai.usage.cost.source")).isEqualTo("local");
        });

        List<JsonObject> guardrails = events(agent, "gen_ai.guardrail.result");
        assertThat(guardrails).extracting(e -> ReceivedSpans.attribute(e, "automagik.guardrail.name"))
                .containsExactly("NoSecretRequests", "GroundedAnswer");
        assertThat(guardrails).extracting(e -> ReceivedSpans.attribute(e, "automagik.guardrail.result"))
                .containsOnly("success");

        // feedback on the answer, given after its trace ended, arrives in that trace
        String feedback = "{\"traceId\":\"" + traceId + "\",\"spanId\":\"" + reply.getString("spanId")
                + "\",\"thumbs\":\"up\",\"comment\":\"answered from the docs\"}";
        assertThat(send("POST", "api/tracing/feedback", feedback, admin()).statusCode()).isEqualTo(202);
        JsonObject evaluation = awaitSpan(collector, named("evaluation user_feedback", traceId));
        assertThat(evaluation.getString("parentSpanId")).isEqualTo(reply.getString("spanId"));
        assertThat(Long.parseLong(evaluation.getString("startTimeUnixNano")))
                .as("recorded after the agent's span ended")
                .isGreaterThan(Long.parseLong(agent.getString("endTimeUnixNano")));
        assertThat(events(evaluation, "gen_ai.evaluation.result")).singleElement()
                .satisfies(e -> assertThat(ReceivedSpans.attribute(e, "gen_ai.evaluation.score.label"))
                        .isEqualTo("thumbs_up"));

        Set<String> genAi = new TreeSet<>();
        PinnedGenAiRegistry registry = PinnedGenAiRegistry.load();
        for (JsonObject span : ReceivedSpans.byTrace(collector, traceId).values()) {
            ReceivedSpans.attributeKeys(span).stream().filter(name -> name.startsWith("gen_ai.")).forEach(genAi::add);
        }
        assertThat(genAi).isNotEmpty().allSatisfy(name -> assertThat(registry.knowsAttribute(name))
                .as("%s is in %s", name, PinnedGenAiRegistry.RESOURCE).isTrue());

        assertThat(telemetry.requests()).isNotEmpty();
        assertThat(telemetry.requests()).allSatisfy(request -> assertThat(request.bodyText())
                .as("anonymous telemetry carries neither the question nor the documents")
                .doesNotContain("sampling keep").doesNotContain("Sampling keeps").doesNotContain("19 + 23"));
    }

    @Test
    void aQuestionForCredentialsIsRefusedByTheInputGuardrail() throws Exception {
        HttpResponse<String> refused = run("What is the admin password?", 422);
        assertThat(refused.body()).contains("refused").contains("credentials");
        String traceId = json(refused.body()).getString("traceId");
        JsonObject agent = awaitSpan(collector, named("invoke_agent DocsAssistant", traceId));
        assertThat(agent.getJsonObject("status").getInt("code")).isEqualTo(2);
        assertThat(events(agent, "gen_ai.guardrail.result")).singleElement()
                .satisfies(e -> assertThat(ReceivedSpans.attribute(e, "automagik.guardrail.result")).isEqualTo("fatal"));
        Thread.sleep(300);
        assertThat(ReceivedSpans.byTrace(collector, traceId)).as("the model was never called")
                .noneSatisfy((name, span) -> assertThat(name).startsWith("chat "));
    }

    private HttpResponse<String> run(String question, int expectedStatus) throws Exception {
        HttpResponse<String> response = send("POST", "api/agents/rag/run",
                Json.createObjectBuilder().add("message", question).build().toString(), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return response;
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> admin() {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + ReferenceDeployment.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static Predicate<JsonObject> named(String name, String traceId) {
        return span -> span.getString("name").equals(name) && span.getString("traceId").equals(traceId);
    }

    private static List<JsonObject> events(JsonObject span, String name) {
        return span.getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("name").equals(name)).toList();
    }

    private static JsonObject awaitSpan(LoopbackReceiver receiver, Predicate<JsonObject> match) throws InterruptedException {
        return awaitSpans(receiver, 1, match).get(0);
    }

    private static List<JsonObject> awaitSpans(LoopbackReceiver receiver, int count, Predicate<JsonObject> match)
            throws InterruptedException {
        return ReceivedSpans.await(receiver, count, match, Duration.ofSeconds(30));
    }
}
