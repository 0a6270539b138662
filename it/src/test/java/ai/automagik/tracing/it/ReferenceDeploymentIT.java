package ai.automagik.tracing.it;

import ai.automagik.tracing.testing.LoopbackReceiver;
import jakarta.json.Json;
import jakarta.json.JsonArray;
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

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference deployment on a real Open Liberty, sending telemetry over real HTTP to a receiver on
 * loopback that this test controls. Nothing is mocked.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReferenceDeploymentIT {

    private static final String VIEWER_PASSWORD = "it-viewer-password-2b9c";
    private static LoopbackReceiver receiver;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        receiver = LoopbackReceiver.start();
        return ReferenceDeployment.war("agents.war",
                Map.of("automagik.telemetry.endpoint", receiver.uri("/v1/traces").toString(),
                        "automagik.viewer.password", VIEWER_PASSWORD));
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Every span name and its attributes that reached the receiver, from the OTLP JSON bodies. */
    private static List<JsonObject> receivedSpans() {
        List<JsonObject> spans = new ArrayList<>();
        for (LoopbackReceiver.Request request : receiver.requests()) {
            JsonObject body = json(request.bodyText());
            for (JsonValue resource : body.getJsonArray("resourceSpans")) {
                for (JsonValue scope : resource.asJsonObject().getJsonArray("scopeSpans")) {
                    scope.asJsonObject().getJsonArray("spans").forEach(span -> spans.add(span.asJsonObject()));
                }
            }
        }
        return spans;
    }

    private static String attribute(JsonObject span, String key) {
        JsonArray attributes = span.getJsonArray("attributes");
        for (JsonValue attribute : attributes) {
            JsonObject a = attribute.asJsonObject();
            if (a.getString("key").equals(key)) {
                JsonObject value = a.getJsonObject("value");
                return value.containsKey("stringValue") ? value.getString("stringValue") : value.toString();
            }
        }
        return null;
    }

    private static void awaitSpan(String name, String attributeKey, String attributeValue) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean found = receivedSpans().stream().anyMatch(span -> span.getString("name").equals(name)
                    && (attributeKey == null || attributeValue.equals(attribute(span, attributeKey))));
            if (found) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no span " + name + " with " + attributeKey + "=" + attributeValue + " arrived; got "
                + receivedSpans().stream().map(s -> s.getString("name")).toList());
    }

    @Test
    void anAgentRunArrivesAtTheLoopbackReceiverAsOtlpJson() throws Exception {
        HttpResponse<String> response = post("/api/agents/simple/run", "{\"message\":\"hello from the IT\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject reply = json(response.body());
        assertThat(reply.getString("agent")).isEqualTo("simple");
        assertThat(reply.getString("output")).contains("hello from the IT");
        assertThat(reply.getString("traceId")).matches("[0-9a-f]{32}");

        awaitSpan("agent.run", "event.agent_name", "simple");
        awaitSpan("api.request", "event.route", "/api/agents/{name}/run");
        assertThat(receiver.requests()).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/traces");
            assertThat(request.headers().get("content-type")).isEqualTo("application/json");
        });
        JsonObject first = json(receiver.requests().get(0).bodyText());
        JsonObject resource = first.getJsonArray("resourceSpans").getJsonObject(0).getJsonObject("resource");
        assertThat(resource.toString()).contains("\"service.organization\"").contains("\"user.id\"")
                .contains("\"session.id\"");
        assertThat(receivedSpans()).allSatisfy(span -> {
            assertThat(span.getString("traceId")).matches("[0-9a-f]{32}");
            assertThat(span.getString("spanId")).matches("[0-9a-f]{16}");
            assertThat(span.get("kind").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
            assertThat(span.getString("startTimeUnixNano")).matches("[0-9]+");
        });
        assertThat(receivedSpans()).noneMatch(span -> "/api/agents/simple/run".equals(attribute(span, "event.route")));
        assertThat(receiver.requests().stream().map(LoopbackReceiver.Request::bodyText))
                .noneMatch(body -> body.contains("hello from the IT"));
    }

    @Test
    void theResearcherRecordsOneLlmCallAndTwoTools() throws Exception {
        assertThat(post("/api/agents/researcher/run", "{\"message\":\"what is OTLP\"}").statusCode()).isEqualTo(200);
        awaitSpan("agent.run", "event.agent_name", "researcher");
        awaitSpan("tool.executed", "event.tool_name", "web_search");
        awaitSpan("tool.executed", "event.tool_name", "calculator");
        awaitSpan("llm.call", "event.model", "fake-gpt-mini-2026-01");
    }

    @Test
    void errorsAreJsonWithoutStackTracesInTheLog() throws Exception {
        long framesBefore = stackFramesInLog();

        HttpResponse<String> unknown = post("/api/agents/nobody/run", "{\"message\":\"hi\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(json(unknown.body()).getString("error")).contains("unknown agent 'nobody'");

        HttpResponse<String> malformed = post("/api/agents/simple/run", "{\"message\": oops");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed.body()).getString("error")).contains("malformed JSON");

        HttpResponse<String> missing = post("/api/agents/simple/run", "{\"text\":\"hi\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing.body()).getString("error")).contains("missing field 'message'");

        HttpResponse<String> failing = post("/api/agents/failing/run", "{\"message\":\"hi\"}");
        assertThat(failing.statusCode()).isEqualTo(500);
        assertThat(json(failing.body()).getString("error")).contains("failed");
        assertThat(failing.body()).doesNotContain("<html").doesNotContain("\tat ");

        assertThat(stackFramesInLog()).isEqualTo(framesBefore);
        awaitSpan("agent.error", "event.error_type", "IllegalStateException");
    }

    @Test
    void theAdminApiNeedsTheAdminRole() throws Exception {
        assertThat(get("/api/tracing/status", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/tracing/status", "admin", "wrong-password").statusCode()).isEqualTo(401);
        HttpResponse<String> status = get("/api/tracing/status", "admin", ReferenceDeployment.ADMIN_PASSWORD);
        assertThat(status.statusCode()).isEqualTo(200);
        JsonObject metrics = json(status.body());
        assertThat(metrics.getBoolean("telemetryEnabled")).isTrue();
        JsonObject tracer = metrics.getJsonObject("tracer");
        assertThat(tracer.getJsonNumber("queued").longValue()).isEqualTo(tracer.getJsonNumber("processed").longValue()
                + tracer.getJsonNumber("dropped").longValue() + tracer.getJsonNumber("failed").longValue()
                + tracer.getJsonNumber("queueSize").longValue() + tracer.getJsonNumber("inFlight").longValue());
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(base.getProtocol() + "://"
                + base.getHost() + ":" + base.getPort() + "/health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("automagik-tracing");
    }

    @Test
    void aHugeRunRequestIsRefusedBeforeItIsRead() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            RawUpload upload = RawUpload.post(base, uri("/api/agents/researcher/run").getRawPath(), chunked, 256L << 20);
            assertThat(upload.statusLine()).as("chunked=" + chunked).contains(" 413 ");
            assertThat(upload.body()).contains("too large").doesNotContain("\tat ");
            // what the server read is bounded by the limit plus the sockets' buffers, not by what the client sends
            assertThat(upload.bytesSent()).as("chunked=" + chunked).isLessThan(64L << 20);
        }
        HttpResponse<String> declared = post("/api/agents/simple/run", "{\"message\":\"" + "a".repeat(70_000) + "\"}");
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(post("/api/agents/simple/run", "{\"message\":\"still fine\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void deeplyNestedJsonIsABadRequestWithoutAStackTrace() throws Exception {
        long framesBefore = stackFramesInLog();
        String deep = "[".repeat(30_000) + "]".repeat(30_000);
        for (String body : List.of(deep, "{\"message\":" + deep + "}")) {
            HttpResponse<String> response = post("/api/agents/simple/run", body);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response.body()).getString("error")).contains("malformed JSON");
        }
        HttpResponse<String> receiver = post("/otlp/v1/traces", "{\"resourceSpans\":" + "{\"a\":".repeat(30_000) + "1"
                + "}".repeat(30_000) + "}");
        assertThat(receiver.statusCode()).isEqualTo(400);
        assertThat(receiver.body()).startsWith("{\"error\"").doesNotContain("\tat ").doesNotContain("<html");
        assertThat(stackFramesInLog()).isEqualTo(framesBefore);
    }

    @Test
    void theEmbeddedReceiverRefusesBadBodiesWithoutAStackTrace() throws Exception {
        long framesBefore = stackFramesInLog(false);
        String otlp = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"name\":\"a\"},{\"name\":\"b\"}]}]}]}";
        assertThat(postBytes("/otlp/v1/traces", gzip(otlp.getBytes(StandardCharsets.UTF_8)), "gzip").statusCode())
                .as("valid gzip").isEqualTo(200);
        HttpResponse<String> malformed = postBytes("/otlp/v1/traces", "not gzip at all".getBytes(StandardCharsets.UTF_8), "gzip");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("malformed gzip").doesNotContain("<html").doesNotContain("at java.");
        byte[] truncated = Arrays.copyOf(gzip(otlp.getBytes(StandardCharsets.UTF_8)), 20);
        assertThat(postBytes("/otlp/v1/traces", truncated, "gzip").statusCode()).as("truncated gzip").isEqualTo(400);
        HttpResponse<String> bomb = postBytes("/otlp/v1/traces", gzip(new byte[64 << 20]), "gzip");
        assertThat(bomb.statusCode()).as("64 MB of zeros in 64 kB of gzip").isEqualTo(413);
        assertThat(postBytes("/otlp/v1/traces", otlp.getBytes(StandardCharsets.UTF_8), "br").statusCode()).isEqualTo(415);
        assertThat(post("/otlp/v1/traces", "{\"resourceSpans\":[]} {}").statusCode()).as("trailing value").isEqualTo(400);
        assertThat(post("/otlp/v1/traces", "{\"other\":[]}").statusCode()).as("no resourceSpans").isEqualTo(400);
        assertThat(stackFramesInLog(false)).isEqualTo(framesBefore);
    }

    @Test
    void theEmbeddedReceiverKeepsABoundedAmountAndAnswersManyReadsAtOnce() throws Exception {
        String big = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"name\":\"big\",\"attributes\":[{\"key\":\"k\","
                + "\"value\":{\"stringValue\":\"" + "x".repeat(7 << 20) + "\"}}]}]}]}]}";
        long before = json(get("/otlp/v1/traces", "admin", ReferenceDeployment.ADMIN_PASSWORD).body())
                .getJsonNumber("requests").longValue();
        for (int i = 0; i < 6; i++) {
            assertThat(post("/otlp/v1/traces", big).statusCode()).isEqualTo(200);
        }
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> reads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            reads.add(HTTP.sendAsync(HttpRequest.newBuilder(uri("/otlp/v1/traces")).timeout(Duration.ofSeconds(60)).GET()
                    .header("Authorization", basic("admin", ReferenceDeployment.ADMIN_PASSWORD)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (var read : reads) {
            HttpResponse<String> response = read.get();
            assertThat(response.statusCode()).isEqualTo(200);
            // 16 MB of payloads at most (two of these), not all six
            assertThat(response.body().length()).isLessThan(17 << 20);
            JsonObject received = json(response.body());
            assertThat(received.getJsonNumber("requests").longValue()).isEqualTo(before + 6);
            assertThat(received.getJsonArray("recent")).isNotEmpty();
        }
    }

    @Test
    void theConsoleIsNeverFramedAndItsSessionCookieStaysOnThisSite() throws Exception {
        for (String path : List.of("/tracing-admin", "/tracing-admin/login", "/tracing-admin/config")) {
            HttpResponse<String> page = get(path, null, null);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'")
                            .contains("default-src 'self'").contains("object-src 'none'"));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        List<String> cookies = get("/tracing-admin", null, null).headers().allValues("Set-Cookie");
        assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement()
                .satisfies(c -> assertThat(c.toLowerCase(java.util.Locale.ROOT)).contains("samesite=strict").contains("httponly"));
    }

    @Test
    void theEmbeddedReceiverShowsWhatArrivedToTheAdminOnly() throws Exception {
        assertThat(get("/otlp/v1/traces", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/otlp/v1/traces", "admin", "wrong-password").statusCode()).isEqualTo(401);
        assertThat(get("/otlp/v1/traces", "viewer", VIEWER_PASSWORD).statusCode()).isEqualTo(403);
        HttpResponse<String> admin = get("/otlp/v1/traces", "admin", ReferenceDeployment.ADMIN_PASSWORD);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(json(admin.body()).containsKey("recent")).isTrue();
        assertThat(post("/otlp/v1/traces", "{\"resourceSpans\":[]}").statusCode()).as("posting stays open").isEqualTo(200);
    }

    @Test
    void anonymousHealthSaysUpOrDownWithoutCounters() throws Exception {
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(base.getProtocol() + "://"
                + base.getHost() + ":" + base.getPort() + "/health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("automagik-tracing").doesNotContain("queued").doesNotContain("processed")
                .doesNotContain("circuit").doesNotContain("telemetryEnabled");
        for (JsonValue check : json(ready.body()).getJsonArray("checks")) {
            JsonObject data = check.asJsonObject().getJsonObject("data");
            assertThat(data == null || data.isEmpty()).as("anonymous health data: %s", data).isTrue();
        }
    }

    @Test
    void everyPageTheConsoleServletAnswersCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/x", "/API/tracing/status", "/tracing-adminx", "/some/deep/path")) {
            HttpResponse<String> page = get(path, null, null);
            if (page.body().contains("<html") || page.body().contains("<!doctype") || page.body().contains("<!DOCTYPE")) {
                assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
                assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
                        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
                assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            }
        }
    }

    @Test
    void changesABrowserSendsFromAnotherSiteAreRefused() throws Exception {
        String admin = basic("admin", ReferenceDeployment.ADMIN_PASSWORD);
        String ownOrigin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        Map<String, String> crossSite = Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
        for (Map.Entry<String, String> header : crossSite.entrySet()) {
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(uri("/api/tracing/test-event"))
                    .header("Authorization", admin).header(header.getKey(), header.getValue())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(header.toString()).isEqualTo(403);
            assertThat(refused.body()).contains("cross-site");
            HttpResponse<String> toggle = HTTP.send(HttpRequest.newBuilder(uri("/api/tracing/telemetry"))
                    .header("Authorization", admin).header(header.getKey(), header.getValue())
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(toggle.statusCode()).as(header.toString()).isEqualTo(403);
        }
        assertThat(ReferenceDeployment.status(HTTP, base.toString()).getBoolean("telemetryEnabled")).isTrue();
        Map<String, String> ownSite = Map.of("Origin", ownOrigin, "Sec-Fetch-Site", "same-origin");
        for (Map.Entry<String, String> header : ownSite.entrySet()) {
            HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(uri("/api/tracing/test-event"))
                    .header("Authorization", admin).header(header.getKey(), header.getValue())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(header.toString()).isEqualTo(202);
        }
        HttpResponse<String> script = HTTP.send(HttpRequest.newBuilder(uri("/api/tracing/test-event"))
                .header("Authorization", admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).as("a script sends neither header").isEqualTo(202);
    }

    @Test
    void abortedUploadsAreAFewShortLogLinesAndNoStackTrace() throws Exception {
        long framesBefore = stackFramesInLog(false);
        long linesBefore = logLines();
        for (int i = 0; i < 300; i++) {
            try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
                java.io.OutputStream out = socket.getOutputStream();
                out.write(("POST " + uri("/api/agents/researcher/run").getRawPath() + " HTTP/1.1\r\nHost: "
                        + base.getHost() + "\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n"
                        + "{\"message\":\"" + "a".repeat(2000)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.setSoLinger(true, 0); // a reset, as a client that gives up mid-upload
            }
        }
        assertThat(post("/api/agents/simple/run", "{\"message\":\"still fine\"}").statusCode()).isEqualTo(200);
        Thread.sleep(2000); // the last aborts are still being read by the server
        assertThat(stackFramesInLog(false)).isEqualTo(framesBefore);
        assertThat(logLines() - linesBefore).as("log lines for 300 aborted uploads").isLessThan(10);
    }

    /** Lines in the server's log files, first-failure data excluded. */
    private static long logLines() throws IOException {
        long lines = 0;
        try (var files = Files.walk(ReferenceDeployment.serverLogs())) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("ffdc")).toList()) {
                lines += new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines().count();
            }
        }
        return lines;
    }

    private HttpResponse<String> postBytes(String path, byte[] body, String encoding) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Content-Encoding", encoding)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(data);
        }
        return out.toByteArray();
    }

    /** Stack-trace lines in all of the server's log files (rotated ones included). */
    private static long stackFramesInLog() throws IOException {
        return stackFramesInLog(true);
    }

    /**
     * Stack-trace lines in the server's log files; without Open Liberty's FFDC records when
     * {@code withFirstFailureData} is false (its HTTP channel inflates gzip bodies itself and records
     * its own decoding failure there once, before the application sees the request).
     */
    private static long stackFramesInLog(boolean withFirstFailureData) throws IOException {
        Path logs = ReferenceDeployment.serverLogs();
        assertThat(logs).as("the server's log directory").isDirectory();
        long frames = 0;
        try (var files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> withFirstFailureData || !f.toString().contains("ffdc")).toList()) {
                frames += new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines()
                        .filter(line -> line.startsWith("\tat ")).count();
            }
        }
        return frames;
    }
}
