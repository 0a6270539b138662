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
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

import java.util.Locale;

/**
 * A LangChain4j chat call as a {@code chat {model}} span: what the listener and the streaming wrapper
 * both record. The span is taken off the calling thread as soon as it starts, since the answer may
 * complete on another thread: the caller's own span stays current.
 */
final class ChatSpans {

    private ChatSpans() {
    }

    /** Starts the span for {@code request} (model, provider, parameters, and the messages when content is captured). */
    static LlmSpan start(Tracer tracer, ModelProvider provider, ChatRequest request) {
        LlmSpan span = tracer.startLlmCall(provider == null ? "unknown" : provider.name().toLowerCase(Locale.ROOT),
                request.modelName());
        span.detach();
        if (request.temperature() != null) {
            span.parameter("temperature", request.temperature());
        }
        if (request.maxOutputTokens() != null) {
            span.parameter("max_tokens", request.maxOutputTokens());
        }
        if (request.topP() != null) {
            span.parameter("top_p", request.topP());
        }
        if (request.topK() != null) {
            span.parameter("top_k", request.topK());
        }
        if (request.frequencyPenalty() != null) {
            span.parameter("frequency_penalty", request.frequencyPenalty());
        }
        if (request.presencePenalty() != null) {
            span.parameter("presence_penalty", request.presencePenalty());
        }
        if (request.stopSequences() != null && !request.stopSequences().isEmpty()) {
            span.parameter("stop_sequences", request.stopSequences());
        }
        if (request.responseFormat() != null && request.responseFormat().type() != null) {
            span.parameter("output_type", request.responseFormat().type().name().toLowerCase(Locale.ROOT));
        }
        for (ChatMessage message : request.messages()) {
            addInputMessage(span, message);
        }
        return span;
    }

    /** Records the answer (model, tokens, finish reason, messages) and ends the span. */
    static void complete(LlmSpan span, ChatResponse response) {
        try {
            if (response.modelName() != null) {
                span.responseModel(response.modelName());
            }
            if (response.id() != null) {
                span.responseId(response.id());
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

    static void fail(LlmSpan span, Throwable error) {
        span.recordException(error);
        span.end();
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
        } else if (message instanceof UserMessage user) {
            span.inputMessage("user", user.hasSingleText() ? user.singleText() : String.valueOf(user.contents()));
        } else if (message instanceof SystemMessage system) {
            span.inputMessage("system", system.text());
        } else {
            span.inputMessage(message.type().name().toLowerCase(Locale.ROOT), String.valueOf(message));
        }
    }

    /** The conventions' finish reasons ({@code stop}, {@code length}, {@code content_filter}, {@code tool_call}). */
    static String finishReason(FinishReason reason) {
        return reason == FinishReason.TOOL_EXECUTION ? "tool_call" : reason.name().toLowerCase(Locale.ROOT);
    }

    private static long orZero(Integer count) {
        return count == null ? 0 : count;
    }
}
