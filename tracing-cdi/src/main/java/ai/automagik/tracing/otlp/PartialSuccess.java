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
     * Reads a protobuf {@code ExportTraceServiceResponse} ({@code partial_success = 1} holding
     * {@code rejected_spans = 1}, {@code error_message = 2}); anything empty, oversized or malformed means "no
     * partial success". Unknown fields are skipped, as protobuf readers do.
     */
    public static PartialSuccess parseProtobuf(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_BODY) {
            return NONE;
        }
        try {
            ProtoReader response = new ProtoReader(body, 0, body.length);
            while (response.hasMore()) {
                int tag = response.tag();
                if (tag == (1 << 3 | 2)) {
                    return partialSuccess(response.nested());
                }
                response.skip(tag);
            }
            return NONE;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return NONE;
        }
    }

    private static PartialSuccess partialSuccess(ProtoReader partial) {
        long rejected = 0;
        String message = null;
        while (partial.hasMore()) {
            int tag = partial.tag();
            if (tag == (1 << 3)) {
                rejected = partial.varint();
            } else if (tag == (2 << 3 | 2)) {
                message = partial.string();
            } else {
                partial.skip(tag);
            }
        }
        if (message != null && message.length() > 200) {
            message = message.substring(0, 200);
        }
        return rejected <= 0 && (message == null || message.isEmpty()) ? NONE
                : new PartialSuccess(Math.max(0, rejected), message);
    }

    /** Just enough of a protobuf reader for a response: varints, length-delimited fields, skipping the rest. */
    private static final class ProtoReader {
        private final byte[] bytes;
        private int at;
        private final int end;

        ProtoReader(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        boolean hasMore() {
            return at < end;
        }

        int tag() {
            return (int) varint();
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= end) {
                    throw new IllegalArgumentException("truncated varint");
                }
                byte b = bytes[at++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        ProtoReader nested() {
            int length = length();
            ProtoReader nested = new ProtoReader(bytes, at, at + length);
            at += length;
            return nested;
        }

        String string() {
            int length = length();
            String text = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }

        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> at += 8;
                case 2 -> at += length();
                case 5 -> at += 4;
                default -> throw new IllegalArgumentException("unsupported wire type " + (tag & 7));
            }
            if (at > end) {
                throw new IllegalArgumentException("truncated field");
            }
        }

        private int length() {
            long length = varint();
            if (length < 0 || length > end - at) {
                throw new IllegalArgumentException("length beyond the message");
            }
            return (int) length;
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
