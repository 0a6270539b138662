package ai.automagik.tracing.langchain4j;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Scope;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.Tracer;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A LangChain4j {@link StreamingChatModel} whose calls are {@code chat {model}} spans, like
 * {@link TracingChatModelListener}'s, plus {@code gen_ai.response.time_to_first_chunk} (seconds). The
 * answer usually streams in on the model client's threads: the calling thread gets its own span back as
 * soon as the request is sent, and every callback of your handler runs with that span current again, so
 * what the handler starts belongs to the caller's trace. Wraps models that implement {@code doChat}, as
 * LangChain4j's providers do; don't also register {@link TracingChatModelListener} on the wrapped model.
 */
public final class TracingStreamingChatModel implements StreamingChatModel {

    static final String TIME_TO_FIRST_CHUNK = "gen_ai.response.time_to_first_chunk";

    private final StreamingChatModel delegate;
    private final Tracer tracer;

    public TracingStreamingChatModel(StreamingChatModel delegate, Tracer tracer) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
        this.tracer = java.util.Objects.requireNonNull(tracer, "tracer");
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        CallerContext caller = new CallerContext(tracer);
        LlmSpan span;
        try {
            span = ChatSpans.start(tracer, delegate.provider(), request);
        } catch (RuntimeException e) {
            delegate.doChat(request, handler);
            return;
        }
        try {
            delegate.doChat(request, new TracedHandler(handler, span, caller));
        } catch (RuntimeException e) {
            ChatSpans.fail(span, e);
            throw e;
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return delegate.listeners();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    /** The caller's span (or remote context), to make current again on whatever thread a callback runs. */
    private static final class CallerContext {
        private final Tracer tracer;
        private final Span span;
        private final TraceContext context;

        CallerContext(Tracer tracer) {
            this.tracer = tracer;
            this.span = tracer.currentSpan();
            this.context = tracer.currentContext();
        }

        void run(Runnable callback) {
            try (Scope scope = span.context().isValid() ? span.makeCurrent() : tracer.withContext(context)) {
                callback.run();
            }
        }
    }

    private static final class TracedHandler implements StreamingChatResponseHandler {
        private final StreamingChatResponseHandler handler;
        private final LlmSpan span;
        private final CallerContext caller;
        private final AtomicBoolean firstChunk = new AtomicBoolean();

        TracedHandler(StreamingChatResponseHandler handler, LlmSpan span, CallerContext caller) {
            this.handler = handler;
            this.span = span;
            this.caller = caller;
        }

        private void chunk() {
            if (firstChunk.compareAndSet(false, true)) {
                span.firstChunkReceived();
            }
        }

        @Override
        public void onPartialResponse(String partialResponse) {
            chunk();
            caller.run(() -> handler.onPartialResponse(partialResponse));
        }

        @Override
        public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
            chunk();
            caller.run(() -> handler.onPartialResponse(partialResponse, context));
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking) {
            chunk();
            caller.run(() -> handler.onPartialThinking(partialThinking));
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
            chunk();
            caller.run(() -> handler.onPartialThinking(partialThinking, context));
        }

        @Override
        public void onPartialToolCall(PartialToolCall partialToolCall) {
            chunk();
            caller.run(() -> handler.onPartialToolCall(partialToolCall));
        }

        @Override
        public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
            chunk();
            caller.run(() -> handler.onPartialToolCall(partialToolCall, context));
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall completeToolCall) {
            caller.run(() -> handler.onCompleteToolCall(completeToolCall));
        }

        @Override
        public void onUnmappedRawEvent(Object rawEvent) {
            caller.run(() -> handler.onUnmappedRawEvent(rawEvent));
        }

        @Override
        public void onCompleteResponse(ChatResponse completeResponse) {
            ChatSpans.complete(span, completeResponse);
            caller.run(() -> handler.onCompleteResponse(completeResponse));
        }

        @Override
        public void onError(Throwable error) {
            ChatSpans.fail(span, error);
            caller.run(() -> handler.onError(error));
        }
    }
}
