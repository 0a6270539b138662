package ai.automagik.tracing.trace;

import java.util.List;

/**
 * What a model call or tool execution recorded beyond a plain span, as the ended span holds it.
 *
 * @param responseId the provider's id of the answer; null when not reported
 * @param inputTokens -1 when not reported; cached input tokens included
 * @param outputTokens -1 when not reported; reasoning tokens included
 * @param detailedUsage cache and reasoning token counts (each -1 when not reported)
 * @param timeToFirstChunkNanos for a streamed answer, from the start to its first chunk; -1 when not streamed
 * @param finishReasons lower case, at most 8; empty when none
 * @param parameters request parameters ({@code temperature}, {@code max_tokens}…) by name
 * @param inputMessages the prompt's messages, empty when none were recorded (or content capture is off)
 * @param outputMessages the answer's messages, likewise
 */
public record GenAiData(String responseModel, String responseId, long inputTokens, long outputTokens,
        CachedUsage detailedUsage, long timeToFirstChunkNanos, List<String> finishReasons,
        String toolCallId, Double costUsd, java.util.Map<String, Object> parameters, List<ChatMessage> inputMessages,
        List<ChatMessage> outputMessages) {

    public GenAiData {
        detailedUsage = detailedUsage == null ? CachedUsage.NONE : detailedUsage;
        finishReasons = finishReasons == null ? List.of() : List.copyOf(finishReasons);
        parameters = parameters == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(parameters));
        inputMessages = inputMessages == null ? List.of() : inputMessages;
        outputMessages = outputMessages == null ? List.of() : outputMessages;
    }
}
