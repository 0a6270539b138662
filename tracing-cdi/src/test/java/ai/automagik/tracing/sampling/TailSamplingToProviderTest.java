package ai.automagik.tracing.sampling;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.testing.LoopbackReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** With base rate 0, every failing run reaches the OTLP provider and normal runs do not, after their first. */
class TailSamplingToProviderTest {

    @TempDir
    Path home;

    private final LoopbackReceiver telemetry = LoopbackReceiver.start();
    private final LoopbackReceiver collector = LoopbackReceiver.start();
    private TracingManager tracing;

    @AfterEach
    void stop() {
        if (tracing != null) {
            tracing.shutdown();
        }
        telemetry.close();
        collector.close();
    }

    @Test
    void errorsAlwaysNormalRunsOnlyTheFirstTime() {
        tracing = TracingManager.builder().settings(Map.of(
                "AUTOMAGIK_TELEMETRY_ENDPOINT", telemetry.uri("/v1/traces").toString(),
                "AUTOMAGIK_OTLP_ENDPOINT", collector.uri("/v1/traces").toString(),
                "AUTOMAGIK_OTLP_HEADERS", "x-tenant=test",
                "AUTOMAGIK_HOME", home.toString(),
                "AUTOMAGIK_ENABLE_TRACING_IN_CI", "true",
                "AUTOMAGIK_SAMPLING_RATE", "0.0",
                "AUTOMAGIK_TAIL_SAMPLING_MAX_PER_SECOND", "1000",
                "AUTOMAGIK_TRACE_BATCH_TIMEOUT_MS", "20")).build();
        for (int i = 0; i < 20; i++) {
            try (Span run = tracing.tracer().startAgentRun("simple", "test")) {
                tracing.tracer().startToolExecution("calculator").end();
            }
            try (Span run = tracing.tracer().startAgentRun("failing", "test")) {
                try (Span tool = tracing.tracer().startToolExecution("lookup")) {
                    tool.recordException(new IllegalStateException("down"));
                }
            }
        }
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        String sent = String.join("\n", collector.requests().stream().map(LoopbackReceiver.Request::bodyText).toList());
        assertThat(count(sent, "\"invoke_agent failing\"")).isEqualTo(20);
        assertThat(count(sent, "\"invoke_agent simple\"")).isEqualTo(1);
        assertThat(count(sent, "\"execute_tool lookup\"")).isEqualTo(20);
        assertThat(collector.requests()).allSatisfy(r -> assertThat(r.headers()).containsEntry("x-tenant", "test"));
        // the first trace of each type is kept by its start (as the first), the other failing ones by their end
        assertThat(tracing.metrics().sampling()).containsEntry("error", 19L).containsEntry("first", 2L)
                .containsEntry("not_sampled", 19L);
        assertThat(tracing.metrics().providers()).extracting(p -> p.name()).containsExactly("telemetry", "otlp");
    }

    private static int count(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
