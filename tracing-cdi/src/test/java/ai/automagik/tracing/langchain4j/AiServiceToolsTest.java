package ai.automagik.tracing.langchain4j;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.testing.LoopbackReceiver;
import ai.automagik.tracing.testing.LoopbackTracing;
import ai.automagik.tracing.testing.ReceivedSpans;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.AiServices;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real LangChain4j AI service whose model asks for two tool calls: each becomes an {@code execute_tool}
 * span under the caller's agent span, with the model's call id, arguments and result, though the tool
 * class carries no annotation of ours.
 */
class AiServiceToolsTest {

    interface Assistant {
        String ask(String question);
    }

    /** A plain LangChain4j tool: nothing of Automagik on it. */
    static final class Calculator {
        @Tool("adds two numbers")
        int add(int a, int b) {
            return a + b;
        }

        @Tool("fails on purpose")
        int broken(int a) {
            throw new IllegalStateException("calculator broke");
        }
    }

    /** Asks for add and broken on the first turn, answers with the tools' results on the second. */
    static final class ToolCallingModel implements ChatModel {
        private final List<ChatModelListener> listeners;

        ToolCallingModel(ChatModelListener listener) {
            this.listeners = List.of(listener);
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            ChatMessage last = request.messages().get(request.messages().size() - 1);
            if (last instanceof ToolExecutionResultMessage) {
                return ChatResponse.builder().aiMessage(AiMessage.from("done")).modelName("fake-tools-1")
                        .finishReason(FinishReason.STOP).build();
            }
            return ChatResponse.builder().aiMessage(AiMessage.from(List.of(
                    ToolExecutionRequest.builder().id("call_add").name("add").arguments("{\"a\":2,\"b\":3}").build(),
                    ToolExecutionRequest.builder().id("call_broken").name("broken").arguments("{\"a\":1}").build())))
                    .modelName("fake-tools-1").finishReason(FinishReason.TOOL_EXECUTION).build();
        }

        @Override
        public List<ChatModelListener> listeners() {
            return listeners;
        }

        @Override
        public ModelProvider provider() {
            return ModelProvider.OTHER;
        }
    }

    @TempDir
    Path home;

    private LoopbackTracing loopback;

    @AfterEach
    void stop() {
        if (loopback != null) {
            loopback.close();
        }
    }

    @Test
    void everyToolCallOfAnAiServiceIsAnExecuteToolSpan() {
        loopback = new LoopbackTracing(home);
        LoopbackReceiver telemetry = loopback.telemetry;
        LoopbackReceiver collector = loopback.collector;
        TracingManager tracing = loopback.start(Map.of());
        Tracer tracer = tracing.tracer();
        Assistant assistant = TracingAiServiceTools.trace(AiServices.builder(Assistant.class), tracer)
                .chatModel(new ToolCallingModel(new TracingChatModelListener(tracer)))
                .tools(new Calculator()).build();

        String runSpanId;
        try (Span run = tracer.startAgentRun("assistant", "langchain4j")) {
            runSpanId = run.context().spanId();
            assertThat(assistant.ask("what is 2 + 3?")).isEqualTo("done");
        }
        assertThat(tracer.currentContext().isValid()).isFalse();
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();

        Map<String, JsonObject> spans = ReceivedSpans.byName(collector);
        JsonObject add = spans.get("execute_tool add");
        JsonObject broken = spans.get("execute_tool broken");
        assertThat(add).as("spans: %s", spans.keySet()).isNotNull();
        assertThat(add.getString("parentSpanId")).isEqualTo(runSpanId);
        assertThat(text(add, "gen_ai.tool.call.id")).isEqualTo("call_add");
        assertThat(text(add, "gen_ai.tool.call.arguments")).isEqualTo("{\"a\":2,\"b\":3}");
        assertThat(text(add, "gen_ai.tool.call.result")).isEqualTo("5");
        assertThat(broken.getString("parentSpanId")).isEqualTo(runSpanId);
        assertThat(broken.getJsonObject("status").getInt("code")).as("a failed tool").isEqualTo(2);
        assertThat(spans.get("chat unknown").getString("parentSpanId")).isEqualTo(runSpanId);
        String events = String.join("\n", telemetry.requests().stream().map(LoopbackReceiver.Request::bodyText).toList());
        assertThat(events).contains("\"tool.executed\"").contains("\"add\"").doesNotContain("call_add");
    }

    private static String text(JsonObject span, String key) {
        return span.getJsonArray("attributes").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("key").equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " on " + span.getString("name")))
                .getJsonObject("value").getString("stringValue");
    }
}
