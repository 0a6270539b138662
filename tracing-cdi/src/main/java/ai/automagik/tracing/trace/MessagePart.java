package ai.automagik.tracing.trace;

/**
 * One part of a chat message in the GenAI conventions' parts schema.
 *
 * @param type {@code text}, {@code tool_call} or {@code tool_call_response}
 * @param id the tool call's id, null for text
 * @param name the tool's name for a {@code tool_call}, else null
 * @param content the text, the call's arguments or the tool's response
 */
public record MessagePart(String type, String id, String name, String content) {
}
