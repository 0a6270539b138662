package ai.automagik.tracing.otlp;

import static ai.automagik.tracing.otlp.OtlpJsonSupport.assertSpanMatches;
import static ai.automagik.tracing.otlp.OtlpJsonSupport.parseJson;
import static ai.automagik.tracing.otlp.OtlpJsonSupport.parseOtlp;
import static ai.automagik.tracing.otlp.OtlpJsonSupport.span;
import static ai.automagik.tracing.otlp.OtlpJsonSupport.strictUtf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpJsonEncoderEdgeCasesTest {

    private final OtlpJsonEncoder encoder = new OtlpJsonEncoder();

    // ---- seed envelope -------------------------------------------------------------------------------

    @Test
    void seedEnvelopeHasExactlyTheExpectedShape() {
        OtlpSpan event = new OtlpSpan(0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L, 0,
                "agent.run", OtlpSpan.KIND_INTERNAL, 1_718_000_000_000_000_000L, 1_718_000_001_234_500_000L,
                new Attributes()
                        .put("system.os", "Linux")
                        .put("event.agent_name", "simple")
                        .put("event.success", true)
                        .put("event.duration_ms", 1234.5)
                        .put("event.input_tokens", 42L),
                List.of(), OtlpSpan.STATUS_OK, null);

        byte[] bytes = encoder.encode(OtlpJsonConformanceTest.seedResource(), List.of(event));
        JsonObject actual = parseJson(bytes);

        JsonObject expected = json("""
                {"resourceSpans": [{
                  "resource": {"attributes": [
                    {"key": "service.name", "value": {"stringValue": "automagik-agents"}},
                    {"key": "service.version", "value": {"stringValue": "1.0.0"}},
                    {"key": "service.organization", "value": {"stringValue": "namastex"}},
                    {"key": "user.id", "value": {"stringValue": "anonymous-hash-id"}},
                    {"key": "session.id", "value": {"stringValue": "session-uuid"}},
                    {"key": "telemetry.sdk.name", "value": {"stringValue": "automagik-tracing"}},
                    {"key": "telemetry.sdk.version", "value": {"stringValue": "0.1.0"}}
                  ]},
                  "scopeSpans": [{
                    "scope": {"name": "ai.automagik.tracing", "version": "0.1.0"},
                    "spans": [{
                      "traceId": "0af7651916cd43dd8448eb211c80319c",
                      "spanId": "b7ad6b7169203331",
                      "name": "agent.run",
                      "kind": 1,
                      "startTimeUnixNano": "1718000000000000000",
                      "endTimeUnixNano": "1718000001234500000",
                      "attributes": [
                        {"key": "system.os", "value": {"stringValue": "Linux"}},
                        {"key": "event.agent_name", "value": {"stringValue": "simple"}},
                        {"key": "event.success", "value": {"boolValue": true}},
                        {"key": "event.duration_ms", "value": {"doubleValue": 1234.5}},
                        {"key": "event.input_tokens", "value": {"intValue": "42"}}
                      ],
                      "status": {"code": 1}
                    }]
                  }]
                }]}
                """);
        assertThat(actual).isEqualTo(expected);

        // JsonObject equality ignores member order; resource attributes must come out in order
        JsonArray resourceAttributes = actual.getJsonArray("resourceSpans").getJsonObject(0)
                .getJsonObject("resource").getJsonArray("attributes");
        assertThat(resourceAttributes.stream().map(a -> a.asJsonObject().getString("key")).toList()).containsExactly(
                "service.name", "service.version", "service.organization", "user.id", "session.id",
                "telemetry.sdk.name", "telemetry.sdk.version");
        assertThat(resourceAttributes).allSatisfy(a ->
                assertThat(a.asJsonObject().getJsonObject("value").keySet()).containsExactly("stringValue"));
        assertThat(actual.keySet()).containsExactly("resourceSpans");
        parseOtlp(bytes);
    }

    // ---- attributes ----------------------------------------------------------------------------------

    @Test
    void emptyAttributeListsAreValid() {
        OtlpSpan empty = span(1, 2, 3, 0, "empty", new Attributes(), List.of(
                new SpanEvent("e", 5, new Attributes())), OtlpSpan.STATUS_UNSET, null);
        byte[] bytes = encoder.encode(new Resource(new Attributes(), "s", "1"), List.of(empty));

        JsonObject out = parseJson(bytes);
        assertThat(resourceAttributesJson(out)).isEmpty();
        assertThat(firstSpanJson(out)).doesNotContainKey("attributes");
        assertThat(firstSpanJson(out).getJsonArray("events").getJsonObject(0)).doesNotContainKey("attributes");
        assertSpanMatches(empty, firstSpan(parseOtlp(bytes)));
    }

    @Test
    void nonFiniteDoublesAreTheProtobufJsonStrings() {
        Attributes attributes = new Attributes()
                .put("nan", Double.NaN)
                .put("inf", Double.POSITIVE_INFINITY)
                .put("-inf", Double.NEGATIVE_INFINITY)
                .put("fnan", Float.NaN)
                .put("finf", Float.NEGATIVE_INFINITY);
        OtlpSpan span = span(1, 2, 3, 0, "d", attributes, null, OtlpSpan.STATUS_OK, null);
        byte[] bytes = encoder.encode(null, List.of(span));

        JsonArray json = firstSpanJson(parseJson(bytes)).getJsonArray("attributes");
        assertThat(json.stream().map(a -> a.asJsonObject().getJsonObject("value").get("doubleValue")))
                .containsExactly(Json.createValue("NaN"), Json.createValue("Infinity"), Json.createValue("-Infinity"),
                        Json.createValue("NaN"), Json.createValue("-Infinity"));
        Span out = firstSpan(parseOtlp(bytes));
        assertThat(out.getAttributes(0).getValue().getDoubleValue()).isNaN();
        assertThat(out.getAttributes(1).getValue().getDoubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(out.getAttributes(2).getValue().getDoubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertSpanMatches(span, out);
    }

    @Test
    void longExtremesAreDecimalStrings() {
        Attributes attributes = new Attributes()
                .put("min", Long.MIN_VALUE)
                .put("max", Long.MAX_VALUE)
                .put("zero", 0L)
                .put("intMin", Integer.MIN_VALUE)
                .put("short", (short) -7)
                .put("byte", (byte) 5);
        // times are fixed64 (unsigned) in the proto: a negative long is its unsigned value, not "-1"
        OtlpSpan span = new OtlpSpan(1, 2, 3, 0, "ints", OtlpSpan.KIND_SERVER, Long.MAX_VALUE, -1L, attributes,
                List.of(new SpanEvent("e", Long.MIN_VALUE, null)), OtlpSpan.STATUS_UNSET, null);
        byte[] bytes = encoder.encode(null, List.of(span));

        JsonObject json = firstSpanJson(parseJson(bytes));
        assertThat(json.getJsonArray("attributes").stream()
                .map(a -> a.asJsonObject().getJsonObject("value").get("intValue")).toList())
                .containsExactly(Json.createValue("-9223372036854775808"), Json.createValue("9223372036854775807"),
                        Json.createValue("0"), Json.createValue("-2147483648"), Json.createValue("-7"),
                        Json.createValue("5"));
        assertThat(json.getString("startTimeUnixNano")).isEqualTo("9223372036854775807");
        assertThat(json.getString("endTimeUnixNano")).isEqualTo("18446744073709551615");
        assertThat(json.getJsonArray("events").getJsonObject(0).getString("timeUnixNano"))
                .isEqualTo("9223372036854775808");
        assertSpanMatches(span, firstSpan(parseOtlp(bytes)));
    }

    @Test
    void negativeAndUnusualDoublesRoundTrip() {
        Attributes attributes = new Attributes()
                .put("neg", -1.5)
                .put("tiny", -1e-300)
                .put("huge", -Double.MAX_VALUE)
                .put("min", Double.MIN_VALUE)
                .put("negZero", -0.0)
                .put("whole", 3.0)
                .put("float", 1.1f);
        OtlpSpan span = span(1, 2, 3, 0, "d", attributes, null, OtlpSpan.STATUS_OK, null);
        byte[] bytes = encoder.encode(null, List.of(span));

        JsonArray json = firstSpanJson(parseJson(bytes)).getJsonArray("attributes");
        assertThat(json).allSatisfy(a ->
                assertThat(a.asJsonObject().getJsonObject("value").get("doubleValue")).isInstanceOf(JsonNumber.class));
        assertThat(doubleAt(json, 0)).isEqualTo(-1.5);
        assertThat(doubleAt(json, 1)).isEqualTo(-1e-300);
        assertThat(doubleAt(json, 2)).isEqualTo(-Double.MAX_VALUE);
        assertThat(doubleAt(json, 3)).isEqualTo(Double.MIN_VALUE);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"doubleValue\":-0.0");
        assertThat(doubleAt(json, 6)).isEqualTo(1.1); // the float's own decimal, not 1.100000023841858
        assertSpanMatches(span, firstSpan(parseOtlp(bytes)));
    }

    @Test
    void otherValueTypesBecomeStringsOfToString() {
        Object throwing = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        Object nullString = new Object() {
            @Override
            public String toString() {
                return null;
            }
        };
        Attributes attributes = new Attributes()
                .put("builder", new StringBuilder("sb"))
                .put("enum", Thread.State.RUNNABLE)
                .put("big", new java.math.BigInteger("123456789012345678901234567890"))
                .put("set", new java.util.TreeSet<>(List.of(1, 2)))
                .put("throwing", throwing)
                .put("nullString", nullString);
        byte[] bytes = encoder.encode(null, List.of(span(1, 2, 3, 0, "o", attributes, null, 0, null)));

        List<AnyValue> values = firstSpan(parseOtlp(bytes)).getAttributesList().stream().map(kv -> kv.getValue()).toList();
        assertThat(values).allSatisfy(v -> assertThat(v.getValueCase()).isEqualTo(AnyValue.ValueCase.STRING_VALUE));
        assertThat(values.stream().map(AnyValue::getStringValue)).containsExactly("sb", "RUNNABLE",
                "123456789012345678901234567890", "[1, 2]", throwing.getClass().getName(), "");
    }

    @Test
    void tenThousandAttributes() {
        Attributes attributes = new Attributes(10_000);
        for (int i = 0; i < 10_000; i++) {
            switch (i % 4) {
                case 0 -> attributes.put("k" + i, "v" + i);
                case 1 -> attributes.put("k" + i, (long) i * 1_000_003L);
                case 2 -> attributes.put("k" + i, i / 7.0);
                default -> attributes.put("k" + i, i % 3 == 0);
            }
        }
        assertThat(attributes.size()).isEqualTo(10_000);
        OtlpSpan span = span(1, 2, 3, 0, "many", attributes, null, OtlpSpan.STATUS_OK, null);

        Span out = firstSpan(parseOtlp(encoder.encode(null, List.of(span))));

        assertThat(out.getAttributesCount()).isEqualTo(10_000);
        assertThat(out.getAttributes(9_999).getKey()).isEqualTo("k9999");
        assertSpanMatches(span, out);
    }

    @Test
    void droppedAttributesAreCounted() {
        Attributes attributes = new Attributes(2).put("a", 1L).put("b", 2L).put("c", 3L).put("d", 4L);
        OtlpSpan span = span(1, 2, 3, 0, "full", attributes, null, OtlpSpan.STATUS_OK, null);
        byte[] bytes = encoder.encode(null, List.of(span));

        assertThat(firstSpanJson(parseJson(bytes)).getInt("droppedAttributesCount")).isEqualTo(2);
        Span out = firstSpan(parseOtlp(bytes));
        assertThat(out.getDroppedAttributesCount()).isEqualTo(2);
        assertSpanMatches(span, out);
    }

    // ---- strings ---------------------------------------------------------------------------------------

    @Test
    void controlCharactersAndLoneSurrogatesGiveValidUtf8() {
        String controls = "a\u0000b\u0001\b\f\n\r\t\u001f\u007f\"\\/";
        String lone = "x\uD800y\uDC00z\uDBFF"; // high alone, low alone, high at the very end
        String reversed = "\uDC00\uD800";
        String paired = "emoji \uD83D\uDE00 ok"; // a real pair stays
        Attributes attributes = new Attributes()
                .put(controls, controls)
                .put(lone, lone)
                .put("rev" + reversed, reversed)
                .put(paired, paired);
        OtlpSpan span = new OtlpSpan(1, 2, 3, 0, lone + controls, OtlpSpan.KIND_INTERNAL, 1, 2, attributes,
                List.of(new SpanEvent("\uD800", 3, new Attributes().put("\uDFFF", "\uD800"))),
                OtlpSpan.STATUS_ERROR, "bad \uDE00 message");
        Resource resource = new Resource(new Attributes().put("service.name", "\uD801"), "scope\uDC01", "v\uD802");

        byte[] bytes = encoder.encode(resource, List.of(span));
        String text = strictUtf8(bytes); // throws on malformed UTF-8

        assertThat(text).doesNotContain("\u0000", "\u0001", "\n", "\u001f");
        JsonObject json = firstSpanJson(parseJson(bytes));
        JsonArray jsonAttributes = json.getJsonArray("attributes");
        assertThat(jsonAttributes.getJsonObject(0).getString("key")).isEqualTo(controls);
        assertThat(stringAt(jsonAttributes, 0)).isEqualTo(controls);
        assertThat(jsonAttributes.getJsonObject(1).getString("key")).isEqualTo("x\uFFFDy\uFFFDz\uFFFD");
        assertThat(stringAt(jsonAttributes, 1)).isEqualTo("x\uFFFDy\uFFFDz\uFFFD");
        assertThat(stringAt(jsonAttributes, 2)).isEqualTo("\uFFFD\uFFFD");
        assertThat(stringAt(jsonAttributes, 3)).isEqualTo(paired);
        assertThat(json.getJsonObject("status").getString("message")).isEqualTo("bad \uFFFD message");

        ExportTraceServiceRequest request = parseOtlp(bytes);
        assertThat(request.getResourceSpans(0).getResource().getAttributes(0).getValue().getStringValue())
                .isEqualTo("\uFFFD");
        assertThat(request.getResourceSpans(0).getScopeSpans(0).getScope().getName()).isEqualTo("scope\uFFFD");
        assertThat(request.getResourceSpans(0).getScopeSpans(0).getScope().getVersion()).isEqualTo("v\uFFFD");
        assertSpanMatches(span, firstSpan(request));
    }

    // ---- ids, status, events -------------------------------------------------------------------------

    @Test
    void idsWithTheHighBitSetAreUnsignedHex() {
        OtlpSpan allOnes = span(0xffffffffffffffffL, 0xffffffffffffffffL, 0xffffffffffffffffL, 0x8000000000000000L,
                "ones", null, null, OtlpSpan.STATUS_OK, null);
        OtlpSpan mixed = span(0x8000000000000000L, 0x0000000000000001L, 0x00000000000000ffL, 0xfedcba9876543210L,
                "mixed", null, null, OtlpSpan.STATUS_OK, null);
        byte[] bytes = encoder.encode(null, List.of(allOnes, mixed));

        JsonArray spans = spansJson(parseJson(bytes));
        assertThat(spans.getJsonObject(0).getString("traceId")).isEqualTo("ffffffffffffffffffffffffffffffff");
        assertThat(spans.getJsonObject(0).getString("spanId")).isEqualTo("ffffffffffffffff");
        assertThat(spans.getJsonObject(0).getString("parentSpanId")).isEqualTo("8000000000000000");
        assertThat(spans.getJsonObject(1).getString("traceId")).isEqualTo("80000000000000000000000000000001");
        assertThat(spans.getJsonObject(1).getString("spanId")).isEqualTo("00000000000000ff");
        assertThat(spans.getJsonObject(1).getString("parentSpanId")).isEqualTo("fedcba9876543210");

        ExportTraceServiceRequest request = parseOtlp(bytes);
        assertSpanMatches(allOnes, request.getResourceSpans(0).getScopeSpans(0).getSpans(0));
        assertSpanMatches(mixed, request.getResourceSpans(0).getScopeSpans(0).getSpans(1));
    }

    @Test
    void rootSpanHasNoParentSpanId() {
        OtlpSpan root = span(1, 2, 3, 0, "root", null, null, OtlpSpan.STATUS_OK, null);
        OtlpSpan child = span(1, 2, 4, 3, "child", null, null, OtlpSpan.STATUS_OK, null);
        JsonArray spans = spansJson(parseJson(encoder.encode(null, List.of(root, child))));

        assertThat(spans.getJsonObject(0)).doesNotContainKey("parentSpanId");
        assertThat(spans.getJsonObject(1).getString("parentSpanId")).isEqualTo("0000000000000003");
    }

    @Test
    void statusMessageOnlyWhenPresent() {
        List<OtlpSpan> spans = List.of(
                span(1, 2, 3, 0, "null", null, null, OtlpSpan.STATUS_ERROR, null),
                span(1, 2, 4, 0, "empty", null, null, OtlpSpan.STATUS_UNSET, ""),
                span(1, 2, 5, 0, "text", null, null, OtlpSpan.STATUS_ERROR, "timeout"));
        byte[] bytes = encoder.encode(null, spans);

        JsonArray json = spansJson(parseJson(bytes));
        assertThat(json.getJsonObject(0).getJsonObject("status")).isEqualTo(json("{\"code\":2}"));
        assertThat(json.getJsonObject(1).getJsonObject("status")).isEqualTo(json("{\"code\":0}"));
        assertThat(json.getJsonObject(2).getJsonObject("status")).isEqualTo(json("{\"code\":2,\"message\":\"timeout\"}"));
        ExportTraceServiceRequest request = parseOtlp(bytes);
        for (int i = 0; i < spans.size(); i++) {
            assertSpanMatches(spans.get(i), request.getResourceSpans(0).getScopeSpans(0).getSpans(i));
        }
    }

    @Test
    void eventsOnlyWhenPresent() {
        OtlpSpan none = span(1, 2, 3, 0, "none", null, null, OtlpSpan.STATUS_OK, null);
        OtlpSpan emptyList = span(1, 2, 4, 0, "empty", null, List.of(), OtlpSpan.STATUS_OK, null);
        OtlpSpan withEvent = span(1, 2, 5, 0, "one", null, List.of(new SpanEvent("exception", 1_234L,
                new Attributes().put("exception.type", "E").put("exception.escaped", true))), OtlpSpan.STATUS_ERROR,
                "E");
        byte[] bytes = encoder.encode(null, List.of(none, emptyList, withEvent));

        JsonArray json = spansJson(parseJson(bytes));
        assertThat(json.getJsonObject(0)).doesNotContainKey("events");
        assertThat(json.getJsonObject(1)).doesNotContainKey("events");
        assertThat(json.getJsonObject(2).getJsonArray("events")).containsExactly(json("""
                {"timeUnixNano": "1234", "name": "exception", "attributes": [
                  {"key": "exception.type", "value": {"stringValue": "E"}},
                  {"key": "exception.escaped", "value": {"boolValue": true}}]}
                """));
        assertSpanMatches(withEvent, parseOtlp(bytes).getResourceSpans(0).getScopeSpans(0).getSpans(2));
    }

    // ---- odd input -------------------------------------------------------------------------------------

    @Test
    void nullsNeverThrow() {
        OtlpSpan nulls = new OtlpSpan(0, 0, 0, 0, null, 0, 0, 0, null, null, 0, null);
        OtlpSpan nullEventParts = span(1, 2, 3, 0, "e", new Attributes(),
                Arrays.asList(null, new SpanEvent(null, 0, null)), OtlpSpan.STATUS_OK, null);
        List<OtlpSpan> spans = Arrays.asList(nulls, null, nullEventParts);

        byte[] withNullResource = encoder.encode(null, spans);
        byte[] withNullParts = encoder.encode(new Resource(null, null, null), spans);
        byte[] nothing = encoder.encode(null, null);

        assertThat(withNullParts).isEqualTo(withNullResource);
        JsonObject json = parseJson(withNullResource);
        assertThat(spansJson(json)).hasSize(2);
        assertThat(spansJson(json).getJsonObject(0).getString("name")).isEmpty();
        assertThat(spansJson(json).getJsonObject(0).getString("traceId")).isEqualTo("0".repeat(32));
        assertThat(spansJson(json).getJsonObject(1).getJsonArray("events")).containsExactly(
                json("{\"timeUnixNano\": \"0\", \"name\": \"\"}"));
        assertThat(json.getJsonArray("resourceSpans").getJsonObject(0).getJsonArray("scopeSpans").getJsonObject(0)
                .getJsonObject("scope")).isEqualTo(json("{\"name\": \"\", \"version\": \"\"}"));
        parseOtlp(withNullResource);
        assertThat(spansJson(parseJson(nothing))).isEmpty();
        parseOtlp(nothing);
        assertThat(parseJson(encoder.encode(null, List.of()))).isEqualTo(parseJson(nothing));
    }

    // ---- streams ---------------------------------------------------------------------------------------

    @Test
    void streamEncodingMatchesBytesAndLeavesTheStreamOpen() {
        List<OtlpSpan> spans = List.of(span(1, 2, 3, 0, "s", new Attributes().put("k", "v"), null, 1, null));
        boolean[] closed = {false};
        ByteArrayOutputStream sink = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        sink.writeBytes("prefix:".getBytes(StandardCharsets.US_ASCII));

        encoder.encode(OtlpJsonConformanceTest.seedResource(), spans, sink);

        assertThat(closed[0]).isFalse();
        byte[] expected = encoder.encode(OtlpJsonConformanceTest.seedResource(), spans);
        assertThat(sink.toByteArray()).isEqualTo(concat("prefix:".getBytes(StandardCharsets.US_ASCII), expected));
        assertThat(expected[0]).isEqualTo((byte) '{');
        assertThat(expected[expected.length - 1]).isEqualTo((byte) '}');
    }

    @Test
    void writeFailureIsAnUncheckedIoException() {
        List<OtlpSpan> spans = new ArrayList<>();
        for (int i = 0; i < 200; i++) { // more than the generator buffers, so it has to write
            spans.add(span(1, 2, i + 1, 0, "s" + i, new Attributes().put("k", "v".repeat(100)), null, 1, null));
        }
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };

        assertThatThrownBy(() -> encoder.encode(null, spans, broken))
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("disk full");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static JsonArray resourceAttributesJson(JsonObject request) {
        return request.getJsonArray("resourceSpans").getJsonObject(0).getJsonObject("resource")
                .getJsonArray("attributes");
    }

    private static JsonArray spansJson(JsonObject request) {
        return request.getJsonArray("resourceSpans").getJsonObject(0).getJsonArray("scopeSpans").getJsonObject(0)
                .getJsonArray("spans");
    }

    private static JsonObject firstSpanJson(JsonObject request) {
        return spansJson(request).getJsonObject(0);
    }

    private static Span firstSpan(ExportTraceServiceRequest request) {
        return request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    }

    private static double doubleAt(JsonArray attributes, int index) {
        JsonValue value = attributes.getJsonObject(index).getJsonObject("value").get("doubleValue");
        return ((JsonNumber) value).doubleValue();
    }

    private static String stringAt(JsonArray attributes, int index) {
        return ((JsonString) attributes.getJsonObject(index).getJsonObject("value").get("stringValue")).getString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
