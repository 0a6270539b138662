package ai.automagik.tracing.export;

import ai.automagik.tracing.MetricsSnapshot;
import ai.automagik.tracing.PipelineMetrics;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.testing.LoopbackReceiver;
import ai.automagik.tracing.trace.DefaultTracer;
import ai.automagik.tracing.testing.LoopbackReceiver.Behaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The telemetry path end to end, without a container: tracer → pipeline → encoder → HTTP sender → a real
 * receiver on loopback that misbehaves on purpose. Every scenario checks the accounting invariant.
 */
class TelemetryExportFaultsTest {

    @TempDir
    Path home;

    private final LoopbackReceiver receiver = LoopbackReceiver.start();
    private TracingManager tracing;

    @AfterEach
    void stop() {
        if (tracing != null) {
            tracing.shutdown();
        }
        receiver.close();
    }

    private TracingManager start(URI endpoint, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "AUTOMAGIK_TELEMETRY_ENDPOINT", endpoint.toString(),
                "AUTOMAGIK_HOME", home.toString(),
                "AUTOMAGIK_ENABLE_TRACING_IN_CI", "true",
                "AUTOMAGIK_TRACE_BATCH_TIMEOUT_MS", "20",
                "AUTOMAGIK_EXPORT_TIMEOUT_MS", "500",
                "AUTOMAGIK_EXPORT_MAX_ATTEMPTS", "3",
                "AUTOMAGIK_EXPORT_MAX_RETRY_DELAY_MS", "2000"));
        settings.putAll(extra);
        tracing = TracingManager.builder().settings(settings).build();
        return tracing;
    }

    private void runAgents(int count) {
        for (int i = 0; i < count; i++) {
            try (Span run = tracing.tracer().startAgentRun("simple", "test")) {
                run.setAttribute("i", (long) i);
            }
        }
    }

    private static PipelineMetrics balanced(MetricsSnapshot metrics) {
        PipelineMetrics m = metrics.tracer();
        assertThat(m.queued()).as("queued == processed + dropped + failed + queueSize + inFlight: %s", m)
                .isEqualTo(m.processed() + m.dropped() + m.failed() + m.queueSize() + m.inFlight());
        return m;
    }

    @Test
    void healthyCollectorGetsEveryEvent() {
        start(receiver.uri("/v1/traces"), Map.of());
        runAgents(10);
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        PipelineMetrics m = balanced(tracing.metrics());
        assertThat(m.queued()).isEqualTo(10);
        assertThat(m.processed()).isEqualTo(10);
        assertThat(receiver.requests()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.headers().get("content-type")).isEqualTo("application/json");
            assertThat(r.bodyText()).contains("\"agent.run\"");
        });
    }

    @Test
    void serverErrorsAreFailedNotRetriedAndCountedByReason() {
        receiver.setBehaviour(Behaviour.status(500));
        start(receiver.uri("/v1/traces"), Map.of());
        runAgents(3);
        tracing.flush(Duration.ofSeconds(10));
        PipelineMetrics m = balanced(tracing.metrics());
        assertThat(m.processed()).isZero();
        assertThat(m.failed()).isEqualTo(3);
        assertThat(m.failedByReason()).containsOnlyKeys("HTTP 500");
        assertThat(m.lastError()).isEqualTo("HTTP 500");
        assertThat(receiver.requests()).hasSize((int) m.batches());
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfter() {
        receiver.setBehaviour(Behaviour.sequence(Behaviour.tooManyRequests(1), Behaviour.ok()));
        start(receiver.uri("/v1/traces"), Map.of());
        tracing.sendTestEvent();
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        PipelineMetrics m = balanced(tracing.metrics());
        assertThat(m.processed()).isEqualTo(1);
        assertThat(receiver.requests()).hasSize(2);
        Duration waited = Duration.between(receiver.requests().get(0).at(), receiver.requests().get(1).at());
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aCollectorSlowerThanTheTimeoutFailsTheBatchWithoutRetrying() {
        receiver.setBehaviour(Behaviour.delay(Duration.ofMillis(1500)));
        start(receiver.uri("/v1/traces"), Map.of());
        tracing.sendTestEvent();
        tracing.flush(Duration.ofSeconds(10));
        PipelineMetrics m = balanced(tracing.metrics());
        assertThat(m.failed()).isEqualTo(1);
        assertThat(m.failedByReason()).containsOnlyKeys("timeout after 500 ms");
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void underAFullQueueEventsAreCountedAsDroppedWithoutBeingBuilt() {
        receiver.setBehaviour(Behaviour.delay(Duration.ofMillis(300)));
        start(receiver.uri("/v1/traces"), Map.of("AUTOMAGIK_TRACE_QUEUE_SIZE", "4", "AUTOMAGIK_TRACE_BATCH_SIZE", "2",
                "AUTOMAGIK_TRACE_WORKERS", "1", "AUTOMAGIK_EXPORT_TIMEOUT_MS", "2000"));
        DefaultTracer tracer = (DefaultTracer) tracing.tracer();
        AtomicInteger built = new AtomicInteger();
        for (int i = 0; i < 200; i++) {
            tracer.recordEvent(() -> {
                built.incrementAndGet();
                return TelemetryEvent.apiRequest("GET", "/api/items/{id}", 200, 1.0);
            });
        }
        for (int i = 0; i < 50; i++) {
            try (Span run = tracer.startAgentRun("simple", "test")) {
                run.setError("failed on purpose"); // an agent.run and an agent.error event each
            }
        }
        assertThat(tracing.flush(Duration.ofSeconds(20))).isTrue();
        PipelineMetrics m = balanced(tracing.metrics());
        assertThat(m.queued()).isEqualTo(200 + 50 * 2);
        assertThat(m.droppedByReason()).containsOnlyKeys(Pipeline.DROPPED_QUEUE_FULL);
        assertThat(built.get()).as("api.request events built").isLessThan(200);
        assertThat(m.processed()).isPositive();
        assertThat(m.processed() + m.dropped()).isEqualTo(m.queued());
        assertThat(receiver.requests()).isNotEmpty();
    }

    @Test
    void aRefusedConnectionIsRetriedThenFailed() {
        start(URI.create("http://127.0.0.1:" + LoopbackReceiver.closedPort() + "/v1/traces"), Map.of());
        runAgents(2);
        tracing.flush(Duration.ofSeconds(10));
        PipelineMetrics m = balanced(tracing.metrics());
        assertThat(m.failed()).isEqualTo(2);
        assertThat(m.failedByReason().keySet()).allSatisfy(reason -> assertThat(reason).startsWith("connection refused"));
    }

    @Test
    void aConnectionResetMidBodyFailsTheBatch() {
        receiver.setBehaviour(Behaviour.resetMidBody());
        start(receiver.uri("/v1/traces"), Map.of("AUTOMAGIK_EXPORT_MAX_ATTEMPTS", "2"));
        tracing.sendTestEvent();
        tracing.flush(Duration.ofSeconds(10));
        PipelineMetrics m = balanced(tracing.metrics());
        assertThat(m.failed()).isEqualTo(1);
        assertThat(m.failedByReason()).containsOnlyKeys("connection reset (2 attempts)");
        assertThat(m.processed()).isZero();
        assertThat(receiver.requests()).hasSize(2);
    }

    @Test
    void anAuthenticationChallengeIsAFinalFailureAndNoInstalledAuthenticatorIsAsked() {
        AtomicInteger asked = new AtomicInteger();
        Authenticator previous = Authenticator.getDefault();
        Authenticator.setDefault(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                asked.incrementAndGet();
                return new PasswordAuthentication("someone", "their-password".toCharArray());
            }
        });
        try {
            receiver.setBehaviour(Behaviour.status(401, Map.of("WWW-Authenticate", "Basic realm=\"collector\"")));
            start(receiver.uri("/v1/traces"), Map.of());
            tracing.sendTestEvent();
            tracing.flush(Duration.ofSeconds(10));
            PipelineMetrics m = balanced(tracing.metrics());
            assertThat(m.failedByReason()).containsOnlyKeys("HTTP 401");
            assertThat(receiver.requests()).hasSize(1);
            assertThat(receiver.requests().get(0).headers()).doesNotContainKey("authorization");
            assertThat(asked).hasValue(0);
        } finally {
            Authenticator.setDefault(previous);
        }
    }

    @Test
    void partialSuccessCountsTheRejectedSpansAsFailed() {
        receiver.setBehaviour(Behaviour.partialSuccess(2, "two spans rejected"));
        start(receiver.uri("/v1/traces"), Map.of("AUTOMAGIK_TRACE_BATCH_SIZE", "5"));
        runAgents(5);
        tracing.flush(Duration.ofSeconds(10));
        PipelineMetrics m = balanced(tracing.metrics());
        assertThat(m.processed()).isEqualTo(3);
        assertThat(m.failed()).isEqualTo(2);
        assertThat(m.failedByReason()).containsEntry("rejected by collector", 2L);
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void debugModeLogsThePayloadAndSendsNothing() {
        start(receiver.uri("/v1/traces"), Map.of("AUTOMAGIK_TELEMETRY_DEBUG", "true"));
        runAgents(2);
        tracing.flush(Duration.ofSeconds(10));
        PipelineMetrics m = balanced(tracing.metrics());
        assertThat(m.dropped()).isEqualTo(2);
        assertThat(m.droppedByReason()).containsKey(OtlpHttpExporter.NOT_SENT_DEBUG);
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void shutdownDrainsWhatIsQueued() {
        start(receiver.uri("/v1/traces"), Map.of("AUTOMAGIK_TRACE_BATCH_TIMEOUT_MS", "60000"));
        runAgents(120);
        tracing.shutdown();
        PipelineMetrics m = balanced(tracing.metrics());
        assertThat(m.processed()).isEqualTo(120);
    }

    @Test
    void shutdownWithTheCollectorDownCountsTheRestAsFailedWithinTheBound() {
        receiver.setBehaviour(Behaviour.delay(Duration.ofSeconds(5)));
        start(receiver.uri("/v1/traces"), Map.of("AUTOMAGIK_TRACE_BATCH_TIMEOUT_MS", "60000",
                "AUTOMAGIK_TRACE_SHUTDOWN_TIMEOUT_MS", "300", "AUTOMAGIK_EXPORT_TIMEOUT_MS", "5000"));
        runAgents(200);
        long started = System.nanoTime();
        tracing.shutdown();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        PipelineMetrics m = balanced(tracing.metrics());
        assertThat(m.queueSize()).isZero();
        assertThat(m.inFlight()).isZero();
        assertThat(m.processed() + m.failed()).isEqualTo(200);
        assertThat(m.failedByReason()).containsKey(Pipeline.FAILED_SHUTDOWN_TIMEOUT);
        assertThat(tookMillis).as("shutdown is bounded").isLessThan(5000);
    }

    @Test
    void optingOutAtRuntimeStopsTheVeryNextEventAndSurvivesARestart() {
        start(receiver.uri("/v1/traces"), Map.of());
        tracing.setTelemetryEnabled(false);
        runAgents(3);
        tracing.flush(Duration.ofSeconds(5));
        assertThat(receiver.requests()).isEmpty();
        assertThat(home.resolve(".automagik-no-telemetry")).exists();
        tracing.shutdown();

        start(receiver.uri("/v1/traces"), Map.of());
        assertThat(tracing.telemetryEnabled()).isFalse();
        assertThat(tracing.metrics().telemetryDisabledReason()).contains(".automagik-no-telemetry");
        tracing.setTelemetryEnabled(true);
        runAgents(1);
        assertThat(tracing.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(receiver.requests()).hasSize(1);
    }
}
