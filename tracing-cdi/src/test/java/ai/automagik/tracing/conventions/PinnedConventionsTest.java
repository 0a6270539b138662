package ai.automagik.tracing.conventions;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.diagnostics.TracingDiagnostics;
import ai.automagik.tracing.testing.LoopbackTracing;
import ai.automagik.tracing.testing.PinnedGenAiRegistry;
import ai.automagik.tracing.testing.ReceivedSpans;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code gen_ai.*} name we send is one of the pinned conventions' (or one of the proposals we follow, listed
 * as such): read off the wire after a run that uses every part of the API, and off the metrics.
 */
class PinnedConventionsTest {

    @RegisterExtension
    final LoopbackTracing loopback = LoopbackTracing.perTest();

    @Test
    void everyGenAiAttributeSentIsInThePinnedRegistry() throws IOException {
        TracingManager tracing = loopback.start(Map.of("AUTOMAGIK_OBSERVABILITY_CAPTURE_CONTENT", "true"));
        runEverything(tracing.tracer());
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();

        Set<String> sent = new TreeSet<>();
        for (JsonObject span : ReceivedSpans.all(loopback.collector)) {
            sent.addAll(ReceivedSpans.attributeKeys(span));
        }
        Set<String> genAi = sent.stream().filter(key -> key.startsWith("gen_ai.")).collect(Collectors.toCollection(TreeSet::new));
        PinnedGenAiRegistry registry = PinnedGenAiRegistry.load();
        assertThat(genAi).as("gen_ai.* names sent").allSatisfy(key -> assertThat(registry.knowsAttribute(key))
                .as("%s is in %s", key, PinnedGenAiRegistry.RESOURCE).isTrue());
        // the run used what the conventions ask of each kind of span
        assertThat(genAi).contains("gen_ai.agent.id", "gen_ai.agent.version", "gen_ai.agent.description",
                "gen_ai.tool.description", "gen_ai.tool.type", "gen_ai.output.type", "gen_ai.request.seed",
                "gen_ai.request.stream", "gen_ai.request.top_k", "gen_ai.request.choice.count",
                "gen_ai.request.stop_sequences", "gen_ai.request.max_tokens", "gen_ai.response.id",
                "gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_creation.input_tokens",
                "gen_ai.usage.reasoning.output_tokens", "gen_ai.response.time_to_first_chunk",
                "gen_ai.usage.cost.amount", "gen_ai.usage.cost.currency", "gen_ai.usage.cost.source",
                "gen_ai.data_source.id", "gen_ai.retrieval.top_k", "gen_ai.retrieval.query.text",
                "gen_ai.retrieval.documents", "gen_ai.embeddings.dimension.count", "gen_ai.evaluation.name",
                "gen_ai.evaluation.score.value", "gen_ai.evaluation.score.label", "gen_ai.evaluation.explanation");
        assertThat(sent).as("a parameter the conventions do not name stays out of gen_ai.*")
                .contains("automagik.request.logit_bias").doesNotContain("gen_ai.request.logit_bias");
    }

    @Test
    void everyGenAiMetricIsInThePinnedRegistry() throws IOException {
        TracingManager tracing = loopback.start(Map.of());
        runEverything(tracing.tracer());
        String text = ((TracingDiagnostics) tracing).prometheusText();
        Set<String> families = text.lines().filter(line -> line.startsWith("# TYPE gen_ai_"))
                .map(line -> line.split(" ")[2]).collect(Collectors.toCollection(TreeSet::new));
        PinnedGenAiRegistry registry = PinnedGenAiRegistry.load();
        assertThat(families).isNotEmpty().allSatisfy(family -> assertThat(registry.knowsMetric(family))
                .as("%s is a metric of %s", family, PinnedGenAiRegistry.RESOURCE).isTrue());
        assertThat(families).contains("gen_ai_client_token_usage", "gen_ai_client_operation_duration_seconds",
                "gen_ai_client_operation_time_to_first_chunk_seconds", "gen_ai_invoke_agent_duration_seconds",
                "gen_ai_execute_tool_duration_seconds");
    }

    @Test
    void theRegistryFileNamesItsCommit() throws IOException {
        PinnedGenAiRegistry registry = PinnedGenAiRegistry.load();
        assertThat(registry.header).contains("open-telemetry/semantic-conventions-genai")
                .contains("fe5608e249d64bc5961329a82f8915fe95ced51a");
        assertThat(registry.attributes).hasSize(62).contains("gen_ai.operation.name", "gen_ai.usage.input_tokens");
        assertThat(registry.knowsAttribute("gen_ai.prompt.variable.city")).isTrue();
        assertThat(registry.knowsAttribute("gen_ai.system")).as("deprecated").isFalse();
        assertThat(registry.knowsAttribute("gen_ai.usage.prompt_tokens")).as("deprecated").isFalse();
    }

    /**
     * One agent run with a described agent and tool, a streamed chat using every parameter, an embedding, a
     * retrieval, a failing tool, and an evaluation of the chat's answer after the run ended.
     */
    private static void runEverything(Tracer tracer) {
        ai.automagik.tracing.TraceContext answered = null;
        try (Span run = tracer.startAgentRun("researcher", "test")) {
            // what @TracedAgent(id, version, description) and @TracedTool(description) set
            run.setAttribute("gen_ai.agent.id", "agent-researcher").setAttribute("gen_ai.agent.version", "2.1")
                    .setAttribute("gen_ai.agent.description", "answers with sources");
            run.setConversation("thread-1", "user-7");
            try (Span search = tracer.startToolExecution("web_search")) {
                search.setAttribute("gen_ai.tool.description", "searches the web");
                search.setToolCallId("call_1").setInput("{\"q\":\"otlp\"}").setOutput("a protocol");
            }
            try (LlmSpan chat = tracer.startLlmCall("openai", "gpt-4o-mini")) {
                for (String parameter : List.of("temperature", "top_p", "frequency_penalty", "presence_penalty")) {
                    chat.parameter(parameter, 0.5);
                }
                chat.parameter("top_k", 40).parameter("max_output_tokens", 256).parameter("seed", 7)
                        .parameter("n", 1).parameter("stop", List.of("END")).parameter("reasoning_effort", "low")
                        .parameter("previous_response_id", "resp_0").parameter("output_type", "json")
                        .parameter("logit_bias", "{}");
                chat.inputMessage("system", "be brief").inputMessage("user", "what is otlp");
                chat.firstChunkReceived();
                chat.outputMessage("assistant", "A protocol.").finishReason("stop").responseModel("gpt-4o-mini-2024")
                        .responseId("resp_1").usage(1200, 300).cachedTokens(1000, 0).reasoningTokens(100)
                        .cost(0.0012);
                answered = chat.context();
            }
            try (LlmSpan embed = tracer.startEmbeddings("openai", "text-embedding-3-small")) {
                embed.usage(12, 0).responseModel("text-embedding-3-small");
                embed.setAttribute("gen_ai.embeddings.dimension.count", 1536L);
            }
            try (Span retrieval = tracer.startRetrieval("docs")) {
                retrieval.setAttribute("gen_ai.retrieval.top_k", 3L).setInput("what is otlp")
                        .setOutput("[{\"id\":\"d1\",\"score\":0.9}]");
            }
            Span failing = tracer.startToolExecution("lookup");
            failing.recordException(new IllegalStateException("down"));
            failing.end();
        }
        tracer.recordEvaluation(answered, new ai.automagik.tracing.Evaluation("relevance", 0.8, "pass", "on topic"));
        tracer.recordEvaluation("resp_1", ai.automagik.tracing.Evaluation.label("user_feedback", "thumbs_up"));
    }
}
