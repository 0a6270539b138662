package ai.automagik.tracing.trace;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.testing.LoopbackReceiver;
import ai.automagik.tracing.testing.LoopbackTracing;
import ai.automagik.tracing.testing.ReceivedSpans;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches an OTLP collector follows the OpenTelemetry GenAI semantic conventions, read off the wire. */
class GenAiConventionsTest {

    @TempDir
    Path home;

    private LoopbackTracing loopback;
    private LoopbackReceiver telemetry;
    private LoopbackReceiver collector;
    private TracingManager tracing;

    @BeforeEach
    void receivers() {
        loopback = new LoopbackTracing(home);
        telemetry = loopback.telemetry;
        collector = loopback.collector;
    }

    @AfterEach
    void stop() {
        loopback.close();
    }

    private Tracer start(boolean captureContent) {
        tracing = loopback.start(Map.of("AUTOMAGIK_OBSERVABILITY_CAPTURE_CONTENT", Boolean.toString(captureContent)));
        return tracing.tracer();
    }

    /** One agent run: a tool that ends before the conversation is known, then a chat with tool calls. */
    private void runResearcher(Tracer tracer) {
        try (Span run = tracer.startAgentRun("researcher", "test")) {
            try (Span search = tracer.startToolExecution("web_search")) {
                search.setToolCallId("call_1");
                search.setInput("{\"query\":\"what is otlp\"}");
                search.setOutput("OTLP is the OpenTelemetry protocol");
            }
            run.setConversation("thread-1", "user-7");
            try (LlmSpan chat = tracer.startLlmCall("openai", "gpt-4o-mini")) {
                chat.setSession("session-3");
                chat.inputMessage("system", "be brief").inputMessage("user", "what is otlp")
                        .inputMessage("ai", "let me look").inputToolCall("call_1", "web_search", "{\"query\":\"what is otlp\"}")
                        .inputMessage("tool_execution_result", "raw text").inputToolResult("call_1", "OTLP is the OpenTelemetry protocol")
                        .outputMessage("assistant", "A protocol.").outputToolCall("call_2", "calculator", "2+2, not JSON")
                        .finishReason("tool_call").finishReason("STOP").usage(12, 3);
            }
        }
    }

    @Test
    void chatToolAndAgentSpansCarryTheConventionsAttributes() {
        Tracer tracer = start(true);
        runResearcher(tracer);
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        Map<String, JsonObject> spans = ReceivedSpans.byName(collector);
        assertThat(spans).containsOnlyKeys("invoke_agent researcher", "execute_tool web_search", "chat gpt-4o-mini");

        JsonObject chat = spans.get("chat gpt-4o-mini");
        assertThat(text(chat, "gen_ai.provider.name")).hasValue("openai");
        JsonObject finishReasons = value(chat, "gen_ai.response.finish_reasons").orElseThrow();
        assertThat(finishReasons.getJsonObject("arrayValue").getJsonArray("values"))
                .extracting(v -> v.asJsonObject().getString("stringValue")).containsExactly("tool_call", "stop");

        JsonArray input = parse(text(chat, "gen_ai.input.messages").orElseThrow()).asJsonArray();
        assertThat(input).extracting(m -> m.asJsonObject().getString("role"))
                .containsExactly("system", "user", "assistant", "tool", "tool");
        JsonArray assistant = input.getJsonObject(2).getJsonArray("parts");
        assertThat(assistant.getJsonObject(0)).isEqualTo(parse("{\"type\":\"text\",\"content\":\"let me look\"}"));
        assertThat(assistant.getJsonObject(1)).isEqualTo(parse(
                "{\"type\":\"tool_call\",\"id\":\"call_1\",\"name\":\"web_search\",\"arguments\":{\"query\":\"what is otlp\"}}"));
        assertThat(input.getJsonObject(4).getJsonArray("parts").getJsonObject(0)).isEqualTo(parse(
                "{\"type\":\"tool_call_response\",\"id\":\"call_1\",\"response\":\"OTLP is the OpenTelemetry protocol\"}"));
        assertThat(input.getJsonObject(0)).doesNotContainKey("finish_reason");

        JsonArray output = parse(text(chat, "gen_ai.output.messages").orElseThrow()).asJsonArray();
        assertThat(output).hasSize(1);
        assertThat(output.getJsonObject(0).getString("role")).isEqualTo("assistant");
        assertThat(output.getJsonObject(0).getString("finish_reason")).isEqualTo("tool_call");
        assertThat(output.getJsonObject(0).getJsonArray("parts")).containsExactly(
                parse("{\"type\":\"text\",\"content\":\"A protocol.\"}"),
                parse("{\"type\":\"tool_call\",\"id\":\"call_2\",\"name\":\"calculator\",\"arguments\":\"2+2, not JSON\"}"));

        JsonObject tool = spans.get("execute_tool web_search");
        assertThat(text(tool, "gen_ai.operation.name")).hasValue("execute_tool");
        assertThat(text(tool, "gen_ai.tool.call.id")).hasValue("call_1");
        assertThat(text(tool, "gen_ai.tool.call.arguments")).hasValue("{\"query\":\"what is otlp\"}");
        assertThat(text(tool, "gen_ai.tool.call.result")).hasValue("OTLP is the OpenTelemetry protocol");

        for (JsonObject span : spans.values()) {
            String name = span.getString("name");
            assertThat(text(span, "gen_ai.conversation.id")).as(name).hasValue("thread-1");
            assertThat(text(span, "user.id")).as(name).hasValue("user-7");
            assertThat(text(span, "session.id")).as(name).hasValue("session-3");
            assertThat(text(span, "langwatch.thread.id")).as("LangWatch's keys go to LangWatch only").isEmpty();
        }
        String wire = String.join("\n", telemetry.requests().stream().map(LoopbackReceiver.Request::bodyText).toList());
        assertThat(wire).doesNotContain("thread-1").doesNotContain("user-7").doesNotContain("session-3")
                .doesNotContain("what is otlp");
    }

