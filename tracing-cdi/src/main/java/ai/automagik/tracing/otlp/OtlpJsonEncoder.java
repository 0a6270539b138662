package ai.automagik.tracing.otlp;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes spans as an OTLP/HTTP JSON {@code ExportTraceServiceRequest} (the protobuf JSON mapping with
 * the OTLP exceptions): one {@code resourceSpans} entry holding the resource attributes and one
 * {@code scopeSpans} entry with every span.
 *
 * <p>OTLP/JSON rules followed here: trace and span ids are lowercase hex (not base64), enums
 * ({@code kind}, {@code status.code}) are JSON numbers, 64-bit integers ({@code intValue}, the
 * {@code *UnixNano} times) are decimal strings, non-finite doubles are the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"}, field names are lowerCamelCase. Empty span attribute and
 * event lists are left out, as are a zero {@code parentSpanId} and an empty status message.
 *
 * <p>Output is UTF-8. Unpaired UTF-16 surrogates in keys and values become U+FFFD; control characters
 * are escaped by the JSON-P generator. Odd input never throws: a null name, key, resource, list or
 * element is written as empty or skipped. Attribute values: {@link String}, {@link Boolean},
 * {@link Long}/{@link Integer}/{@link Short}/{@link Byte} ({@code intValue}), {@link Double}/{@link Float}
 * ({@code doubleValue}); anything else is written as the {@code stringValue} of its {@code toString()}.
 *
 * <p>Thread-safe: the only shared state is the JSON-P generator factory, looked up once on first use.
 */
public final class OtlpJsonEncoder {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char REPLACEMENT = '\uFFFD';

    private volatile JsonGeneratorFactory factory;

    public OtlpJsonEncoder() {
    }

    /** The request as UTF-8 JSON bytes. */
    public byte[] encode(Resource resource, List<SpanData> spans) {
        int estimate = 512 + (spans == null ? 0 : Math.min(spans.size(), 100_000) * 384);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(estimate);
        encode(resource, spans, buffer);
        return buffer.toByteArray();
    }

    /**
     * Writes the request as UTF-8 JSON to {@code out} and flushes it. The stream is not closed.
     *
     * @throws UncheckedIOException when writing to {@code out} fails
     */
    public void encode(Resource resource, List<SpanData> spans, OutputStream out) {
        Objects.requireNonNull(out, "out");
        try (JsonGenerator json = factory().createGenerator(new NonClosingOutputStream(out))) {
            json.writeStartObject();
            json.writeStartArray("resourceSpans");
            json.writeStartObject();

            json.writeStartObject("resource");
            json.writeStartArray("attributes");
            if (resource != null) {
                writeAttributeList(json, resource.attributes());
            }
            json.writeEnd();
            json.writeEnd(); // resource

            json.writeStartArray("scopeSpans");
            json.writeStartObject();
            json.writeStartObject("scope");
            json.write("name", text(resource == null ? null : resource.scopeName()));
            json.write("version", text(resource == null ? null : resource.scopeVersion()));
            json.writeEnd();
            json.writeStartArray("spans");
            if (spans != null) {
                char[] scratch = new char[32]; // hex ids; confined to this call
                for (SpanData span : spans) {
                    if (span != null) {
                        writeSpan(json, span, scratch);
                    }
                }
            }
            json.writeEnd(); // spans
            json.writeEnd(); // scopeSpans entry
            json.writeEnd(); // scopeSpans

            json.writeEnd(); // resourceSpans entry
            json.writeEnd(); // resourceSpans
            json.writeEnd(); // request
        } catch (JsonException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        }
    }

    /** The generator factory, created on first use; provider lookup is slow, so it happens once. */
    JsonGeneratorFactory factory() {
        JsonGeneratorFactory result = factory;
        if (result == null) {
            synchronized (this) {
                result = factory;
                if (result == null) {
                    result = JsonProvider.provider().createGeneratorFactory(Map.of());
                    factory = result;
                }
            }
        }
        return result;
    }

