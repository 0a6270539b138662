package ai.automagik.tracing.cost;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.diagnostics.TracingDiagnostics;
import ai.automagik.tracing.testing.LoopbackReceiver;
import ai.automagik.tracing.testing.LoopbackTracing;
import ai.automagik.tracing.testing.ReceivedSpans;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Usage becomes cost on the span, in the metrics and in the telemetry event; unknown models cost nothing. */
class ModelCallCostTest {

    @RegisterExtension
    final LoopbackTracing loopback = LoopbackTracing.perTest();

    @Test
    void aModelCallIsPricedFromTheTableByTheModelThatAnswered() {
        TracingManager tracing = loopback.start(Map.of("AUTOMAGIK_PRICES", "in-house-7b=0.50/1.50"));
        Tracer tracer = tracing.tracer();
        try (Span run = tracer.startAgentRun("researcher", "test")) {
            try (Span tool = tracer.startToolExecution("web_search")) {
                try (LlmSpan chat = tracer.startLlmCall("openai", "gpt-4o-mini")) {
                    chat.responseModel("gpt-4o-mini-2024-07-18").usage(10_000, 1_000).cachedTokens(4_000, -1);
                }
            }
            try (LlmSpan own = tracer.startLlmCall("local", "in-house-7b")) {
                own.usage(2_000_000, 1_000_000);
            }
            try (LlmSpan unknown = tracer.startLlmCall("local", "mystery-model")) {
                unknown.usage(100, 10);
            }
            try (LlmSpan told = tracer.startLlmCall("openai", "gpt-4o")) {
                told.usage(1_000, 100).cost(0.5);
            }
        }
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();

        Map<String, JsonObject> spans = ReceivedSpans.byName(loopback.collector);
        double mini = (6_000 * 0.15 + 4_000 * 0.075 + 1_000 * 0.60) / 1e6;
        assertThat(number(spans.get("chat gpt-4o-mini"), "gen_ai.usage.cost.amount")).hasValueSatisfying(
                usd -> assertThat(usd).isCloseTo(mini, within(1e-12)));
        assertThat(ReceivedSpans.attribute(spans.get("chat gpt-4o-mini"), "gen_ai.usage.cost.currency")).isEqualTo("USD");
        assertThat(ReceivedSpans.attribute(spans.get("chat gpt-4o-mini"), "gen_ai.usage.cost.source")).isEqualTo("local");
        assertThat(number(spans.get("chat in-house-7b"), "gen_ai.usage.cost.amount")).hasValue(2.5);
        assertThat(number(spans.get("chat mystery-model"), "gen_ai.usage.cost.amount")).isEmpty();
        assertThat(number(spans.get("chat gpt-4o"), "gen_ai.usage.cost.amount")).as("the application's").hasValue(0.5);
        assertThat(number(spans.get("invoke_agent researcher"), "gen_ai.usage.cost.amount"))
                .as("inference spans only, no double counting").isEmpty();

        String metrics = ((TracingDiagnostics) tracing).prometheusText();
        assertThat(metrics).contains("automagik_gen_ai_cost_usd_total{gen_ai_response_model=\"gpt-4o-mini-2024-07-18\","
                        + "gen_ai_agent_name=\"researcher\"} " + mini + "\n")
                .contains("automagik_gen_ai_cost_usd_total{gen_ai_response_model=\"in-house-7b\","
                        + "gen_ai_agent_name=\"researcher\"} 2.5\n")
                .contains("automagik_gen_ai_priced_calls_total{gen_ai_response_model=\"gpt-4o\","
                        + "gen_ai_agent_name=\"researcher\"} 1\n")
                .doesNotContain("mystery-model\",gen_ai_agent_name");

        String telemetry = String.join("\n", loopback.telemetry.requests().stream()
                .map(LoopbackReceiver.Request::bodyText).toList());
        assertThat(telemetry).contains("\"event.cost_usd\"").contains("{\"doubleValue\":2.5}");
    }

    private static Optional<Double> number(JsonObject span, String key) {
        return span.getJsonArray("attributes").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("key").equals(key))
                .map(a -> a.getJsonObject("value").getJsonNumber("doubleValue").doubleValue()).findFirst();
    }
}
