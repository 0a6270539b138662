package ai.automagik.tracing.langchain4j;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Tracer;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;

/**
 * Records every LangChain4j chat call as a {@code chat {model}} span and an {@code llm.call} event: model,
 * provider, parameters, token usage, finish reason, and (when content capture is on) the messages.
 * Give it to a model ({@code .listeners(List.of(listener))}) or return it from your own
 * {@code ChatModel.listeners()}. A CDI bean only where LangChain4j is on the class path.
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
            ChatRequest request = context.chatRequest();
            LlmSpan span = tracer.startLlmCall(provider(context.modelProvider()), request.modelName());
            if (request.temperature() != null) {
                span.parameter("temperature", request.temperature());
            }
            if (request.maxOutputTokens() != null) {
                span.parameter("max_tokens", request.maxOutputTokens());
            }
            if (request.topP() != null) {
                span.parameter("top_p", request.topP());
            }
            for (ChatMessage message : request.messages()) {
                addInputMessage(span, message);
            }
            context.attributes().put(SPAN, span);
        } catch (RuntimeException e) {
            // tracing must never break the model call
        }
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        if (!(context.attributes().get(SPAN) instanceof LlmSpan span)) {
            return;
        }
        try {
            ChatResponse response = context.chatResponse();
            if (response.modelName() != null) {
                span.responseModel(response.modelName());
            }
            TokenUsage usage = response.tokenUsage();
            if (usage != null) {
                span.usage(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()));
            }
            if (response.finishReason() != null) {
                span.finishReason(finishReason(response.finishReason()));
            }
            AiMessage answer = response.aiMessage();
            if (answer != null) {
                if (answer.text() != null) {
                    span.outputMessage("assistant", answer.text());
                    span.setOutput(answer.text());
                }
                if (answer.hasToolExecutionRequests()) {
                    for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
                        span.outputToolCall(call.id(), call.name(), call.arguments());
                    }
                }
            }
        } finally {
            span.end();
        }
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        if (context.attributes().get(SPAN) instanceof LlmSpan span) {
            span.recordException(context.error());
            span.end();
        }
    }

    /** The prompt's messages in the GenAI conventions' shape: an assistant turn's tool calls and the tools' answers as parts. */
    private static void addInputMessage(LlmSpan span, ChatMessage message) {
        if (message instanceof AiMessage ai) {
            if (ai.text() != null || !ai.hasToolExecutionRequests()) {
                span.inputMessage("assistant", ai.text());
            }
            if (ai.hasToolExecutionRequests()) {
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    span.inputToolCall(call.id(), call.name(), call.arguments());
                }
            }
        } else if (message instanceof ToolExecutionResultMessage result) {
            span.inputToolResult(result.id(), result.text());
        } else {
            span.inputMessage(message.type().name().toLowerCase(Locale.ROOT), text(message));
        }
    }

    /** The conventions' finish reasons ({@code stop}, {@code length}, {@code content_filter}, {@code tool_call}). */
    static String finishReason(FinishReason reason) {
        return reason == FinishReason.TOOL_EXECUTION ? "tool_call" : reason.name().toLowerCase(Locale.ROOT);
    }

    private static String provider(ModelProvider provider) {
        return provider == null ? "unknown" : provider.name().toLowerCase(Locale.ROOT);
    }

    private static long orZero(Integer count) {
        return count == null ? 0 : count;
    }

    private static String text(ChatMessage message) {
        if (message instanceof UserMessage user) {
            return user.hasSingleText() ? user.singleText() : String.valueOf(user.contents());
        }
        if (message instanceof SystemMessage system) {
            return system.text();
        }
        return String.valueOf(message);
    }
}
