package ai.automagik.tracing.trace;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The messages of one model call in the GenAI semantic conventions' {@code parts} schema, for
 * {@code gen_ai.input.messages} and {@code gen_ai.output.messages}:
 * {@code [{"role":"assistant","parts":[{"type":"text","content":"…"},{"type":"tool_call","id":"…",
 * "name":"…","arguments":{…}}],"finish_reason":"stop"}]}. Roles are the conventions' ({@code system},
 * {@code user}, {@code assistant}, {@code tool}): LangChain4j's {@code ai} and {@code tool_execution_result}
 * are mapped. At most {@value #MAX_MESSAGES} messages and {@value #MAX_PARTS} parts each are kept; text
 * is capped. Written by the span's own thread only.
 */
final class GenAiMessages {

    static final int MAX_MESSAGES = 64;
    static final int MAX_PARTS = 16;
    private static final int MAX_NAME = 256;

    private record Part(String type, String id, String name, String content) {
    }

    private record Message(String role, List<Part> parts) {
    }

    private final List<Message> messages = new ArrayList<>(4);
    private final int maxContent;
    private int dropped;

    GenAiMessages(int maxContent) {
        this.maxContent = maxContent;
    }

    /** A message with one text part. */
    void text(String role, String content) {
        add(role(role), new Part("text", null, null, RecordingSpan.cap(content == null ? "" : content, maxContent)), false);
    }

    /** A tool call the model asked for: joins the assistant message before it, if that was the last one. */
    void toolCall(String id, String name, String arguments) {
        add("assistant", new Part("tool_call", RecordingSpan.cap(id, MAX_NAME), RecordingSpan.cap(name, MAX_NAME),
                RecordingSpan.cap(arguments, maxContent)), true);
    }

    /** What a tool answered, as a message of role {@code tool}. */
    void toolResult(String id, String result) {
        add("tool", new Part("tool_call_response", RecordingSpan.cap(id, MAX_NAME), null,
                RecordingSpan.cap(result == null ? "" : result, maxContent)), false);
    }

    boolean isEmpty() {
        return messages.isEmpty();
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

    private void add(String role, Part part, boolean joinSameRole) {
        if (joinSameRole && !messages.isEmpty()) {
            Message last = messages.get(messages.size() - 1);
            if (last.role().equals(role)) {
                if (last.parts().size() < MAX_PARTS) {
                    last.parts().add(part);
                } else {
                    dropped++;
                }
                return;
            }
        }
        if (messages.size() >= MAX_MESSAGES) {
            dropped++;
            return;
        }
        List<Part> parts = new ArrayList<>(2);
        parts.add(part);
        messages.add(new Message(role, parts));
    }

    /** How many messages or parts were left out because of the limits. */
    int dropped() {
        return dropped;
    }

    /** The JSON array; {@code finishReason} goes on each output message (null for input messages). */
    String toJson(String finishReason) {
        JsonProvider json = Json.PROVIDER;
        JsonArrayBuilder array = json.createArrayBuilder();
        for (Message message : messages) {
            JsonArrayBuilder parts = json.createArrayBuilder();
            for (Part part : message.parts()) {
                JsonObjectBuilder p = json.createObjectBuilder().add("type", part.type());
                switch (part.type()) {
                    case "tool_call" -> {
                        if (part.id() != null) {
                            p.add("id", part.id());
                        }
                        p.add("name", part.name() == null ? "unknown" : part.name());
                        if (part.content() != null) {
                            p.add("arguments", argumentsValue(part.content()));
                        }
                    }
                    case "tool_call_response" -> {
                        if (part.id() != null) {
                            p.add("id", part.id());
                        }
                        p.add("response", part.content());
                    }
                    default -> p.add("content", part.content());
                }
                parts.add(p);
            }
            JsonObjectBuilder m = json.createObjectBuilder().add("role", message.role()).add("parts", parts);
            if (finishReason != null) {
                m.add("finish_reason", finishReason);
            }
            array.add(m);
        }
        return array.build().toString();
    }

    /** Arguments as the JSON object they usually are, or as text when they are not JSON (or were cut). */
    private static JsonValue argumentsValue(String arguments) {
        String trimmed = arguments.strip();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            try (JsonReader reader = Json.PROVIDER.createReader(new StringReader(trimmed))) {
                return reader.readObject();
            } catch (RuntimeException e) {
                // not JSON after all: kept as text
            }
        }
        return Json.PROVIDER.createValue(arguments);
    }

    /** Looked up on first use only: each static {@code jakarta.json.Json} call looks the provider up again. */
    private static final class Json {
        static final JsonProvider PROVIDER = JsonProvider.provider();
    }
}
