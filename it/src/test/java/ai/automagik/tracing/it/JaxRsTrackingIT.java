package ai.automagik.tracing.it;

import ai.automagik.tracing.testing.LoopbackReceiver;
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
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JAX-RS integration on a running deployment: W3C traceparent continued and returned, malformed
 * headers ignored, the skip list, route templates in spans and events, and the admin API's security,
 * validation and persistent opt-out toggle.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JaxRsTrackingIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String VIEWER_PASSWORD = "it-viewer-password-3c9a";
    private static LoopbackReceiver telemetry;
    private static LoopbackReceiver collector;
    private static Path home;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        telemetry = LoopbackReceiver.start();
        collector = LoopbackReceiver.start();
        home = ReferenceDeployment.temporaryHome();
        return ReferenceDeployment.war("jaxrs.war", home, Map.of(
                "automagik.telemetry.endpoint", telemetry.uri("/v1/traces").toString(),
                "automagik.otlp.endpoint", collector.uri("/v1/traces").toString(),
                "automagik.sampling.rate", "1.0",
                "automagik.prices", "fake-gpt-mini=0.15/0.60/0.075",
                "automagik.sampling.max.per.second", "1000",
                "automagik.trace.batch.timeout.ms", "20",
                "automagik.viewer.password", VIEWER_PASSWORD));
    }

    @AfterAll
    static void stopReceivers() {
        if (telemetry != null) {
            telemetry.close();
            collector.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> admin(String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static List<JsonObject> spans(LoopbackReceiver receiver) {
        return ReceivedSpans.all(receiver);
    }

    private static Optional<String> text(JsonObject span, String key) {
        return span.getJsonArray("attributes").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("key").equals(key))
                .map(a -> {
                    JsonObject value = a.getJsonObject("value");
                    return value.containsKey("stringValue") ? value.getString("stringValue") : value.toString();
                }).findFirst();
    }

    private static JsonObject awaitSpan(LoopbackReceiver receiver, java.util.function.Predicate<JsonObject> match)
            throws InterruptedException {
        return ReceivedSpans.await(receiver, 1, match, Duration.ofSeconds(20)).get(0);
    }

    @Test
    void anIncomingTraceparentIsContinuedAndReturned() throws Exception {
        HttpResponse<String> response = send("POST", "/api/agents/simple/run", "{\"message\":\"continue\"}",
                Map.of("traceparent", PARENT));
        assertThat(response.statusCode()).isEqualTo(200);
        String returned = response.headers().firstValue("traceparent").orElseThrow();
        assertThat(returned).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").hasSize(55)
                .doesNotContain("00f067aa0ba902b7");
        assertThat(response.body()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        JsonObject server = awaitSpan(collector, s -> s.getString("name").equals("POST /api/agents/{name}/run")
                && s.getString("traceId").equals("4bf92f3577b34da6a3ce929d0e0e4736"));
        assertThat(server.getString("parentSpanId")).isEqualTo("00f067aa0ba902b7");
        assertThat(server.getInt("kind")).isEqualTo(2);
        assertThat(text(server, "http.route")).hasValue("/api/agents/{name}/run");
        assertThat(text(server, "http.response.status_code")).hasValueSatisfying(v -> assertThat(v).contains("200"));
    }

    @Test
    void malformedAndOversizedHeadersStartANewTrace() throws Exception {
        for (String header : List.of("garbage", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01", PARENT + "-" + "x".repeat(2000))) {
            HttpResponse<String> response = send("GET", "/api/agents", null, Map.of("traceparent", header));
            assertThat(response.statusCode()).isEqualTo(200);
            String returned = response.headers().firstValue("traceparent").orElseThrow();
            // a trace of our own: its id is random and its flags say so (W3C Level 2), sampled or not
            assertThat(returned).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[23]")
                    .doesNotContain("4bf92f3577b34da6a3ce929d0e0e4736");
        }
    }

    @Test
    void routeTemplatesNeverRawPathsAndStatusCodesReachTelemetry() throws Exception {
        assertThat(send("POST", "/api/agents/failing/run", "{\"message\":\"x\"}", Map.of()).statusCode()).isEqualTo(500);
        assertThat(send("POST", "/api/agents/nobody/run", "{\"message\":\"x\"}", Map.of()).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/no-such-path", null, Map.of()).statusCode()).isEqualTo(404);
        JsonObject failing = awaitSpan(telemetry, s -> s.getString("name").equals("api.request")
                && text(s, "event.status_code").map(v -> v.contains("500")).orElse(false));
        assertThat(text(failing, "event.route")).hasValue("/api/agents/{name}/run");
        awaitSpan(telemetry, s -> s.getString("name").equals("api.request")
                && text(s, "event.status_code").map(v -> v.contains("404")).orElse(false));
        assertThat(spans(telemetry)).noneMatch(s -> text(s, "event.route").map(r -> r.contains("failing")
                || r.contains("nobody") || r.contains("no-such-path")).orElse(false));
        awaitSpan(telemetry, s -> s.getString("name").equals("agent.error")
                && text(s, "event.error_type").map(v -> v.equals("HTTP 500")).orElse(false));
    }

    @Test
    void asyncResourcesSubResourcesAndMappedExceptionsAreTrackedWithTheirTemplates() throws Exception {
        assertThat(send("GET", "/api/demo/async", null, Map.of()).body()).contains("later");
        assertThat(send("GET", "/api/demo/stage", null, Map.of()).body()).contains("staged");
        HttpResponse<String> item = send("GET", "/api/demo/items/item-42", null, Map.of());
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(item.headers().firstValue("traceparent")).isPresent();
        HttpResponse<String> conflict = send("GET", "/api/demo/conflict", null, Map.of());
        assertThat(conflict.statusCode()).isEqualTo(409);
        for (String route : List.of("/api/demo/async", "/api/demo/stage", "/api/demo/items/{id}", "/api/demo/conflict")) {
            awaitSpan(telemetry, s -> s.getString("name").equals("api.request")
                    && text(s, "event.route").map(route::equals).orElse(false));
        }
        JsonObject mapped = awaitSpan(telemetry, s -> text(s, "event.route").map("/api/demo/conflict"::equals)
                .orElse(false));
        assertThat(text(mapped, "event.status_code")).hasValueSatisfying(v -> assertThat(v).contains("409"));
        assertThat(spans(telemetry)).noneMatch(s -> text(s, "event.route").map(r -> r.contains("item-42"))
                .orElse(false));
        JsonObject async = awaitSpan(collector, s -> s.getString("name").equals("GET /api/demo/async"));
        assertThat(text(async, "http.response.status_code")).hasValueSatisfying(v -> assertThat(v).contains("200"));
    }

    @Test
    void subResourceRoutesWithEncodedValuesNeverCarryTheRawPath() throws Exception {
        Map<String, String> requests = Map.of(
                "/api/demo/items/caf%C3%A9%20n%C2%BA1", "/api/demo/items/{id}",
                "/api/demo/items/jane.doe%40example.com/files/reports/2026/q1%20secret.pdf",
                "/api/demo/items/{id}/files/{file}",
                "/api/demo/items/k%3Dv%26x/v42.json", "/api/demo/items/{id}/v{version}.json");
        for (var request : requests.entrySet()) {
            HttpResponse<String> response = send("GET", request.getKey(), null, Map.of());
            assertThat(response.statusCode()).as(request.getKey()).isEqualTo(200);
            awaitSpan(telemetry, s -> s.getString("name").equals("api.request")
                    && text(s, "event.route").map(request.getValue()::equals).orElse(false));
            awaitSpan(collector, s -> s.getString("name").equals("GET " + request.getValue()));
        }
        for (LoopbackReceiver receiver : List.of(telemetry, collector)) {
            assertThat(spans(receiver)).filteredOn(s -> s.toString().contains("/api/demo/items"))
                    .isNotEmpty().allSatisfy(s -> assertThat(s.toString()).doesNotContain("café").doesNotContain("%")
                            .doesNotContain("nº").doesNotContain("jane").doesNotContain("example").doesNotContain("secret").doesNotContain("reports")
                            .doesNotContain("k=v"));
        }
    }

    @Test
    void wrongPasswordsAreThrottledPerUserAndAddressAndLogged() throws Exception {
        int attempt = 0;
        HttpResponse<String> refused = null;
        while (refused == null && attempt < 12) {
            attempt++;
            HttpResponse<String> response = send("GET", "/api/tracing/status", null, basic("viewer", "guess-" + attempt));
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).as("attempt " + attempt).isEqualTo(401);
            }
        }
        long refusedAt = System.nanoTime();
        assertThat(attempt).as("five wrong passwords are free, the sixth starts the back-off").isEqualTo(6);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("too many failed logins");
        HttpResponse<String> right = send("GET", "/api/tracing/status", null, basic("viewer", VIEWER_PASSWORD));
        if (System.nanoTime() - refusedAt < 800_000_000L) {
            assertThat(right.statusCode()).as("not even the right password is checked while blocked").isEqualTo(429);
        }
        assertThat(send("GET", "/api/tracing/status", null, admin(ReferenceDeployment.ADMIN_PASSWORD)).statusCode())
                .as("another user from the same address").isEqualTo(200);
        Thread.sleep(1_200);
        assertThat(send("GET", "/api/tracing/status", null, basic("viewer", VIEWER_PASSWORD)).statusCode())
                .as("after the back-off, signed in (without the admin role)").isEqualTo(403);
        assertThat(send("GET", "/api/tracing/status", null, basic("viewer", "guess-again")).statusCode())
                .as("a success starts the count again").isEqualTo(401);
        String log = ReferenceDeployment.serverLogText();
        assertThat(log).contains("Failed API login for user 'viewer' from 127.0.0.1 (1 failure)")
                .contains("Failed API login for user 'viewer' from 127.0.0.1 (6 consecutive failures; further attempts"
                        + " from there refused for 1 s)")
                .doesNotContain("guess-");
        assertThat(log).doesNotContain("Failed API login for user 'viewer' from 127.0.0.1 (7 consecutive failures");
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void metricsAreScrapeableByTheAdminInPrometheusText() throws Exception {
        assertThat(send("POST", "/api/agents/researcher/run", "{\"message\":\"metrics\"}", Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/api/tracing/metrics", null, Map.of()).statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = send("GET", "/api/tracing/metrics", null, admin(ReferenceDeployment.ADMIN_PASSWORD));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain").contains("version=0.0.4"));
        String text = scrape.body();
        assertThat(text).containsPattern("(?m)^gen_ai_client_token_usage_count\\{gen_ai_operation_name=\"chat\",[^}]*"
                + "gen_ai_request_model=\"fake-gpt-mini\",gen_ai_token_type=\"input\"\\} [1-9][0-9]*$")
                .containsPattern("(?m)^gen_ai_execute_tool_duration_seconds_count\\{gen_ai_operation_name=\"execute_tool\","
                        + "gen_ai_tool_name=\"web_search\"\\} [1-9][0-9]*$")
                .containsPattern("(?m)^automagik_gen_ai_cost_usd_total\\{gen_ai_response_model=\"fake-gpt-mini-2026-01\","
                        + "gen_ai_agent_name=\"researcher\"\\} [0-9.E-]+$")
                .containsPattern("(?m)^automagik_tracing_events_total\\{destination=\"telemetry\",outcome=\"queued\"\\} [1-9][0-9]*$")
                .containsPattern("(?m)^automagik_tracing_events_total\\{destination=\"otlp\",outcome=\"processed\"\\} [0-9]+$")
                .doesNotContain(ReferenceDeployment.ADMIN_PASSWORD).doesNotContain("metrics\"");
    }

    @Test
    void anAuthenticatedUsersFeedbackIsAnEvaluationLinkedToTheAnswer() throws Exception {
        HttpResponse<String> run = send("POST", "/api/agents/researcher/run", "{\"message\":\"feedback\"}", Map.of());
        assertThat(run.statusCode()).isEqualTo(200);
        JsonObject reply;
        try (JsonReader reader = Json.createReader(new StringReader(run.body()))) {
            reply = reader.readObject();
        }
        String traceId = reply.getString("traceId");
        String spanId = reply.getString("spanId");
        String feedback = "{\"traceId\":\"" + traceId + "\",\"spanId\":\"" + spanId
                + "\",\"thumbs\":\"up\",\"comment\":\"helpful\"}";
        Map<String, String> viewer = Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("viewer:" + VIEWER_PASSWORD).getBytes(StandardCharsets.UTF_8)));

        assertThat(send("POST", "/api/tracing/feedback", feedback, Map.of()).statusCode()).as("anonymous").isEqualTo(401);
        HttpResponse<String> bad = send("POST", "/api/tracing/feedback", "{\"thumbs\":\"up\"}", viewer);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("which answer");
        assertThat(send("POST", "/api/tracing/feedback", feedback, viewer).statusCode()).as("a user without the admin role")
                .isEqualTo(202);

        JsonObject evaluation = awaitSpan(collector, s -> s.getString("name").equals("evaluation user_feedback")
                && s.getString("traceId").equals(traceId));
        assertThat(evaluation.getString("parentSpanId")).isEqualTo(spanId);
        JsonObject result = evaluation.getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("name").equals("gen_ai.evaluation.result")).findFirst().orElseThrow();
        assertThat(result.toString()).contains("\"gen_ai.evaluation.score.label\",\"value\":{\"stringValue\":\"thumbs_up\"}")
                .contains("\"gen_ai.evaluation.score.value\",\"value\":{\"doubleValue\":1");
        assertThat(evaluation.toString()).as("who gave it is not recorded").doesNotContain("viewer");
    }

    @Test
    void anAuthenticatedUserWithoutTheRoleIsForbidden() throws Exception {
        Map<String, String> viewer = Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("viewer:" + VIEWER_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(send("GET", "/api/tracing/status", null, viewer).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/tracing/config", null, viewer).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/tracing/metrics", null, viewer).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/tracing/test-event", "", viewer).statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/tracing/telemetry", "{\"enabled\": false}", viewer).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/agents", null, viewer).statusCode()).isEqualTo(200);
    }

    @Test
    void theSkipListAndTheAdminApiAreNotTracked() throws Exception {
        send("GET", "/api/tracing/status", null, admin(ReferenceDeployment.ADMIN_PASSWORD));
        send("GET", "/api/agents", null, Map.of());
        awaitSpan(telemetry, s -> text(s, "event.route").map("/api/agents"::equals).orElse(false));
        assertThat(spans(telemetry)).noneMatch(s -> text(s, "event.route").map(r -> r.startsWith("/api/tracing"))
                .orElse(false));
        assertThat(spans(collector)).noneMatch(s -> s.getString("name").contains("/api/tracing"));
    }

    @Test
    void everyAdminEndpointNeedsTheAdminAndValidatesItsInput() throws Exception {
        Map<String, String[]> endpoints = Map.of(
                "/api/tracing/status", new String[] {"GET", null},
                "/api/tracing/config", new String[] {"GET", null},
                "/api/tracing/metrics", new String[] {"GET", null},
                "/api/tracing/test-event", new String[] {"POST", ""},
                "/api/tracing/telemetry", new String[] {"PUT", "{\"enabled\": true}"});
        for (Map.Entry<String, String[]> endpoint : endpoints.entrySet()) {
            String path = endpoint.getKey();
            String method = endpoint.getValue()[0];
            String body = endpoint.getValue()[1];
            assertThat(send(method, path, body, Map.of()).statusCode()).as(path + " anonymous").isEqualTo(401);
            assertThat(send(method, path, body, admin("wrong")).statusCode()).as(path + " wrong password").isEqualTo(401);
            assertThat(send(method, path, body, admin(ReferenceDeployment.ADMIN_PASSWORD)).statusCode())
                    .as(path + " admin").isBetween(200, 202);
        }
        for (String bad : List.of("", "not json", "[]", "{\"enabled\": \"yes\"}", "{\"other\": true}")) {
            HttpResponse<String> response = send("PUT", "/api/tracing/telemetry", bad, admin(ReferenceDeployment.ADMIN_PASSWORD));
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).contains("\"error\"");
        }
        String config = send("GET", "/api/tracing/config", null, admin(ReferenceDeployment.ADMIN_PASSWORD)).body();
        assertThat(config).contains("automagik.telemetry.endpoint").doesNotContain(ReferenceDeployment.ADMIN_PASSWORD);
    }

    @Test
    void theToggleWritesTheOptOutFileAndStopsTelemetryAtOnce() throws Exception {
        Map<String, String> auth = admin(ReferenceDeployment.ADMIN_PASSWORD);
        try {
            HttpResponse<String> off = send("PUT", "/api/tracing/telemetry", "{\"enabled\": false}", auth);
            assertThat(off.statusCode()).isEqualTo(200);
            assertThat(off.body()).contains("\"telemetryEnabled\":false");
            assertThat(Files.exists(home.resolve(".automagik-no-telemetry"))).isTrue();
            Thread.sleep(300);
            int before = telemetry.requests().size();
            send("POST", "/api/agents/simple/run", "{\"message\":\"while off\"}", Map.of());
            Thread.sleep(1000);
            assertThat(telemetry.requests()).hasSize(before);
        } finally {
            HttpResponse<String> on = send("PUT", "/api/tracing/telemetry", "{\"enabled\": true}", auth);
            assertThat(on.statusCode()).isEqualTo(200);
        }
        assertThat(Files.exists(home.resolve(".automagik-no-telemetry"))).isFalse();
    }
}
