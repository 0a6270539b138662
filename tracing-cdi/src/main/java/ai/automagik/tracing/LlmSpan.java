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

    LlmSpan usage(long inputTokens, long outputTokens);

    /** Why the model stopped ({@code stop}, {@code length}, {@code tool_calls}…); several calls add several. */
    LlmSpan finishReason(String reason);

    LlmSpan cost(double usd);

    /** A request parameter such as {@code temperature} or {@code max_tokens}. */
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
