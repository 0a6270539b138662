package ai.automagik.tracing.otlp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
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
 * <p>Output is UTF-8. Unpaired UTF-16 surrogates in keys and values become U+FFFD; quotes, backslashes
 * and control characters are escaped. Odd input never throws: a null name, key, resource, list or
 * element is written as empty or skipped. Attribute values: {@link String}, {@link Boolean},
 * {@link Long}/{@link Integer}/{@link Short}/{@link Byte} ({@code intValue}), {@link Double}/{@link Float}
 * ({@code doubleValue}), a {@link List} of these ({@code arrayValue}, for {@code string[]} attributes such as
 * {@code gen_ai.response.finish_reasons}); anything else is written as the {@code stringValue} of its
 * {@code toString()}.
 *
 * <p>Written straight into bytes by {@link JsonBytes} rather than through a JSON-P generator: encoding is
 * most of an export's CPU, and this way costs about a third. Stateless and thread-safe.
 */
public final class OtlpJsonEncoder implements OtlpEncoder {

    private static final JsonBytes.Name RESOURCE_SPANS = new JsonBytes.Name("resourceSpans");
    private static final JsonBytes.Name RESOURCE = new JsonBytes.Name("resource");
    private static final JsonBytes.Name ATTRIBUTES = new JsonBytes.Name("attributes");
    private static final JsonBytes.Name SCOPE_SPANS = new JsonBytes.Name("scopeSpans");
    private static final JsonBytes.Name SCOPE = new JsonBytes.Name("scope");
    private static final JsonBytes.Name NAME = new JsonBytes.Name("name");
    private static final JsonBytes.Name VERSION = new JsonBytes.Name("version");
    private static final JsonBytes.Name SPANS = new JsonBytes.Name("spans");
    private static final JsonBytes.Name TRACE_ID = new JsonBytes.Name("traceId");
    private static final JsonBytes.Name SPAN_ID = new JsonBytes.Name("spanId");
    private static final JsonBytes.Name PARENT_SPAN_ID = new JsonBytes.Name("parentSpanId");
    private static final JsonBytes.Name TRACE_STATE = new JsonBytes.Name("traceState");
    private static final JsonBytes.Name KIND = new JsonBytes.Name("kind");
    private static final JsonBytes.Name START_TIME = new JsonBytes.Name("startTimeUnixNano");
    private static final JsonBytes.Name END_TIME = new JsonBytes.Name("endTimeUnixNano");
    private static final JsonBytes.Name TIME = new JsonBytes.Name("timeUnixNano");
    private static final JsonBytes.Name DROPPED_ATTRIBUTES = new JsonBytes.Name("droppedAttributesCount");
    private static final JsonBytes.Name EVENTS = new JsonBytes.Name("events");
    private static final JsonBytes.Name STATUS = new JsonBytes.Name("status");
    private static final JsonBytes.Name CODE = new JsonBytes.Name("code");
    private static final JsonBytes.Name MESSAGE = new JsonBytes.Name("message");
    private static final JsonBytes.Name KEY = new JsonBytes.Name("key");
    private static final JsonBytes.Name VALUE = new JsonBytes.Name("value");
    private static final JsonBytes.Name STRING_VALUE = new JsonBytes.Name("stringValue");
    private static final JsonBytes.Name BOOL_VALUE = new JsonBytes.Name("boolValue");
    private static final JsonBytes.Name INT_VALUE = new JsonBytes.Name("intValue");
    private static final JsonBytes.Name DOUBLE_VALUE = new JsonBytes.Name("doubleValue");
    private static final JsonBytes.Name ARRAY_VALUE = new JsonBytes.Name("arrayValue");
    private static final JsonBytes.Name VALUES = new JsonBytes.Name("values");

    private final SpareBuffer<JsonBytes> spare = new SpareBuffer<>(JsonBytes::new);

    public OtlpJsonEncoder() {
    }

    @Override
    public <R> R encode(Resource resource, List<? extends EncodableSpan> spans, BodyUse<R> use) {
        return spare.encode(estimate(spans), json -> write(json, resource, spans), use);
    }

    private static int estimate(List<? extends EncodableSpan> spans) {
        return 512 + (spans == null ? 0 : Math.min(spans.size(), 100_000) * 1024);
    }

    private static void write(JsonBytes json, Resource resource, List<? extends EncodableSpan> spans) {
        json.beginObject();
        json.beginArray(RESOURCE_SPANS);
        json.beginObject();

        json.beginObject(RESOURCE);
        json.beginArray(ATTRIBUTES);
        if (resource != null) {
            writeAttributeList(json, resource.attributes());
        }
        json.endArray();
        json.endObject();

        json.beginArray(SCOPE_SPANS);
        json.beginObject();
        json.beginObject(SCOPE);
        json.string(NAME, resource == null ? null : resource.scopeName());
        json.string(VERSION, resource == null ? null : resource.scopeVersion());
        json.endObject();
        json.beginArray(SPANS);
        if (spans != null) {
            for (EncodableSpan span : spans) {
                if (span != null) {
                    writeSpan(json, span);
                }
            }
        }
        json.endArray(); // spans
        json.endObject(); // scopeSpans entry
        json.endArray(); // scopeSpans

        json.endObject(); // resourceSpans entry
        json.endArray(); // resourceSpans
        json.endObject(); // request
    }

