package ai.automagik.tracing.langchain4j;

import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.testing.LoopbackReceiver;
import ai.automagik.tracing.testing.ReceivedSpans;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A streamed LangChain4j answer that completes on the model's own thread, under Weld SE: the chat span,
 * the caller's span started while the answer streams, and the span the completion handler starts are
 * all children of the agent's span, in one trace; the caller's thread is left with no span of the call.
 */
class StreamingChatWeldTest {

    @TempDir
    Path home;

    private LoopbackReceiver telemetry;
    private LoopbackReceiver collector;
    private WeldContainer container;
    private final Map<String, String> properties = new HashMap<>();

    @BeforeEach
    void start() {
        telemetry = LoopbackReceiver.start();
        collector = LoopbackReceiver.start();
        set("automagik.telemetry.endpoint", telemetry.uri("/v1/traces").toString());
        set("automagik.otlp.endpoint", collector.uri("/v1/traces").toString());
        set("automagik.home", home.toString());
        set("automagik.enable.tracing.in.ci", "true");
        set("automagik.sampling.rate", "1.0");
        set("automagik.sampling.max.per.second", "1000");
        set("automagik.trace.batch.timeout.ms", "20");
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
        container = new Weld().initialize();
    }

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
        telemetry.close();
        collector.close();
        properties.keySet().forEach(System::clearProperty);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    private void set(String key, String value) {
        properties.put(key, value);
        System.setProperty(key, value);
    }

    @Test
    void theAnswerCompletesOnAnotherThreadAndEverySpanHasTheRightParent() throws Exception {
        StreamingAgent agent = container.select(StreamingAgent.class).get();
        Tracer tracer = container.select(Tracer.class).get();
        assertThat(agent.ask("what is otlp")).isEqualTo("Hello");
        assertThat(tracer.currentContext().isValid()).as("nothing of the call is left on the caller's thread").isFalse();
        assertThat(container.select(TracingManager.class).get().flush(Duration.ofSeconds(10))).isTrue();

        Map<String, JsonObject> spans = ReceivedSpans.byName(collector);
        JsonObject run = spans.get("invoke_agent streaming");
        JsonObject chat = spans.get("chat unknown");
        assertThat(run).isNotNull();
        assertThat(chat).as("spans: %s", spans.keySet()).isNotNull();
        for (String child : List.of("chat unknown", "execute_tool caller_side", "execute_tool on_complete")) {
            JsonObject span = spans.get(child);
            assertThat(span).as(child).isNotNull();
            assertThat(span.getString("traceId")).as(child).isEqualTo(run.getString("traceId"));
            assertThat(span.getString("parentSpanId")).as(child + "'s parent").isEqualTo(run.getString("spanId"));
        }
        assertThat(run.containsKey("parentSpanId")).isFalse();
        double firstChunk = number(chat, TracingStreamingChatModel.TIME_TO_FIRST_CHUNK);
        double chatSeconds = (Long.parseLong(chat.getString("endTimeUnixNano"))
                - Long.parseLong(chat.getString("startTimeUnixNano"))) / 1e9;
        assertThat(firstChunk).isPositive().isLessThanOrEqualTo(chatSeconds);
        assertThat(text(chat, "gen_ai.response.model")).isEqualTo("fake-stream-1");
        assertThat(text(chat, "gen_ai.provider.name")).isEqualTo("other");
        assertThat(text(chat, "gen_ai.output.messages")).contains("Hello");
    }

    @Test
    void aStreamThatFailsMarksTheChatSpanAndTheErrorHandlerStaysInTheTrace() throws Exception {
        StreamingAgent agent = container.select(StreamingAgent.class).get();
        assertThatThrownBy(() -> agent.ask("please fail")).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("stream broke");
        assertThat(container.select(TracingManager.class).get().flush(Duration.ofSeconds(10))).isTrue();
        Map<String, JsonObject> spans = ReceivedSpans.byName(collector);
        JsonObject run = spans.get("invoke_agent streaming");
        JsonObject chat = spans.get("chat unknown");
        assertThat(chat.getJsonObject("status").getInt("code")).isEqualTo(2);
        assertThat(chat.getString("parentSpanId")).isEqualTo(run.getString("spanId"));
        assertThat(spans.get("execute_tool on_error").getString("parentSpanId")).isEqualTo(run.getString("spanId"));
    }


    private static JsonObject value(JsonObject span, String key) {
        return span.getJsonArray("attributes").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("key").equals(key)).findFirst().orElseThrow(
                        () -> new AssertionError("no " + key + " on " + span.getString("name")))
                .getJsonObject("value");
    }

    private static String text(JsonObject span, String key) {
        return value(span, key).getString("stringValue");
    }

    private static double number(JsonObject span, String key) {
        return value(span, key).getJsonNumber("doubleValue").doubleValue();
    }
}
