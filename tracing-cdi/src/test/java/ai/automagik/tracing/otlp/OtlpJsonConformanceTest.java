package ai.automagik.tracing.otlp;

import static ai.automagik.tracing.otlp.OtlpJsonSupport.assertAttributesMatch;
import static ai.automagik.tracing.otlp.OtlpJsonSupport.assertSpanMatches;
import static ai.automagik.tracing.otlp.OtlpJsonSupport.parseJson;
import static ai.automagik.tracing.otlp.OtlpJsonSupport.parseOtlp;
import static ai.automagik.tracing.otlp.OtlpJsonSupport.parseProto;
import static ai.automagik.tracing.otlp.OtlpJsonSupport.toProtobufJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The encoder's output read back through the official OTLP protobuf schema, field by field. */
class OtlpJsonConformanceTest {

    private static final String SPECIAL = "ção日本\"\\/\u2028\u007f";

    private final OtlpJsonEncoder encoder = new OtlpJsonEncoder();

    @Test
    void telemetryEventReadsBackThroughTheProtobufSchema() {
        Resource resource = seedResource();
        OtlpSpan event = new OtlpSpan(0x0123456789abcdefL, 0xfedcba9876543210L, 0x1122334455667788L, 0,
                "agent.run", OtlpSpan.KIND_INTERNAL, 1_718_000_000_000_000_000L, 1_718_000_001_234_500_000L,
                new Attributes()
                        .put("system.os", "Linux")
                        .put("system.java_version", "17.0.11")
                        .put("system.is_container", false)
                        .put("event.agent_name", "simple")
                        .put("event.success", true)
                        .put("event.duration_ms", 1234.5)
                        .put("event.input_tokens", 42L),
                List.of(), OtlpSpan.STATUS_OK, null);

        ExportTraceServiceRequest request = parseOtlp(encoder.encode(resource, List.of(event)));

        assertThat(request.getResourceSpansCount()).isEqualTo(1);
        ResourceSpans resourceSpans = request.getResourceSpans(0);
        assertAttributesMatch(resource.attributes(), resourceSpans.getResource().getAttributesList(), "resource");
        assertThat(resourceSpans.getScopeSpansCount()).isEqualTo(1);
        ScopeSpans scopeSpans = resourceSpans.getScopeSpans(0);
        assertThat(scopeSpans.getScope().getName()).isEqualTo("ai.automagik.tracing");
        assertThat(scopeSpans.getScope().getVersion()).isEqualTo("0.1.0");
        assertThat(scopeSpans.getSpansCount()).isEqualTo(1);
        assertSpanMatches(event, scopeSpans.getSpans(0));
    }

