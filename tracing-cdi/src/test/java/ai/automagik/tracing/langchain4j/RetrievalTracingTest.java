package ai.automagik.tracing.langchain4j;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.testing.LoopbackTracing;
import ai.automagik.tracing.testing.ReceivedSpans;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A LangChain4j retrieval (an embedding of the query, a search of the store) becomes retrieval and embeddings spans. */
class RetrievalTracingTest {

    @RegisterExtension
    final LoopbackTracing loopback = LoopbackTracing.perTest();

    /** Vectors from letter counts: deterministic, and similar texts get similar vectors. */
    static final class LetterCounts implements EmbeddingModel {
        boolean failing;

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            if (failing) {
                throw new IllegalStateException("embedding service down");
            }
            int tokens = 0;
            List<Embedding> vectors = new java.util.ArrayList<>();
            for (TextSegment segment : segments) {
                float[] vector = new float[26];
                for (char c : segment.text().toLowerCase().toCharArray()) {
                    if (c >= 'a' && c <= 'z') {
                        vector[c - 'a']++;
                    }
                }
                tokens += segment.text().split("\\s+").length;
                vectors.add(Embedding.from(vector));
            }
            return Response.from(vectors, new TokenUsage(tokens));
        }

        @Override
        public String modelName() {
            return "text-embedding-3-small";
        }
    }

    private ContentRetriever retriever(Tracer tracer, LetterCounts model) {
        EmbeddingModel traced = model.addListener(new TracingEmbeddingModelListener(tracer));
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        for (String text : List.of("OTLP is the OpenTelemetry protocol", "Liberty is a Jakarta EE server",
                "Payara Micro runs a WAR")) {
            TextSegment segment = TextSegment.from(text);
            store.add(model.embed(segment).content(), segment);
        }
        return EmbeddingStoreContentRetriever.builder().embeddingStore(store).embeddingModel(traced).maxResults(2)
                .build().addListener(TracingContentRetrieverListener.forDataSource(tracer, "docs", 2));
    }

    @Test
    void aRetrievalIsASpanWithItsEmbeddingInsideAndTheDocumentsFound() {
        TracingManager tracing = loopback.start(Map.of("AUTOMAGIK_OBSERVABILITY_CAPTURE_CONTENT", "true"));
        Tracer tracer = tracing.tracer();
        List<Content> found;
        try (Span run = tracer.startAgentRun("librarian", "langchain4j")) {
            found = retriever(tracer, new LetterCounts()).retrieve(Query.from("what is the OpenTelemetry protocol"));
        }
        assertThat(found).hasSize(2);
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();

        Map<String, JsonObject> spans = ReceivedSpans.byName(loopback.collector);
        assertThat(spans).containsOnlyKeys("invoke_agent librarian", "retrieval docs", "embeddings text-embedding-3-small");
        JsonObject retrieval = spans.get("retrieval docs");
        JsonObject embeddings = spans.get("embeddings text-embedding-3-small");
        assertThat(retrieval.getString("parentSpanId")).isEqualTo(spans.get("invoke_agent librarian").getString("spanId"));
        assertThat(embeddings.getString("parentSpanId")).isEqualTo(retrieval.getString("spanId"));

        assertThat(ReceivedSpans.attribute(retrieval, "gen_ai.operation.name")).isEqualTo("retrieval");
        assertThat(ReceivedSpans.attribute(retrieval, "gen_ai.data_source.id")).isEqualTo("docs");
        assertThat(number(retrieval, "gen_ai.retrieval.top_k")).hasValue(2L);
        assertThat(number(retrieval, "automagik.retrieval.result_count")).hasValue(2L);
        assertThat(ReceivedSpans.attribute(retrieval, "gen_ai.retrieval.query.text"))
                .isEqualTo("what is the OpenTelemetry protocol");
        JsonArray documents = parse(ReceivedSpans.attribute(retrieval, "gen_ai.retrieval.documents"));
        assertThat(documents).hasSize(2);
        assertThat(documents.getJsonObject(0).getString("content")).isEqualTo("OTLP is the OpenTelemetry protocol");
        assertThat(documents.getJsonObject(0).getJsonNumber("score").doubleValue())
                .isGreaterThanOrEqualTo(documents.getJsonObject(1).getJsonNumber("score").doubleValue());
        assertThat(documents.getJsonObject(0).getString("id")).isNotBlank();

        assertThat(ReceivedSpans.attribute(embeddings, "gen_ai.operation.name")).isEqualTo("embeddings");
        assertThat(ReceivedSpans.attribute(embeddings, "gen_ai.request.model")).isEqualTo("text-embedding-3-small");
        assertThat(number(embeddings, "gen_ai.usage.input_tokens")).hasValue(5L);
        assertThat(number(embeddings, "gen_ai.embeddings.dimension.count")).hasValue(26L);
        assertThat(embeddings.toString()).as("an embedding call has no output tokens")
                .doesNotContain("gen_ai.usage.output_tokens").contains("gen_ai.usage.cost.amount");
    }

    @Test
    void withoutContentCaptureTheCountsStayAndTheQueryAndDocumentsAreLeftOut() {
        TracingManager tracing = loopback.start(Map.of("AUTOMAGIK_OBSERVABILITY_CAPTURE_CONTENT", "false"));
        retriever(tracing.tracer(), new LetterCounts()).retrieve(Query.from("which server runs a WAR"));
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        JsonObject retrieval = ReceivedSpans.byName(loopback.collector).get("retrieval docs");
        assertThat(number(retrieval, "automagik.retrieval.result_count")).hasValue(2L);
        assertThat(retrieval.toString()).doesNotContain("gen_ai.retrieval.query.text")
                .doesNotContain("gen_ai.retrieval.documents").doesNotContain("which server");
    }

    @Test
    void aFailingEmbeddingIsAFailedSpanAndTheErrorReachesTheCaller() {
        TracingManager tracing = loopback.start(Map.of());
        LetterCounts model = new LetterCounts();
        ContentRetriever retriever = retriever(tracing.tracer(), model);
        model.failing = true;
        assertThatThrownBy(() -> retriever.retrieve(Query.from("anything"))).hasMessageContaining("embedding service down");
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        Map<String, JsonObject> spans = ReceivedSpans.byName(loopback.collector);
        assertThat(ReceivedSpans.attribute(spans.get("embeddings text-embedding-3-small"), "error.type"))
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(ReceivedSpans.attribute(spans.get("retrieval docs"), "error.type")).isNotNull();
    }

    private static Optional<Long> number(JsonObject span, String key) {
        return span.getJsonArray("attributes").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("key").equals(key))
                .map(a -> Long.parseLong(a.getJsonObject("value").getString("intValue"))).findFirst();
    }

    private static JsonArray parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }
}
