package ai.automagik.tracing.otlp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Attributes that every span of a destination carries unchanged (a telemetry event's description of the system it
 * runs on): each encoding writes them once, and then copies those bytes into every span after the span's own
 * attributes. Immutable; thread-safe.
 */
public final class ConstantAttributes {

    private static final byte[] JSON_PREFIX = "{\"attributes\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JSON_SUFFIX = "]}".getBytes(StandardCharsets.US_ASCII);

    private final Attributes attributes;
    private final byte[] json;
    private final byte[] protobuf;

    public ConstantAttributes(Attributes attributes) {
        this.attributes = attributes == null ? new Attributes(0) : attributes.copy();
        this.json = jsonElements(this.attributes);
        this.protobuf = OtlpProtobufEncoder.spanAttributeFields(this.attributes);
    }

    /** A copy of the attributes. */
    public Attributes attributes() {
        return attributes.copy();
    }

    public boolean isEmpty() {
        return json.length == 0;
    }

    /** The {@code KeyValue} elements of an OTLP/JSON attribute array, comma-separated, without the brackets. */
    byte[] json() {
        return json;
    }

    /** The {@code Span.attributes} fields (number 9) of an OTLP protobuf span, one {@code KeyValue} each. */
    byte[] protobuf() {
        return protobuf;
    }

    private static byte[] jsonElements(Attributes attributes) {
        JsonBytes out = new JsonBytes(256);
        OtlpJsonEncoder.writeAttributeArray(out, attributes);
        byte[] all = out.toByteArray();
        return Arrays.copyOfRange(all, JSON_PREFIX.length, all.length - JSON_SUFFIX.length);
    }
}
