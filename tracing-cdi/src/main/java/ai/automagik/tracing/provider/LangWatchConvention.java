package ai.automagik.tracing.provider;

import ai.automagik.tracing.spi.ExportedSpan;
import ai.automagik.tracing.spi.SpanConvention;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LangWatch's keys, for its destination only: {@code langwatch.span.type} ({@code agent}, {@code llm},
 * {@code tool}, {@code span} for commands), the span's input and output ({@code langwatch.input},
 * {@code langwatch.output}) and the conversation's thread and user ({@code langwatch.thread.id},
 * {@code langwatch.user.id}).
 */
final class LangWatchConvention implements SpanConvention {

    static final LangWatchConvention INSTANCE = new LangWatchConvention();

    private LangWatchConvention() {
    }

    @Override
    public Map<String, Object> attributes(ExportedSpan span) {
        Map<String, Object> keys = new LinkedHashMap<>(8);
        String type = switch (span.role()) {
            case "agent", "llm", "tool" -> span.role();
            case "retrieval" -> "rag";
            case "command", "embeddings" -> "span";
            default -> null;
        };
        if (type != null) {
            keys.put("langwatch.span.type", type);
        }
        putIfPresent(keys, "langwatch.input", span.input());
        putIfPresent(keys, "langwatch.output", span.output());
        putIfPresent(keys, "langwatch.thread.id", span.conversationId());
        putIfPresent(keys, "langwatch.user.id", span.userId());
        return keys;
    }

    private static void putIfPresent(Map<String, Object> keys, String key, String value) {
        if (value != null) {
            keys.put(key, value);
        }
    }
}
