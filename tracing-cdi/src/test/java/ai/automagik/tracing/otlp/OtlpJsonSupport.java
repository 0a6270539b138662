package ai.automagik.tracing.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads encoder output the way a strict OTLP/JSON receiver would: strict UTF-8, the OTLP/JSON wire rules
 * checked on the JSON-P tree, then the official protobuf schema via {@link JsonFormat} (unknown fields
 * rejected). Independent of the encoder's own helpers.
 */
final class OtlpJsonSupport {

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern UNSIGNED = Pattern.compile("0|[1-9][0-9]*");
    private static final Pattern SIGNED = Pattern.compile("0|-?[1-9][0-9]*");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z]*");
    private static final Set<String> ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId");
    private static final Set<String> TIME_FIELDS = Set.of("startTimeUnixNano", "endTimeUnixNano", "timeUnixNano");
    private static final Set<String> ENUM_FIELDS = Set.of("kind", "code");

    private OtlpJsonSupport() {
    }

    /** Decodes as UTF-8, failing on any malformed or unmappable byte sequence. */
    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("output is not valid UTF-8", e);
        }
    }

    static JsonObject parseJson(byte[] bytes) {
        try (JsonReader reader = Json.createReader(new StringReader(strictUtf8(bytes)))) {
            return reader.readObject();
        }
    }

    /** Strict UTF-8, OTLP/JSON wire rules, then the protobuf schema; returns the parsed request. */
    static ExportTraceServiceRequest parseOtlp(byte[] bytes) {
        JsonObject json = parseJson(bytes);
        assertWireRules(json, "$");
        try {
            return parseProto(toProtobufJson(json).toString());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("rejected by the OTLP protobuf schema: " + e.getMessage(), e);
        }
    }

    /** The official schema; {@code JsonFormat.parser()} rejects unknown (e.g. misspelt) fields. */
    static ExportTraceServiceRequest parseProto(String protobufJson) throws InvalidProtocolBufferException {
        ExportTraceServiceRequest.Builder builder = ExportTraceServiceRequest.newBuilder();
        JsonFormat.parser().merge(protobufJson, builder);
        return builder.build();
    }

    /**
     * OTLP/JSON rules that protobuf's own JSON parser would not catch: hex ids, numeric enums,
     * 64-bit integers as strings, lowerCamelCase member names (protobuf also accepts snake_case).
     */
    static void assertWireRules(JsonValue value, String path) {
        if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                assertWireRules(array.get(i), path + "[" + i + "]");
            }
            return;
        }
        if (!(value instanceof JsonObject object)) {
            return;
        }
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            String name = member.getKey();
            String at = path + "." + name;
            JsonValue v = member.getValue();
            assertThat(name).as(at).matches(FIELD_NAME);
            switch (name) {
                case "traceId" -> assertThat(stringOf(v, at)).as(at).matches(TRACE_ID);
                case "spanId", "parentSpanId" -> assertThat(stringOf(v, at)).as(at).matches(SPAN_ID);
                case "intValue" -> assertThat(stringOf(v, at)).as(at).matches(SIGNED);
                default -> {
                    if (TIME_FIELDS.contains(name)) {
                        assertThat(stringOf(v, at)).as(at).matches(UNSIGNED);
                    } else if (ENUM_FIELDS.contains(name)) {
                        assertThat(v).as(at + " is a JSON number").isInstanceOf(JsonNumber.class);
                        assertThat(((JsonNumber) v).isIntegral()).as(at + " is integral").isTrue();
                    }
                }
            }
            assertWireRules(v, at);
        }
    }

    private static String stringOf(JsonValue value, String at) {
        if (!(value instanceof JsonString string)) {
            return fail("%s should be a JSON string but is %s", at, value);
        }
        return string.getString();
    }

    /** A copy with hex ids turned into base64, the form protobuf's canonical JSON wants for bytes. */
    static JsonValue toProtobufJson(JsonValue value) {
        if (value instanceof JsonArray array) {
            JsonArrayBuilder copy = Json.createArrayBuilder();
            array.forEach(element -> copy.add(toProtobufJson(element)));
            return copy.build();
        }
        if (value instanceof JsonObject object) {
            JsonObjectBuilder copy = Json.createObjectBuilder();
            object.forEach((name, member) -> {
                if (ID_FIELDS.contains(name) && member instanceof JsonString hex) {
                    copy.add(name, Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex.getString())));
                } else {
                    copy.add(name, toProtobufJson(member));
                }
            });
            return copy.build();
        }
        return value;
    }

    static ByteString bytes(long... words) {
        ByteBuffer buffer = ByteBuffer.allocate(words.length * 8);
        for (long word : words) {
            buffer.putLong(word);
        }
        return ByteString.copyFrom(buffer.array());
    }

    /** What a string should read as after encoding: null as empty, lone surrogates as U+FFFD. */
    static String expectedText(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        value.codePoints().forEach(cp -> sb.appendCodePoint(
                cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE ? 0xFFFD : cp));
        return sb.toString();
    }

    static void assertSpanMatches(OtlpSpan in, Span out) {
        String what = "span " + in.name();
        assertThat(out.getTraceId()).as(what + " traceId").isEqualTo(bytes(in.traceIdHigh(), in.traceIdLow()));
        assertThat(out.getSpanId()).as(what + " spanId").isEqualTo(bytes(in.spanId()));
        assertThat(out.getParentSpanId()).as(what + " parentSpanId")
                .isEqualTo(in.parentSpanId() == 0 ? ByteString.EMPTY : bytes(in.parentSpanId()));
        assertThat(out.getName()).as(what + " name").isEqualTo(expectedText(in.name()));
        assertThat(out.getKindValue()).as(what + " kind").isEqualTo(in.kind());
        assertThat(out.getStartTimeUnixNano()).as(what + " start").isEqualTo(in.startEpochNanos());
        assertThat(out.getEndTimeUnixNano()).as(what + " end").isEqualTo(in.endEpochNanos());
        assertAttributesMatch(in.attributes(), out.getAttributesList(), what);
        assertThat(out.getDroppedAttributesCount()).as(what + " dropped")
                .isEqualTo(in.attributes() == null ? 0 : in.attributes().overflow());

        List<SpanEvent> events = in.events() == null ? List.of()
                : in.events().stream().filter(e -> e != null).toList();
        assertThat(out.getEventsCount()).as(what + " events").isEqualTo(events.size());
        for (int i = 0; i < events.size(); i++) {
            SpanEvent event = events.get(i);
            Span.Event actual = out.getEvents(i);
            assertThat(actual.getName()).as(what + " event name").isEqualTo(expectedText(event.name()));
            assertThat(actual.getTimeUnixNano()).as(what + " event time").isEqualTo(event.epochNanos());
            assertAttributesMatch(event.attributes(), actual.getAttributesList(), what + " event " + i);
        }

        assertThat(out.getStatus().getCodeValue()).as(what + " status code").isEqualTo(in.statusCode());
        assertThat(out.getStatus().getMessage()).as(what + " status message").isEqualTo(expectedText(in.statusMessage()));
    }

    static void assertAttributesMatch(Attributes in, List<KeyValue> out, String what) {
        int size = in == null ? 0 : in.size();
        assertThat(out).as(what + " attribute count").hasSize(size);
        for (int i = 0; i < size; i++) {
            String at = what + " attribute " + i;
            assertThat(out.get(i).getKey()).as(at + " key").isEqualTo(expectedText(in.key(i)));
            assertValueMatches(in.value(i), out.get(i).getValue(), at + " (" + in.key(i) + ")");
        }
    }

    static void assertValueMatches(Object in, AnyValue out, String at) {
        if (in instanceof String s) {
            assertThat(out.getValueCase()).as(at).isEqualTo(AnyValue.ValueCase.STRING_VALUE);
            assertThat(out.getStringValue()).as(at).isEqualTo(expectedText(s));
        } else if (in instanceof Boolean b) {
            assertThat(out.getValueCase()).as(at).isEqualTo(AnyValue.ValueCase.BOOL_VALUE);
            assertThat(out.getBoolValue()).as(at).isEqualTo(b);
        } else if (in instanceof Long || in instanceof Integer || in instanceof Short || in instanceof Byte) {
            assertThat(out.getValueCase()).as(at).isEqualTo(AnyValue.ValueCase.INT_VALUE);
            assertThat(out.getIntValue()).as(at).isEqualTo(((Number) in).longValue());
        } else if (in instanceof Double || in instanceof Float) {
            double expected = in instanceof Float f ? Double.parseDouble(f.toString()) : (Double) in;
            assertThat(out.getValueCase()).as(at).isEqualTo(AnyValue.ValueCase.DOUBLE_VALUE);
            double actual = out.getDoubleValue();
            // == also equates 0.0 and -0.0: protobuf parses numbers through BigDecimal, which has no -0
            assertThat(actual == expected || Double.isNaN(actual) && Double.isNaN(expected))
                    .as("%s: %s read back as %s", at, expected, actual).isTrue();
        } else if (in instanceof java.util.List<?> list) {
            assertThat(out.getValueCase()).as(at).isEqualTo(AnyValue.ValueCase.ARRAY_VALUE);
            List<?> present = list.stream().filter(java.util.Objects::nonNull).toList();
            assertThat(out.getArrayValue().getValuesCount()).as(at + " size").isEqualTo(present.size());
            for (int i = 0; i < present.size(); i++) {
                assertValueMatches(present.get(i), out.getArrayValue().getValues(i), at + "[" + i + "]");
            }
        } else {
            assertThat(out.getValueCase()).as(at).isEqualTo(AnyValue.ValueCase.STRING_VALUE);
            assertThat(out.getStringValue()).as(at).isEqualTo(expectedText(String.valueOf(in)));
        }
    }

    static OtlpSpan span(long high, long low, long spanId, long parent, String name, Attributes attributes,
            List<SpanEvent> events, int statusCode, String statusMessage) {
        return new OtlpSpan(high, low, spanId, parent, name, OtlpSpan.KIND_INTERNAL, 1_700_000_000_000_000_000L,
                1_700_000_000_123_456_789L, attributes, events, statusCode, statusMessage);
    }
}
