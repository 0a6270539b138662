package ai.automagik.tracing.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.diagnostics.TestEventStatus;
import ai.automagik.tracing.diagnostics.TestEventStatus.State;
import ai.automagik.tracing.testing.LoopbackReceiver;
import ai.automagik.tracing.testing.LoopbackReceiver.Behaviour;
import ai.automagik.tracing.runtime.DefaultTracingManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's test event is followed until the collector answers, over real HTTP on loopback. */
class TestEventTrackingTest {

    @TempDir
    Path home;

    private final LoopbackReceiver receiver = LoopbackReceiver.start();
    private DefaultTracingManager tracing;

    @AfterEach
    void stop() {
        if (tracing != null) {
            tracing.shutdown();
        }
        receiver.close();
    }

    private DefaultTracingManager start() {
        tracing = (DefaultTracingManager) TracingManager.builder().settings(Map.of(
                "AUTOMAGIK_TELEMETRY_ENDPOINT", receiver.uri("/v1/traces").toString(),
                "AUTOMAGIK_HOME", home.toString(),
                "AUTOMAGIK_ENABLE_TRACING_IN_CI", "true",
                "AUTOMAGIK_TRACE_BATCH_TIMEOUT_MS", "20",
                "AUTOMAGIK_EXPORT_TIMEOUT_MS", "500",
                "AUTOMAGIK_EXPORT_MAX_ATTEMPTS", "1")).build();
        return tracing;
    }

    private TestEventStatus settledStatus(String id) {
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        return tracing.testEventStatus(id).orElseThrow();
    }

    @Test
    void aTestEventAcknowledgedByTheCollectorIsDelivered() {
        start();
        String id = tracing.sendTestEvent();
        TestEventStatus status = settledStatus(id);
        assertThat(status.state()).isEqualTo(State.DELIVERED);
        assertThat(status.detail()).contains("127.0.0.1:" + receiver.port());
        assertThat(receiver.requests()).anySatisfy(r -> assertThat(r.bodyText()).contains(id).contains("test.event"));
    }

    @Test
    void aTestEventTheCollectorRefusesIsFailedWithTheReason() {
        receiver.setBehaviour(Behaviour.status(503));
        start();
        String id = tracing.sendTestEvent();
        TestEventStatus status = settledStatus(id);
        assertThat(status.state()).isEqualTo(State.FAILED);
        assertThat(status.detail()).isEqualTo("HTTP 503");
    }

    @Test
    void aTestEventWhileOptedOutIsDroppedWithTheRuleThatSaidNo() {
        start();
        tracing.setTelemetryEnabled(false);
        String id = tracing.sendTestEvent();
        TestEventStatus status = tracing.testEventStatus(id).orElseThrow();
        assertThat(status.state()).isEqualTo(State.DROPPED);
        assertThat(status.detail()).startsWith("opted out");
        assertThat(receiver.requests()).noneSatisfy(r -> assertThat(r.bodyText()).contains(id));
    }

    @Test
    void unknownIdsHaveNoStatus() {
        start();
        assertThat(tracing.testEventStatus("0000000000000001")).isEmpty();
    }
}
