package ai.automagik.tracing.otlp;

import java.util.List;

/**
 * Writes spans as an OTLP/HTTP protobuf {@code ExportTraceServiceRequest} (opentelemetry-proto's
 * {@code collector/trace/v1} and {@code trace/v1} messages): one {@code ResourceSpans} with the resource attributes
 * and one {@code ScopeSpans} holding every span, as {@link OtlpJsonEncoder} writes them in JSON, field for field.
 * Zero values are left out as proto3 does; ids are raw bytes; times are {@code fixed64}. Attribute values as the JSON
 * encoder takes them: strings, booleans, integral numbers ({@code int_value}), floating ones ({@code double_value}),
 * lists ({@code array_value}), anything else as the string of its {@code toString()}. Stateless and thread-safe.
 */
public final class OtlpProtobufEncoder implements OtlpEncoder {

    // ExportTraceServiceRequest
    private static final int REQUEST_RESOURCE_SPANS = 1;
    // ResourceSpans, Resource, ScopeSpans, InstrumentationScope
    private static final int RESOURCE_SPANS_RESOURCE = 1;
    private static final int RESOURCE_SPANS_SCOPE_SPANS = 2;
    private static final int RESOURCE_ATTRIBUTES = 1;
    private static final int SCOPE_SPANS_SCOPE = 1;
    private static final int SCOPE_SPANS_SPANS = 2;
    private static final int SCOPE_NAME = 1;
    private static final int SCOPE_VERSION = 2;
    // Span
    private static final int SPAN_TRACE_ID = 1;
    private static final int SPAN_SPAN_ID = 2;
    private static final int SPAN_TRACE_STATE = 3;
    private static final int SPAN_PARENT_SPAN_ID = 4;
    private static final int SPAN_NAME = 5;
    private static final int SPAN_KIND = 6;
    private static final int SPAN_START_TIME = 7;
    private static final int SPAN_END_TIME = 8;
    private static final int SPAN_ATTRIBUTES = 9;
    private static final int SPAN_DROPPED_ATTRIBUTES = 10;
    private static final int SPAN_EVENTS = 11;
    private static final int SPAN_STATUS = 15;
    // Span.Event, Status
    private static final int EVENT_TIME = 1;
    private static final int EVENT_NAME = 2;
    private static final int EVENT_ATTRIBUTES = 3;
    private static final int EVENT_DROPPED_ATTRIBUTES = 4;
    private static final int STATUS_MESSAGE = 2;
    private static final int STATUS_CODE = 3;
    // KeyValue, AnyValue, ArrayValue
    private static final int KEY_VALUE_KEY = 1;
    private static final int KEY_VALUE_VALUE = 2;
    private static final int ANY_STRING = 1;
    private static final int ANY_BOOL = 2;
    private static final int ANY_INT = 3;
    private static final int ANY_DOUBLE = 4;
    private static final int ANY_ARRAY = 5;
    private static final int ARRAY_VALUES = 1;

    // guesses of a message's size, to leave room for its length prefix (a wrong guess costs one move)
    private static final int SMALL = 100;
    private static final int SPAN = 1000;

    private final SpareBuffer<ProtoBytes> spare = new SpareBuffer<>(ProtoBytes::new);

    @Override
    public <R> R encode(Resource resource, List<? extends EncodableSpan> spans, BodyUse<R> use) {
        return spare.encode(estimate(spans), proto -> write(proto, resource, spans), use);
    }

    private static int estimate(List<? extends EncodableSpan> spans) {
        return 512 + (spans == null ? 0 : Math.min(spans.size(), 100_000) * 512);
    }

    private static void write(ProtoBytes proto, Resource resource, List<? extends EncodableSpan> spans) {
        int expected = estimate(spans);
        proto.beginMessage(REQUEST_RESOURCE_SPANS, expected);
        proto.beginMessage(RESOURCE_SPANS_RESOURCE, SPAN);
        if (resource != null) {
            writeAttributes(proto, RESOURCE_ATTRIBUTES, resource.attributes());
        }
        proto.endMessage();
        proto.beginMessage(RESOURCE_SPANS_SCOPE_SPANS, expected);
        proto.beginMessage(SCOPE_SPANS_SCOPE, SMALL);
        if (resource != null) {
            proto.string(SCOPE_NAME, resource.scopeName());
            proto.string(SCOPE_VERSION, resource.scopeVersion());
        }
        proto.endMessage();
        if (spans != null) {
            for (EncodableSpan span : spans) {
                if (span != null) {
                    writeSpan(proto, span);
                }
            }
        }
        proto.endMessage(); // ScopeSpans
        proto.endMessage(); // ResourceSpans
    }

