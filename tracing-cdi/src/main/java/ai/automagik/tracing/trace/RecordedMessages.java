package ai.automagik.tracing.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The messages of one model call as they are recorded, with the GenAI conventions' roles ({@code system},
 * {@code user}, {@code assistant}, {@code tool}: LangChain4j's {@code ai} and {@code tool_execution_result} are
 * mapped). At most {@value #MAX_MESSAGES} messages of {@value #MAX_PARTS} parts each are kept; text is capped.
 * Written by the span's own thread only; {@link #freeze()} hands an immutable copy to the ended span.
 */
final class RecordedMessages {

    static final int MAX_MESSAGES = 64;
    static final int MAX_PARTS = 16;
    private static final int MAX_NAME = 256;

    private final List<String> roles = new ArrayList<>(4);
    private final List<List<MessagePart>> parts = new ArrayList<>(4);
    private final int maxContent;

    RecordedMessages(int maxContent) {
        this.maxContent = maxContent;
    }

    /** A message with one text part. */
    void text(String role, String content) {
        add(role(role), new MessagePart("text", null, null, RecordingSpan.cap(content == null ? "" : content, maxContent)),
                false);
    }

    /** A tool call the model asked for: joins the assistant message before it, if that was the last one. */
    void toolCall(String id, String name, String arguments) {
        add("assistant", new MessagePart("tool_call", RecordingSpan.cap(id, MAX_NAME), RecordingSpan.cap(name, MAX_NAME),
                RecordingSpan.cap(arguments, maxContent)), true);
    }

    /** What a tool answered, as a message of role {@code tool}. */
    void toolResult(String id, String result) {
        add("tool", new MessagePart("tool_call_response", RecordingSpan.cap(id, MAX_NAME), null,
                RecordingSpan.cap(result == null ? "" : result, maxContent)), false);
    }

    /** The conventions' role for {@code role} as a caller or framework spells it. */
    static String role(String role) {
        if (role == null || role.isBlank()) {
            return "user";
        }
        String lower = role.strip().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "ai", "model", "bot" -> "assistant";
            case "tool_execution_result", "tool_result", "function" -> "tool";
            default -> RecordingSpan.cap(lower, 32);
        };
    }

    private void add(String role, MessagePart part, boolean joinSameRole) {
        int last = roles.size() - 1;
        if (joinSameRole && last >= 0 && roles.get(last).equals(role)) {
            if (parts.get(last).size() < MAX_PARTS) {
                parts.get(last).add(part);
            }
            return;
        }
        if (roles.size() < MAX_MESSAGES) {
            roles.add(role);
            List<MessagePart> first = new ArrayList<>(2);
            first.add(part);
            parts.add(first);
        }
    }

    List<ChatMessage> freeze() {
        List<ChatMessage> messages = new ArrayList<>(roles.size());
        for (int i = 0; i < roles.size(); i++) {
            messages.add(new ChatMessage(roles.get(i), parts.get(i)));
        }
        return List.copyOf(messages);
    }
}
