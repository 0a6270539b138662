package ai.automagik.tracing.cdi;

import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.cdi.beans.MainAgent;
import ai.automagik.tracing.testing.LoopbackReceiver;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The interceptor bindings on beans of each scope, nested, failing and asynchronous, under Weld SE. */
class InterceptorWeldTest {

    @TempDir
    Path home;

    private final LoopbackReceiver telemetry = LoopbackReceiver.start();
    private final LoopbackReceiver collector = LoopbackReceiver.start();
    private WeldContainer weld;
    private RequestContextController requestContext;
    private final Map<String, String> properties = Map.of(
            "automagik.telemetry.endpoint", telemetry.uri("/v1/traces").toString(),
            "automagik.otlp.endpoint", collector.uri("/v1/traces").toString(),
            "automagik.enable.tracing.in.ci", "true",
            "automagik.sampling.rate", "1.0",
            "automagik.sampling.max.per.second", "1000",
            "automagik.trace.batch.timeout.ms", "20");

    @BeforeEach
    void boot() {
        properties.forEach(System::setProperty);
        System.setProperty("automagik.home", home.toString());
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
        weld = new Weld().initialize();
        requestContext = weld.select(RequestContextController.class).get();
        requestContext.activate();
    }

    @AfterEach
    void stop() {
        requestContext.deactivate();
        weld.shutdown();
        properties.keySet().forEach(System::clearProperty);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
        telemetry.close();
        collector.close();
    }

    private List<JsonObject> spans() {
        weld.select(TracingManager.class).get().flush(Duration.ofSeconds(10));
        List<JsonObject> spans = new ArrayList<>();
        for (LoopbackReceiver.Request request : collector.requests()) {
            try (JsonReader reader = Json.createReader(new StringReader(request.bodyText()))) {
                reader.readObject().getJsonArray("resourceSpans").getJsonObject(0).getJsonArray("scopeSpans")
                        .getJsonObject(0).getJsonArray("spans").forEach(s -> spans.add(s.asJsonObject()));
            }
        }
        return spans;
    }

    private static JsonObject named(List<JsonObject> spans, String name) {
        return spans.stream().filter(s -> s.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + spans.stream().map(s -> s.getString("name")).toList()));
    }

    private static Optional<String> text(JsonObject span, String key) {
        return span.getJsonArray("attributes").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("key").equals(key))
                .map(a -> a.getJsonObject("value").getString("stringValue")).findFirst();
    }

    private String telemetryText() {
        weld.select(TracingManager.class).get().flush(Duration.ofSeconds(10));
        return String.join("\n", telemetry.requests().stream().map(LoopbackReceiver.Request::bodyText).toList());
    }

    @Test
    void nestedAgentToolAgentAcrossScopesIsOneTraceWithDefaultAndExplicitNames() {
        String result = weld.select(MainAgent.class).get().run("question");
        assertThat(result).isEqualTo("found question / expert says: question");
        List<JsonObject> spans = spans();
        JsonObject main = named(spans, "invoke_agent main");
        JsonObject search = named(spans, "execute_tool ResearchTool");
        JsonObject expert = named(spans, "execute_tool ask_expert");
        JsonObject sub = named(spans, "invoke_agent answer");
        assertThat(main.containsKey("parentSpanId")).isFalse();
        assertThat(search.getString("parentSpanId")).isEqualTo(main.getString("spanId"));
        assertThat(expert.getString("parentSpanId")).isEqualTo(main.getString("spanId"));
        assertThat(sub.getString("parentSpanId")).isEqualTo(expert.getString("spanId"));
        assertThat(spans).extracting(s -> s.getString("traceId")).containsOnly(main.getString("traceId"));
        assertThat(text(sub, "gen_ai.agent.id")).hasValue("agent-expert");
        assertThat(text(sub, "gen_ai.agent.version")).hasValue("3.2");
        assertThat(text(sub, "gen_ai.agent.description")).hasValue("answers as an expert");
        assertThat(text(main, "gen_ai.agent.id")).as("not declared").isEmpty();
        assertThat(text(expert, "gen_ai.tool.description")).hasValue("asks the expert agent");
        assertThat(text(search, "gen_ai.tool.description")).isEmpty();
        assertThat(text(search, "gen_ai.tool.call.arguments")).hasValueSatisfying(input -> assertThat(input)
                .contains("question").contains("[REDACTED]").doesNotContain("sk-test-secret-value"));
        assertThat(text(main, "gen_ai.output.messages")).hasValueSatisfying(output -> assertThat(output)
                .contains("\"role\":\"assistant\"").contains("found question / expert says: question"));
        assertThat(telemetryText()).contains("\"agent.run\"").contains("\"tool.executed\"")
                .contains("{\"stringValue\":\"main\"}").contains("{\"stringValue\":\"answer\"}")
                .doesNotContain("question");
    }

    @Test
    void exceptionsAreRecordedAndRethrownUnchanged() {
        MainAgent agent = weld.select(MainAgent.class).get();
        assertThatThrownBy(agent::fail).isInstanceOf(IOException.class).hasMessage("disk on fire");
        List<JsonObject> spans = spans();
        JsonObject failing = named(spans, "invoke_agent failing");
        JsonObject tool = named(spans, "execute_tool ResearchTool");
        assertThat(failing.getJsonObject("status").getInt("code")).isEqualTo(2);
        assertThat(tool.getJsonObject("status").getInt("code")).isEqualTo(2);
        assertThat(tool.getJsonArray("events").getJsonObject(0).getString("name")).isEqualTo("exception");
        assertThat(telemetryText()).contains("\"agent.error\"").contains("IOException");
    }

    @Test
    void anAsynchronousResultIsTracedUntilItsStageCompletesAndTheSameStageIsReturned() {
        MainAgent agent = weld.select(MainAgent.class).get();
        CompletionStage<String> stage = agent.runLater("later");
        assertThat(stage).isSameAs(agent.pending());
        assertThat(spans()).noneMatch(s -> s.getString("name").equals("invoke_agent async"));
        // the span left the caller's thread: the next span there is a new trace, not its child
        agent.deploy();
        agent.pending().complete("done");
        JsonObject async = named(spans(), "invoke_agent async");
        assertThat(text(async, "gen_ai.output.messages")).hasValueSatisfying(output -> assertThat(output)
                .contains("\"content\":\"done\""));
        assertThat(named(spans(), "cli.command deploy").containsKey("parentSpanId")).isFalse();
        assertThat(telemetryText()).contains("\"cli.command\"");
    }
}
