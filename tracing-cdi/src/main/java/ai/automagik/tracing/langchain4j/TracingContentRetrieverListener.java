package ai.automagik.tracing.langchain4j;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverErrorContext;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverListener;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverRequestContext;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverResponseContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.List;

/**
 * Records every retrieval of a LangChain4j {@code ContentRetriever} (the R of RAG) as a {@code retrieval {source}}
 * span: how many results came back and their best score always; with content capture on, the query and the
 * results ({@code id}, {@code score}, {@code content}). Attach it with {@code retriever.addListener(listener)},
 * which returns the retriever to use. The injected bean names the data source after the retriever's class; use
 * {@link #forDataSource} to name it and give the number of results asked for ({@code gen_ai.retrieval.top_k}).
 * A CDI bean only where LangChain4j is on the class path.
 */
@ApplicationScoped
public class TracingContentRetrieverListener implements ContentRetrieverListener {

    private static final String SPAN = TracingContentRetrieverListener.class.getName() + ".span";
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int MAX_DOCUMENTS = 32;

    private Tracer tracer;
    private String dataSource;
    private Integer topK;

    protected TracingContentRetrieverListener() {
        // for the container's proxy
    }

    @Inject
    public TracingContentRetrieverListener(Tracer tracer) {
        this(tracer, null, null);
    }

    private TracingContentRetrieverListener(Tracer tracer, String dataSource, Integer topK) {
        this.tracer = tracer;
        this.dataSource = dataSource;
        this.topK = topK;
    }

    /** A listener naming its data source ({@code gen_ai.data_source.id}) and the results asked for (null: unknown). */
    public static TracingContentRetrieverListener forDataSource(Tracer tracer, String dataSource, Integer topK) {
        return new TracingContentRetrieverListener(tracer, dataSource, topK);
    }

    @Override
    public void onRequest(ContentRetrieverRequestContext context) {
        try {
            Span span = tracer.startRetrieval(dataSource != null ? dataSource : name(context.contentRetriever()));
            if (topK != null) {
                span.setAttribute("gen_ai.retrieval.top_k", (long) topK);
            }
            if (context.query() != null) {
                span.setInput(context.query().text());
            }
            context.attributes().put(SPAN, span);
        } catch (RuntimeException e) {
            // tracing must never break the retrieval
        }
    }

    @Override
    public void onResponse(ContentRetrieverResponseContext context) {
        if (!(context.attributes().get(SPAN) instanceof Span span)) {
            return;
        }
        try {
            List<Content> contents = context.contents() == null ? List.of() : context.contents();
            span.setAttribute("automagik.retrieval.result_count", (long) contents.size());
            double best = Double.NaN;
            JsonArrayBuilder documents = JSON.createArrayBuilder();
            int kept = 0;
            for (Content content : contents) {
                Double score = score(content);
                if (score != null && (Double.isNaN(best) || score > best)) {
                    best = score;
                }
                if (kept++ < MAX_DOCUMENTS) {
                    documents.add(document(content, score));
                }
            }
            if (!Double.isNaN(best)) {
                span.setAttribute("automagik.retrieval.best_score", best);
            }
            span.setOutput(documents.build().toString());
        } finally {
            span.end();
        }
    }

    @Override
    public void onError(ContentRetrieverErrorContext context) {
        if (context.attributes().get(SPAN) instanceof Span span) {
            span.recordException(context.error());
            span.end();
        }
    }

    private static JsonObjectBuilder document(Content content, Double score) {
        JsonObjectBuilder document = JSON.createObjectBuilder();
        Object id = content.metadata() == null ? null : content.metadata().get(ContentMetadata.EMBEDDING_ID);
        if (id != null) {
            document.add("id", id.toString());
        }
        if (score != null) {
            document.add("score", score);
        }
        if (content.textSegment() != null && content.textSegment().text() != null) {
            document.add("content", content.textSegment().text());
        }
        return document;
    }

    private static Double score(Content content) {
        Object score = content.metadata() == null ? null : content.metadata().get(ContentMetadata.RERANKED_SCORE);
        if (score == null && content.metadata() != null) {
            score = content.metadata().get(ContentMetadata.SCORE);
        }
        return score instanceof Number number ? number.doubleValue() : null;
    }

    private static String name(ContentRetriever retriever) {
        return retriever == null ? "unknown" : retriever.getClass().getSimpleName();
    }
}