    /**
     * Writes the request as UTF-8 JSON to {@code out} and flushes it. The stream is not closed.
     *
     * @throws UncheckedIOException when writing to {@code out} fails
     */
    public void encode(Resource resource, List<? extends EncodableSpan> spans, OutputStream out) {
        Objects.requireNonNull(out, "out");
        byte[] bytes = encode(resource, spans);
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSpan(JsonBytes json, EncodableSpan span) {
        json.beginObject();
        json.hex(TRACE_ID, span.traceIdHigh(), span.traceIdLow(), true);
        json.hex(SPAN_ID, 0, span.spanId(), false);
        String traceState = span.traceState();
        if (traceState != null && !traceState.isEmpty()) {
            json.string(TRACE_STATE, traceState);
        }
        if (span.parentSpanId() != 0) {
            json.hex(PARENT_SPAN_ID, 0, span.parentSpanId(), false);
        }
        json.string(NAME, span.name());
        json.number(KIND, span.kind());
        // fixed64 in the proto: unsigned
        json.unsignedInt64String(START_TIME, span.startEpochNanos());
        json.unsignedInt64String(END_TIME, span.endEpochNanos());

        Attributes attributes = span.attributes();
        ConstantAttributes constant = span.constantAttributes();
        boolean withConstant = constant != null && !constant.isEmpty();
        if ((attributes != null && attributes.size() > 0) || withConstant) {
            json.beginArray(ATTRIBUTES);
            writeAttributeList(json, attributes);
            if (withConstant) {
                json.rawElements(constant.json());
            }
            json.endArray();
        }
        if (attributes != null && attributes.overflow() > 0) {
            json.number(DROPPED_ATTRIBUTES, attributes.overflow());
        }

        List<SpanEvent> events = span.events();
        if (events != null && !events.isEmpty()) {
            json.beginArray(EVENTS);
            for (SpanEvent event : events) {
                if (event != null) {
                    writeEvent(json, event);
                }
            }
            json.endArray();
        }

        json.beginObject(STATUS);
        json.number(CODE, span.statusCode());
        String message = span.statusMessage();
        if (message != null && !message.isEmpty()) {
            json.string(MESSAGE, message);
        }
        json.endObject();

        json.endObject();
    }

    private static void writeEvent(JsonBytes json, SpanEvent event) {
        json.beginObject();
        json.unsignedInt64String(TIME, event.epochNanos());
        json.string(NAME, event.name());
        Attributes attributes = event.attributes();
        if (attributes != null && attributes.size() > 0) {
            json.beginArray(ATTRIBUTES);
            writeAttributeList(json, attributes);
            json.endArray();
        }
        if (attributes != null && attributes.overflow() > 0) {
            json.number(DROPPED_ATTRIBUTES, attributes.overflow());
        }
        json.endObject();
    }

    /** {@code {"attributes":[KeyValue…]}}: what {@link ConstantAttributes} cuts its elements out of. */
    static void writeAttributeArray(JsonBytes json, Attributes attributes) {
        json.beginObject();
        json.beginArray(ATTRIBUTES);
        writeAttributeList(json, attributes);
        json.endArray();
        json.endObject();
    }

    /** The {@code KeyValue} entries, inside an array the caller opened. */
    private static void writeAttributeList(JsonBytes json, Attributes attributes) {
        if (attributes == null) {
            return;
        }
        for (int i = 0, n = attributes.size(); i < n; i++) {
            Object value = attributes.value(i);
            if (value == null) {
                continue;
            }
            if (value instanceof String s) {
                json.keyedStringElement(KEY, attributes.key(i), VALUE, STRING_VALUE, s);
                continue;
            }
            json.beginObject();
            json.string(KEY, attributes.key(i));
            json.beginObject(VALUE);
            writeAnyValue(json, value);
            json.endObject();
            json.endObject();
        }
    }

    /** One member of an {@code AnyValue} object. */
    private static void writeAnyValue(JsonBytes json, Object value) {
        if (value instanceof String s) {
            json.string(STRING_VALUE, s);
        } else if (value instanceof Boolean b) {
            json.bool(BOOL_VALUE, b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            json.int64String(INT_VALUE, ((Number) value).longValue());
        } else if (value instanceof Double d) {
            writeDouble(json, d);
        } else if (value instanceof Float f) {
            // the float's shortest decimal form (1.1f is "1.1", not 1.100000023841858)
            writeDouble(json, Float.isFinite(f) ? Double.parseDouble(Float.toString(f)) : f.doubleValue());
        } else if (value instanceof List<?> list) {
            writeArray(json, list);
        } else {
            json.string(STRING_VALUE, describe(value));
        }
    }

    /** {@code "arrayValue":{"values":[AnyValue…]}}; null elements are skipped, nested lists nest. */
    private static void writeArray(JsonBytes json, List<?> list) {
        json.beginObject(ARRAY_VALUE);
        json.beginArray(VALUES);
        for (Object element : list) {
            if (element != null) {
                json.beginObject();
                writeAnyValue(json, element);
                json.endObject();
            }
        }
        json.endArray();
        json.endObject();
    }

    private static void writeDouble(JsonBytes json, double value) {
        if (Double.isFinite(value)) {
            json.number(DOUBLE_VALUE, value);
        } else if (Double.isNaN(value)) {
            json.string(DOUBLE_VALUE, "NaN");
        } else {
            json.string(DOUBLE_VALUE, value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static String describe(Object value) {
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return value.getClass().getName();
        }
    }
}
