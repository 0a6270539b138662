package ai.automagik.tracing.trace;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Scope;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.otlp.OtlpSpan;
import ai.automagik.tracing.spi.Clock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultTracerTest {

    static final class Events implements TelemetrySink {
        final List<TelemetryEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public void record(TelemetryEvent event, long start, long end) {
            assertThat(end).isGreaterThanOrEqualTo(start);
            events.add(event);
        }
    }

    private final KeepAllTraces traces = new KeepAllTraces(true);
    private final Events telemetry = new Events();
    private final DefaultTracer tracer = traces.tracer(telemetry);

    @Test
    void nestedSpansFormOneTraceWithRealParentIds() {
        String traceId;
        try (Span agent = tracer.startAgentRun("researcher", "automagik")) {
            traceId = agent.context().traceId();
            try (LlmSpan llm = tracer.startLlmCall("openai", "gpt-4o-mini")) {
                llm.usage(12, 34).responseModel("gpt-4o-mini-2024").finishReason("stop");
            }
            try (Span tool = tracer.startToolExecution("web_search")) {
                assertThat(tracer.currentContext()).isEqualTo(tool.context());
            }
            assertThat(tracer.currentContext()).isEqualTo(agent.context());
        }
        assertThat(tracer.currentContext().isValid()).isFalse();
        assertThat(traces.traces).hasSize(1);
        List<OtlpSpan> spans = traces.traces.get(0);
        OtlpSpan root = spans.get(spans.size() - 1);
        assertThat(root.name()).isEqualTo("invoke_agent researcher");
        assertThat(root.parentSpanId()).isZero();
        assertThat(spans).extracting(OtlpSpan::name)
                .containsExactly("chat gpt-4o-mini", "execute_tool web_search", "invoke_agent researcher");
        assertThat(spans).allSatisfy(s -> {
            assertThat(TraceContext.of(s.traceIdHigh(), s.traceIdLow(), s.spanId(), true).traceId()).isEqualTo(traceId);
        });
        assertThat(spans.subList(0, 2)).allSatisfy(s -> assertThat(s.parentSpanId()).isEqualTo(root.spanId()));
        OtlpSpan llm = spans.get(0);
        assertThat(llm.attributes().get("gen_ai.usage.input_tokens")).isEqualTo(12L);
        assertThat(llm.attributes().get("gen_ai.response.model")).isEqualTo("gpt-4o-mini-2024");
        assertThat(llm.attributes().get("gen_ai.operation.name")).isEqualTo("chat");
        assertThat(llm.kind()).isEqualTo(OtlpSpan.KIND_CLIENT);
        assertThat(telemetry.events).extracting(TelemetryEvent::type)
                .containsExactly(TelemetryEvent.LLM_CALL, TelemetryEvent.TOOL_EXECUTED, TelemetryEvent.AGENT_RUN);
        assertThat(telemetry.events.get(2).attributes()).containsEntry("event.agent_name", "researcher")
                .containsEntry("event.success", true);
    }

    @Test
    void anExceptionMarksTheSpanAndEmitsAnAgentError() {
        try (Span agent = tracer.startAgentRun("failing", "automagik")) {
            agent.recordException(new IllegalStateException("tool broke"));
        }
        OtlpSpan root = traces.traces.get(0).get(0);
        assertThat(root.statusCode()).isEqualTo(OtlpSpan.STATUS_ERROR);
        assertThat(root.events()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("exception");
            assertThat(e.attributes().get("exception.type")).isEqualTo(IllegalStateException.class.getName());
        });
        assertThat(telemetry.events).extracting(TelemetryEvent::type)
                .containsExactly(TelemetryEvent.AGENT_RUN, TelemetryEvent.AGENT_ERROR);
        assertThat(telemetry.events.get(0).attributes()).containsEntry("event.success", false);
        assertThat(telemetry.events.get(1).attributes()).containsEntry("event.error_type", "IllegalStateException");
    }

    @Test
    void contextIsHandedToAnotherThreadExplicitly() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Span agent = tracer.startAgentRun("async", "automagik")) {
            pool.submit(tracer.wrap(() -> {
                try (Span tool = tracer.startToolExecution("calculator")) {
                    tool.setAttribute("n", 1L);
                }
            })).get(5, TimeUnit.SECONDS);
            pool.submit(() -> {
                try (Span orphan = tracer.startSpan("unrelated")) {
                    assertThat(orphan.context().traceId()).isNotEqualTo(agent.context().traceId());
                }
            }).get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<OtlpSpan> trace = traces.traces.stream().filter(t -> t.size() == 2).findFirst().orElseThrow();
        assertThat(trace.get(0).parentSpanId()).isEqualTo(trace.get(1).spanId());
    }

    @Test
    void continuesARemoteParentFromTraceparent() {
        TraceContext remote = TraceContext.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .orElseThrow();
        try (Scope scope = tracer.withContext(remote); Span span = tracer.startSpan("GET /api/agents")) {
            assertThat(span.context().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        }
        OtlpSpan span = traces.traces.get(0).get(0);
        assertThat(TraceContext.hex(span.parentSpanId())).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void contentIsCappedAndOnlyCapturedWhenAllowed() {
        try (Span tool = tracer.startToolExecution("web_search")) {
            tool.setInput("x".repeat(5000)).setOutput("y".repeat(5000));
        }
        OtlpSpan span = traces.traces.get(0).get(0);
        assertThat((String) span.attributes().get("gen_ai.tool.call.arguments")).hasSizeLessThan(1100);
        assertThat((String) span.attributes().get("gen_ai.tool.call.result")).hasSizeLessThan(2100);

        KeepAllTraces noContent = new KeepAllTraces(false);
        DefaultTracer quiet = noContent.tracer(TelemetrySink.OFF);
        try (LlmSpan llm = quiet.startLlmCall("openai", "gpt")) {
            llm.setInput("secret prompt").inputMessage("user", "secret prompt");
        }
        assertThat(noContent.traces.get(0).get(0).attributes().get("gen_ai.tool.call.arguments")).isNull();
        assertThat(noContent.traces.get(0).get(0).attributes().get("gen_ai.input.messages")).isNull();
    }

    @Test
    void withBothLayersOffSpansAreNoOps() {
        DefaultTracer off = new DefaultTracer(TelemetrySink.OFF, ObservabilityState.OFF, SpanProcessor.NONE,
                ContextBridge.NONE, Clock.SYSTEM);
        Span span = off.startAgentRun("a", "b");
        assertThat(span).isSameAs(off.startSpan("x")).isSameAs(NoopSpan.INSTANCE);
        assertThat(span.context().isValid()).isFalse();
        span.setAttribute("k", "v").recordException(new RuntimeException()).end();
    }

    @Test
    void endingTwiceOrAfterwardsSettingAttributesIsHarmless() {
        Span span = tracer.startToolExecution("calculator");
        span.end();
        span.setAttribute("late", "value").end();
        assertThat(traces.traces).hasSize(1);
        assertThat(telemetry.events).hasSize(1);
        assertThat(traces.traces.get(0).get(0).attributes().get("late")).isNull();
    }
}
