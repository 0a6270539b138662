package ai.automagik.tracing.langchain4j;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.TracedAgent;
import ai.automagik.tracing.Tracer;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An agent that streams its answer: the handler runs on the model's thread and starts a span of its
 * own, while the calling thread starts another before it waits for the answer.
 */
@ApplicationScoped
public class StreamingAgent {

    @Inject
    Tracer tracer;

    private FakeStreamingChatModel model;
    private TracingStreamingChatModel traced;

    @jakarta.annotation.PostConstruct
    void create() {
        model = new FakeStreamingChatModel();
        traced = new TracingStreamingChatModel(model, tracer);
    }

    @TracedAgent(value = "streaming", framework = "test")
    public String ask(String question) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        traced.chat(question, new StreamingChatResponseHandler() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public void onPartialResponse(String partialResponse) {
                text.append(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                try (Span summarize = tracer.startToolExecution("on_complete")) {
                    summarize.setAttribute("chunks", text.length());
                }
                answer.complete(text.toString());
            }

            @Override
            public void onError(Throwable error) {
                try (Span recover = tracer.startToolExecution("on_error")) {
                    recover.setAttribute("error", error.getMessage());
                }
                answer.completeExceptionally(error);
            }
        });
        try (Span meanwhile = tracer.startToolExecution("caller_side")) {
            // the caller's thread goes on while the answer streams in
        }
        return answer.get(10, TimeUnit.SECONDS);
    }

    @PreDestroy
    void close() {
        model.close();
    }
}
