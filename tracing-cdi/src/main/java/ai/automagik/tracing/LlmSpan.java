package ai.automagik.tracing;

/** A span for one chat or completion call to a language model, with GenAI semantic-convention fields. */
public interface LlmSpan extends Span {

    @Override
    LlmSpan setAttribute(String key, String value);

    @Override
    LlmSpan setAttribute(String key, long value);

    @Override
    LlmSpan setAttribute(String key, double value);

    @Override
    LlmSpan setAttribute(String key, boolean value);

    @Override
    LlmSpan addEvent(String name);

    @Override
    LlmSpan addEvent(String name, java.util.Map<String, ?> attributes);

    @Override
    LlmSpan recordException(Throwable error);

    @Override
    LlmSpan setError(String message);

    @Override
    LlmSpan setConversation(String threadId, String userId);

    @Override
    LlmSpan setSession(String sessionId);

    @Override
    LlmSpan setToolCallId(String callId);

    @Override
    LlmSpan setInput(String input);

    @Override
    LlmSpan setOutput(String output);

    @Override
    LlmSpan detach();

    @Override
    LlmSpan keepTrace();

    LlmSpan responseModel(String model);

    /** The provider's id of this answer ({@code gen_ai.response.id}); evaluations and feedback can refer to it. */
    LlmSpan responseId(String id);

    /** Tokens used; {@code inputTokens} includes cached ones, as the conventions ask. */
    LlmSpan usage(long inputTokens, long outputTokens);

    /**
     * Of the input tokens, how many were read from the provider's prompt cache and how many were written to it
     * (both already included in {@link #usage}'s input count; -1: not reported).
     */
    LlmSpan cachedTokens(long cacheReadInputTokens, long cacheCreationInputTokens);

    /** Of the output tokens, how many the model spent reasoning (already included in the output count). */
    LlmSpan reasoningTokens(long reasoningOutputTokens);

    /**
     * A streamed answer's first chunk arrived now: records the time since the span started
     * ({@code gen_ai.response.time_to_first_chunk}, and the streaming request). Later calls change nothing.
     */
    LlmSpan firstChunkReceived();

    /** Why the model stopped ({@code stop}, {@code length}, {@code tool_calls}…); several calls add several. */
    LlmSpan finishReason(String reason);

    /** What the call cost in US dollars, as the application computed it; replaces a cost from the price table. */
    LlmSpan cost(double usd);

    /**
     * A request parameter such as {@code temperature}, {@code max_tokens}, {@code top_k}, {@code seed},
     * {@code stop_sequences}, {@code stream} or {@code output_type}: the conventions' parameters become
     * {@code gen_ai.request.*} (and {@code gen_ai.output.type}), any other {@code automagik.request.<name>}.
     */
    LlmSpan parameter(String name, Object value);

    /**
     * Adds one text message of the prompt (role {@code system}, {@code user}, {@code assistant} or
     * {@code tool}; LangChain4j's {@code ai} and {@code tool_execution_result} are mapped to the last two).
     */
    LlmSpan inputMessage(String role, String content);

    /** A tool call in the prompt's history: joins the assistant message before it, or starts one. */
    LlmSpan inputToolCall(String callId, String toolName, String arguments);

    /** What a tool answered, in the prompt's history: a message of role {@code tool}. */
    LlmSpan inputToolResult(String callId, String result);

    /** Adds one text message of the model's answer. */
    LlmSpan outputMessage(String role, String content);

    /** A tool call the model asks for in its answer: joins the assistant message before it, or starts one. */
    LlmSpan outputToolCall(String callId, String toolName, String arguments);
}
