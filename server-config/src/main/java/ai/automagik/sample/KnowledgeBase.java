package ai.automagik.sample;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.langchain4j.TracingContentRetrieverListener;
import ai.automagik.tracing.langchain4j.TracingEmbeddingModelListener;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The RAG agent's documents ({@code knowledge.txt}), embedded in process by the quantized all-MiniLM-L6-v2 model
 * (ONNX, shipped inside its Maven Central jar) into an in-memory store, and the content retriever over them. Only
 * loaded when the embedding runtime is on the class path ({@link EmbeddingRuntime#present()}).
 */
final class KnowledgeBase {

    static final String DATA_SOURCE = "automagik-docs";
    static final int TOP_K = 2;
    private static final double MIN_SCORE = 0.3;

    private KnowledgeBase() {
    }

    /**
     * Loads the model, embeds the documents (a trace of its own, {@code rag.ingest}) and returns the traced retriever.
     * {@code nativeCache} is where, unless the server's settings say otherwise, the tokenizer's native library is unpacked.
     */
    static ContentRetriever load(Tracer tracer, Supplier<Path> nativeCache) {
        EmbeddingRuntime.keepOffline(nativeCache);
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel()
                .addListener(new TracingEmbeddingModelListener(tracer));
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        List<TextSegment> segments = documents();
        try (Span ingest = tracer.spanBuilder("rag.ingest " + DATA_SOURCE).setNoParent().startSpan()) {
            ingest.setAttribute("gen_ai.data_source.id", DATA_SOURCE);
            ingest.setAttribute("automagik.rag.documents", (long) segments.size());
            store.addAll(model.embedAll(segments).content(), segments);
        }
        return EmbeddingStoreContentRetriever.builder().embeddingStore(store).embeddingModel(model)
                .maxResults(TOP_K).minScore(MIN_SCORE).build()
                .addListener(TracingContentRetrieverListener.forDataSource(tracer, DATA_SOURCE, TOP_K));
    }

    /** One segment per paragraph of {@code knowledge.txt}: its first line the title, the rest the text. */
    static List<TextSegment> documents() {
        String text;
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("knowledge.txt")) {
            if (in == null) {
                throw new IllegalStateException("knowledge.txt is missing from the application");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<TextSegment> segments = new ArrayList<>();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            String trimmed = paragraph.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] titleAndText = trimmed.split("\\R", 2);
            segments.add(TextSegment.from(titleAndText[1].strip(), Metadata.from("title", titleAndText[0].strip())));
        }
        return segments;
    }
}
