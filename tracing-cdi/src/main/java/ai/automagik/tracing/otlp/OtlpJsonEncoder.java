package ai.automagik.tracing.otlp;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes an OTLP/HTTP JSON {@code ExportTraceServiceRequest} with Jakarta JSON-P's streaming generator:
 * one {@code resourceSpans} entry, one {@code scopeSpans}, one span per {@link SpanData}. Follows the
 * OTLP/JSON rules: ids as lowercase hex, enums as integers, 64-bit integers as decimal strings,
 * lowerCamelCase field names. Thread-safe.
 */
public final class OtlpJsonEncoder {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static volatile JsonGeneratorFactory sharedFactory;

    public byte[] encode(Resource resource, List<SpanData> spans) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + spans.size() * 512);
        encode(resource, spans, out);
        return out.toByteArray();
    }

    public void encode(Resource resource, List<SpanData> spans, OutputStream out) {
        try (JsonGenerator json = factory().createGenerator(out, StandardCharsets.UTF_8)) {
            json.writeStartObject();
            json.writeStartArray("resourceSpans");
            json.writeStartObject();
            json.writeStartObject("resource");
            writeAttributes(json, resource.attributes());
            json.writeEnd();
            json.writeStartArray("scopeSpans");
            json.writeStartObject();
            json.writeStartObject("scope");
            json.write("name", text(resource.scopeName()));
            json.write("version", text(resource.scopeVersion()));
            json.writeEnd();
            json.writeStartArray("spans");
            for (SpanData span : spans) {
                writeSpan(json, span);
            }
            json.writeEnd(); // spans
            json.writeEnd(); // scopeSpans[0]
            json.writeEnd(); // scopeSpans
            json.writeEnd(); // resourceSpans[0]
            json.writeEnd(); // resourceSpans
            json.writeEnd(); // request
        }
    }

    private static JsonGeneratorFactory factory() {
        JsonGeneratorFactory factory = sharedFactory;
        if (factory == null) {
            factory = Json.createGeneratorFactory(Map.of());
            sharedFactory = factory;
        }
        return factory;
    }

    private static void writeSpan(JsonGenerator json, SpanData span) {
        json.writeStartObject();
        json.write("traceId", hex(span.traceIdHigh(), span.traceIdLow()));
        json.write("spanId", hex(span.spanId()));
        if (span.parentSpanId() != 0) {
            json.write("parentSpanId", hex(span.parentSpanId()));
        }
        json.write("name", text(span.name()));
        json.write("kind", span.kind());
        json.write("startTimeUnixNano", Long.toUnsignedString(span.startEpochNanos()));
        json.write("endTimeUnixNano", Long.toUnsignedString(span.endEpochNanos()));
        writeAttributes(json, span.attributes());
        if (span.attributes() != null && span.attributes().overflow() > 0) {
            json.write("droppedAttributesCount", span.attributes().overflow());
        }
        if (span.events() != null && !span.events().isEmpty()) {
            json.writeStartArray("events");
            for (SpanEvent event : span.events()) {
                json.writeStartObject();
                json.write("timeUnixNano", Long.toUnsignedString(event.epochNanos()));
                json.write("name", text(event.name()));
                writeAttributes(json, event.attributes());
                json.writeEnd();
            }
            json.writeEnd();
        }
        json.writeStartObject("status");
        if (span.statusMessage() != null && !span.statusMessage().isEmpty()) {
            json.write("message", text(span.statusMessage()));
        }
        json.write("code", span.statusCode());
        json.writeEnd();
        json.writeEnd();
    }

    private static void writeAttributes(JsonGenerator json, Attributes attributes) {
        json.writeStartArray("attributes");
        if (attributes != null) {
            for (int i = 0; i < attributes.size(); i++) {
                json.writeStartObject();
                json.write("key", text(attributes.key(i)));
                json.writeStartObject("value");
                writeValue(json, attributes.value(i));
                json.writeEnd();
                json.writeEnd();
            }
        }
        json.writeEnd();
    }

    private static void writeValue(JsonGenerator json, Object value) {
        if (value instanceof String s) {
            json.write("stringValue", text(s));
        } else if (value instanceof Boolean b) {
            json.write("boolValue", b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.write("intValue", Long.toString(((Number) value).longValue()));
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                json.write("doubleValue", "NaN");
            } else if (Double.isInfinite(d)) {
                json.write("doubleValue", d > 0 ? "Infinity" : "-Infinity");
            } else {
                json.write("doubleValue", d);
            }
        } else {
            json.write("stringValue", text(String.valueOf(value)));
        }
    }

    /** Replaces unpaired UTF-16 surrogates, which cannot be encoded as UTF-8, with U+FFFD. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                return repairSurrogates(value);
            }
        }
        return value;
    }

    private static String repairSurrogates(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                sb.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String hex(long high, long low) {
        char[] out = new char[32];
        write(high, out, 0);
        write(low, out, 16);
        return new String(out);
    }

    private static String hex(long value) {
        char[] out = new char[16];
        write(value, out, 0);
        return new String(out);
    }

    private static void write(long value, char[] out, int offset) {
        for (int i = 15; i >= 0; i--) {
            out[offset + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }
}
