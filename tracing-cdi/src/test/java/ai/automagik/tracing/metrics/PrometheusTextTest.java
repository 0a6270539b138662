package ai.automagik.tracing.metrics;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.MetricsSnapshot;
import ai.automagik.tracing.PipelineMetrics;
import ai.automagik.tracing.ProviderMetrics;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.spi.Clock;
import ai.automagik.tracing.trace.ContextBridge;
import ai.automagik.tracing.trace.DefaultTracer;
import ai.automagik.tracing.trace.ObservabilityState;
import ai.automagik.tracing.trace.TelemetrySink;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    private static final TelemetrySink EVENTS = new TelemetrySink() {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public void record(TelemetryEvent event, long start, long end) {
        }
    };

    private static MetricsSnapshot snapshot() {
        PipelineMetrics telemetry = new PipelineMetrics(10, 6, 2, 1, 1, 0, 3, null, null, Map.of("queue_full", 2L),
                Map.of("http_503", 1L));
        return new MetricsSnapshot(Instant.now(), true, null, true, "http://127.0.0.1/v1/traces", "anon-id-7f3", "session-id-9c1",
                telemetry, List.of(new ProviderMetrics("telemetry", "http://127.0.0.1/v1/traces", "CLOSED", null, 0, telemetry),
                        new ProviderMetrics("otlp", "http://127.0.0.1/x", "OPEN", null, 5, PipelineMetrics.EMPTY)),
                Map.of());
    }

    @Test
    void spansOfModelCallsAgentsAndToolsBecomeGenAiHistograms() {
        GenAiMetrics metrics = new GenAiMetrics();
        DefaultTracer tracer = new DefaultTracer(EVENTS, ObservabilityState.OFF, new GenAiMetricsProcessor(metrics),
                ContextBridge.NONE, Clock.SYSTEM);
        try (Span run = tracer.startAgentRun("researcher", "test")) {
            try (LlmSpan chat = tracer.startLlmCall("openai", "gpt-4o-mini")) {
                chat.usage(300, 20);
                chat.firstChunkReceived();
            }
            tracer.startToolExecution("web_search").end();
            Span failing = tracer.startToolExecution("lookup");
            failing.recordException(new IllegalStateException("down"));
            failing.end();
        }
        String text = PrometheusText.render(snapshot(), metrics);
        String chat = "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o-mini\"";
        assertThat(text).contains("# TYPE gen_ai_client_token_usage histogram\n")
                .contains("gen_ai_client_token_usage_bucket{" + chat + ",gen_ai_token_type=\"input\",le=\"256\"} 0\n")
                .contains("gen_ai_client_token_usage_bucket{" + chat + ",gen_ai_token_type=\"input\",le=\"1024\"} 1\n")
                .contains("gen_ai_client_token_usage_bucket{" + chat + ",gen_ai_token_type=\"input\",le=\"+Inf\"} 1\n")
                .contains("gen_ai_client_token_usage_sum{" + chat + ",gen_ai_token_type=\"input\"} 300\n")
                .contains("gen_ai_client_token_usage_sum{" + chat + ",gen_ai_token_type=\"output\"} 20\n")
                .contains("gen_ai_client_operation_duration_seconds_count{" + chat + "} 1\n")
                .contains("gen_ai_client_operation_time_to_first_chunk_seconds_count{" + chat + "} 1\n")
                .contains("# TYPE gen_ai_invoke_agent_duration_seconds histogram\n")
                .contains("gen_ai_invoke_agent_duration_seconds_count{gen_ai_operation_name=\"invoke_agent\","
                        + "gen_ai_agent_name=\"researcher\"} 1\n")
                .contains("gen_ai_invoke_agent_duration_seconds_bucket{gen_ai_operation_name=\"invoke_agent\","
                        + "gen_ai_agent_name=\"researcher\",le=\"409.6\"} 1\n")
                .contains("gen_ai_execute_tool_duration_seconds_count{gen_ai_operation_name=\"execute_tool\","
                        + "gen_ai_tool_name=\"web_search\"} 1\n")
                .contains("gen_ai_execute_tool_duration_seconds_count{gen_ai_operation_name=\"execute_tool\","
                        + "gen_ai_tool_name=\"lookup\",error_type=\"java.lang.IllegalStateException\"} 1\n")
                .doesNotContain("gen_ai_client_operation_duration_seconds_count{gen_ai_operation_name=\"invoke_agent\"");
    }

    @Test
    void pipelineCountersPerDestinationAndOutcome() {
        String text = PrometheusText.render(snapshot(), new GenAiMetrics());
        assertThat(text).contains("# TYPE automagik_tracing_events_total counter\n")
                .contains("automagik_tracing_events_total{destination=\"telemetry\",outcome=\"queued\"} 10\n")
                .contains("automagik_tracing_events_total{destination=\"telemetry\",outcome=\"processed\"} 6\n")
                .contains("automagik_tracing_events_total{destination=\"telemetry\",outcome=\"dropped\"} 2\n")
                .contains("automagik_tracing_events_total{destination=\"telemetry\",outcome=\"failed\"} 1\n")
                .contains("automagik_tracing_dropped_events_total{destination=\"telemetry\",reason=\"queue_full\"} 2\n")
                .contains("automagik_tracing_failed_events_total{destination=\"telemetry\",reason=\"http_503\"} 1\n")
                .contains("automagik_tracing_queue_size{destination=\"telemetry\"} 1\n")
                .contains("automagik_tracing_circuit_open{destination=\"otlp\"} 1\n")
                .contains("automagik_tracing_circuit_open{destination=\"telemetry\"} 0\n")
                .contains("automagik_tracing_telemetry_enabled 1\n")
                .doesNotContain("127.0.0.1").doesNotContain("anon-id-7f3").doesNotContain("session-id-9c1");
        // every sample line is "name{labels} number" or "name number"
        assertThat(text.lines().filter(l -> !l.startsWith("#")))
                .allSatisfy(l -> assertThat(l).matches("[a-z_]+(\\{.*\\})? -?[0-9.E+-]+"));
    }

    @Test
    void hostileLabelValuesAreEscapedAndSeriesAreCapped() {
        GenAiMetrics metrics = new GenAiMetrics();
        metrics.chat("evil\"}\nfake_metric 1", "m\\", 0.5, 1, 1, -1, null);
        for (int i = 0; i < 1000; i++) {
            metrics.chat("openai", "model-" + i, 0.1, 1, 1, -1, null);
        }
        assertThat(metrics.operationDurations()).hasSizeLessThanOrEqualTo(GenAiMetrics.MAX_SERIES + 1);
        String text = PrometheusText.render(snapshot(), metrics);
        assertThat(text).contains("gen_ai_provider_name=\"evil\\\"}\\nfake_metric 1\",gen_ai_request_model=\"m\\\\\"")
                .contains("gen_ai_request_model=\"other\"")
                .doesNotContain("\nfake_metric 1");
        long otherCount = metrics.operationDurations().entrySet().stream()
                .filter(e -> e.getKey().name().equals(GenAiMetrics.OTHER)).mapToLong(e -> e.getValue().count()).sum();
        assertThat(otherCount).isEqualTo(1001 - GenAiMetrics.MAX_SERIES);
    }

    @Test
    void histogramBucketsAreCumulativeAndIgnoreNonsense() {
        Histogram histogram = new Histogram(new double[] {1, 10});
        for (double v : new double[] {0, 1, 1.5, 10, 11, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            histogram.record(v);
        }
        assertThat(histogram.cumulativeCounts()).containsExactly(2, 4, 5);
        assertThat(histogram.count()).isEqualTo(5);
        assertThat(histogram.sum()).isEqualTo(23.5);
    }
}