    @Test
    void withoutContentCaptureIdsStayAndContentIsLeftOut() {
        Tracer tracer = start(false);
        runResearcher(tracer);
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        Map<String, JsonObject> spans = ReceivedSpans.byName(collector);
        JsonObject chat = spans.get("chat gpt-4o-mini");
        assertThat(text(chat, "gen_ai.input.messages")).isEmpty();
        assertThat(text(chat, "gen_ai.output.messages")).isEmpty();
        assertThat(value(chat, "gen_ai.response.finish_reasons")).isPresent();
        JsonObject tool = spans.get("execute_tool web_search");
        assertThat(text(tool, "gen_ai.tool.call.id")).hasValue("call_1");
        assertThat(text(tool, "gen_ai.tool.call.arguments")).isEmpty();
        assertThat(text(tool, "gen_ai.tool.call.result")).isEmpty();
        assertThat(spans.values()).allSatisfy(span -> assertThat(text(span, "gen_ai.conversation.id")).hasValue("thread-1"));
    }

    @Test
    void hostileMessageCountsAreCapped() {
        Tracer tracer = start(true);
        try (LlmSpan chat = tracer.startLlmCall("openai", "gpt-4o-mini")) {
            for (int i = 0; i < 10_000; i++) {
                chat.inputMessage("user", "message " + i).inputToolCall("id" + i, "t", "{}");
                chat.finishReason("stop");
            }
        }
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        JsonObject chat = ReceivedSpans.byName(collector).get("chat gpt-4o-mini");
        JsonArray input = parse(text(chat, "gen_ai.input.messages").orElseThrow()).asJsonArray();
        assertThat(input).hasSize(RecordedMessages.MAX_MESSAGES);
        assertThat(value(chat, "gen_ai.response.finish_reasons").orElseThrow().getJsonObject("arrayValue")
                .getJsonArray("values")).hasSize(RecordingSpan.MAX_FINISH_REASONS);
    }


    private static Optional<JsonObject> value(JsonObject span, String key) {
        List<JsonObject> found = new ArrayList<>();
        for (JsonValue attribute : span.getJsonArray("attributes")) {
            if (attribute.asJsonObject().getString("key").equals(key)) {
                found.add(attribute.asJsonObject().getJsonObject("value"));
            }
        }
        assertThat(found).as(key + " at most once").hasSizeLessThanOrEqualTo(1);
        return found.stream().findFirst();
    }

    private static Optional<String> text(JsonObject span, String key) {
        return value(span, key).map(v -> v.getString("stringValue"));
    }

    private static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
