package ai.automagik.tracing.jaxrs;

import ai.automagik.tracing.Evaluation;
import ai.automagik.tracing.TraceContext;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.Locale;

/**
 * A user's feedback on an answer, as {@code POST …/tracing/feedback} takes it: which answer (the span, by
 * {@code traceId} and {@code spanId}, or the model's {@code responseId}) and what the user thought ({@code thumbs}
 * {@code up}/{@code down}, a {@code score}, a {@code comment}; at least one of the first two).
 */
record UserFeedback(TraceContext span, String responseId, Evaluation evaluation) {

    static final String NAME = "user_feedback";
    static final int MAX_BODY = 4096;
    static final int MAX_COMMENT = 2000;
    private static final JsonProvider JSON = JsonProvider.provider();

    /** @throws IllegalArgumentException saying what is wrong, for a 400 */
    static UserFeedback parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("body required: {\"traceId\", \"spanId\" or \"responseId\", "
                    + "\"thumbs\": \"up\"|\"down\" and/or \"score\", optional \"comment\"}");
        }
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("body too large: at most " + MAX_BODY + " characters");
        }
        JsonObject feedback;
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw new IllegalArgumentException("a JSON object required");
            }
            feedback = object;
        } catch (JsonException e) {
            throw new IllegalArgumentException("malformed JSON");
        }
        String traceId = text(feedback, "traceId", 32);
        String spanId = text(feedback, "spanId", 16);
        String responseId = text(feedback, "responseId", 256);
        TraceContext span = null;
        if (traceId != null || spanId != null) {
            span = TraceContext.fromTraceparent("00-" + lower(traceId) + "-" + lower(spanId) + "-01")
                    .orElseThrow(() -> new IllegalArgumentException(
                            "traceId (32 hex digits) and spanId (16 hex digits, not all zero) go together"));
        } else if (responseId == null) {
            throw new IllegalArgumentException("which answer: traceId and spanId, or responseId");
        }
        String thumbs = text(feedback, "thumbs", 8);
        String label = null;
        Double score = null;
        if (thumbs != null) {
            label = switch (thumbs.toLowerCase(Locale.ROOT)) {
                case "up" -> "thumbs_up";
                case "down" -> "thumbs_down";
                default -> throw new IllegalArgumentException("thumbs is \"up\" or \"down\"");
            };
            score = label.equals("thumbs_up") ? 1.0 : 0.0;
        }
        JsonValue scoreValue = feedback.get("score");
        if (scoreValue != null && scoreValue != JsonValue.NULL) {
            if (!(scoreValue instanceof JsonNumber number) || !Double.isFinite(number.doubleValue())) {
                throw new IllegalArgumentException("score is a number");
            }
            score = number.doubleValue();
        }
        if (score == null) {
            throw new IllegalArgumentException("what the user thought: thumbs and/or score");
        }
        String comment = text(feedback, "comment", MAX_COMMENT);
        return new UserFeedback(span, responseId, new Evaluation(NAME, score, label, comment));
    }

    private static String text(JsonObject object, String key, int max) {
        JsonValue value = object.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new IllegalArgumentException(key + " is a string");
        }
        String text = string.getString().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > max) {
            throw new IllegalArgumentException(key + " is at most " + max + " characters");
        }
        return text;
    }

    private static String lower(String hex) {
        return hex == null ? "" : hex.toLowerCase(Locale.ROOT);
    }
}
