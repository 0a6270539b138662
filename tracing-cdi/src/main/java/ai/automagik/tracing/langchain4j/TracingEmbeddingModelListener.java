package ai.automagik.tracing.langchain4j;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Tracer;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.listener.EmbeddingModelErrorContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.listener.EmbeddingModelRequestContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelResponseContext;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/**
 * Records every call of a LangChain4j {@code EmbeddingModel} as an {@code embeddings {model}} span: provider,
 * model, input tokens (and so a cost, when the price table knows the model), the vectors' dimension and how many
 * texts were embedded. The texts themselves are never recorded. Attach it with
 * {@code model.addListener(listener)}, which returns the model to use. A CDI bean only where LangChain4j is on the
 * class path.
 */
@ApplicationScoped
public class TracingEmbeddingModelListener implements EmbeddingModelListener {

    private static final String SPAN = TracingEmbeddingModelListener.class.getName() + ".span";

    private Tracer tracer;

    protected TracingEmbeddingModelListener() {
        // for the container's proxy
    }

    @Inject
    public TracingEmbeddingModelListener(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void onRequest(EmbeddingModelRequestContext context) {
        try {
            LlmSpan span = tracer.startEmbeddings(provider(context.modelProvider()), modelName(context));
            span.setAttribute("automagik.embeddings.input_count", (long) context.textSegments().size());
            context.attributes().put(SPAN, span);
        } catch (RuntimeException e) {
            // tracing must never break the embedding call
        }
    }

    @Override
    public void onResponse(EmbeddingModelResponseContext context) {
        if (!(context.attributes().get(SPAN) instanceof LlmSpan span)) {
            return;
        }
        try {
            EmbeddingResponse response = context.embeddingResponse();
            TokenUsage usage = response == null ? null : response.tokenUsage();
            if (usage == null && context.response() != null) {
                usage = context.response().tokenUsage();
            }
            if (usage != null && usage.inputTokenCount() != null) {
                span.usage(usage.inputTokenCount(), 0);
            }
            if (response != null && response.modelName() != null) {
                span.responseModel(response.modelName());
            }
            List<Embedding> embeddings = response != null ? response.embeddings()
                    : context.response() == null ? null : context.response().content();
            if (embeddings != null && !embeddings.isEmpty()) {
                span.setAttribute("gen_ai.embeddings.dimension.count", (long) embeddings.get(0).dimension());
            }
        } finally {
            span.end();
        }
    }

    @Override
    public void onError(EmbeddingModelErrorContext context) {
        if (context.attributes().get(SPAN) instanceof LlmSpan span) {
            span.recordException(context.error());
            span.end();
        }
    }

    private static String modelName(EmbeddingModelRequestContext context) {
        String requested = context.embeddingRequest() == null ? null : context.embeddingRequest().modelName();
        if (requested != null) {
            return requested;
        }
        EmbeddingModel model = context.embeddingModel();
        String name = model == null ? null : model.modelName();
        return name == null || "unknown".equals(name) ? model == null ? null : model.getClass().getSimpleName() : name;
    }

    static String provider(ModelProvider provider) {
        return provider == null || provider == ModelProvider.OTHER ? null : provider.name().toLowerCase(Locale.ROOT);
    }
}
