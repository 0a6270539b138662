package ai.automagik.tracing.otlp;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** The {@code partialSuccess} of an OTLP export response: how many spans the collector rejected, and why. */
public record PartialSuccess(long rejected, String message) {

    public static final PartialSuccess NONE = new PartialSuccess(0, null);
    private static final int MAX_BODY = 64 * 1024;
    // looked up once: each static Json call looks the provider up again
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Reads a response body; anything empty, oversized or not OTLP JSON means "no partial success". */
    public static PartialSuccess parse(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_BODY || !mentionsPartialSuccess(body)) {
            return NONE;
        }
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            JsonValue root = reader.readValue();
            if (!(root instanceof JsonObject object) || !(object.get("partialSuccess") instanceof JsonObject partial)) {
                return NONE;
            }
            long rejected = 0;
            JsonValue count = partial.get("rejectedSpans");
            if (count instanceof JsonNumber number) {
                rejected = number.longValue();
            } else if (count instanceof JsonString text) {
                rejected = Long.parseLong(text.getString().strip());
            }
            String message = partial.get("errorMessage") instanceof JsonString text ? text.getString() : null;
            if (message != null && message.length() > 200) {
                message = message.substring(0, 200);
            }
            return rejected <= 0 && (message == null || message.isEmpty()) ? NONE
                    : new PartialSuccess(Math.max(0, rejected), message);
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    /**
     * Most collectors answer {@code {}}: no JSON parser is needed unless the member's name is there, or
     * could be there spelled with escapes.
     */
    private static boolean mentionsPartialSuccess(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        return text.indexOf('\\') >= 0 || text.contains("partialSuccess");
    }
}
