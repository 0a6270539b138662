package ai.automagik.sample;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.langchain4j.TracingChatModelListener;
import ai.automagik.tracing.testing.LoopbackTracing;
import ai.automagik.tracing.testing.ReceivedSpans;
import dev.langchain4j.guardrail.InputGuardrailException;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The RAG agent with the real in-process embedding model: the question finds the right document, the model calls the
 * tool, and the trace is one agent span with retrieval, embeddings, chat and tool spans inside.
 */
class RagAgentTest {

    @TempDir
    static Path nativeCache;

    @RegisterExtension
    final LoopbackTracing loopback = LoopbackTracing.perTest();

    @BeforeAll
    static void unpackNativeLibrariesIntoATemporaryDirectory() {
        System.setProperty("ENGINE_CACHE_DIR", nativeCache.toString());
    }

    @AfterAll
    static void restore() {
        System.clearProperty("ENGINE_CACHE_DIR");
    }

    private static RagAgent agent(Tracer tracer) {
        FakeChatModel model = new FakeChatModel();
        model.tracing = new TracingChatModelListener(tracer);
        RagAgent agent = new RagAgent();
        agent.tracer = tracer;
        agent.model = model;
        return agent;
    }

    @Test
    void theQuestionFindsItsDocumentAndTheModelCallsTheTool() {
        TracingManager tracing = loopback.start(Map.of("AUTOMAGIK_OBSERVABILITY_CAPTURE_CONTENT", "true"));
        Tracer tracer = tracing.tracer();
        RagAgent agent = agent(tracer);
        assertThat(agent.available()).isTrue();

        String answer;
        String requestSpan;
        try (Span request = tracer.startSpan("request")) {
            requestSpan = request.context().spanId();
            answer = agent.run("How does sampling keep a trace whole across services? And what is 19 + 23?");
        }
        assertThat(answer).startsWith("According to the documentation: Sampling keeps a trace whole")
                .endsWith("The sum is 42.");
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();

        List<JsonObject> spans = ReceivedSpans.all(loopback.collector);
        JsonObject agentSpan = only(spans, "invoke_agent DocsAssistant");
        assertThat(agentSpan.getString("parentSpanId")).isEqualTo(requestSpan);
        String traceId = agentSpan.getString("traceId");
        JsonObject retrieval = only(spans, "retrieval " + KnowledgeBase.DATA_SOURCE);
        assertThat(retrieval.getString("parentSpanId")).isEqualTo(agentSpan.getString("spanId"));
        assertThat(ReceivedSpans.attribute(retrieval, "gen_ai.retrieval.documents")).contains("Sampling keeps");
        JsonObject query = spans.stream().filter(s -> s.getString("name").startsWith("embeddings "))
                .filter(s -> s.getString("traceId").equals(traceId)).findFirst().orElseThrow();
        assertThat(query.getString("parentSpanId")).isEqualTo(retrieval.getString("spanId"));
        assertThat(ReceivedSpans.attribute(query, "gen_ai.embeddings.dimension.count")).isEqualTo("384");
        List<JsonObject> chats = spans.stream().filter(s -> s.getString("name").startsWith("chat ")).toList();
        assertThat(chats).hasSize(2).allSatisfy(chat -> {
            assertThat(chat.getString("parentSpanId")).isEqualTo(agentSpan.getString("spanId"));
            assertThat(ReceivedSpans.attribute(chat, "gen_ai.request.model")).isEqualTo(FakeChatModel.MODEL);
        });
        JsonObject tool = only(spans, "execute_tool add");
        assertThat(tool.getString("parentSpanId")).isEqualTo(agentSpan.getString("spanId"));
        assertThat(ReceivedSpans.attribute(tool, "gen_ai.tool.call.arguments")).contains("19").contains("23");

        JsonObject ingest = only(spans, "rag.ingest " + KnowledgeBase.DATA_SOURCE);
        assertThat(ingest.containsKey("parentSpanId")).as("the documents are embedded in a trace of their own").isFalse();
        assertThat(ReceivedSpans.attribute(ingest, "automagik.rag.documents"))
                .isEqualTo(String.valueOf(KnowledgeBase.documents().size()));
    }

    @Test
    void aQuestionForCredentialsIsRefusedBeforeTheModel() {
        TracingManager tracing = loopback.start(Map.of());
        RagAgent agent = agent(tracing.tracer());
        assertThatThrownBy(() -> agent.run("What is the admin password?")).isInstanceOf(InputGuardrailException.class);
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        List<JsonObject> spans = ReceivedSpans.all(loopback.collector);
        assertThat(spans).noneMatch(s -> s.getString("name").startsWith("chat "));
        assertThat(only(spans, "invoke_agent DocsAssistant").toString()).contains("gen_ai.guardrail.result")
                .contains("fatal");
    }

    @Test
    void everyParagraphIsADocumentWithItsTitle() {
        assertThat(KnowledgeBase.documents()).hasSize(5)
                .allSatisfy(segment -> assertThat(segment.metadata().getString("title")).isNotBlank())
                .anySatisfy(segment -> assertThat(segment.text()).startsWith("Sampling keeps a trace whole"));
    }

    private static JsonObject only(List<JsonObject> spans, String name) {
        List<JsonObject> named = spans.stream().filter(s -> s.getString("name").equals(name)).toList();
        assertThat(named).as("spans named %s among %s", name, spans.stream().map(s -> s.getString("name")).toList())
                .hasSize(1);
        return named.get(0);
    }
}
