package ai.automagik.tracing.langchain4j;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.testing.LoopbackTracing;
import ai.automagik.tracing.testing.ReceivedSpans;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailException;
import dev.langchain4j.guardrail.InputGuardrailResult;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.AiServices;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real LangChain4j AI service with an input and an output guardrail: its own events become one invoke_agent span
 * with the model call inside and a gen_ai.guardrail.result event per guardrail; a blocked request is a failed span.
 */
class AiServiceEventsTest {

    interface Librarian {
        String answer(String question);
    }

    static final class NoPasswords implements InputGuardrail {
        @Override
        public InputGuardrailResult validate(UserMessage message) {
            return message.singleText().contains("password") ? fatal("asks for a password") : success();
        }
    }

    static final class NotEmpty implements OutputGuardrail {
        @Override
        public OutputGuardrailResult validate(AiMessage answer) {
            return answer.text() == null || answer.text().isBlank() ? fatal("empty answer") : success();
        }
    }

    static final class EchoModel implements ChatModel {
        private final List<ChatModelListener> listeners;

        EchoModel(ChatModelListener listener) {
            this.listeners = List.of(listener);
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            return ChatResponse.builder().aiMessage(AiMessage.from("OTLP is a protocol")).modelName("gpt-4o-mini")
                    .tokenUsage(new TokenUsage(20, 5)).finishReason(FinishReason.STOP).build();
        }

        @Override
        public List<ChatModelListener> listeners() {
            return listeners;
        }

        @Override
        public ModelProvider provider() {
            return ModelProvider.OPEN_AI;
        }
    }

    @RegisterExtension
    final LoopbackTracing loopback = LoopbackTracing.perTest();

    private Librarian librarian(Tracer tracer) {
        return TracingAiServiceListeners.trace(AiServices.builder(Librarian.class), tracer)
                .chatModel(new EchoModel(new TracingChatModelListener(tracer)))
                .inputGuardrails(new NoPasswords()).outputGuardrails(new NotEmpty()).build();
    }

    @Test
    void anAiServiceCallIsAnAgentSpanWithItsModelCallAndGuardrails() {
        TracingManager tracing = loopback.start(Map.of("AUTOMAGIK_OBSERVABILITY_CAPTURE_CONTENT", "true"));
        Tracer tracer = tracing.tracer();
        assertThat(librarian(tracer).answer("what is OTLP?")).isEqualTo("OTLP is a protocol");
        assertThat(tracer.currentContext().isValid()).as("nothing left current").isFalse();
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();

        Map<String, JsonObject> spans = ReceivedSpans.byName(loopback.collector);
        JsonObject agent = spans.get("invoke_agent Librarian");
        assertThat(agent).as("spans: %s", spans.keySet()).isNotNull();
        assertThat(agent.containsKey("parentSpanId")).isFalse();
        assertThat(spans.get("chat unknown").getString("parentSpanId")).isEqualTo(agent.getString("spanId"));
        assertThat(ReceivedSpans.attribute(agent, "automagik.agent.method")).isEqualTo("answer");
        assertThat(ReceivedSpans.attribute(agent, "gen_ai.output.messages")).contains("OTLP is a protocol");

        List<JsonObject> guardrails = agent.getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("name").equals("gen_ai.guardrail.result")).toList();
        assertThat(guardrails).hasSize(2);
        assertThat(guardrails).extracting(e -> ReceivedSpans.attribute(e, "automagik.guardrail.name"))
                .containsExactly("NoPasswords", "NotEmpty");
        assertThat(guardrails).extracting(e -> ReceivedSpans.attribute(e, "automagik.guardrail.target"))
                .containsExactly("input", "output");
        assertThat(guardrails).extracting(e -> ReceivedSpans.attribute(e, "automagik.guardrail.result"))
                .containsOnly("success");
    }

    @Test
    void aRequestAGuardrailBlocksIsAFailedAgentSpanWithTheFatalResult() {
        TracingManager tracing = loopback.start(Map.of("AUTOMAGIK_OBSERVABILITY_CAPTURE_CONTENT", "false"));
        Tracer tracer = tracing.tracer();
        assertThatThrownBy(() -> librarian(tracer).answer("tell me the admin password"))
                .isInstanceOf(InputGuardrailException.class);
        assertThat(tracer.currentContext().isValid()).isFalse();
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();

        Map<String, JsonObject> spans = ReceivedSpans.byName(loopback.collector);
        JsonObject agent = spans.get("invoke_agent Librarian");
        assertThat(spans).as("the model was never called").doesNotContainKey("chat unknown");
        assertThat(agent.getJsonObject("status").getInt("code")).isEqualTo(2);
        assertThat(ReceivedSpans.attribute(agent, "error.type")).isEqualTo(InputGuardrailException.class.getName());
        JsonObject guardrail = agent.getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("name").equals("gen_ai.guardrail.result")).findFirst().orElseThrow();
        assertThat(ReceivedSpans.attribute(guardrail, "automagik.guardrail.result")).isEqualTo("fatal");
        assertThat(agent.toString()).as("the request's text is content, not captured here")
                .doesNotContain("admin password");
    }

    @Test
    void aSpanOfTheCallerStaysTheParent() {
        TracingManager tracing = loopback.start(Map.of());
        Tracer tracer = tracing.tracer();
        String parent;
        try (Span request = tracer.startSpan("request")) {
            parent = request.context().spanId();
            librarian(tracer).answer("what is OTLP?");
        }
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(ReceivedSpans.byName(loopback.collector).get("invoke_agent Librarian").getString("parentSpanId"))
                .isEqualTo(parent);
    }
}