    private static void writeSpan(JsonGenerator json, SpanData span, char[] scratch) {
        json.writeStartObject();
        writeHex(span.traceIdHigh(), scratch, 0);
        writeHex(span.traceIdLow(), scratch, 16);
        json.write("traceId", new String(scratch, 0, 32));
        writeHex(span.spanId(), scratch, 0);
        json.write("spanId", new String(scratch, 0, 16));
        if (span.parentSpanId() != 0) {
            writeHex(span.parentSpanId(), scratch, 0);
            json.write("parentSpanId", new String(scratch, 0, 16));
        }
        json.write("name", text(span.name()));
        json.write("kind", span.kind());
        // fixed64 in the proto: unsigned
        json.write("startTimeUnixNano", Long.toUnsignedString(span.startEpochNanos()));
        json.write("endTimeUnixNano", Long.toUnsignedString(span.endEpochNanos()));

        Attributes attributes = span.attributes();
        if (attributes != null && attributes.size() > 0) {
            json.writeStartArray("attributes");
            writeAttributeList(json, attributes);
            json.writeEnd();
        }
        if (attributes != null && attributes.overflow() > 0) {
            json.write("droppedAttributesCount", attributes.overflow());
        }

        List<SpanEvent> events = span.events();
        if (events != null && !events.isEmpty()) {
            json.writeStartArray("events");
            for (SpanEvent event : events) {
                if (event != null) {
                    writeEvent(json, event);
                }
            }
            json.writeEnd();
        }

        json.writeStartObject("status");
        json.write("code", span.statusCode());
        String message = span.statusMessage();
        if (message != null && !message.isEmpty()) {
            json.write("message", text(message));
        }
        json.writeEnd();

        json.writeEnd();
    }

    private static void writeEvent(JsonGenerator json, SpanEvent event) {
        json.writeStartObject();
        json.write("timeUnixNano", Long.toUnsignedString(event.epochNanos()));
        json.write("name", text(event.name()));
        Attributes attributes = event.attributes();
        if (attributes != null && attributes.size() > 0) {
            json.writeStartArray("attributes");
            writeAttributeList(json, attributes);
            json.writeEnd();
        }
        if (attributes != null && attributes.overflow() > 0) {
            json.write("droppedAttributesCount", attributes.overflow());
        }
        json.writeEnd();
    }

    /** The {@code KeyValue} entries, inside an array the caller opened. */
    private static void writeAttributeList(JsonGenerator json, Attributes attributes) {
        if (attributes == null) {
            return;
        }
        for (int i = 0, n = attributes.size(); i < n; i++) {
            Object value = attributes.value(i);
            if (value == null) {
                continue;
            }
            json.writeStartObject();
            json.write("key", text(attributes.key(i)));
            json.writeStartObject("value");
            writeAnyValue(json, value);
            json.writeEnd();
            json.writeEnd();
        }
    }

    /** One member of an {@code AnyValue} object. */
    private static void writeAnyValue(JsonGenerator json, Object value) {
        if (value instanceof String s) {
            json.write("stringValue", text(s));
        } else if (value instanceof Boolean b) {
            json.write("boolValue", b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            json.write("intValue", Long.toString(((Number) value).longValue()));
        } else if (value instanceof Double d) {
            writeDouble(json, d);
        } else if (value instanceof Float f) {
            // the float's shortest decimal form (1.1f is "1.1", not 1.100000023841858)
            writeDouble(json, Float.isFinite(f) ? Double.parseDouble(Float.toString(f)) : f.doubleValue());
        } else {
            json.write("stringValue", text(describe(value)));
        }
    }

    private static void writeDouble(JsonGenerator json, double value) {
        if (Double.isFinite(value)) {
            json.write("doubleValue", value);
        } else if (Double.isNaN(value)) {
            json.write("doubleValue", "NaN");
        } else {
            json.write("doubleValue", value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static String describe(Object value) {
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return value.getClass().getName();
        }
    }

    /** Null as empty; unpaired surrogates replaced by U+FFFD. Returns {@code value} itself when clean. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return repairSurrogates(value, i);
                }
            }
        }
        return value;
    }

    private static String repairSurrogates(String value, int from) {
        char[] chars = value.toCharArray();
        for (int i = from; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                chars[i] = REPLACEMENT;
            }
        }
        return new String(chars);
    }

    private static void writeHex(long value, char[] out, int offset) {
        for (int i = offset + 15; i >= offset; i--) {
            out[i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }

    /** JSON-P's {@code close()} closes the underlying stream; the caller owns {@code out}, so only flush. */
    private static final class NonClosingOutputStream extends FilterOutputStream {

        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
