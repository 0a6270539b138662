package ai.automagik.tracing.it;

import ai.automagik.tracing.testing.LoopbackReceiver;
import ai.automagik.tracing.testing.LoopbackReceiver.Behaviour;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Collector faults against a running deployment, one receiver whose behaviour each step switches. Every
 * step checks that (a) every application request succeeds, (b) no request waits for the collector,
 * (c) the accounting invariant holds once the pipeline is quiet, (d) circuit state and counters say what
 * happened. The circuit's open delay is shortened with the standard Fault Tolerance override keys.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration FAST_ENOUGH = Duration.ofMillis(1500);
    private static final int WARM_UP_RUNS = 3;
    private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();
    private static LoopbackReceiver receiver;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        receiver = LoopbackReceiver.start();
        Map<String, String> settings = new HashMap<>();
        settings.put("automagik.telemetry.endpoint", receiver.uri("/v1/traces").toString());
        settings.put("automagik.trace.batch.size", "5");
        settings.put("automagik.trace.batch.timeout.ms", "20");
        settings.put("automagik.trace.queue.size", "64");
        settings.put("automagik.export.timeout.ms", "1000");
        settings.put("automagik.export.max.attempts", "2");
        settings.put("automagik.export.max.retry.delay.ms", "2000");
        settings.put("ai.automagik.tracing.cdi.TelemetryCircuitBreaker/send/CircuitBreaker/delay", "1500");
        settings.put("ai.automagik.tracing.cdi.TelemetryCircuitBreaker/send/CircuitBreaker/delayUnit", "MILLIS");
        return ReferenceDeployment.war("faults.war", settings);
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    /** Runs the simple agent {@code count} times; each must answer 200 without waiting for the collector. */
    private void runAgents(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/agents/simple/run"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"fault " + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            // the first runs of a fresh deployment pay for class loading and JIT, not for the collector
            if (RUNS.incrementAndGet() > WARM_UP_RUNS) {
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST_ENOUGH);
            }
        }
    }

    private JsonObject status() throws Exception {
        return ReferenceDeployment.status(HTTP, base.toString());
    }

    private static long count(JsonObject tracer, String name) {
        return tracer.getJsonNumber(name).longValue();
    }

    /** Waits until the pipeline is quiet and {@code condition} holds; then the invariant must hold exactly. */
    private JsonObject settled(Predicate<JsonObject> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonObject status = status();
        while (System.nanoTime() < deadline) {
            JsonObject tracer = status.getJsonObject("tracer");
            if (count(tracer, "queueSize") == 0 && count(tracer, "inFlight") == 0 && condition.test(status)) {
                break;
            }
            Thread.sleep(100);
            status = status();
        }
        JsonObject tracer = status.getJsonObject("tracer");
        assertThat(count(tracer, "queued")).as("queued == processed + dropped + failed + queueSize + inFlight: %s", tracer)
                .isEqualTo(count(tracer, "processed") + count(tracer, "dropped") + count(tracer, "failed")
                        + count(tracer, "queueSize") + count(tracer, "inFlight"));
        assertThat(condition.test(status)).as("expected state not reached: %s", status).isTrue();
        return status;
    }

    private static String circuit(JsonObject status) {
        return status.getJsonArray("providers").getJsonObject(0).getString("circuitState");
    }

    private static long failed(JsonObject status, String reasonPrefix) {
        return status.getJsonObject("tracer").getJsonObject("failedByReason").entrySet().stream()
                .filter(e -> e.getKey().startsWith(reasonPrefix)).mapToLong(e -> ((jakarta.json.JsonNumber) e.getValue())
                        .longValue()).sum();
    }

    @Test
    @Order(1)
    void aHealthyCollectorGetsEverything() throws Exception {
        receiver.setBehaviour(Behaviour.ok());
        runAgents(5);
        JsonObject status = settled(s -> count(s.getJsonObject("tracer"), "processed") >= 15);
        assertThat(count(status.getJsonObject("tracer"), "failed")).isZero();
        assertThat(circuit(status)).isEqualTo("CLOSED");
    }

    @Test
    @Order(2)
    void tooManyRequestsIsRetriedAfterRetryAfter() throws Exception {
        long processedBefore = count(status().getJsonObject("tracer"), "processed");
        int requestsBefore = receiver.requests().size();
        receiver.setBehaviour(Behaviour.sequence(Behaviour.tooManyRequests(1), Behaviour.ok()));
        runAgents(1);
        JsonObject status = settled(s -> count(s.getJsonObject("tracer"), "processed") >= processedBefore + 3);
        assertThat(failed(status, "HTTP 429")).isZero();
        var requests = receiver.requests().subList(requestsBefore, receiver.requests().size());
        // the first request got the 429 (it may be a batch left over from the test before, and another batch may
        // arrive before its retry): its retry is the next request with the same body
        var throttled = requests.get(0);
        var retry = requests.stream().skip(1).filter(r -> java.util.Arrays.equals(r.body(), throttled.body()))
                .findFirst().orElseThrow(() -> new AssertionError("the throttled batch was not sent again"));
        assertThat(Duration.between(throttled.at(), retry.at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    @Order(3)
    void partialSuccessCountsTheRejectedSpans() throws Exception {
        receiver.setBehaviour(Behaviour.partialSuccess(1, "one span rejected"));
        runAgents(2);
        JsonObject status = settled(s -> failed(s, "rejected by collector") >= 1);
        assertThat(circuit(status)).isEqualTo("CLOSED");
        receiver.setBehaviour(Behaviour.ok());
    }

    @Test
    @Order(4)
    void serverErrorsOpenTheCircuitAndTheApplicationDoesNotNotice() throws Exception {
        receiver.setBehaviour(Behaviour.status(500));
        runAgents(15);
        JsonObject status = settled(s -> "OPEN".equals(circuit(s)) && failed(s, "circuit open") > 0);
        assertThat(failed(status, "HTTP 500")).isGreaterThanOrEqualTo(5);
    }

    @Test
    @Order(5)
    void sendingResumesAfterTheHalfOpenDelay() throws Exception {
        receiver.setBehaviour(Behaviour.ok());
        long processedBefore = count(status().getJsonObject("tracer"), "processed");
        Thread.sleep(1700);
        runAgents(3);
        JsonObject status = settled(s -> "CLOSED".equals(circuit(s))
                && count(s.getJsonObject("tracer"), "processed") > processedBefore);
        assertThat(count(status.getJsonObject("tracer"), "processed")).isGreaterThan(processedBefore);
    }

    @Test
    @Order(6)
    void aCollectorSlowerThanTheTimeoutFailsBatchesNotRequests() throws Exception {
        receiver.setBehaviour(Behaviour.delay(Duration.ofSeconds(3)));
        runAgents(3);
        JsonObject status = settled(s -> failed(s, "timeout after 1000 ms") > 0);
        receiver.setBehaviour(Behaviour.ok());
        assertThat(status.getJsonObject("tracer").getJsonNumber("failed").longValue()).isPositive();
    }

    @Test
    @Order(7)
    void aBurstOverflowsTheQueueAndEveryDropIsCounted() throws Exception {
        Thread.sleep(1700);
        receiver.setBehaviour(Behaviour.delay(Duration.ofMillis(800)));
        runAgents(60);
        JsonObject status = settled(s -> s.getJsonObject("tracer").getJsonObject("droppedByReason").containsKey("queue full"));
        assertThat(status.getJsonObject("tracer").getJsonObject("droppedByReason").getJsonNumber("queue full").longValue())
                .isPositive();
        receiver.setBehaviour(Behaviour.ok());
    }

    @Test
    @Order(8)
    void aConnectionResetMidBodyFailsTheBatchNotTheRequests() throws Exception {
        Thread.sleep(1700);
        long before = settled(s -> true).getJsonObject("tracer").getJsonNumber("failed").longValue();
        receiver.setBehaviour(Behaviour.resetMidBody());
        runAgents(2);
        JsonObject status = settled(s -> failed(s, "connection reset") + failed(s, "I/O error") > 0);
        receiver.setBehaviour(Behaviour.ok());
        assertThat(status.getJsonObject("tracer").getJsonNumber("failed").longValue()).isGreaterThan(before);
    }
}