    private static void writeSpan(ProtoBytes proto, EncodableSpan span) {
        proto.beginMessage(SCOPE_SPANS_SPANS, SPAN);
        proto.id(SPAN_TRACE_ID, span.traceIdHigh(), span.traceIdLow(), 16);
        proto.id(SPAN_SPAN_ID, 0, span.spanId(), 8);
        proto.string(SPAN_TRACE_STATE, span.traceState());
        if (span.parentSpanId() != 0) {
            proto.id(SPAN_PARENT_SPAN_ID, 0, span.parentSpanId(), 8);
        }
        proto.string(SPAN_NAME, span.name());
        proto.varint(SPAN_KIND, span.kind());
        proto.fixed64(SPAN_START_TIME, span.startEpochNanos());
        proto.fixed64(SPAN_END_TIME, span.endEpochNanos());
        Attributes attributes = span.attributes();
        writeAttributes(proto, SPAN_ATTRIBUTES, attributes);
        ConstantAttributes constant = span.constantAttributes();
        if (constant != null) {
            proto.raw(constant.protobuf());
        }
        if (attributes != null) {
            proto.varint(SPAN_DROPPED_ATTRIBUTES, attributes.overflow());
        }
        List<SpanEvent> events = span.events();
        if (events != null) {
            for (SpanEvent event : events) {
                if (event != null) {
                    writeEvent(proto, event);
                }
            }
        }
        // always present, as in the JSON encoding (a message field has presence: an empty one is not an absent one)
        proto.beginMessage(SPAN_STATUS, SMALL);
        proto.string(STATUS_MESSAGE, span.statusMessage());
        proto.varint(STATUS_CODE, span.statusCode());
        proto.endMessage();
        proto.endMessage();
    }

    private static void writeEvent(ProtoBytes proto, SpanEvent event) {
        proto.beginMessage(SPAN_EVENTS, SPAN);
        proto.fixed64(EVENT_TIME, event.epochNanos());
        proto.string(EVENT_NAME, event.name());
        Attributes attributes = event.attributes();
        writeAttributes(proto, EVENT_ATTRIBUTES, attributes);
        if (attributes != null) {
            proto.varint(EVENT_DROPPED_ATTRIBUTES, attributes.overflow());
        }
        proto.endMessage();
    }

    /** The {@code Span.attributes} fields for {@code attributes}: what {@link ConstantAttributes} copies. */
    static byte[] spanAttributeFields(Attributes attributes) {
        ProtoBytes proto = new ProtoBytes(256);
        writeAttributes(proto, SPAN_ATTRIBUTES, attributes);
        return proto.toByteArray();
    }

    /** Each attribute as a {@code KeyValue} in field {@code field}; null values are left out. */
    private static void writeAttributes(ProtoBytes proto, int field, Attributes attributes) {
        if (attributes == null) {
            return;
        }
        for (int i = 0, n = attributes.size(); i < n; i++) {
            Object value = attributes.value(i);
            if (value == null) {
                continue;
            }
            proto.beginMessage(field, SMALL);
            proto.string(KEY_VALUE_KEY, attributes.key(i));
            proto.beginMessage(KEY_VALUE_VALUE, SMALL);
            writeAnyValue(proto, value);
            proto.endMessage();
            proto.endMessage();
        }
    }

    /** The one member of an {@code AnyValue}. */
    private static void writeAnyValue(ProtoBytes proto, Object value) {
        if (value instanceof String s) {
            proto.stringAlways(ANY_STRING, s);
        } else if (value instanceof Boolean b) {
            proto.varintAlways(ANY_BOOL, b ? 1 : 0);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            proto.varintAlways(ANY_INT, ((Number) value).longValue());
        } else if (value instanceof Double d) {
            proto.doubleValue(ANY_DOUBLE, d);
        } else if (value instanceof Float f) {
            // the float's shortest decimal form, as the JSON encoder writes it (1.1f is 1.1, not 1.100000023841858)
            proto.doubleValue(ANY_DOUBLE, Float.isFinite(f) ? Double.parseDouble(Float.toString(f)) : f.doubleValue());
        } else if (value instanceof List<?> list) {
            proto.beginMessage(ANY_ARRAY, SMALL);
            for (Object element : list) {
                if (element != null) {
                    proto.beginMessage(ARRAY_VALUES, SMALL);
                    writeAnyValue(proto, element);
                    proto.endMessage();
                }
            }
            proto.endMessage();
        } else {
            proto.stringAlways(ANY_STRING, describe(value));
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
