package ai.automagik.tracing.conventions;

import ai.automagik.tracing.trace.ChatMessage;
import ai.automagik.tracing.trace.MessagePart;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.List;

/**
 * Messages in the GenAI semantic conventions' {@code parts} schema, for {@code gen_ai.input.messages} and
 * {@code gen_ai.output.messages}: {@code [{"role":"assistant","parts":[{"type":"text","content":"…"},
 * {"type":"tool_call","id":"…","name":"…","arguments":{…}}],"finish_reason":"stop"}]}.
 */
final class MessagesJson {

    private MessagesJson() {
    }

    /** The JSON array; {@code finishReason} goes on each message (null for input messages). */
    static String of(List<ChatMessage> messages, String finishReason) {
        JsonProvider json = Json.PROVIDER;
        JsonArrayBuilder array = json.createArrayBuilder();
        for (ChatMessage message : messages) {
            JsonArrayBuilder parts = json.createArrayBuilder();
            for (MessagePart part : message.parts()) {
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

    /** One message of one text part. */
    static String text(String role, String content, String finishReason) {
        return of(List.of(new ChatMessage(role, List.of(new MessagePart("text", null, null, content)))), finishReason);
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
