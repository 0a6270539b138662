package ai.automagik.tracing.privacy;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.testing.LoopbackReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The privacy promise checked on the wire: no generated personal datum reaches the collector, in any byte. */
class TelemetryWirePrivacyTest {

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

    @Test
    void noGeneratedSecretOrContentIsEverSent() {
        tracing = TracingManager.builder().settings(Map.of(
                "AUTOMAGIK_TELEMETRY_ENDPOINT", receiver.uri("/v1/traces").toString(),
                "AUTOMAGIK_HOME", home.toString(),
                "AUTOMAGIK_ENABLE_TRACING_IN_CI", "true",
                "AUTOMAGIK_TRACE_BATCH_TIMEOUT_MS", "20",
                "AUTOMAGIK_TRACE_QUEUE_SIZE", "100000")).build();
        PiiCorpus corpus = new PiiCorpus(424242L);
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            PiiCorpus.Sample sample = corpus.next();
            String text = corpus.embed(sample.secret());
            secrets.add(coreOf(sample));
            switch (i % 5) {
                case 0 -> {
                    try (Span run = tracing.tracer().startAgentRun(text, text)) {
                        run.setInput("prompt " + text).setAttribute("custom", text);
                    }
                }
                case 1 -> tracing.tracer().startToolExecution(text).recordException(new IllegalStateException(text)).end();
                case 2 -> {
                    try (LlmSpan call = tracing.tracer().startLlmCall(text, text)) {
                        call.inputMessage("user", text).outputMessage("assistant", text).usage(1, 2);
                    }
                }
                case 3 -> tracing.tracer().recordEvent(TelemetryEvent.apiRequest("POST", text, 200, 1.0));
                default -> tracing.tracer().recordEvent(TelemetryEvent.featureUsed(text, text));
            }
        }
        assertThat(tracing.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(tracing.metrics().tracer().processed()).isGreaterThanOrEqualTo(600);
        StringBuilder wire = new StringBuilder();
        receiver.requests().forEach(request -> wire.append(new String(request.body(), StandardCharsets.UTF_8)));
        String sent = wire.toString();
        assertThat(sent).contains("\"agent.run\"").contains("\"llm.call\"").contains("\"feature.used\"");
        for (String secret : secrets) {
            assertThat(sent).as("a personal value reached the wire").doesNotContain(secret);
        }
        assertThat(sent).doesNotContain("prompt ").doesNotContain("\"custom\"").doesNotContain("gen_ai.input.messages");
    }

    @Test
    void configuredServiceNameAndVersionPassTheSameRules() {
        tracing = TracingManager.builder().settings(Map.of(
                "AUTOMAGIK_TELEMETRY_ENDPOINT", receiver.uri("/v1/traces").toString(),
                "AUTOMAGIK_HOME", home.toString(),
                "AUTOMAGIK_ENABLE_TRACING_IN_CI", "true",
                "AUTOMAGIK_TRACE_BATCH_TIMEOUT_MS", "20",
                "AUTOMAGIK_SERVICE_NAME", "maria.silva@example.com /home/maria/agents",
                "AUTOMAGIK_SERVICE_VERSION", "built by joao@example.org on 10.1.2.3")).build();
        tracing.tracer().recordEvent(TelemetryEvent.featureUsed("console", "ui"));
        assertThat(tracing.flush(Duration.ofSeconds(30))).isTrue();
        String sent = new String(receiver.requests().get(0).body(), StandardCharsets.UTF_8);

        assertThat(sent).doesNotContain("maria").doesNotContain("joao").doesNotContain("10.1.2.3")
                .contains("\"service.name\"").contains("[EMAIL]").contains("\"service.version\"");
    }

    @Test
    void aPlainServiceVersionIsKeptAsItIs() {
        tracing = TracingManager.builder().settings(Map.of(
                "AUTOMAGIK_TELEMETRY_ENDPOINT", receiver.uri("/v1/traces").toString(),
                "AUTOMAGIK_HOME", home.toString(),
                "AUTOMAGIK_ENABLE_TRACING_IN_CI", "true",
                "AUTOMAGIK_TRACE_BATCH_TIMEOUT_MS", "20",
                "AUTOMAGIK_SERVICE_NAME", "checkout-agents",
                "AUTOMAGIK_SERVICE_VERSION", "2.10.0.1")).build();
        tracing.tracer().recordEvent(TelemetryEvent.featureUsed("console", "ui"));
        assertThat(tracing.flush(Duration.ofSeconds(30))).isTrue();
        String sent = new String(receiver.requests().get(0).body(), StandardCharsets.UTF_8);

        assertThat(sent).contains("{\"key\":\"service.name\",\"value\":{\"stringValue\":\"checkout-agents\"}}")
                .contains("{\"key\":\"service.version\",\"value\":{\"stringValue\":\"2.10.0.1\"}}");
    }

    private static String coreOf(PiiCorpus.Sample sample) {
        String secret = sample.secret();
        return switch (sample.kind()) {
            case "password-pair" -> secret.substring("password=".length());
            case "json-token" -> secret.substring(secret.indexOf(": \"") + 3, secret.length() - 1);
            case "bearer" -> secret.substring("Bearer ".length());
            default -> secret;
        };
    }
}
