package ai.automagik.tracing.otlp;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The encoder's output checked against the official OTLP protobuf schema and the OTLP/JSON rules. */
class OtlpJsonEncoderTest {

    private final OtlpJsonEncoder encoder = new OtlpJsonEncoder();

    private static Resource resource() {
        Attributes attributes = new Attributes();
        attributes.put("service.name", "automagik-agents");
        attributes.put("service.version", "1.0.0");
        attributes.put("service.organization", "namastex");
        attributes.put("user.id", "0123456789abcdef");
        attributes.put("session.id", "6f1c1c9e-58a4-4c8a-9d55-5d3c5e0f7a11");
        attributes.put("telemetry.sdk.name", "automagik-tracing-java");
        attributes.put("telemetry.sdk.version", "0.1.0");
        return new Resource(attributes, "ai.automagik.tracing", "0.1.0");
    }

    private static OtlpSpan span(long high, long low, long id, long parent, Attributes attributes, List<SpanEvent> events,
            int status, String message) {
        return new OtlpSpan(high, low, id, parent, "agent.run", OtlpSpan.KIND_INTERNAL, 1_700_000_000_123_456_789L,
                1_700_000_001_987_654_321L, attributes, events, status, message);
    }

    private static JsonObject parse(byte[] json) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            return reader.readObject();
        }
    }

    /** OTLP/JSON carries ids as hex where protobuf's canonical JSON wants base64: convert them for the parser. */
    private static ExportTraceServiceRequest toProto(JsonObject otlp) throws Exception {
        String canonical = convertIds(otlp).toString();
        ExportTraceServiceRequest.Builder builder = ExportTraceServiceRequest.newBuilder();
        JsonFormat.parser().merge(canonical, builder);
        return builder.build();
    }

    private static JsonValue convertIds(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder copy = Json.createObjectBuilder();
            object.forEach((key, v) -> {
                if ((key.equals("traceId") || key.equals("spanId") || key.equals("parentSpanId"))
                        && v.getValueType() == JsonValue.ValueType.STRING) {
                    byte[] bytes = HexFormat.of().parseHex(((jakarta.json.JsonString) v).getString());
                    copy.add(key, Base64.getEncoder().encodeToString(bytes));
                } else {
                    copy.add(key, convertIds(v));
                }
            });
            return copy.build();
        }
        if (value instanceof JsonArray array) {
            var copy = Json.createArrayBuilder();
            array.forEach(v -> copy.add(convertIds(v)));
            return copy.build();
        }
        return value;
    }

    private static ByteString bytes(long... longs) {
        ByteBuffer buffer = ByteBuffer.allocate(longs.length * 8);
        for (long l : longs) {
            buffer.putLong(l);
        }
        return ByteString.copyFrom(buffer.array());
    }

    @Test
    void emitsTheSeedEnvelopeThatTheOfficialSchemaAccepts() throws Exception {
        Attributes attributes = new Attributes();
        attributes.put("event.agent_name", "simple");
        attributes.put("event.success", true);
        attributes.put("event.duration_ms", 1234.5);
        attributes.put("event.input_tokens", Long.MAX_VALUE);
        attributes.put("event.negative", Long.MIN_VALUE);
        Attributes exception = new Attributes();
        exception.put("exception.type", "java.lang.IllegalStateException");
        List<SpanEvent> events = List.of(new SpanEvent("exception", 1_700_000_000_500_000_000L, exception));
        OtlpSpan root = span(0xffffffffffffffffL, 0x0123456789abcdefL, 0x8000000000000001L, 0, attributes, events,
                OtlpSpan.STATUS_ERROR, "tool broke");
        OtlpSpan child = new OtlpSpan(0xffffffffffffffffL, 0x0123456789abcdefL, 42, 0x8000000000000001L, "chat gpt",
                OtlpSpan.KIND_CLIENT, 1, 2, new Attributes(), List.of(), OtlpSpan.STATUS_OK, null);

        byte[] json = encoder.encode(resource(), List.of(root, child));
        JsonObject otlp = parse(json);

        JsonObject rs = otlp.getJsonArray("resourceSpans").getJsonObject(0);
        assertThat(rs.getJsonObject("resource").getJsonArray("attributes")).extracting(v -> v.asJsonObject().getString("key"))
                .containsExactly("service.name", "service.version", "service.organization", "user.id", "session.id",
                        "telemetry.sdk.name", "telemetry.sdk.version");
        JsonObject scopeSpans = rs.getJsonArray("scopeSpans").getJsonObject(0);
        assertThat(scopeSpans.getJsonObject("scope").getString("name")).isEqualTo("ai.automagik.tracing");
        JsonObject first = scopeSpans.getJsonArray("spans").getJsonObject(0);
        assertThat(first.getString("traceId")).isEqualTo("ffffffffffffffff0123456789abcdef");
        assertThat(first.getString("spanId")).isEqualTo("8000000000000001");
        assertThat(first.containsKey("parentSpanId")).isFalse();
        assertThat(first.get("kind").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
        assertThat(first.getJsonObject("status").get("code").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
        assertThat(first.get("startTimeUnixNano").getValueType()).isEqualTo(JsonValue.ValueType.STRING);
        assertThat(first.getString("startTimeUnixNano")).isEqualTo("1700000000123456789");
        JsonObject intValue = first.getJsonArray("attributes").getJsonObject(3).getJsonObject("value");
        assertThat(intValue.get("intValue").getValueType()).isEqualTo(JsonValue.ValueType.STRING);
        assertThat(scopeSpans.getJsonArray("spans").getJsonObject(1).getString("parentSpanId")).isEqualTo("8000000000000001");

        ExportTraceServiceRequest request = toProto(otlp);
        ResourceSpans resourceSpans = request.getResourceSpans(0);
        assertThat(resourceSpans.getResource().getAttributesList()).extracting(KeyValue::getKey).contains("user.id");
        Span parsedRoot = resourceSpans.getScopeSpans(0).getSpans(0);
        assertThat(parsedRoot.getTraceId()).isEqualTo(bytes(0xffffffffffffffffL, 0x0123456789abcdefL));
        assertThat(parsedRoot.getSpanId()).isEqualTo(bytes(0x8000000000000001L));
        assertThat(parsedRoot.getParentSpanId()).isEmpty();
        assertThat(parsedRoot.getName()).isEqualTo("agent.run");
        assertThat(parsedRoot.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_INTERNAL);
        assertThat(parsedRoot.getStartTimeUnixNano()).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(parsedRoot.getEndTimeUnixNano()).isEqualTo(1_700_000_001_987_654_321L);
        assertThat(parsedRoot.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
        assertThat(parsedRoot.getStatus().getMessage()).isEqualTo("tool broke");
        Map<String, AnyValue> values = new java.util.LinkedHashMap<>();
        parsedRoot.getAttributesList().forEach(kv -> values.put(kv.getKey(), kv.getValue()));
        assertThat(values.get("event.agent_name").getStringValue()).isEqualTo("simple");
        assertThat(values.get("event.success").getBoolValue()).isTrue();
        assertThat(values.get("event.duration_ms").getDoubleValue()).isEqualTo(1234.5);
        assertThat(values.get("event.input_tokens").getIntValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(values.get("event.negative").getIntValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(parsedRoot.getEvents(0).getName()).isEqualTo("exception");
        assertThat(parsedRoot.getEvents(0).getTimeUnixNano()).isEqualTo(1_700_000_000_500_000_000L);
        Span parsedChild = resourceSpans.getScopeSpans(0).getSpans(1);
        assertThat(parsedChild.getParentSpanId()).isEqualTo(bytes(0x8000000000000001L));
        assertThat(parsedChild.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(parsedChild.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_OK);
    }

    @Test
    void nonFiniteDoublesUseTheSpellingProtobufAccepts() throws Exception {
        Attributes attributes = new Attributes();
        attributes.put("nan", Double.NaN);
        attributes.put("inf", Double.POSITIVE_INFINITY);
        attributes.put("ninf", Double.NEGATIVE_INFINITY);
        attributes.put("negative", -0.25);
        ExportTraceServiceRequest request = toProto(parse(encoder.encode(resource(),
                List.of(span(1, 2, 3, 0, attributes, List.of(), 0, null)))));
        List<KeyValue> parsed = request.getResourceSpans(0).getScopeSpans(0).getSpans(0).getAttributesList();
        assertThat(parsed.get(0).getValue().getDoubleValue()).isNaN();
        assertThat(parsed.get(1).getValue().getDoubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parsed.get(2).getValue().getDoubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parsed.get(3).getValue().getDoubleValue()).isEqualTo(-0.25);
    }

    @Test
    void controlCharactersAndLoneSurrogatesStillGiveValidUtf8() throws CharacterCodingException {
        Attributes attributes = new Attributes();
        attributes.put("bad\uD800key", "value \u0000\u0001\u001f with \uDC00 lone \uD83D surrogates \uD83D\uDE00 ok");
        byte[] json = encoder.encode(resource(), List.of(span(1, 2, 3, 0, attributes, List.of(), 0, null)));
        String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json)).toString();
        JsonObject attribute = parse(json).getJsonArray("resourceSpans").getJsonObject(0).getJsonArray("scopeSpans")
                .getJsonObject(0).getJsonArray("spans").getJsonObject(0).getJsonArray("attributes").getJsonObject(0);
        assertThat(attribute.getString("key")).isEqualTo("bad\uFFFDkey");
        assertThat(attribute.getJsonObject("value").getString("stringValue"))
                .isEqualTo("value \u0000\u0001\u001f with \uFFFD lone \uFFFD surrogates \uD83D\uDE00 ok");
        assertThat(decoded).doesNotContain("\u0000");
    }

    @Test
    void manyAttributesAndConcurrentEncodingGiveIdenticalOutput() throws Exception {
        Attributes attributes = new Attributes(10_000);
        for (int i = 0; i < 10_000; i++) {
            attributes.put("key." + i, i % 2 == 0 ? (Object) ("value " + i) : (Object) (long) i);
        }
        List<OtlpSpan> spans = List.of(span(7, 8, 9, 0, attributes, List.of(), 1, null));
        byte[] expected = encoder.encode(resource(), spans);
        assertThat(toProto(parse(expected)).getResourceSpans(0).getScopeSpans(0).getSpans(0).getAttributesCount())
                .isEqualTo(10_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> encoder.encode(resource(), spans)));
            }
            for (Future<byte[]> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void overflowingAttributesAreReportedAsDropped() throws Exception {
        Attributes attributes = new Attributes(2);
        attributes.put("a", "1").put("b", "2").put("c", "3");
        Span parsed = toProto(parse(encoder.encode(resource(), List.of(span(1, 2, 3, 0, attributes, List.of(), 0, null)))))
                .getResourceSpans(0).getScopeSpans(0).getSpans(0);
        assertThat(parsed.getAttributesCount()).isEqualTo(2);
        assertThat(parsed.getDroppedAttributesCount()).isEqualTo(1);
    }
}
