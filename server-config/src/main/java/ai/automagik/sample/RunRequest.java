package ai.automagik.sample;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** The body of a run request, {@code {"message": "..."}}, with errors that say what is wrong. */
record RunRequest(String message) {

    static final int MAX_BODY = 64 * 1024;

    /**
     * Reads at most {@link #MAX_BODY} bytes of {@code in}: {@link BoundedBody.TooLargeException} for more
     * (declared or sent), {@link IllegalArgumentException} for a body that is not a run request.
     */
    static RunRequest read(InputStream in, long declaredLength) throws IOException {
        return parse(new String(BoundedBody.read(in, declaredLength, MAX_BODY), StandardCharsets.UTF_8));
    }

    static RunRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("request body required: {\"message\": \"...\"}");
        }
        JsonValue value;
        try (JsonReader reader = SampleJson.PROVIDER.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // JsonException for bad syntax; the parser's other RuntimeExceptions (nesting too deep) are bad input too
            throw new IllegalArgumentException("malformed JSON body: " + firstLine(e.getMessage()));
        }
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException("JSON body must be an object: {\"message\": \"...\"}");
        }
        JsonValue message = object.get("message");
        if (message == null) {
            throw new IllegalArgumentException("missing field 'message' (a string)");
        }
        if (!(message instanceof JsonString text)) {
            throw new IllegalArgumentException("field 'message' must be a string, not " + message.getValueType());
        }
        if (text.getString().isBlank()) {
            throw new IllegalArgumentException("field 'message' must not be empty");
        }
        return new RunRequest(text.getString());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        String line = text.lines().findFirst().orElse(text);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
