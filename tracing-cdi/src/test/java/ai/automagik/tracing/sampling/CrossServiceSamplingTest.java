package ai.automagik.tracing.sampling;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.SpanKind;
import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.testing.LoopbackTracing;
import ai.automagik.tracing.testing.ReceivedSpans;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two runtimes standing for two services of one trace, the context handed over as the JAX-RS filters hand it
 * over (traceparent, tracestate, traceresponse), each exporting to its own loopback collector.
 */
class CrossServiceSamplingTest {

    @TempDir
    Path caller;

    @TempDir
    Path callee;

    private LoopbackTracing a;
    private LoopbackTracing b;

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private TracingManager start(LoopbackTracing service, double rate, String mode) {
        return service.start(Map.of("AUTOMAGIK_SAMPLING_RATE", Double.toString(rate), "AUTOMAGIK_SAMPLING_MODE", mode,
                "AUTOMAGIK_SLOW_THRESHOLD_MS", "60000"));
    }

    @Test
    void ourTracesSayRandomAndTheirSampledFlagIsTheDecisionMadeAtTheStart() {
        a = new LoopbackTracing(caller);
        TracingManager tracing = start(a, 0.0, "local");
        Span first = tracing.tracer().startAgentRun("researcher", "test");
        assertThat(first.context().toTraceparent()).as("the first of its type is kept").endsWith("-03");
        first.end();
        Span second = tracing.tracer().startAgentRun("researcher", "test");
        assertThat(second.context().toTraceparent()).as("rate 0: not kept").endsWith("-02");
        assertThat(second.context().traceState()).isEmpty();
        second.end();
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(a.collector.requests()).hasSize(1);
    }

    @Test
    void aFailingCalleeKeepsItsPartSaysSoAndTheCallerKeepsItsToo() {
        a = new LoopbackTracing(caller);
        b = new LoopbackTracing(callee);
        TracingManager serviceA = start(a, 0.0, "local");
        TracingManager serviceB = start(b, 0.0, "local");
        serviceA.tracer().startAgentRun("coordinator", "test").end(); // the first of its type, kept
        serviceB.tracer().spanBuilder("POST /api/agents/{name}/run").setKind(SpanKind.SERVER)
                .setParent(TraceContext.INVALID).startSpan().end();

        Span coordinator = serviceA.tracer().startAgentRun("coordinator", "test");
        Span call = serviceA.tracer().spanBuilder("POST").setKind(SpanKind.CLIENT).startSpan();
        TraceContext sent = call.context();
        assertThat(sent.toTraceparent()).as("not kept at the start").endsWith("-02");

        // service B: a request continuing that traceparent, whose agent fails
        Span request = serviceB.tracer().spanBuilder("POST /api/agents/{name}/run").setKind(SpanKind.SERVER)
                .setParent(TraceContext.fromHeaders(java.util.List.of(sent.toTraceparent()),
                        java.util.List.of(sent.traceState())).orElseThrow()).startSpan();
        serviceB.tracer().startAgentRun("failing", "test").recordException(new IllegalStateException("down")).end();
        request.setError("HTTP 500");
        assertThat(request.context().isSampled()).isFalse();
        request.end();
        TraceContext traceresponse = request.context();
        assertThat(traceresponse.isSampled()).as("kept at the end: the response says so").isTrue();

        // back in A: the client filter reads the traceresponse
        if (traceresponse.isSampled() && traceresponse.traceId().equals(sent.traceId())) {
            call.keepTrace();
        }
        call.end();
        coordinator.end();
        assertThat(serviceA.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(serviceB.flush(Duration.ofSeconds(10))).isTrue();

        Map<String, JsonObject> inA = ReceivedSpans.byTrace(a.collector, sent.traceId());
        Map<String, JsonObject> inB = ReceivedSpans.byTrace(b.collector, sent.traceId());
        assertThat(inA).containsKeys("invoke_agent coordinator", "POST");
        assertThat(inB).containsKeys("POST /api/agents/{name}/run", "invoke_agent failing");
        assertThat(ReceivedSpans.attribute(inA.get("invoke_agent coordinator"), "automagik.sampling.reason"))
                .isEqualTo("downstream");
        assertThat(ReceivedSpans.attribute(inB.get("invoke_agent failing"), "automagik.sampling.reason"))
                .isEqualTo("error");
        assertThat(ReceivedSpans.attribute(inB.get("invoke_agent failing"), "automagik.sampling.partial"))
                .isEqualTo("true");
        assertThat(serviceA.metrics().sampling()).containsEntry("downstream", 1L);
        assertThat(serviceB.metrics().sampling()).containsEntry("error", 1L);
    }

    @Test
    void aTraceKeptByProbabilityCarriesItsThresholdToTheCalleeWhichKeepsItAsTheCallers() {
        a = new LoopbackTracing(caller);
        b = new LoopbackTracing(callee);
        TracingManager serviceA = start(a, 1.0, "local");
        TracingManager serviceB = start(b, 0.0, "local");
        serviceA.tracer().startAgentRun("coordinator", "test").end();
        Span coordinator = serviceA.tracer().startAgentRun("coordinator", "test");
        TraceContext sent = coordinator.context();
        assertThat(sent.toTraceparent()).endsWith("-03");
        assertThat(sent.traceState()).isEqualTo("ot=th:0");
        Span request = serviceB.tracer().spanBuilder("GET /x").setKind(SpanKind.SERVER).setParent(TraceContext
                .fromHeaders(java.util.List.of(sent.toTraceparent()), java.util.List.of(sent.traceState())).orElseThrow())
                .startSpan();
        assertThat(request.context().traceState()).isEqualTo("ot=th:0");
        request.end();
        coordinator.end();
        assertThat(serviceA.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(serviceB.flush(Duration.ofSeconds(10))).isTrue();
        JsonObject received = ReceivedSpans.byTrace(b.collector, sent.traceId()).get("GET /x");
        assertThat(received.getString("traceState")).isEqualTo("ot=th:0");
        assertThat(serviceB.metrics().sampling()).containsEntry("caller", 1L);
    }

    @Test
    void inCollectorModeEveryTraceIsExportedWithTheLocalVerdict() {
        a = new LoopbackTracing(caller);
        TracingManager tracing = start(a, 0.0, "collector");
        for (int i = 0; i < 5; i++) {
            Span run = tracing.tracer().startAgentRun("researcher", "test");
            assertThat(run.context().isSampled()).as("everything is recorded, so the context says sampled").isTrue();
            tracing.tracer().startToolExecution("search").end();
            run.end();
        }
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        java.util.List<JsonObject> spans = ReceivedSpans.all(a.collector);
        assertThat(spans).hasSize(10);
        assertThat(spans).filteredOn(s -> "true".equals(ReceivedSpans.attribute(s, "automagik.sampling.keep"))).hasSize(2);
        assertThat(spans).filteredOn(s -> "false".equals(ReceivedSpans.attribute(s, "automagik.sampling.keep")))
                .hasSize(8).allSatisfy(s -> assertThat(ReceivedSpans.attribute(s, "automagik.sampling.reason"))
                        .isEqualTo("not_sampled"));
        assertThat(a.telemetry.requests()).isNotEmpty();
    }
}
