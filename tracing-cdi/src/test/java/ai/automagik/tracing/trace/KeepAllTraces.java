package ai.automagik.tracing.trace;

import ai.automagik.tracing.conventions.OtlpSpanMapper;
import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.otlp.EncodableSpan;
import ai.automagik.tracing.otlp.OtlpSpan;
import ai.automagik.tracing.sampling.KeptTraces;
import ai.automagik.tracing.sampling.SamplingProcessor;
import ai.automagik.tracing.sampling.TraceSampler;
import ai.automagik.tracing.spi.Clock;
import ai.automagik.tracing.telemetry.TelemetryProcessor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every trace, as destinations would receive it (the GenAI conventions applied), so a test sees exactly
 * what the tracer produced; builds a tracer with the real processors around it.
 */
final class KeepAllTraces implements ObservabilityState, KeptTraces {

    final List<List<OtlpSpan>> traces = new CopyOnWriteArrayList<>();
    final List<OtlpSpan> late = new CopyOnWriteArrayList<>();
    private final boolean capture;
    private final OtlpSpanMapper mapper = new OtlpSpanMapper(null);

    KeepAllTraces(boolean capture) {
        this.capture = capture;
    }

    /** A tracer keeping every trace here and sending role events to {@code telemetry}. */
    DefaultTracer tracer(TelemetrySink telemetry) {
        return tracer(telemetry, Clock.SYSTEM);
    }

    DefaultTracer tracer(TelemetrySink telemetry, Clock clock) {
        TraceSampler keepAll = new TraceSampler(1.0, 1.0, 86_400_000L, 1_000_000_000, 1_000_000_000, 10_000, false);
        return new DefaultTracer(telemetry, this, CompositeSpanProcessor.of(List.of(new TelemetryProcessor(telemetry),
                new SamplingProcessor(keepAll, 100, List.of(this)))), ContextBridge.NONE, clock, keepAll);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public boolean captureContent() {
        return capture;
    }

    @Override
    public void kept(List<SpanData> trace) {
        traces.add(trace.stream().map(this::mapped).toList());
    }

    @Override
    public void late(SpanData span) {
        late.add(mapped(span));
    }

    /** As a destination encodes it, with an empty attribute list rather than none, for the tests' convenience. */
    private OtlpSpan mapped(SpanData span) {
        EncodableSpan s = mapper.map(span);
        return new OtlpSpan(s.traceIdHigh(), s.traceIdLow(), s.spanId(), s.parentSpanId(), s.name(), s.kind(),
                s.startEpochNanos(), s.endEpochNanos(), s.attributes() == null ? new Attributes() : s.attributes(),
                s.events(), s.statusCode(), s.statusMessage());
    }
}
