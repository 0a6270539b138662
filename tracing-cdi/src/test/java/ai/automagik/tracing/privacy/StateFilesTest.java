package ai.automagik.tracing.privacy;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.testing.LoopbackTracing;
import ai.automagik.tracing.runtime.DefaultTracingManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the runtime writes into the state directory, and when it writes nothing. */
class StateFilesTest {

    @TempDir
    Path home;

    @Test
    void theKillSwitchWritesNoStateFileAtAll() throws IOException {
        try (LoopbackTracing loopback = new LoopbackTracing(home)) {
            TracingManager tracing = loopback.start(Map.of("AUTOMAGIK_DISABLE_ALL_TRACING", "true"));
            ((DefaultTracingManager) tracing).start();
            try (Span run = tracing.tracer().startAgentRun("researcher", "test")) {
                tracing.tracer().startToolExecution("search").end();
            }
            tracing.tracer().recordEvent(TelemetryEvent.featureUsed("x", "y"));
            tracing.sendTestEvent();
            assertThat(tracing.metrics().anonymousId()).isNull();
            tracing.flush(Duration.ofSeconds(5));
            tracing.shutdown();
            assertThat(loopback.telemetry.requests()).isEmpty();
        }
        try (Stream<Path> written = Files.walk(home)) {
            assertThat(written.filter(path -> !path.equals(home))).isEmpty();
        }
    }

    @Test
    void anOptedOutApplicationCreatesNoAnonymousId() {
        try (LoopbackTracing loopback = new LoopbackTracing(home)) {
            TracingManager tracing = loopback.start(Map.of("AUTOMAGIK_TELEMETRY_ENABLED", "false"));
            ((DefaultTracingManager) tracing).start();
            tracing.tracer().startAgentRun("researcher", "test").end();
            tracing.sendTestEvent();
            tracing.flush(Duration.ofSeconds(5));
            assertThat(tracing.anonymousId()).isNull();
        }
        assertThat(home.resolve(".automagik").resolve(AnonymousId.FILE_NAME)).doesNotExist();
    }

    @Test
    void theFirstStartWithTelemetryOnCreatesTheIdThatIsSent() {
        try (LoopbackTracing loopback = new LoopbackTracing(home)) {
            TracingManager tracing = loopback.start(Map.of());
            ((DefaultTracingManager) tracing).start();
            String id = tracing.anonymousId();
            assertThat(id).matches("[0-9a-f]{16}");
            assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(loopback.telemetry.requests()).isNotEmpty()
                    .allSatisfy(request -> assertThat(request.bodyText()).contains("\"" + id + "\""));
            assertThat(AnonymousId.peek(home.resolve(".automagik"))).isEqualTo(id);
        }
    }
}
