package ai.automagik.sample;

import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.langchain4j.TracingAiServiceListeners;
import dev.langchain4j.service.AiServices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Retrieval-augmented generation with LangChain4j: an AI service ({@link DocsAssistant}) whose questions are
 * embedded in process, matched against the product's documents ({@link KnowledgeBase}), answered by the stand-in
 * model with the best match, and which calls a tool ({@link DocsTools}) when asked to add numbers. An input
 * guardrail refuses questions asking for credentials; an output guardrail refuses empty answers. Its trace:
 * {@code invoke_agent DocsAssistant} with {@code retrieval}, {@code embeddings}, {@code chat} and
 * {@code execute_tool} inside, the guardrails' results as events. The model loads on the first question.
 */
@ApplicationScoped
public class RagAgent implements Agent {

    @Inject
    Tracer tracer;

    @Inject
    FakeChatModel model;

    private volatile DocsAssistant assistant;

    @Override
    public String name() {
        return "rag";
    }

    @Override
    public String description() {
        return "Answers from the product's documents (LangChain4j RAG, all-MiniLM-L6-v2 in process) and adds numbers"
                + " with a tool";
    }

    @Override
    public boolean available() {
        return EmbeddingRuntime.present();
    }

    @Override
    public String run(String message) {
        return assistant().answer(message);
    }

    private DocsAssistant assistant() {
        DocsAssistant built = assistant;
        if (built == null) {
            synchronized (this) {
                built = assistant;
                if (built == null) {
                    built = TracingAiServiceListeners.trace(AiServices.builder(DocsAssistant.class), tracer)
                            .chatModel(model).contentRetriever(KnowledgeBase.load(tracer, RagAgent::nativeCache))
                            .tools(new DocsTools()).inputGuardrails(new NoSecretRequests())
                            .outputGuardrails(new GroundedAnswer()).build();
                    assistant = built;
                }
            }
        }
        return built;
    }

    private static Path nativeCache() {
        return ConfigProvider.getConfig().getOptionalValue("automagik.home", String.class).map(Paths::get)
                .orElseGet(() -> Paths.get(System.getProperty("java.io.tmpdir"), "automagik-sample"))
                .resolve("embedding-runtime");
    }
}
