package ai.automagik.tracing.it;

import ai.automagik.tracing.testing.LoopbackReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With nothing listening at the telemetry endpoint, the application keeps answering: every agent run
 * succeeds and none waits for the collector; the circuit breaker opens and the counters say why.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CollectorDownIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        int deadPort = LoopbackReceiver.closedPort();
        return ReferenceDeployment.war("collector-down.war", Map.of(
                "automagik.telemetry.endpoint", "http://127.0.0.1:" + deadPort + "/v1/traces",
                "automagik.trace.batch.size", "1",
                "automagik.trace.batch.timeout.ms", "10",
                "automagik.export.timeout.ms", "3000",
                "automagik.export.max.attempts", "2"));
    }

    private JsonObject get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base.toString() + path.substring(1)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + ReferenceDeployment.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static final int WARM_UP_RUNS = 3;

    @Test
    void agentsKeepSucceedingWithoutWaitingAndTheCircuitOpens() throws Exception {
        // the first runs of a fresh deployment pay for class loading and JIT, not for the exporter
        long slowest = 0;
        for (int i = 0; i < 30; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/agents/researcher/run"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"run " + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (i >= WARM_UP_RUNS) {
                slowest = Math.max(slowest, System.nanoTime() - started);
            }
            assertThat(response.statusCode()).isEqualTo(200);
        }
        // the exporter retries a refused connection with back-off for seconds; an agent run must never wait for it
        assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofMillis(1500));

        JsonObject status = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            status = get("/api/tracing/status");
            JsonObject counters = status.getJsonObject("tracer");
            boolean settled = counters.getJsonNumber("queueSize").longValue() == 0
                    && counters.getJsonNumber("inFlight").longValue() == 0;
            if (settled && "OPEN".equals(status.getJsonArray("providers").getJsonObject(0).getString("circuitState"))) {
                break;
            }
            Thread.sleep(200);
        }
        JsonObject telemetry = status.getJsonArray("providers").getJsonObject(0);
        assertThat(telemetry.getString("circuitState")).isEqualTo("OPEN");
        JsonObject tracer = status.getJsonObject("tracer");
        assertThat(tracer.getJsonNumber("processed").longValue()).isZero();
        assertThat(tracer.getJsonObject("failedByReason").keySet()).anySatisfy(reason ->
                assertThat(reason).startsWith("connection refused"));
        assertThat(tracer.getJsonNumber("queued").longValue()).isEqualTo(tracer.getJsonNumber("processed").longValue()
                + tracer.getJsonNumber("dropped").longValue() + tracer.getJsonNumber("failed").longValue()
                + tracer.getJsonNumber("queueSize").longValue() + tracer.getJsonNumber("inFlight").longValue());
    }
}
