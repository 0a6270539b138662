package ai.automagik.tracing.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static ai.automagik.tracing.otlp.OtlpJsonSupport.parseOtlp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protobuf encoding read back by opentelemetry-proto's own classes: the same request as the JSON encoding of the
 * same batch (which its own tests check against the schema field by field), in protobuf's canonical bytes.
 */
class OtlpProtobufConformanceTest {

    private final OtlpProtobufEncoder protobuf = new OtlpProtobufEncoder();
    private final OtlpJsonEncoder json = new OtlpJsonEncoder();

    private void assertSameRequestAsJson(Resource resource, List<OtlpSpan> spans) throws InvalidProtocolBufferException {
        byte[] bytes = protobuf.encode(resource, spans);
        ExportTraceServiceRequest decoded = ExportTraceServiceRequest.parseFrom(bytes);
        assertThat(decoded).isEqualTo(parseOtlp(json.encode(resource, spans)));
        assertThat(bytes).as("protobuf's canonical encoding of the request").isEqualTo(decoded.toByteArray());
    }

    @Test
    void randomBatchesDecodeToTheSameRequestAsTheirJson() throws InvalidProtocolBufferException {
        Random random = new Random(20261203L);
        for (int round = 0; round < 200; round++) {
            List<OtlpSpan> spans = new ArrayList<>();
            for (int i = random.nextInt(20); i > 0; i--) {
                spans.add(withoutNegativeZero(OtlpJsonConformanceTest.randomSpan(random)));
            }
            Resource resource = new Resource(withoutNegativeZero(OtlpJsonConformanceTest.randomAttributes(random, 6)),
                    OtlpJsonConformanceTest.randomString(random), OtlpJsonConformanceTest.randomString(random));
            assertSameRequestAsJson(resource, spans);
        }
    }

    @Test
    void negativeZeroKeepsItsSign() throws InvalidProtocolBufferException {
        OtlpSpan span = new OtlpSpan(1, 2, 3, 0, "s", OtlpSpan.KIND_INTERNAL, 1, 2,
                new Attributes().put("delta", -0.0), List.of(), OtlpSpan.STATUS_UNSET, null);
        double decoded = ExportTraceServiceRequest.parseFrom(protobuf.encode(null, List.of(span))).getResourceSpans(0)
                .getScopeSpans(0).getSpans(0).getAttributes(0).getValue().getDoubleValue();
        // protobuf-java-util's JSON parser reads "-0.0" as 0.0, so the JSON comparison above leaves this case out
        assertThat(Double.doubleToRawLongBits(decoded)).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    /** {@code -0.0} as {@code 0.0}: the JSON reader the comparison uses loses the sign. */
    private static OtlpSpan withoutNegativeZero(OtlpSpan span) {
        List<SpanEvent> events = span.events() == null ? null : span.events().stream()
                .map(e -> new SpanEvent(e.name(), e.epochNanos(), withoutNegativeZero(e.attributes()))).toList();
        return new OtlpSpan(span.traceIdHigh(), span.traceIdLow(), span.spanId(), span.parentSpanId(), span.name(),
                span.kind(), span.startEpochNanos(), span.endEpochNanos(), withoutNegativeZero(span.attributes()), events,
                span.statusCode(), span.statusMessage());
    }

    private static Attributes withoutNegativeZero(Attributes attributes) {
        if (attributes == null) {
            return null;
        }
        Attributes copy = attributes.copy();
        for (int i = 0; i < copy.size(); i++) {
            if (copy.value(i) instanceof Double d && Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0)) {
                copy.put(copy.key(i), 0.0);
            }
        }
        return copy;
    }

    @Test
    void arraysLongTextAndManySpansKeepTheirLengthsRight() throws InvalidProtocolBufferException {
        String longText = "x".repeat(20_000) + "日本";
        List<OtlpSpan> spans = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            spans.add(new OtlpSpan(0x4bf92f3577b34da6L, i + 1, i + 1, i, "chat gpt-4o " + i, OtlpSpan.KIND_CLIENT,
                    200L, 500L, new Attributes()
                            .put("gen_ai.response.finish_reasons", List.of("stop", "length"))
                            .put("empty", List.of())
                            .put("mixed", Arrays.asList("a", null, 7L, 1.5, true, List.of("nested")))
                            .put("gen_ai.input.messages", i % 100 == 0 ? longText : "short")
                            .put("negative", -1L),
                    List.of(new SpanEvent("exception", 300L, new Attributes().put("exception.message", longText))),
                    OtlpSpan.STATUS_ERROR, i % 2 == 0 ? "failed" : null));
        }
        assertSameRequestAsJson(OtlpJsonConformanceTest.seedResource(), spans);
        assertSameRequestAsJson(null, List.of());
        assertSameRequestAsJson(OtlpJsonConformanceTest.seedResource(), null);
    }

    @Test
    void theReusedBufferGivesTheSameBytesAsAFreshOne() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<OtlpSpan> spans = new ArrayList<>();
            for (int i = random.nextInt(50); i > 0; i--) {
                spans.add(OtlpJsonConformanceTest.randomSpan(random));
            }
            byte[] fresh = protobuf.encode(OtlpJsonConformanceTest.seedResource(), spans);
            byte[] reused = protobuf.encode(OtlpJsonConformanceTest.seedResource(), spans,
                    (bytes, length) -> Arrays.copyOf(bytes, length));
            assertThat(reused).isEqualTo(fresh);
        }
    }

    @Test
    void aProtobufAnswerSaysHowManySpansTheCollectorRejected() {
        byte[] partial = ExportTraceServiceResponse.newBuilder().setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                .setRejectedSpans(3).setErrorMessage("attribute too long")).build().toByteArray();
        assertThat(OtlpProtocol.HTTP_PROTOBUF.partialSuccess(partial)).isEqualTo(new PartialSuccess(3, "attribute too long"));
        assertThat(OtlpProtocol.HTTP_PROTOBUF.partialSuccess(new byte[0])).isEqualTo(PartialSuccess.NONE);
        assertThat(OtlpProtocol.HTTP_PROTOBUF.partialSuccess(ExportTraceServiceResponse.getDefaultInstance()
                .toByteArray())).isEqualTo(PartialSuccess.NONE);
        assertThat(OtlpProtocol.HTTP_PROTOBUF.partialSuccess(new byte[] {10, 50, 8})).as("truncated")
                .isEqualTo(PartialSuccess.NONE);
        assertThat(OtlpProtocol.HTTP_PROTOBUF.partialSuccess("{\"partialSuccess\":{}}".getBytes()))
                .as("not protobuf").isEqualTo(PartialSuccess.NONE);
    }

    @Test
    void theProtocolIsNamedAsOpenTelemetryNamesIt() {
        assertThat(OtlpProtocol.fromSetting(" HTTP/Protobuf ")).contains(OtlpProtocol.HTTP_PROTOBUF);
        assertThat(OtlpProtocol.fromSetting("http/json")).contains(OtlpProtocol.HTTP_JSON);
        assertThat(OtlpProtocol.fromSetting("grpc")).isEmpty();
        assertThat(OtlpProtocol.HTTP_PROTOBUF.contentType()).isEqualTo("application/x-protobuf");
    }
}
