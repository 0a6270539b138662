package ai.automagik.tracing.otel;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.testing.LoopbackReceiver;
import ai.automagik.tracing.testing.ReceivedSpans;
import ai.automagik.tracing.trace.DefaultTracer;
import ai.automagik.tracing.runtime.DefaultTracingManager;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Our spans and an OpenTelemetry SDK's on the same thread form one trace, in both directions. */
class OpenTelemetryBridgeTest {

    @TempDir
    Path home;

    private final LoopbackReceiver telemetry = LoopbackReceiver.start();
    private final LoopbackReceiver collector = LoopbackReceiver.start();
    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider sdk = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported))
            .build();
    private final Tracer otel = sdk.get("test-instrumentation");
    private TracingManager tracing;

    @AfterEach
    void stop() {
        if (tracing != null) {
            tracing.shutdown();
        }
        sdk.shutdown();
        telemetry.close();
        collector.close();
    }

    private DefaultTracer start(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                "AUTOMAGIK_TELEMETRY_ENDPOINT", telemetry.uri("/v1/traces").toString(),
                "AUTOMAGIK_HOME", home.toString(),
                "AUTOMAGIK_ENABLE_TRACING_IN_CI", "true",
                "AUTOMAGIK_SAMPLING_RATE", "1.0",
                "AUTOMAGIK_SAMPLING_MAX_PER_SECOND", "1000",
                "AUTOMAGIK_TRACE_BATCH_TIMEOUT_MS", "20",
                "otel.sdk.disabled", "false"));
        config.putAll(extra);
        tracing = TracingManager.builder().settings(config).build();
        return (DefaultTracer) tracing.tracer();
    }

    /** A request's server span as the JAX-RS filter starts it: kind SERVER, no parent header. */
    private static Span server(DefaultTracer tracer, String name) {
        return tracer.spanBuilder(name).setKind(ai.automagik.tracing.SpanKind.SERVER).setParent(TraceContext.INVALID).startSpan();
    }

    private DefaultTracer startObserved() {
        return start(Map.of("AUTOMAGIK_OTLP_ENDPOINT", collector.uri("/v1/traces").toString()));
    }

    @Test
    void ourSpansContinueTheActiveOpenTelemetrySpanAndItsSpansBecomeOurChildren() {
        DefaultTracer tracer = startObserved();
        io.opentelemetry.api.trace.Span server = otel.spanBuilder("POST /api/agents/{name}/run").setSpanKind(SpanKind.SERVER)
                .startSpan();
        try (Scope inRequest = server.makeCurrent()) {
            assertThat(tracer.externallyTraced()).isTrue();
            Span serverSpan = server(tracer, "POST /api/agents/{name}/run");
            assertThat(serverSpan.context().isValid()).as("no second server span").isFalse();
            try (Span run = tracer.startAgentRun("researcher", "test")) {
                io.opentelemetry.api.trace.Span http = otel.spanBuilder("GET search.example").setSpanKind(SpanKind.CLIENT)
                        .startSpan();
                http.end();
                try (LlmSpan chat = tracer.startLlmCall("openai", "gpt-4o-mini")) {
                    chat.usage(1, 1);
                }
                assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId())
                        .isEqualTo(run.context().spanId());
            }
            assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId())
                    .as("the request's span is current again").isEqualTo(server.getSpanContext().getSpanId());
            serverSpan.end();
        } finally {
            server.end();
        }
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();

        Map<String, JsonObject> ours = ReceivedSpans.byName(collector);
        assertThat(ours).containsOnlyKeys("invoke_agent researcher", "chat gpt-4o-mini");
        JsonObject run = ours.get("invoke_agent researcher");
        assertThat(run.getString("traceId")).isEqualTo(server.getSpanContext().getTraceId());
        assertThat(run.getString("parentSpanId")).isEqualTo(server.getSpanContext().getSpanId());
        assertThat(ours.get("chat gpt-4o-mini").getString("parentSpanId")).isEqualTo(run.getString("spanId"));

        Map<String, SpanData> theirs = new LinkedHashMap<>();
        exported.getFinishedSpanItems().forEach(s -> theirs.put(s.getName(), s));
        SpanData http = theirs.get("GET search.example");
        assertThat(http.getTraceId()).isEqualTo(server.getSpanContext().getTraceId());
        assertThat(http.getParentSpanId()).as("an OpenTelemetry span inside ours is our child").isEqualTo(run.getString("spanId"));
    }

    @Test
    void aTaskWrappedForAnotherThreadCarriesBothContexts() throws Exception {
        DefaultTracer tracer = startObserved();
        String[] parent = new String[1];
        try (Span run = tracer.startAgentRun("async", "test")) {
            Runnable task = tracer.wrap(() -> {
                io.opentelemetry.api.trace.Span inside = otel.spanBuilder("worker").startSpan();
                parent[0] = ((io.opentelemetry.sdk.trace.ReadableSpan) inside).getParentSpanContext().getSpanId();
                inside.end();
            });
            Thread worker = new Thread(task);
            worker.start();
            worker.join();
            assertThat(parent[0]).isEqualTo(run.context().spanId());
        }
    }

    @Test
    void aServerSpanEndedOnAnotherThreadLeavesNothingOnTheRequestThread() throws Exception {
        DefaultTracer tracer = startObserved();
        Span request = server(tracer, "GET /api/demo/async");
        Span run = tracer.startAgentRun("async", "test").detach();
        Thread completing = new Thread(() -> {
            run.end();
            request.end();
        });
        completing.start();
        completing.join();
        assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid())
                .as("no context of ours stays behind for the thread's next request").isFalse();
        assertThat(tracer.externallyTraced()).isFalse();
        try (Span next = server(tracer, "GET /next")) {
            assertThat(next.context().isValid()).isTrue();
        }
    }

    @Test
    void withoutObservabilityOurSpansAreNotMadeOpenTelemetrysParents() {
        DefaultTracer tracer = start(Map.of());
        io.opentelemetry.api.trace.Span server = otel.spanBuilder("request").startSpan();
        try (Scope inRequest = server.makeCurrent(); Span run = tracer.startAgentRun("researcher", "test")) {
            assertThat(run.context().traceId()).as("telemetry spans still share the request's trace id")
                    .isEqualTo(server.getSpanContext().getTraceId());
            io.opentelemetry.api.trace.Span inside = otel.spanBuilder("inside").startSpan();
            assertThat(((io.opentelemetry.sdk.trace.ReadableSpan) inside).getParentSpanContext().getSpanId())
                    .as("our span is exported nowhere, so it must not be anyone's parent")
                    .isEqualTo(server.getSpanContext().getSpanId());
            inside.end();
        } finally {
            server.end();
        }
    }

    @Test
    void theBridgeCanBeSwitchedOff() {
        DefaultTracer tracer = start(Map.of("AUTOMAGIK_OTLP_ENDPOINT", collector.uri("/v1/traces").toString(),
                "AUTOMAGIK_OTEL_BRIDGE", "false"));
        io.opentelemetry.api.trace.Span server = otel.spanBuilder("request").startSpan();
        try (Scope inRequest = server.makeCurrent(); Span run = tracer.startAgentRun("researcher", "test")) {
            assertThat(tracer.externallyTraced()).isFalse();
            assertThat(run.context().traceId()).isNotEqualTo(server.getSpanContext().getTraceId());
            assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId())
                    .isEqualTo(server.getSpanContext().getSpanId());
        } finally {
            server.end();
        }
    }

    @Test
    void byDefaultTheBridgeWaitsForMicroProfileTelemetrysSdkToBeOn() {
        // a server may keep OpenTelemetry spans of its own that go nowhere (Payara's request tracing)
        for (String sdkDisabled : new String[] {"true", ""}) {
            Map<String, String> extra = new HashMap<>(Map.of("AUTOMAGIK_OTLP_ENDPOINT", collector.uri("/v1/traces").toString()));
            extra.put("otel.sdk.disabled", sdkDisabled);
            DefaultTracer tracer = start(extra);
            io.opentelemetry.api.trace.Span server = otel.spanBuilder("request").startSpan();
            try (Scope inRequest = server.makeCurrent(); Span request = server(tracer, "GET /x")) {
                assertThat(request.context().isValid()).as("our own server span, otel.sdk.disabled=" + sdkDisabled).isTrue();
                assertThat(request.context().traceId()).isNotEqualTo(server.getSpanContext().getTraceId());
            } finally {
                server.end();
                tracing.shutdown();
                tracing = null;
            }
        }
        DefaultTracer forced = start(Map.of("AUTOMAGIK_OTLP_ENDPOINT", collector.uri("/v1/traces").toString(),
                "otel.sdk.disabled", "true", "AUTOMAGIK_OTEL_BRIDGE", "true"));
        io.opentelemetry.api.trace.Span server = otel.spanBuilder("request").startSpan();
        try (Scope inRequest = server.makeCurrent()) {
            assertThat(forced.externallyTraced()).as("true: whatever MicroProfile Telemetry says").isTrue();
        } finally {
            server.end();
        }
    }

    @Test
    void withNoOpenTelemetrySpanActiveNothingChanges() {
        DefaultTracer tracer = startObserved();
        assertThat(tracer.externallyTraced()).isFalse();
        try (Span request = server(tracer, "GET /x")) {
            assertThat(request.context().isValid()).as("our own server span").isTrue();
            try (Span run = tracer.startAgentRun("researcher", "test")) {
                assertThat(run.context().traceId()).isEqualTo(request.context().traceId());
            }
        }
        assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid()).isFalse();
    }

}
