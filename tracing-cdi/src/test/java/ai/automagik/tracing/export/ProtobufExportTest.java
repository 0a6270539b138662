package ai.automagik.tracing.export;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.diagnostics.TracingDiagnostics;
import ai.automagik.tracing.testing.LoopbackReceiver;
import ai.automagik.tracing.testing.LoopbackTracing;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code AUTOMAGIK_OTLP_PROTOCOL=http/protobuf}: full traces leave as OTLP/HTTP protobuf (gzip-compressed above
 * 1 KiB, as JSON does), the collector's protobuf answer is read, and telemetry stays the JSON the specification fixes.
 */
class ProtobufExportTest {

    @RegisterExtension
    final LoopbackTracing loopback = LoopbackTracing.perTest();

    @Test
    void tracesLeaveAsProtobufAndTelemetryStaysJson() throws Exception {
        loopback.collector.setBehaviour(LoopbackReceiver.Behaviour.protobufOk());
        TracingManager tracing = loopback.start(Map.of("AUTOMAGIK_OTLP_PROTOCOL", "http/protobuf"));
        try (Span agent = tracing.tracer().startAgentRun("librarian", "test")) {
            for (int i = 0; i < 20; i++) {
                try (Span step = tracing.tracer().startSpan("step " + i)) {
                    step.setAttribute("note", "x".repeat(100));
                }
            }
        }
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();

        List<LoopbackReceiver.Request> requests = loopback.collector.requests();
        assertThat(requests).isNotEmpty().allSatisfy(request ->
                assertThat(request.headers()).containsEntry("content-type", "application/x-protobuf"));
        assertThat(requests).anySatisfy(request -> assertThat(request.headers()).containsEntry("content-encoding", "gzip"));
        long spans = 0;
        for (LoopbackReceiver.Request request : requests) {
            for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(request.body()).getResourceSpansList()) {
                assertThat(resource.getResource().getAttributesList())
                        .anySatisfy(a -> assertThat(a.getKey()).isEqualTo("service.name"));
                spans += resource.getScopeSpans(0).getSpansCount();
            }
        }
        assertThat(spans).isEqualTo(21);
        assertThat(loopback.telemetry.requests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.headers()).containsEntry("content-type", "application/json");
            assertThat(request.bodyText()).startsWith("{\"resourceSpans\"");
        });
        assertThat(((TracingDiagnostics) tracing).recentPayloads()).anySatisfy(payload -> {
            assertThat(payload.contentType()).isEqualTo("application/x-protobuf");
            assertThat(payload.text()).startsWith("(OTLP protobuf, ");
        });
    }

    @Test
    void aProtobufPartialSuccessCountsTheRejectedSpansAsFailed() {
        loopback.collector.setBehaviour(LoopbackReceiver.Behaviour.protobufPartialSuccess(2, "two spans rejected"));
        TracingManager tracing = loopback.start(Map.of("AUTOMAGIK_OTLP_PROTOCOL", "http/protobuf",
                "AUTOMAGIK_TRACE_BATCH_SIZE", "5"));
        for (int i = 0; i < 5; i++) {
            tracing.tracer().startSpan("step " + i).end();
        }
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(tracing.metrics().providers()).filteredOn(provider -> provider.name().equals("otlp")).singleElement()
                .satisfies(otlp -> assertThat(otlp.pipeline().failedByReason()).containsEntry("rejected by collector", 2L));
    }
}
