package ai.automagik.tracing.trace;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Scope;
import ai.automagik.tracing.TraceContext;

/** What the tracer hands out when tracing is off: does nothing, allocates nothing. */
final class NoopSpan implements LlmSpan {

    static final NoopSpan INSTANCE = new NoopSpan();

    private NoopSpan() {
    }

    @Override
    public LlmSpan setAttribute(String key, String value) {
        return this;
    }

    @Override
    public LlmSpan setAttribute(String key, long value) {
        return this;
    }

    @Override
    public LlmSpan setAttribute(String key, double value) {
        return this;
    }

    @Override
    public LlmSpan setAttribute(String key, boolean value) {
        return this;
    }

    @Override
    public LlmSpan addEvent(String name, java.util.Map<String, ?> attributes) {
        return this;
    }

    @Override
    public LlmSpan addEvent(String name) {
        return this;
    }

    @Override
    public LlmSpan recordException(Throwable error) {
        return this;
    }

    @Override
    public LlmSpan setError(String message) {
        return this;
    }

    @Override
    public LlmSpan setConversation(String threadId, String userId) {
        return this;
    }

    @Override
    public Scope makeCurrent() {
        return Scope.NOOP;
    }

    @Override
    public LlmSpan keepTrace() {
        return this;
    }

    @Override
    public LlmSpan detach() {
        return this;
    }

    @Override
    public LlmSpan setSession(String sessionId) {
        return this;
    }

    @Override
    public LlmSpan setToolCallId(String callId) {
        return this;
    }

    @Override
    public LlmSpan setInput(String input) {
        return this;
    }

    @Override
    public LlmSpan inputToolCall(String callId, String toolName, String arguments) {
        return this;
    }

    @Override
    public LlmSpan inputToolResult(String callId, String result) {
        return this;
    }

    @Override
    public LlmSpan outputToolCall(String callId, String toolName, String arguments) {
        return this;
    }

    @Override
    public LlmSpan setOutput(String output) {
        return this;
    }

    @Override
    public TraceContext context() {
        return TraceContext.INVALID;
    }

    @Override
    public void end() {
    }

    @Override
    public LlmSpan responseModel(String model) {
        return this;
    }

    @Override
    public LlmSpan responseId(String id) {
        return this;
    }

    @Override
    public LlmSpan usage(long inputTokens, long outputTokens) {
        return this;
    }

    @Override
    public LlmSpan cachedTokens(long cacheReadInputTokens, long cacheCreationInputTokens) {
        return this;
    }

    @Override
    public LlmSpan reasoningTokens(long reasoningOutputTokens) {
        return this;
    }

    @Override
    public LlmSpan firstChunkReceived() {
        return this;
    }

    @Override
    public LlmSpan finishReason(String reason) {
        return this;
    }

    @Override
    public LlmSpan cost(double usd) {
        return this;
    }

    @Override
    public LlmSpan parameter(String name, Object value) {
        return this;
    }

    @Override
    public LlmSpan inputMessage(String role, String content) {
        return this;
    }

    @Override
    public LlmSpan outputMessage(String role, String content) {
        return this;
    }
}
