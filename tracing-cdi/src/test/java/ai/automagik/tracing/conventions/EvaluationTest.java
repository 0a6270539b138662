package ai.automagik.tracing.conventions;

import ai.automagik.tracing.Evaluation;
import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.testing.LoopbackTracing;
import ai.automagik.tracing.testing.ReceivedSpans;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An evaluation recorded after the evaluated span ended reaches the destination linked to it. */
class EvaluationTest {

    private static final String SECRET = "sk-ant-api03-" + "a".repeat(80) + "-bbbbbbAA";

    @RegisterExtension
    final LoopbackTracing loopback = LoopbackTracing.perTest();

    @Test
    void anEvaluationAfterTheTraceEndedIsAChildOfTheEvaluatedSpanWithTheResultEvent() {
        TracingManager tracing = loopback.start(Map.of("AUTOMAGIK_OBSERVABILITY_CAPTURE_CONTENT", "true"));
        Tracer tracer = tracing.tracer();
        TraceContext answered;
        try (Span run = tracer.startAgentRun("researcher", "test")) {
            try (LlmSpan chat = tracer.startLlmCall("openai", "gpt-4o-mini")) {
                chat.responseId("resp_42").usage(10, 2);
                answered = chat.context();
            }
        }
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        tracer.recordEvaluation(answered, new Evaluation("relevance", 0.9, "pass",
                "cites the source; the judge saw " + SECRET));
        assertThat(tracer.currentContext().isValid()).as("nothing left current").isFalse();
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();

        JsonObject evaluation = ReceivedSpans.byName(loopback.collector).get("evaluation relevance");
        assertThat(evaluation).isNotNull();
        assertThat(evaluation.getString("traceId")).isEqualTo(answered.traceId());
        assertThat(evaluation.getString("parentSpanId")).isEqualTo(answered.spanId());
        assertThat(ReceivedSpans.attribute(evaluation, "gen_ai.evaluation.name")).isEqualTo("relevance");
        JsonObject result = event(evaluation);
        assertThat(ReceivedSpans.attribute(result, "gen_ai.evaluation.name")).isEqualTo("relevance");
        assertThat(ReceivedSpans.attribute(result, "gen_ai.evaluation.score.label")).isEqualTo("pass");
        assertThat(result.toString()).contains("\"gen_ai.evaluation.score.value\",\"value\":{\"doubleValue\":0.9}");
        assertThat(ReceivedSpans.attribute(result, "gen_ai.evaluation.explanation")).startsWith("cites the source")
                .doesNotContain(SECRET);
    }

    @Test
    void byResponseIdItIsATraceOfItsOwnAndWithoutContentCaptureTheExplanationStaysHome() {
        TracingManager tracing = loopback.start(Map.of("AUTOMAGIK_OBSERVABILITY_CAPTURE_CONTENT", "false"));
        tracing.tracer().recordEvaluation("resp_7", new Evaluation("user_feedback", 1.0, "thumbs_up", "great answer"));
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        JsonObject evaluation = ReceivedSpans.byName(loopback.collector).get("evaluation user_feedback");
        assertThat(evaluation.containsKey("parentSpanId")).isFalse();
        assertThat(ReceivedSpans.attribute(evaluation, "gen_ai.response.id")).isEqualTo("resp_7");
        assertThat(ReceivedSpans.attribute(event(evaluation), "gen_ai.response.id")).isEqualTo("resp_7");
        assertThat(evaluation.toString()).doesNotContain("great answer");
    }

    @Test
    void anEvaluationWithoutANameOrWithANonFiniteScoreIsRefused() {
        assertThatThrownBy(() -> new Evaluation(" ", 1.0, null, null)).hasMessageContaining("name");
        assertThatThrownBy(() -> Evaluation.score("x", Double.NaN)).hasMessageContaining("finite");
    }

    private static JsonObject event(JsonObject span) {
        return span.getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("name").equals("gen_ai.evaluation.result")).findFirst().orElseThrow();
    }
}
