package ai.automagik.tracing.langchain4j;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Tracer;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Records every LangChain4j chat call as a {@code chat {model}} span and an {@code llm.call} event: model,
 * provider, parameters, token usage, finish reason, and (when content capture is on) the messages and
 * tool calls. Give it to a model ({@code .listeners(List.of(listener))}) or return it from your own
 * {@code ChatModel.listeners()}. For a streaming model, {@link TracingStreamingChatModel} does this too and
 * also records the time to the first chunk and runs your handler in your span: use one of the two. A CDI
 * bean only where LangChain4j is on the class path.
 */
@ApplicationScoped
public class TracingChatModelListener implements ChatModelListener {

    private static final String SPAN = TracingChatModelListener.class.getName() + ".span";

    private Tracer tracer;

    protected TracingChatModelListener() {
        // for the container's proxy
    }

    @Inject
    public TracingChatModelListener(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void onRequest(ChatModelRequestContext context) {
        try {
            context.attributes().put(SPAN, ChatSpans.start(tracer, context.modelProvider(), context.chatRequest()));
        } catch (RuntimeException e) {
            // tracing must never break the model call
        }
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        if (context.attributes().get(SPAN) instanceof LlmSpan span) {
            ChatSpans.complete(span, context.chatResponse());
        }
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        if (context.attributes().get(SPAN) instanceof LlmSpan span) {
            ChatSpans.fail(span, context.error());
        }
    }
}