    @Test
    void traceWithParentsEventsAndErrorStatusReadsBack() {
        long high = 0x4bf92f3577b34da6L;
        long low = 0xa3ce929d0e0e4736L;
        OtlpSpan agent = new OtlpSpan(high, low, 0x00f067aa0ba902b7L, 0, "invoke_agent simple",
                OtlpSpan.KIND_INTERNAL, 100L, 900L,
                new Attributes().put("gen_ai.operation.name", "invoke_agent").put("langwatch.span.type", "agent"),
                null, OtlpSpan.STATUS_ERROR, "tool failed");
        OtlpSpan chat = new OtlpSpan(high, low, 0x1000000000000001L, 0x00f067aa0ba902b7L, "chat gpt-4o",
                OtlpSpan.KIND_CLIENT, 200L, 500L,
                new Attributes().put("gen_ai.usage.input_tokens", 12L).put("gen_ai.usage.output_tokens", 34L),
                List.of(), OtlpSpan.STATUS_UNSET, "");
        OtlpSpan tool = new OtlpSpan(high, low, 0x8000000000000000L, 0x00f067aa0ba902b7L, "execute_tool search",
                OtlpSpan.KIND_INTERNAL, 600L, 800L, new Attributes().put("gen_ai.tool.name", "search"),
                List.of(new SpanEvent("exception", 750L, new Attributes()
                                .put("exception.type", "java.io.IOException")
                                .put("exception.message", "connection reset")
                                .put("exception.escaped", true)),
                        new SpanEvent("retry", 760L, new Attributes())),
                OtlpSpan.STATUS_ERROR, "connection reset");
        List<OtlpSpan> spans = List.of(agent, chat, tool);

        ExportTraceServiceRequest request = parseOtlp(encoder.encode(seedResource(), spans));

        List<io.opentelemetry.proto.trace.v1.Span> out = request.getResourceSpans(0).getScopeSpans(0).getSpansList();
        assertThat(out).hasSize(3);
        for (int i = 0; i < spans.size(); i++) {
            assertSpanMatches(spans.get(i), out.get(i));
        }
        assertThat(out.get(2).getStatus().getCode())
                .isEqualTo(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR);
        assertThat(out.get(1).getKind())
                .isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT);
    }

    @Test
    void randomSpansReadBackFieldByField() {
        Random random = new Random(20240611L);
        for (int round = 0; round < 25; round++) {
            List<OtlpSpan> spans = new ArrayList<>();
            int count = random.nextInt(20);
            for (int i = 0; i < count; i++) {
                spans.add(randomSpan(random));
            }
            Resource resource = new Resource(randomAttributes(random, 6), randomString(random), randomString(random));

            ExportTraceServiceRequest request = parseOtlp(encoder.encode(resource, spans));

            ResourceSpans resourceSpans = request.getResourceSpans(0);
            assertAttributesMatch(resource.attributes(), resourceSpans.getResource().getAttributesList(), "resource");
            ScopeSpans scopeSpans = resourceSpans.getScopeSpans(0);
            assertThat(scopeSpans.getScope().getName()).isEqualTo(OtlpJsonSupport.expectedText(resource.scopeName()));
            assertThat(scopeSpans.getSpansCount()).isEqualTo(spans.size());
            for (int i = 0; i < spans.size(); i++) {
                assertSpanMatches(spans.get(i), scopeSpans.getSpans(i));
            }
        }
    }

    @Test
    void schemaParserRejectsMisspeltFields() throws InvalidProtocolBufferException {
        JsonObject json = parseJson(encoder.encode(seedResource(), List.of(OtlpJsonSupport.span(1, 2, 3, 0, "x",
                new Attributes().put("k", 1L), null, OtlpSpan.STATUS_OK, null))));
        String good = toProtobufJson(json).toString();
        parseProto(good); // accepted as is

        // the strict parser is what makes the field-name checks above meaningful
        for (String[] typo : new String[][] {
                {"\"startTimeUnixNano\"", "\"startTimeUnixNanos\""},
                {"\"intValue\"", "\"integerValue\""},
                {"\"scopeSpans\"", "\"scopeSpan\""}}) {
            String bad = good.replace(typo[0], typo[1]);
            assertThat(bad).isNotEqualTo(good);
            assertThatThrownBy(() -> parseProto(bad)).isInstanceOf(InvalidProtocolBufferException.class);
        }
    }

    @Test
    void wireRuleChecksCatchBase64IdsAndStringEnums() {
        String good = new String(encoder.encode(seedResource(), List.of(OtlpJsonSupport.span(-1L, -1L, -1L, 5L, "x",
                new Attributes(), null, OtlpSpan.STATUS_ERROR, "boom"))), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(good).contains("\"kind\":1", "\"code\":2", "\"traceId\":\"ffffffffffffffffffffffffffffffff\"");

        // the checks in parseOtlp must be able to fail
        for (String bad : List.of(
                good.replace("\"kind\":1", "\"kind\":\"SPAN_KIND_INTERNAL\""),
                good.replace("\"code\":2", "\"code\":\"2\""),
                good.replace("\"ffffffffffffffffffffffffffffffff\"", "\"/////////////////////w==\""),
                good.replace("\"startTimeUnixNano\":\"", "\"start_time_unix_nano\":\""))) {
            assertThat(bad).isNotEqualTo(good);
            try (JsonReader reader = Json.createReader(new StringReader(bad))) {
                JsonObject json = reader.readObject();
                assertThatThrownBy(() -> OtlpJsonSupport.assertWireRules(json, "$")).isInstanceOf(AssertionError.class);
            }
        }
        try (JsonReader reader = Json.createReader(new StringReader(
                good.replace("\"startTimeUnixNano\":\"1700000000000000000\"", "\"startTimeUnixNano\":1700000000000000000")))) {
            JsonObject json = reader.readObject();
            assertThatThrownBy(() -> OtlpJsonSupport.assertWireRules(json, "$")).isInstanceOf(AssertionError.class);
        }
    }

    static Resource seedResource() {
        return new Resource(new Attributes()
                .put("service.name", "automagik-agents")
                .put("service.version", "1.0.0")
                .put("service.organization", "namastex")
                .put("user.id", "anonymous-hash-id")
                .put("session.id", "session-uuid")
                .put("telemetry.sdk.name", "automagik-tracing")
                .put("telemetry.sdk.version", "0.1.0"),
                "ai.automagik.tracing", "0.1.0");
    }

    static OtlpSpan randomSpan(Random random) {
        List<SpanEvent> events = null;
        if (random.nextBoolean()) {
            events = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                events.add(new SpanEvent(randomString(random), random.nextLong(), randomAttributes(random, 4)));
            }
        }
        Attributes attributes = randomAttributes(random, random.nextInt(3) == 0 ? 0 : 30);
        String message = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> "";
            default -> randomString(random);
        };
        return new OtlpSpan(random.nextLong(), random.nextLong(), random.nextLong() | 1,
                random.nextBoolean() ? 0 : random.nextLong(), randomString(random), random.nextInt(6),
                random.nextLong(), random.nextLong(), attributes, events, random.nextInt(3), message);
    }

    static Attributes randomAttributes(Random random, int max) {
        Attributes attributes = new Attributes(max == 0 ? 0 : random.nextInt(max + 1));
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            Object value = switch (random.nextInt(8)) {
                case 0 -> randomString(random);
                case 1 -> random.nextBoolean();
                case 2 -> random.nextLong();
                case 3 -> random.nextInt();
                case 4 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
                case 5 -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
                        Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE}[random.nextInt(7)];
                case 6 -> random.nextFloat() * 1000f;
                default -> new StringBuilder(randomString(random)); // not a supported type: toString()
            };
            attributes.put(randomString(random), value);
        }
        return attributes;
    }

    /** Mostly ASCII, with control characters, non-Latin text, emoji and unpaired surrogates mixed in. */
    static String randomString(Random random) {
        int length = random.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(10)) {
                case 0 -> sb.append((char) random.nextInt(0x20));
                case 1 -> sb.append((char) (0xD800 + random.nextInt(0x800))); // lone (or accidentally paired)
                case 2 -> sb.appendCodePoint(0x1F600 + random.nextInt(0x50));
                case 3 -> sb.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
                default -> sb.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return sb.toString();
    }

    @Test
    void arrayAttributesReadBackAsArrayValues() {
        OtlpSpan chat = new OtlpSpan(0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L, 0x1000000000000001L, 0, "chat gpt-4o",
                OtlpSpan.KIND_CLIENT, 200L, 500L,
                new Attributes().put("gen_ai.response.finish_reasons", List.of("stop", "length"))
                        .put("empty", List.of())
                        .put("mixed", java.util.Arrays.asList("a" + SPECIAL, null, 7L, 1.5, true, List.of("nested"))),
                List.of(), OtlpSpan.STATUS_UNSET, null);
        String json = new String(encoder.encode(seedResource(), List.of(chat)), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("{\"key\":\"gen_ai.response.finish_reasons\",\"value\":{\"arrayValue\":{\"values\":"
                + "[{\"stringValue\":\"stop\"},{\"stringValue\":\"length\"}]}}}");
        ExportTraceServiceRequest request = parseOtlp(encoder.encode(seedResource(), List.of(chat)));
        assertSpanMatches(chat, request.getResourceSpans(0).getScopeSpans(0).getSpans(0));
    }

}
