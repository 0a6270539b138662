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
    LlmSpan setInput(String input);

    @Override
    LlmSpan setOutput(String output);

    LlmSpan responseModel(String model);

    LlmSpan usage(long inputTokens, long outputTokens);

    LlmSpan finishReason(String reason);

    LlmSpan cost(double usd);

    /** A request parameter such as {@code temperature} or {@code max_tokens}. */
    LlmSpan parameter(String name, Object value);

    /** Adds one message of the prompt (role {@code system}, {@code user}, {@code assistant}, {@code tool}). */
    LlmSpan inputMessage(String role, String content);

    /** Adds one message of the model's answer. */
    LlmSpan outputMessage(String role, String content);
}
