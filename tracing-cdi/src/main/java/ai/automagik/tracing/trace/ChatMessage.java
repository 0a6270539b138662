package ai.automagik.tracing.trace;

import java.util.List;

/** One message of a model call's prompt or answer, with the conventions' role and its parts. */
public record ChatMessage(String role, List<MessagePart> parts) {

    public ChatMessage {
        parts = List.copyOf(parts);
    }
}
