package ai.automagik.tracing.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model call or tool execution records beyond a plain span, while it runs: created on a span's first such
 * record, so plain spans (most of them) carry none of it. Guarded by its span (only the span writes it, until it
 * ends). {@link #freeze()} gives the ended span's {@link GenAiData}.
 */
final class GenAiRecording {

    String input;
    String output;
    String responseModel;
    long inputTokens = -1;
    long outputTokens = -1;
    long cacheReadTokens = -1;
    long cacheCreationTokens = -1;
    long reasoningTokens = -1;
    String responseId;
    long firstChunkNanos = -1;
    Double costUsd;
    Map<String, Object> parameters;
    RecordedMessages inputMessages;
    RecordedMessages outputMessages;
    List<String> finishReasons;
    String toolCallId;

    void finishReason(String reason, int max) {
        if (finishReasons == null) {
            finishReasons = new ArrayList<>(1);
        }
        if (finishReasons.size() < max) {
            finishReasons.add(reason);
        }
    }

    void parameter(String name, Object value, int max) {
        if (parameters == null) {
            parameters = new LinkedHashMap<>(4);
        }
        if (parameters.size() < max || parameters.containsKey(name)) {
            parameters.put(name, value);
        }
    }

    /** Whether a model's or tool's data was recorded (on a span of another role: a call id, model, usage…). */
    boolean hasGenAiData() {
        return toolCallId != null || responseModel != null || inputTokens >= 0 || parameters != null
                || costUsd != null || responseId != null || firstChunkNanos >= 0;
    }

    GenAiData freeze() {
        return new GenAiData(responseModel, responseId, inputTokens, outputTokens,
                new CachedUsage(cacheReadTokens, cacheCreationTokens, reasoningTokens), firstChunkNanos, finishReasons,
                toolCallId,
                costUsd, parameters, inputMessages == null ? null : inputMessages.freeze(),
                outputMessages == null ? null : outputMessages.freeze());
    }
}
